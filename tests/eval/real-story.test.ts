// @vitest-environment node
// Same-story detection on real news (tests/eval/real-story/): pairs of SaudiNewsNet articles from
// 21–31 July 2015, labelled by reading them — copies of one wire story, rewrites of one event,
// the same topic but another event, unrelated. Three sets: pairs.json, which the rules were tuned
// on, and pairs-fresh.json and pairs-fresh2.json, each labelled later without seeing the scorer and
// tuned on by nobody. The corpus is the whole slice minus every set's pages (so it holds one member
// of each pair and ~14,300 other articles, as a newsroom's corpus would); each page is the other member, matched as the
// extension matches a page. Prints the figures and the targets (met or not) for each set;
// fails below today's floors. Needs ../shared (never copied into the repo): without it, skips
// with a message.
import { existsSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { NewsRecord } from '../../compiler/collections/saudinewsnet';
import type { Corpus } from '../../engine/index/corpus';
import { extractFeatures, scoreStories, scoreStory, type StoryContext } from '../../engine/story/story';
import { DIR, PAIR_SETS, idOf, realStoryCorpus, type PairSet } from './real-story/corpus';

/** `contains`: the page reports another event and also carries the article's story (a closing paragraph, a news-brief column). */
type Label = 'copy' | 'rewrite' | 'contains' | 'same-topic' | 'unrelated';
interface Pair {
  corpus: string;
  page: string;
  label: Label;
  reason: string;
}

/** Floors at what each set measures today, so a regression fails (raise them as it improves). */
const FLOORS: Record<PairSet, { copies: number; copiesOnTop: number; rewrites: number; otherEvents: number }> = {
  tuned: { copies: 0.95, copiesOnTop: 0.95, rewrites: 0.52, otherEvents: 0.02 },
  // Measured once, before anything was changed for it: copies 100%, on top 92.3% (98.5% since a copy
  // of the page on top counts as right), rewrites 45.8%, other events 5.9% (3 of 51) — below two of
  // the targets, which the test prints. With the third set's pages out of the corpus: copies
  // 98.5%, on top 96.9%.
  fresh: { copies: 0.98, copiesOnTop: 0.96, rewrites: 0.45, otherEvents: 0.06 },
  // Measured once, before anything was changed for it: copies 90.0%, on top 90.0%, rewrites 30.0%,
  // other events 0% (0 of 68).
  fresh2: { copies: 0.9, copiesOnTop: 0.9, rewrites: 0.3, otherEvents: 0 },
};

const present = existsSync(DIR);
if (!present) console.warn(`real-story evaluation skipped: ${DIR} is absent (the shared real-news folder)`);

describe.skipIf(!present)('same story on real news (SaudiNewsNet, July 2015)', () => {
  const sets = Object.fromEntries(
    Object.entries(PAIR_SETS).map(([name, file]) => [
      name,
      (JSON.parse(readFileSync(file, 'utf8')) as { pairs: Pair[] }).pairs,
    ]),
  ) as Record<PairSet, Pair[]>;
  let byId: Map<string, NewsRecord>;
  let corpus: Corpus;
  let ctx: StoryContext;
  let features: (r: NewsRecord) => ReturnType<typeof extractFeatures>;

  beforeAll(async () => {
    ({ corpus, ctx, byId, features } = await realStoryCorpus());
  }, 300_000);

  /** Share of the shorter text's shingle samples found in the other: 1 for a copy. */
  const overlap = (a: number[], b: number[]) => {
    const set = new Set(a);
    return b.filter((h) => set.has(h)).length / Math.max(1, Math.min(a.length, b.length));
  };

  it.each(Object.keys(PAIR_SETS) as PairSet[])(
    '%s pairs: finds copies and rewrites, and leaves other events alone',
    async (name) => {
      const pairs = sets[name];
      const tally = new Map<Label, { n: number; flagged: number; top: number; tied: number }>();
      const misses: string[] = [];
      let lookups = 0;
      let lookupMs = 0;
      for (const p of pairs) {
        const page = byId.get(p.page);
        const partner = corpus.articleNumber(idOf(byId.get(p.corpus)!));
        expect(page, p.page).toBeDefined();
        expect(partner, `${p.corpus} is in the corpus`).toBeGreaterThanOrEqual(0);
        const f = features(page!);
        const t0 = performance.now();
        const ranked = scoreStories(f, ctx);
        lookupMs += performance.now() - t0;
        lookups++;
        const mine = ranked.find((s) => s.article === partner) ?? scoreStory(f, partner, ctx);
        const t = tally.get(p.label) ?? { n: 0, flagged: 0, top: 0, tied: 0 };
        t.n++;
        if (mine.sameStory) t.flagged++;
        if (ranked[0]?.article === partner) t.top++;
        // Other outlets' copies of the same wire text are in the corpus too: the top article is right
        // when it is the partner, a copy of it, or a copy of the page (half of the shorter text's
        // samples shared). The last: two outlets' copies of one release, the page's closer to it
        // than the labelled partner is (read: the page's own text, 37 of its 38 samples), or an
        // article the page carries whole (an EIA stocks report as a page's second half).
        if (ranked[0] && mine.sameStory) {
          const top = ranked[0].article;
          const samples = async (a: number) => extractFeatures((await corpus.article(a)).text, 'ar', []).shingles;
          const topSamples = top === partner ? [] : await samples(top);
          const same =
            top === partner ||
            overlap(topSamples, await samples(partner)) >= 0.5 ||
            overlap(topSamples, f.shingles) >= 0.5;
          if (same) t.tied++;
          else if (p.label === 'copy') {
            const a = await corpus.article(top);
            misses.push(
              `copy, top  ${p.corpus} ← ${p.page}: on top ${a.id} (${ranked[0].score}, "${a.title.slice(0, 50)}"), partner ${mine.score}`,
            );
          }
        }
        tally.set(p.label, t);
        const wrong = p.label === 'same-topic' || p.label === 'unrelated' ? mine.sameStory : !mine.sameStory;
        if (wrong) misses.push(`${p.label.padEnd(10)} ${p.corpus} ← ${p.page} score ${mine.score}  (${p.reason})`);
      }
      const get = (l: Label) => tally.get(l) ?? { n: 0, flagged: 0, top: 0, tied: 0 };
      const rate = (k: number, n: number) => (n ? k / n : 0);
      const pct = (k: number, n: number) => `${(100 * rate(k, n)).toFixed(1)}% (${k}/${n})`;
      const [copy, rewrite, contains, topic, unrelated] = (
        ['copy', 'rewrite', 'contains', 'same-topic', 'unrelated'] as Label[]
      ).map(get);
      const negatives = { n: topic.n + unrelated.n, flagged: topic.flagged + unrelated.flagged };
      console.log(
        [
          `Same story on real news, ${name === 'tuned' ? 'the pairs tuned on' : 'fresh pairs nobody tuned on'} (${PAIR_SETS[name]}): ${pairs.length} labelled pairs, corpus of ${corpus.articleIds.length} articles`,
          `copies      found ${pct(copy.flagged, copy.n)}; with the partner on top ${pct(copy.top, copy.n)}, the partner or a copy of it or of the page on top ${pct(copy.tied, copy.n)}`,
          `rewrites    found ${pct(rewrite.flagged, rewrite.n)}`,
          `contains    found ${pct(contains.flagged, contains.n)} (not a target: the page carries the story beside another)`,
          `same topic  flagged ${pct(topic.flagged, topic.n)}`,
          `unrelated   flagged ${pct(unrelated.flagged, unrelated.n)}`,
          `other events, together: flagged ${pct(negatives.flagged, negatives.n)}`,
          `lookup (scoreStories) ${(lookupMs / lookups).toFixed(2)} ms per page, mean (Node; the benchmark has the figure that counts)`,
          ...(misses.length ? ['wrong verdicts:', ...misses.map((m) => `  ${m}`)] : []),
        ].join('\n'),
      );
      // The targets, and where this stands against them (printed, so a shortfall is seen).
      const targets: [string, boolean][] = [
        ['copies found >= 95%', rate(copy.flagged, copy.n) >= 0.95],
        ['copies with the right article on top >= 95%', rate(copy.tied, copy.n) >= 0.95],
        ['rewrites found >= 85%', rate(rewrite.flagged, rewrite.n) >= 0.85],
        ['other events flagged <= 2%', rate(negatives.flagged, negatives.n) <= 0.02],
      ];
      console.log(targets.map(([t, met]) => `target ${t}: ${met ? 'met' : 'NOT MET'}`).join('\n'));
      const floor = FLOORS[name];
      expect(rate(copy.flagged, copy.n)).toBeGreaterThanOrEqual(floor.copies);
      expect(rate(copy.tied, copy.n)).toBeGreaterThanOrEqual(floor.copiesOnTop);
      expect(rate(rewrite.flagged, rewrite.n)).toBeGreaterThanOrEqual(floor.rewrites);
      expect(rate(negatives.flagged, negatives.n)).toBeLessThanOrEqual(floor.otherEvents);
    },
    120_000,
  );
});
