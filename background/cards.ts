// Hover-card and reader data, derived from the compiled index on request. Sentences are cut from
// the article text here, so the index stores each sentence once however many entities it names.
import type { CorpusIndex } from '../engine/index-format';
import type { ArticleView, CorpusMention, CorpusOverview, EntityCard, EntitySummary } from '../messaging/protocol';

const MAX_MENTIONS = 5;
const MAX_RELATED = 6;

export function entityIndex(index: CorpusIndex, entityId: string): number {
  const i = index.gazetteer.entityIds.indexOf(entityId);
  if (i < 0) throw new Error(`unknown entity "${entityId}"`);
  return i;
}

function summary(index: CorpusIndex, e: number): EntitySummary {
  const { id, type, names } = index.entities[e];
  return { id, type, names };
}

export function entityCard(index: CorpusIndex, entityId: string, storyArticleId?: string | null): EntityCard {
  const e = entityIndex(index, entityId);
  const refs = index.mentions[e] ?? [];
  // Rank sentence references first and cut text only for the few shown: a busy entity of a large
  // corpus has thousands of mentions, and the card shows five.
  const story = storyArticleId ? index.articles.findIndex((a) => a.id === storyArticleId) : -1;
  const bySentence = new Map<number, [number, number]>(); // sentence → its first mention
  for (const [s, start, end] of refs) if (!bySentence.has(s)) bySentence.set(s, [start, end]);
  const dateOf = (s: number) => index.articles[index.sentences[s][0]].date ?? '';
  // The story the reader is on first, then newest first; undated last; corpus order otherwise.
  const ranked = [...bySentence.keys()].sort(
    (x, y) =>
      +(index.sentences[y][0] === story) - +(index.sentences[x][0] === story) ||
      dateOf(y).localeCompare(dateOf(x)) ||
      x - y,
  );
  const mentions: CorpusMention[] = ranked.slice(0, MAX_MENTIONS).map((s) => {
    const [a, s0, s1] = index.sentences[s];
    const [start, end] = bySentence.get(s)!;
    const article = index.articles[a];
    return {
      articleId: article.id,
      title: article.title,
      date: article.date,
      lang: article.lang,
      sentence: article.text.slice(s0, s1),
      markStart: start - s0,
      markEnd: end - s0,
    };
  });
  return {
    ...summary(index, e),
    gloss: index.entities[e].gloss,
    mentions,
    mentionCount: refs.length,
    related: (index.gazetteer.related[e] ?? []).slice(0, MAX_RELATED).map((r) => summary(index, r)),
  };
}

export function corpusOverview(index: CorpusIndex): CorpusOverview {
  return {
    articles: index.articles.map(({ text: _text, ...meta }) => meta),
    entities: index.entities.map((ent, e) => {
      const articleIds = [...new Set((index.mentions[e] ?? []).map(([s]) => index.articles[index.sentences[s][0]].id))];
      return { ...summary(index, e), gloss: ent.gloss, articleIds, count: index.mentions[e]?.length ?? 0 };
    }),
  };
}

export function articleView(index: CorpusIndex, articleId: string): ArticleView {
  const article = index.articles.find((a) => a.id === articleId);
  if (!article) throw new Error(`unknown article "${articleId}"`);
  return article;
}
