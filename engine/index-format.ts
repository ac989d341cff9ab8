import type { EntityType, Gazetteer } from './types';
import type { StoryFingerprint } from './story';

// The compiled corpus index: what `npm run corpus -- build` writes and the extension ships.
// Design note:
// - Versioned: INDEX_VERSION changes whenever a reader of an older shape would misread it; the
//   background refuses an index of another version instead of guessing.
// - Deterministic: same seeds → byte-identical file (sorted inputs, no timestamps, no Map order).
// - Compact: tables of tuples with numeric references instead of repeated objects; only sentences
//   that mention an entity are kept.
// - Split by consumer: `gazetteer` is all a content script needs to recognize a page; the rest
//   (articles, sentences, co-occurrence, fingerprints) stays in the background and is served per
//   hover card / per page.

export const INDEX_VERSION = 1;

export interface ArticleRecord {
  id: string;
  title: string;
  lang: string;
  /** ISO date (YYYY-MM-DD) when known, else null: never invented. */
  date: string | null;
  source: string | null;
  url: string | null;
  /** The article's text, paragraphs separated by \n (the reader page shows it). */
  text: string;
}

export interface EntityRecord {
  id: string;
  type: EntityType;
  names: Record<string, string>;
  gloss: Record<string, string>;
}

/** [article index, start, end] of a sentence in the article text; mentions point at sentences. */
export type SentenceRef = [number, number, number];
/** [sentence index, start, end]: a mention, offsets in the article text. */
export type MentionRef = [number, number, number];

export interface CorpusIndex {
  version: typeof INDEX_VERSION;
  articles: ArticleRecord[];
  entities: EntityRecord[];
  gazetteer: Gazetteer;
  sentences: SentenceRef[];
  /** Per entity index: its mentions in the corpus, in article then text order. */
  mentions: MentionRef[][];
  /** [entity a, entity b, number of articles where both appear], a < b. */
  cooccurrence: [number, number, number][];
  stories: StoryFingerprint[];
}
