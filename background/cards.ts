// Hover-card and reader data from the opened index. Each entity's card lines are ranked at
// compile time (compiler/card-lines.ts) and stored with their sentences in a card shard, so a card
// reads one small file: the lines of the page's story first (from that article's text shard, read
// at the same time), then the stored order, wire copies folded into one line with their sources.
// An entity named in thousands of articles shows a few lines and the count of articles.
import type { Corpus } from '../engine/index/corpus';
import { CARD_LINES, type ArticleMeta } from '../engine/index/index-format';
import type { CardLineText } from '../engine/index/shard-checks';
import { wireKey } from '../engine/story/wire-copies';
import type {
  ArticleSummary,
  ArticleView,
  CorpusMention,
  CorpusOverview,
  EntityCard,
  EntitySummary,
} from '../messaging/protocol';

const MAX_RELATED = 6;

export function entityIndex(corpus: Corpus, entityId: string): number {
  const e = corpus.entityNumber(entityId);
  if (e < 0) throw new Error(`unknown entity "${entityId}"`);
  return e;
}

function summary(corpus: Corpus, e: number): EntitySummary {
  const { id, type, names } = corpus.entities[e];
  return { id, type, names };
}

/** Whether the article's story fingerprint lists the entity: only then is its text shard worth reading. */
function mentions(corpus: Corpus, article: number, e: number): boolean {
  const { entityOffsets, entities } = corpus.articleEntities;
  for (let k = entityOffsets[article]; k < entityOffsets[article + 1]; k++) if (entities[k] === e) return true;
  return false;
}

/** The story article's own lines for the entity, in text order. */
async function storyLines(corpus: Corpus, article: number, e: number): Promise<CardLineText[]> {
  if (article < 0 || !mentions(corpus, article, e)) return [];
  const { title, date, source, text, lines } = await corpus.article(article);
  const out: CardLineText[] = [];
  for (let i = 0; i < lines.length && out.length < CARD_LINES; i += 5) {
    const [entity, s0, s1, m0, m1] = lines.slice(i, i + 5);
    if (entity === e)
      out.push({ article, title, date, source, sentence: text.slice(s0, s1), markStart: m0 - s0, markEnd: m1 - s0 });
  }
  return out;
}

/** Per corpus, per entity: how many articles name it (one pass over the story entity lists, on the first card). */
const articleCounts = new WeakMap<Corpus, Uint32Array>();

export function articleCount(corpus: Corpus, e: number): number {
  let counts = articleCounts.get(corpus);
  if (!counts) {
    counts = new Uint32Array(corpus.entities.length);
    const { entities } = corpus.articleEntities;
    for (let k = 0; k < entities.length; k++) if (entities[k] < counts.length) counts[entities[k]]++;
    articleCounts.set(corpus, counts);
  }
  return counts[e] ?? 0;
}

/**
 * Lines in card order, wire copies (engine/story/wire-copies.ts) folded into the first line that printed
 * the sentence, up to `max` lines. The first line keeps its place: the page's story, then the newest.
 */
export function foldCopies(lines: CardLineText[], max: number): (CardLineText & { copies: CardLineText[] })[] {
  const out: (CardLineText & { copies: CardLineText[] })[] = [];
  const byKey = new Map<string, CardLineText & { copies: CardLineText[] }>();
  for (const line of lines) {
    const key = wireKey(line.sentence);
    const first = byKey.get(key);
    if (first) {
      if (first.article !== line.article && !first.copies.some((c) => c.article === line.article))
        first.copies.push(line);
    } else if (out.length < max) {
      const folded = { ...line, copies: [] };
      byKey.set(key, folded);
      out.push(folded);
    }
  }
  return out;
}

