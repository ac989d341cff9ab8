// The reader's search box: the notes search's terms (notes/search-terms.ts), so the same Arabic
// rules hold — diacritics, tatweel, letter variants, case, and proclitics on the title's words
// (لافروف finds ولافروف). Every query term must start some word of the title or the source.
import { noteTerms, queryTerms } from '../../notes/search-terms';

export interface Searchable {
  title: string;
  source: string | null;
}

/** Per article, its words as search terms; computed once per list, on the first search. */
export function titleTerms(articles: readonly Searchable[]): string[][] {
  return articles.map((a) => noteTerms({ body: a.source ? `${a.title} ${a.source}` : a.title }));
}

/** Indexes of the articles whose terms match every query term (all of them for an empty query). */
export function searchArticles(terms: readonly string[][], query: string): number[] {
  const wanted = queryTerms(query);
  const out: number[] = [];
  for (let a = 0; a < terms.length; a++) if (wanted.every((q) => terms[a].some((t) => t.startsWith(q)))) out.push(a);
  return out;
}
