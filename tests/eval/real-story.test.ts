// @vitest-environment node
// Same-story detection on real news (tests/eval/real-story/): pairs of SaudiNewsNet articles from
// 21–31 July 2015, labelled by reading them — copies of one wire story, rewrites of one event,
// the same topic but another event, unrelated. The corpus is the whole slice minus the pages (so
// it holds one member of each pair and ~14,600 other articles, as a newsroom's corpus would); each
// page is the other member, matched as the extension matches a page. Prints the figures and the
// issue's targets (met or not); fails below today's floors. Needs ../shared (never copied into the
// repo): without it, skips with a message.
import { existsSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { NewsRecord } from '../../compiler/collections/saudinewsnet';
import type { Corpus } from '../../engine/index/corpus';
import { extractFeatures, scoreStories, scoreStory, type StoryContext } from '../../engine/story/story';
import { DIR, idOf, realStoryCorpus } from './real-story/corpus';

const PAIRS = 'tests/eval/real-story/pairs.json';

/** `contains`: the page reports another event and also carries the article's story (a closing paragraph, a news-brief column). */
type Label = 'copy' | 'rewrite' | 'contains' | 'same-topic' | 'unrelated';
interface Pair {
  corpus: string;
  page: string;
  label: Label;
  reason: string;
}

const present = existsSync(DIR);
if (!present) console.warn(`real-story evaluation skipped: ${DIR} is absent (the shared real-news folder)`);

describe.skipIf(!present)('same story on real news (SaudiNewsNet, July 2015)', () => {
  const pairs = (JSON.parse(readFileSync(PAIRS, 'utf8')) as { pairs: Pair[] }).pairs;
  let byId: Map<string, NewsRecord>;
  let corpus: Corpus;
  let ctx: StoryContext;
  let features: (r: NewsRecord) => ReturnType<typeof extractFeatures>;

  beforeAll(async () => {
    ({ corpus, ctx, byId, features } = await realStoryCorpus(new Set(pairs.map((p) => p.page))));
  }, 300_000);

  /** Share of the shorter text's shingle samples found in the other: 1 for a copy. */
  const overlap = (a: number[], b: number[]) => {
    const set = new Set(a);
    return b.filter((h) => set.has(h)).length / Math.max(1, Math.min(a.length, b.length));
  };

  it('finds copies and rewrites, and leaves other events alone', async () => {
    const tally = new Map<Label, { n: number; flagged: number; top: number; tied: number }>();
    // The rewrite rule was fitted on the pages of 21–24 July (tests/eval/real-story/fit.ts): the
    // pages of 25–31 July are its held-out half, counted apart.
    const halves = { tuned: new Map<Label, [number, number]>(), held: new Map<Label, [number, number]>() };
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
      // when it is the partner or a copy of it (half of the shorter text's samples shared).
      if (ranked[0] && mine.sameStory) {
        const top = ranked[0].article;
        const text = async (a: number) => (await corpus.article(a)).text;
        const same =
          top === partner ||
          overlap(
            extractFeatures(await text(top), 'ar', []).shingles,
            extractFeatures(await text(partner), 'ar', []).shingles,
          ) >= 0.5;
        if (same) t.tied++;
        else if (p.label === 'copy') {
          const a = await corpus.article(top);
          misses.push(
            `copy, top  ${p.corpus} ← ${p.page}: on top ${a.id} (${ranked[0].score}, "${a.title.slice(0, 50)}"), partner ${mine.score}`,
          );
        }
      }
      tally.set(p.label, t);
      const half = halves[+p.page.slice(8, 10) <= 24 ? 'tuned' : 'held'];
      const h = half.get(p.label) ?? [0, 0];
      half.set(p.label, [h[0] + (mine.sameStory ? 1 : 0), h[1] + 1]);
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
        `Same story on real news: ${pairs.length} labelled pairs, corpus of ${corpus.articleIds.length} articles`,
        `copies      found ${pct(copy.flagged, copy.n)}; with the partner on top ${pct(copy.top, copy.n)}, the partner or a copy of it on top ${pct(copy.tied, copy.n)}`,
        `rewrites    found ${pct(rewrite.flagged, rewrite.n)}`,
        `contains    found ${pct(contains.flagged, contains.n)} (not a target: the page carries the story beside another)`,
        `same topic  flagged ${pct(topic.flagged, topic.n)}`,
        `unrelated   flagged ${pct(unrelated.flagged, unrelated.n)}`,
        `other events, together: flagged ${pct(negatives.flagged, negatives.n)}`,
        ...(['tuned', 'held'] as const).map((name) => {
          const f = (l: Label) => halves[name].get(l) ?? [0, 0];
          const neg = [f('same-topic'), f('unrelated')].reduce((a, b) => [a[0] + b[0], a[1] + b[1]]);
          return `${name === 'tuned' ? 'tuned on (pages of 21–24 July)' : 'held out (pages of 25–31 July)'}: copies found ${pct(...f('copy'))}, rewrites found ${pct(...f('rewrite'))}, other events flagged ${pct(...(neg as [number, number]))}`;
        }),
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
    // Floors at what this measures today, so a regression fails (raise them as it improves).
    expect(rate(copy.flagged, copy.n)).toBeGreaterThanOrEqual(0.95);
    expect(rate(copy.tied, copy.n)).toBeGreaterThanOrEqual(0.95);
    expect(rate(rewrite.flagged, rewrite.n)).toBeGreaterThanOrEqual(0.53);
    expect(rate(negatives.flagged, negatives.n)).toBeLessThanOrEqual(0.02);
  }, 120_000);
});
