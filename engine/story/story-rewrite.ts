// Same story by rewrite: the score that tells a report of the same event in other words from a
// page on the same topic. Design note:
// - Inputs (rewriteInputs): how much of the article's distinctive-word weight the page uses, and
//   of the page's the article (story-content.ts); how many of the page's candidates overlap it
//   more (formula texts — weather, cables, one region's announcement after another's — have many
//   look-alikes, an event a handful); figures both name that few articles name, years left out;
//   and the headline (story.ts titleAgreement): how much of the article's headline the page's text
//   uses, and how much the two headlines share. A rewrite names its who and where in the headline;
//   a look-alike of the same formula differs exactly there (Egypt's cable, Tunisia's cable).
// - Asked only of a page that names the article's day or the next (story.ts).
// - A logistic score, fitted by tests/eval/real-story/fit.ts on every labelled pair of pairs.json
//   (rewrites against same-topic and unrelated pairs, Newton's method, L2 0.3); the threshold is the
//   lowest that flags none of those other-event pairs. story.ts's WORDS_SAME rule stays beside it.
// - Why the headline: without it the best fit found 27 of 63 rewrites when each pair was left out
//   of its own fit (at two other-event pairs flagged), with it 36 — the earlier rule's 34/63 was
//   measured on the pairs it was tuned on. On the fresh pairs nobody tuned on (pairs-fresh.json,
//   measured once), the earlier rule found 8 of 24 rewrites, this one 11; both flagged 3 of 51
//   other-event pairs. Tried and left out, as they added nothing when each pair was left out of
//   its own fit: an idf-weighted cosine of the whole vocabularies and its rank among the page's
//   candidates, the headlines' own idf cosine, counts of shared words that at most 5, 10 or 20
//   articles use. What the misses need is beyond shared words: two reports of one signing or one
//   match share a name or two, and so do two days' reports of one formula.
import type { StoryEvidence } from './story';

/** Weights of rewriteInputs: words, pageWords, log(1 + rank), rare figures (at most 2), headline in the page, headlines shared. */
export const REWRITE_WEIGHTS = [2.238, 0.701, -0.392, 0.928, 2.887, 1.275];
export const REWRITE_BIAS = -1.921;
export const REWRITE_THRESHOLD = 2.084;

/** A year says when, not what: it is no event's figure (Gregorian 18xx–20xx, Hijri 14xx). */
export const YEAR = /^(1[89]|20|14)\d\d$/;

/** The rewrite score's inputs, in REWRITE_WEIGHTS order. */
export function rewriteInputs(e: StoryEvidence): number[] {
  // An article that shares no distinctive word has no rank (MAX_SAFE_INTEGER): as far as 1000 is far enough.
  return [
    e.words,
    e.pageWords,
    Math.log1p(Math.min(1000, e.rank)),
    Math.min(2, e.rareNumbers),
    e.titleInPage,
    e.titles,
  ];
}

/** The rewrite score, as log-odds: REWRITE_WEIGHTS · rewriteInputs + REWRITE_BIAS. */
export function rewriteScore(e: StoryEvidence): number {
  return rewriteInputs(e).reduce((sum, v, i) => sum + v * REWRITE_WEIGHTS[i], REWRITE_BIAS);
}
