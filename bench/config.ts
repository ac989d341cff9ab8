// What a bench run measures, from its command line, and the small helpers every part shares.
import { resolve } from 'node:path';
import type { Stat } from './report/types';

export const ROOT = resolve(import.meta.dirname, '..');
export const SMOKE = process.argv.includes('--smoke');
// `--only=<page>:<aliases>[,<aliases>…]` (e.g. --only=ar-1m:real,10000): Hashiya, the floor and
// highlights alone on those cells, with where each long frame's time went; nothing else, no report.
export const ONLY = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
// With --only: `--profile=<file>` writes a CPU profile of one more Hashiya run per cell (unminified code).
export const PROFILE = process.argv.find((a) => a.startsWith('--profile='))?.slice('--profile='.length);
// With --only: `--runs=<n>` runs per figure in place of 5 (this machine's times scatter by a fifth
// between runs: comparing two builds takes more of them).
const RUNS = Number(process.argv.find((a) => a.startsWith('--runs='))?.slice('--runs='.length)) || 0;
// `--real`: the real-pages table alone (bench/real-pages.ts), written into bench/RESULTS.md's section.
export const REAL = process.argv.includes('--real');

export interface Config {
  runs: number;
  limitMs: number;
  pages: { id: string; lang: 'ar' | 'en'; bytes: number }[];
  aliases: number[];
  headline: { page: string; aliases: number };
  floorHeadline: { page: string; aliases: number };
  growth: { page: string; from: number; to: number };
  corpus: number[];
  /** Cells where mark.js runs (the smoke run keeps it to small pages and lists, to stay under 2 minutes). */
  markjs: (page: string, terms: number) => boolean;
}

const FULL_PAGES: Config['pages'] = [
  { id: 'ar-100k', lang: 'ar', bytes: 100_000 },
  { id: 'ar-1m', lang: 'ar', bytes: 1_000_000 },
  { id: 'en-100k', lang: 'en', bytes: 100_000 },
];

const BASE: Config = SMOKE
  ? {
      runs: 2,
      limitMs: 10_000,
      pages: [
        { id: 'ar-20k', lang: 'ar', bytes: 20_000 },
        { id: 'ar-200k', lang: 'ar', bytes: 200_000 },
        { id: 'en-20k', lang: 'en', bytes: 20_000 },
      ],
      aliases: [100, 1000, 10_000],
      headline: { page: 'ar-20k', aliases: 1000 },
      floorHeadline: { page: 'ar-200k', aliases: 10_000 },
      growth: { page: 'ar-20k', from: 100, to: 10_000 },
      corpus: [1, 100, 1000],
      markjs: (page, terms) => (page === 'ar-20k' ? terms <= 1000 : page === 'en-20k' && terms <= 100),
    }
  : {
      runs: 5,
      limitMs: 60_000,
      pages: FULL_PAGES,
      aliases: [100, 1000, 5000, 10_000, 100_000],
      headline: { page: 'ar-100k', aliases: 5000 },
      floorHeadline: { page: 'ar-1m', aliases: 10_000 },
      growth: { page: 'ar-100k', from: 100, to: 100_000 },
      corpus: [1, 100, 10_000],
      markjs: () => true,
    };

function onlyConfig(spec: string): Config {
  const [page, lists = 'real'] = spec.split(':');
  const pages = [...FULL_PAGES, ...BASE.pages].filter((p) => p.id === page).slice(0, 1);
  if (!pages.length) throw new Error(`--only: no page ${page}`);
  const aliases = lists
    .split(',')
    .filter((l) => l !== 'real')
    .map(Number);
  return { ...BASE, pages, aliases, markjs: () => false, runs: RUNS || BASE.runs };
}
export const CONFIG: Config = ONLY ? onlyConfig(ONLY) : REAL ? { ...BASE, pages: [], aliases: [], runs: 3 } : BASE;

export const log = (line: string) => process.stderr.write(`${line}\n`);
export const elapsed = (t: number) => `${((performance.now() - t) / 1000).toFixed(1)} s`;

export function median(xs: number[]): number {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
export const stat = (xs: number[]): Stat => ({ median: median(xs), runs: xs.length });
