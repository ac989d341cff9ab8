// The seeded draw behind pairs-fresh.json (issue 12, second set): strata of the candidates that
// candidates.ts prints, with no article of pairs.json and no article twice. It prints the drawn
// pairs (corpus, page, found) for a human to read and label; it prints no containment, so the
// reader labels without it. The earlier-dated member is the corpus (ties: by the seeded coin).
// Run: npx tsx tests/eval/real-story/candidates.ts > candidates.tsv
//      npx tsx tests/eval/real-story/draw-fresh.ts candidates.tsv > drawn.tsv
// Without an argument it runs candidates.ts itself (about a minute).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const SEED = 20261204;
/** Aimed at the hard classes: fewer near-copies, more mid-containment and title pairs than the first set. */
const STRATA: { name: string; found: string; want: number; keep: (c: string) => boolean }[] = [
  { name: 'containment >= 0.8', found: 'shingles', want: 25, keep: (c) => /^[\d.]+$/.test(c) && +c >= 0.8 },
  {
    name: 'containment 0.2-0.8',
    found: 'shingles',
    want: 45,
    keep: (c) => /^[\d.]+$/.test(c) && +c >= 0.2 && +c < 0.8,
  },
  { name: 'title, containment < 0.2', found: 'title', want: 60, keep: (c) => /^title /.test(c) && +c.slice(6) < 0.2 },
  { name: 'random', found: 'random', want: 20, keep: (c) => c === 'random' },
];

const here = join(import.meta.dirname);
const tsv = process.argv[2]
  ? readFileSync(process.argv[2], 'utf8')
  : execFileSync('npx', ['tsx', join(here, 'candidates.ts')], { encoding: 'utf8', maxBuffer: 1 << 28 });
const rows = tsv
  .split('\n')
  .filter(Boolean)
  .map((l) => l.split('\t'));

const used = new Set<string>();
for (const p of JSON.parse(readFileSync(join(here, 'pairs.json'), 'utf8')).pairs) used.add(p.corpus).add(p.page);
const firstSet = used.size;

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
console.error(`seed ${SEED}; ${firstSet} articles of pairs.json excluded`);
console.log(out.join('\n'));
