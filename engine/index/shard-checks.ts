// What a shard must hold before its items are used (engine/index/shards.ts reads it, these check it):
// ids that match index.bin, strings where text is expected, lines that point inside the corpus.
import {
  titleOf,
  type ArticleListShard,
  type ArticleMeta,
  type CardShard,
  type ShardArticle,
  type TextShard,
} from './index-format';
import type { ShardCheck } from './shards';

/** A card line ready to show: the sentence cut, its article's title and date attached. */
export interface CardLineText {
  article: number;
  title: string;
  date: string | null;
  source: string | null;
  sentence: string;
  markStart: number;
  markEnd: number;
}

export function textShardCheck(articleIds: string[]): ShardCheck<ShardArticle> {
  return (shard, first, _end, fail) =>
    (shard as TextShard).items.map((article, i) => {
      if (article?.id !== articleIds[first + i]) fail(`article ${first + i} is not "${articleIds[first + i]}"`);
      if (typeof article.text !== 'string' || !Array.isArray(article.lines))
        fail(`article "${article.id}" lacks its text or lines`);
      return { ...article, title: titleOf(article.text) };
    });
}

export const articleListCheck: ShardCheck<ArticleMeta> = (shard, _first, _end, fail) =>
  (shard as ArticleListShard).items.map((meta, i) => {
    if (!Array.isArray(meta) || typeof meta[0] !== 'string') fail(`article ${i} has no title`);
    return meta;
  });

export function cardShardCheck(articleCount: number): ShardCheck<CardLineText[]> {
  return (shard, _first, _end, fail) => {
    const { items, articles } = shard as CardShard;
    if (!Array.isArray(articles)) fail('no article table');
    const titles = new Map(articles.map(([a, title, date, source]) => [a, { title, date, source: source ?? null }]));
    return items.map((lines) => {
      if (!Array.isArray(lines)) fail('an entity without a list of lines');
      return lines.map(([article, sentence, markStart, markEnd]) => {
        const meta = titles.get(article);
        if (!meta || !(article < articleCount) || typeof sentence !== 'string')
          fail(`a line of article ${article} is malformed`);
        return { article, ...meta!, sentence, markStart, markEnd };
      });
    });
  };
}
