// The seeded draws behind pairs-fresh.json (issue 12, second set) and, with --set=3,
// pairs-fresh2.json (third set): strata of the candidates that candidates.ts prints, with no article
// of an earlier set and no article twice. It prints the drawn pairs (corpus, page, found) for a
// human to read and label; it prints no containment, so the reader labels without it. The
// earlier-dated member is the corpus (ties: by the seeded coin).
// Run: npx tsx tests/eval/real-story/candidates.ts > candidates.tsv
//      npx tsx tests/eval/real-story/draw-fresh.ts [--set=3] candidates.tsv > drawn.tsv
// Without a file it runs candidates.ts itself (about a minute).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The four strata, with how many pairs to draw from each. */
const strata = (high: number, mid: number, title: number, random: number) => [
  { name: 'containment >= 0.8', found: 'shingles', want: high, keep: (c: string) => /^[\d.]+$/.test(c) && +c >= 0.8 },
  {
    name: 'containment 0.2-0.8',
    found: 'shingles',
    want: mid,
    keep: (c: string) => /^[\d.]+$/.test(c) && +c >= 0.2 && +c < 0.8,
  },
  {
    name: 'title, containment < 0.2',
    found: 'title',
    want: title,
    keep: (c: string) => /^title /.test(c) && +c.slice(6) < 0.2,
  },
  { name: 'random', found: 'random', want: random, keep: (c: string) => c === 'random' },
];
const SETS = {
  /** Aimed at the hard classes: fewer near-copies, more mid-containment and title pairs than the first set. */
  2: { seed: 20261204, exclude: ['pairs.json'], strata: strata(25, 45, 60, 20) },
  /** Aimed at rewrites: in the second set 22 of its 24 rewrites came from the title stratum. */
  3: { seed: 20261205, exclude: ['pairs.json', 'pairs-fresh.json'], strata: strata(15, 30, 100, 15) },
};
const args = process.argv.slice(2);
const setArg = args.find((a) => a.startsWith('--set='));
const file = args.find((a) => !a.startsWith('--'));
const set = SETS[(setArg ? +setArg.slice(6) : 2) as keyof typeof SETS];
if (!set) throw new Error(`unknown ${setArg}: use --set=2 or --set=3`);
const { seed: SEED, strata: STRATA } = set;

const here = join(import.meta.dirname);
const tsv = file
  ? readFileSync(file, 'utf8')
  : execFileSync('npx', ['tsx', join(here, 'candidates.ts')], { encoding: 'utf8', maxBuffer: 1 << 28 });
const rows = tsv
  .split('\n')
  .filter(Boolean)
  .map((l) => l.split('\t'));

const used = new Set<string>();
for (const f of set.exclude)
  for (const p of JSON.parse(readFileSync(join(here, f), 'utf8')).pairs) used.add(p.corpus).add(p.page);
const excluded = used.size;

let rng = SEED;
const rand = () => (rng = (Math.imul(rng, 1103515245) + 12345) >>> 0) / 2 ** 32;
function shuffle<T>(xs: T[]): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [xs[i], xs[j]] = [xs[j], xs[i]];
  }
  return xs;
}
// Ids are "YYYY-MM-DD.json#n": the file names the day.
const day = (id: string) => id.slice(0, 10);

const out: string[] = [];
for (const s of STRATA) {
  // Sorted first so the draw depends on the seed only, not on the candidates' print order.
  const pool = shuffle(rows.filter((r) => s.keep(r[3])).sort((a, b) => (a[0] + a[1] < b[0] + b[1] ? -1 : 1)));
  let got = 0;
  for (const [a, b] of pool) {
    if (got === s.want) break;
    if (a === b || used.has(a) || used.has(b)) continue;
    used.add(a).add(b);
    const coin = rand() < 0.5;
    const aFirst = day(a) < day(b) || (day(a) === day(b) && coin);
    out.push([aFirst ? a : b, aFirst ? b : a, s.found, s.name].join('\t'));
    got++;
  }
  console.error(`${s.name}: ${got} of ${pool.length} candidates`);
}
console.error(`seed ${SEED}; ${excluded} articles of ${set.exclude.join(' and ')} excluded`);
console.log(out.join('\n'));
