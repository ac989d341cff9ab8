// The page's recognizer: the matcher over the aliases this page's text can match, fetched from
// the background as new vocabulary arrives (engine/alias-lookup.ts explains why).
import { createMatcher, type Matcher, type PageEvidence, type PreparedText } from '../engine/matcher';
import { emptyGazetteer, keysOf, mergeBatch, type AliasBatch } from '../engine/alias-lookup';
import type { Gazetteer, Mention } from '../engine/types';

export interface Recognizer {
  /** Lookup keys of `text` not asked for yet (marked as asked). */
  unseen(text: PreparedText): string[];
  /** Fetches and adds the aliases for `keys`. */
  learn(keys: string[]): Promise<void>;
  match(text: string, evidence?: PageEvidence, prepared?: PreparedText): Mention[];
  gazetteer(): Gazetteer;
}

export function createRecognizer(fetchBatch: (keys: string[]) => Promise<AliasBatch>): Recognizer {
  const gaz = emptyGazetteer();
  let matcher: Matcher = createMatcher(gaz);
  const asked = new Set<string>();

  return {
    unseen(text) {
      const fresh: string[] = [];
      for (const k of keysOf(text)) {
        if (asked.has(k)) continue;
        asked.add(k);
        fresh.push(k);
      }
      return fresh;
    },
    async learn(keys) {
      if (!keys.length) return;
      const batch = await fetchBatch(keys);
      if (!batch.aliases.length) return;
      mergeBatch(gaz, batch);
      matcher = createMatcher(gaz);
    },
    match: (text, evidence, prepared) => matcher.match(text, evidence, prepared),
    gazetteer: () => gaz,
  };
}

/** A recognizer over a whole gazetteer already in hand (tests). */
export function fullRecognizer(gaz: Gazetteer): Recognizer {
  const matcher = createMatcher(gaz);
  return {
    unseen: () => [],
    learn: async () => {},
    match: (t, e, p) => matcher.match(t, e, p),
    gazetteer: () => gaz,
  };
}
