// Per-pair evidence for fitting the same-story rules (tests/eval/real-story/pairs.json): builds the
// corpus as real-story.test.ts does (the whole slice minus every set's pages), then prints, per pair,
// the evidence the scorer sees for the page and its partner, as JSON Lines. The fit (fit.ts) reads
// them all; the fresh set (pairs-fresh.json) is never dumped: nobody tunes on it.
// Run: npx tsx tests/eval/real-story/features.ts > pair-features.jsonl
import { readFileSync } from 'node:fs';
import { storyEvidence } from '../../../engine/story/story';
import { PAIR_SETS, idOf, realStoryCorpus } from './corpus';

const pairs = (
  JSON.parse(readFileSync(PAIR_SETS.tuned, 'utf8')) as {
    pairs: { corpus: string; page: string; label: string }[];
  }
).pairs;
const { corpus, ctx, byId, features } = await realStoryCorpus();
for (const p of pairs) {
  const partner = corpus.articleNumber(idOf(byId.get(p.corpus)!));
  const evidence = storyEvidence(features(byId.get(p.page)!), partner, ctx);
  console.log(JSON.stringify({ ...p, day: +p.page.slice(8, 10), ...evidence }));
}