export async function entityCard(
  corpus: Corpus,
  entityId: string,
  storyArticleId?: string | null,
): Promise<EntityCard> {
  const e = entityIndex(corpus, entityId);
  const story = storyArticleId ? corpus.articleNumber(storyArticleId) : -1;
  const [lines, ranked] = await Promise.all([storyLines(corpus, story, e), corpus.cardLines(e)]);
  for (const line of ranked) if (line.article !== story) lines.push(line);
  const mentionLines = foldCopies(lines, CARD_LINES).map(
    ({ article, title, date, source, sentence, markStart, markEnd, copies }): CorpusMention => ({
      articleId: corpus.articleIds[article],
      title,
      date,
      lang: corpus.articleLang(article),
      source,
      sentence,
      markStart,
      markEnd,
      ...(copies.length && {
        copies: copies.map((c) => ({
          articleId: corpus.articleIds[c.article],
          title: c.title,
          date: c.date,
          source: c.source,
        })),
      }),
    }),
  );
  return {
    ...summary(corpus, e),
    gloss: corpus.entities[e].gloss,
    mentions: mentionLines,
    mentionCount: corpus.mentionCounts[e],
    articleCount: articleCount(corpus, e),
    related: (corpus.gazetteer.related[e] ?? []).slice(0, MAX_RELATED).map((r) => summary(corpus, r)),
  };
}

/**
 * Reads the card shards of a page's entities (named in its story features) while it is scored, so
 * the first hover finds its lines in memory. A failed read is left for that card to report.
 */
export function prefetchCards(corpus: Corpus, entities: number[]): void {
  for (const e of new Set(entities)) if (e < corpus.entities.length) corpus.cardLines(e).catch(() => {});
}

/**
 * The reader's index: every article (from the article list) and entity. Built once per opened
 * corpus: at 15,000 articles, inflating and parsing the list is most of the reader's first paint,
 * and a reader is opened again and again. With `limit`, only the first articles (the reader's first
 * screen): read from the same shards, which stay in memory for the whole list that follows.
 */
const overviews = new WeakMap<Corpus, Promise<CorpusOverview>>();

export function corpusOverview(corpus: Corpus, limit?: number): Promise<CorpusOverview> {
  const full = overviews.get(corpus);
  if (limit !== undefined && limit < corpus.articleIds.length)
    return full ? full.then((o) => ({ ...o, articles: o.articles.slice(0, limit) })) : firstArticles(corpus, limit);
  if (full) return full;
  const overview = buildOverview(corpus);
  overviews.set(corpus, overview);
  overview.catch(() => overviews.get(corpus) === overview && overviews.delete(corpus));
  return overview;
}

async function firstArticles(corpus: Corpus, limit: number): Promise<CorpusOverview> {
  return overviewOf(corpus, await Promise.all(Array.from({ length: limit }, (_, a) => corpus.list.get(a))));
}

async function buildOverview(corpus: Corpus): Promise<CorpusOverview> {
  return overviewOf(corpus, await corpus.list.all());
}

/** The overview of the corpus's first `metas.length` articles (all of them, or the first screen's). */
const overviewOf = (corpus: Corpus, metas: ArticleMeta[]): CorpusOverview => ({
  articleCount: corpus.articleIds.length,
  articles: metas.map(articleSummary(corpus)),
  entities: overviewEntities(corpus),
});

const articleSummary =
  (corpus: Corpus) =>
  ([title, date, source]: ArticleMeta, a: number): ArticleSummary => ({
    id: corpus.articleIds[a],
    title,
    lang: corpus.articleLang(a),
    date,
    source,
  });

/** Every entity with the articles that name it (from the story entity lists: no shard read). */
const entityLists = new WeakMap<Corpus, CorpusOverview['entities']>();

function overviewEntities(corpus: Corpus): CorpusOverview['entities'] {
  let out = entityLists.get(corpus);
  if (!out) {
    const articles: number[][] = corpus.entities.map(() => []);
    const { entityOffsets, entities } = corpus.articleEntities;
    for (let a = 0; a < corpus.articleIds.length; a++)
      for (let k = entityOffsets[a]; k < entityOffsets[a + 1]; k++) articles[entities[k]]?.push(a);
    out = corpus.entities.map((ent, e) => ({
      ...summary(corpus, e),
      gloss: ent.gloss,
      articles: articles[e],
      count: corpus.mentionCounts[e],
    }));
    entityLists.set(corpus, out);
  }
  return out;
}

export async function articleView(corpus: Corpus, articleId: string): Promise<ArticleView> {
  const a = corpus.articleNumber(articleId);
  if (a < 0) throw new Error(`unknown article "${articleId}"`);
  const { id, title, date, source, url, text } = await corpus.article(a);
  return { id, title, lang: corpus.articleLang(a), date, source, url, text };
}
