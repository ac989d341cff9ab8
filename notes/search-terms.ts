// Search terms of a note (stored with it, searched in memory: notes/term-rows.ts) and of a search query. Both go through the
// recognition engine's normalization (diacritics, tatweel, letter variants, case) and tokens, and a
// note's Arabic tokens are also indexed without their proclitics (و ب ل ال لل …), so the query
// لافروف finds ولافروف, للافروف and لافْروف. Queries are not clitic-stripped: a prefix match on the
// indexed stems already covers the bare form, and stripping a query's first letter would turn وزير
// into زير and match unrelated notes.
//
// The v2 schema upgrade (notes/db.ts) calls noteTerms on stored v1 records, so it accepts that loose
// shape. If the rules here change, add a schema version whose upgrade recomputes the terms.
import { cliticReadings } from '../engine/text/clitics';
import { normalize } from '../engine/text/normalize';
import { tokenStrings } from '../engine/text/tokenize';

/** Longer tokens (glued URLs, hashes) are indexed by their first units: prefix search still works. */
export const MAX_TERM_LENGTH = 64;

/** The fields of a note (any schema version) that are searchable. */
export interface TermSource {
  body?: string;
  tags?: readonly string[];
  entityId?: string;
  target?: { title?: string; quote?: { exact?: string } };
}

function addTextTerms(text: string, into: Set<string>): void {
  for (const token of tokenStrings(normalize(text).text)) {
    for (const reading of cliticReadings(token)) into.add(reading.stem.slice(0, MAX_TERM_LENGTH));
  }
}

/** Index terms of a note: body, tags, the quoted passage and page title, the entity id's slug. */
export function noteTerms(note: TermSource): string[] {
  const terms = new Set<string>();
  addTextTerms(note.body ?? '', terms);
  for (const tag of note.tags ?? []) addTextTerms(tag, terms);
  if (note.target) {
    addTextTerms(note.target.title ?? '', terms);
    addTextTerms(note.target.quote?.exact ?? '', terms);
  }
  // `person/sergey-lavrov` → sergey, lavrov: an English search finds entity notes by name. (Arabic
  // names live in the catalog, which this layer does not load.)
  if (note.entityId) addTextTerms(note.entityId.slice(note.entityId.indexOf('/') + 1), terms);
  return [...terms];
}

/** Normalized query tokens, longest first (the most selective term narrows the search first). */
export function queryTerms(query: string): string[] {
  const terms = new Set(tokenStrings(normalize(query).text).map((t) => t.slice(0, MAX_TERM_LENGTH)));
  return [...terms].sort((a, b) => b.length - a.length);
}
