// Wire copies: the same agency sentence printed by several outlets (a Saudi Press Agency story in
// six papers) would fill a hover card with one sentence six times. Sentences are the same copy
// when they are the same words once normalized (engine/text/normalize.ts: diacritics, tatweel, letter
// variants) and stripped of punctuation, digits' script aside: outlets change quotes, dashes and
// spacing, rarely words. The compiler cuts each entity's ranked lines counting copies once
// (compiler/card-lines.ts); the background folds them into one line with their sources
// (background/cards.ts).
import { normalizeKey } from '../text/normalize';

/** The key two copies of a sentence share: normalized words, no punctuation. */
export function wireKey(sentence: string): string {
  return normalizeKey(sentence.replace(/[^\p{L}\p{N}\p{M}]+/gu, ' '));
}
