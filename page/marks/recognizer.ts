// The page's recognizer: the matcher over the aliases this page's text can match, fetched from
// the background as new vocabulary arrives (engine/match/alias-lookup.ts explains why).
import {
  createMatcher,
  type Matcher,
  type PageEvidence,
  type PreparedText,
  type Undecided,
} from '../../engine/match/matcher';
import {
  emptyGazetteer,
  filtersOf,
  mergeBatch,
  PageVocabulary,
  type AliasBatch,
} from '../../engine/match/alias-lookup';
import type { Gazetteer, Mention } from '../../engine/types';

export interface Recognizer {
  /** Asks the background for the catalog's crowded words and key filter, once (before the page's
   *  text is read, so its first keys are already filtered). Never rejects. */
  prime(): Promise<void>;
  /** Whether an answer has named the catalog's crowded words: then every text's keys are complete
   *  when `unseen` returns them, and requests may overlap. */
  primed(): boolean;
  /** Lookup keys of `text` not asked for yet (marked as asked). */
  unseen(text: PreparedText): string[];
  /** Fetches and adds the aliases for `keys`. The first answer names the catalog's crowded words:
   *  `texts` (already passed to `unseen`) are then read again for the word pairs they hold. */
  learn(keys: string[], texts?: PreparedText[]): Promise<void>;
  match(text: string, evidence?: PageEvidence, prepared?: PreparedText): Mention[];
  decide(evidence: PageEvidence): Undecided[];
  gazetteer(): Gazetteer;
}

export type FetchBatch = (keys: string[], withCrowded: boolean) => Promise<AliasBatch>;

export function createRecognizer(fetchBatch: FetchBatch): Recognizer {
  const gaz = emptyGazetteer();
  let matcher: Matcher = createMatcher(gaz);
  const vocabulary = new PageVocabulary();
  let knowsCrowded = false;

  async function fetchAndMerge(keys: string[]): Promise<string[]> {
    const first = !knowsCrowded;
    const batch = await fetchBatch(keys, first);
    knowsCrowded = true;
    const filters = first && filtersOf(batch);
    if (filters) vocabulary.setFilters(filters);
    if (batch.aliases.length) {
      mergeBatch(gaz, batch);
      matcher = createMatcher(gaz);
    }
    return first ? (batch.crowded ?? []) : [];
  }

  let priming: Promise<void> | null = null;
  return {
    prime() {
      priming ??= fetchAndMerge([])
        .then((crowded) => vocabulary.addCrowded(crowded))
        .catch(() => {
          priming = null; // learn() asks again
        });
      return priming;
    },
    primed: () => knowsCrowded,
    unseen: (text) => vocabulary.unseen(text),
    async learn(keys, texts = []) {
      if (!keys.length && knowsCrowded) return;
      const crowded = await fetchAndMerge(keys);
      if (!crowded.length) return;
      vocabulary.addCrowded(crowded);
      const pairs = texts.flatMap((t) => vocabulary.unseen(t));
      if (pairs.length) await fetchAndMerge(pairs);
    },
    match: (text, evidence, prepared) => matcher.match(text, evidence, prepared),
    decide: (evidence) => matcher.decide(evidence),
    gazetteer: () => gaz,
  };
}
