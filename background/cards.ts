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
  const all: CorpusMention[] = [];
  const seen = new Set<number>();
  for (const [s, start, end] of index.mentions[e] ?? []) {
    if (seen.has(s)) continue; // one line per sentence, even when it names the entity twice
    seen.add(s);
    const [a, s0, s1] = index.sentences[s];
    const article = index.articles[a];
    all.push({
      articleId: article.id,
      title: article.title,
      date: article.date,
      lang: article.lang,
      sentence: article.text.slice(s0, s1),
      markStart: start - s0,
      markEnd: end - s0,
    });
  }
  // The story the reader is on first, then newest first; undated last; stable otherwise.
  const rank = (m: CorpusMention) => (m.articleId === storyArticleId ? 0 : 1);
  all.sort((x, y) => rank(x) - rank(y) || (y.date ?? '').localeCompare(x.date ?? ''));
  return {
    ...summary(index, e),
    gloss: index.entities[e].gloss,
    mentions: all.slice(0, MAX_MENTIONS),
    mentionCount: index.mentions[e]?.length ?? 0,
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
