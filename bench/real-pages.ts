// The "real pages" table: Hashiya on the 18 saved news pages of ../shared/real-pages, as the content
// script runs there (the article found first, marks only in it), against the scan-only floor over
// the same article. The pages are served without their scripts (ours only), without their frames'
// sources and with no third party reachable (the bench origin is cross-origin isolated: other hosts'
// resources fail at once), so the figures are our work, not the page's. Skipped, with a line saying
// so, when ../shared is absent.
//
// Why the frames: Firefox gives each cross-site frame a content process of its own before the frame's
// load fails. bbc-1's ten ad frames started about five processes per load, each ~120 ms of CPU, on
// this two-core machine while our slices ran: a Gecko profile showed our thread with 10 ms of CPU in
// a 57 ms slice. The frame elements stay (article detection sees the same DOM); only `src` goes.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { FloorResult, HashiyaResult } from './browser/hashiya';

export const REAL_PAGES_DIR = resolve(import.meta.dirname, '../../shared/real-pages');

export interface RealPage {
  id: string;
  html: string;
}

export interface RealPageFigures {
  id: string;
  /** Characters of the article text (the floor's). */
  chars: number;
  marks: number;
  /** Medians over the runs. */
  ms: number;
  longestSliceMs: number;
  longestLongTaskMs: number;
  floorMs: number;
  runs: number;
}

export function readRealPages(): RealPage[] {
  if (!existsSync(REAL_PAGES_DIR)) return [];
  // HASHIYA_REAL_PAGES=nytimes-3,medium-3 measures those pages only (looking into one page's slices).
  const only = process.env.HASHIYA_REAL_PAGES?.split(',');
  return readdirSync(REAL_PAGES_DIR)
    .filter((n) => existsSync(join(REAL_PAGES_DIR, n, 'source.html')) && (!only || only.includes(n)))
    .sort()
    .map((id) => {
      const raw = readFileSync(join(REAL_PAGES_DIR, id, 'source.html'), 'utf8');
      const html = raw
        .replace(/<script\b[\s\S]*?<\/script\s*>/gi, '')
        .replace(/(<iframe\b[^>]*?\s)src(\s*=)/gi, '$1data-bench-src$2');
      const at = html.search(/<head[^>]*>/i);
      const end = at < 0 ? 0 : at + html.slice(at).indexOf('>') + 1;
      const ours = '<link rel="stylesheet" href="/marks.css"><script src="/harness.js"></script>';
      return { id, html: html.slice(0, end) + ours + html.slice(end) };
    });
}

const median = (xs: number[]) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length ? (s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2) : NaN;
};

/** Runs Hashiya and the floor on each page `runs` times, alternating, a fresh page load for each. */
export async function measureRealPages(
  pages: RealPage[],
  runs: number,
  gazUrl: string,
  open: (path: string) => Promise<void>,
  call: <T>(fn: string, args: unknown[]) => Promise<T>,
  log: (line: string) => void,
): Promise<RealPageFigures[]> {
  const out: RealPageFigures[] = [];
  for (const page of pages) {
    const h: HashiyaResult[] = [];
    const f: FloorResult[] = [];
    for (let run = 0; run < runs; run++) {
      await open(`/real/${page.id}.html`);
      h.push(await call<HashiyaResult>('hashiya', [gazUrl, { pointer: false, scope: true }]));
      await open(`/real/${page.id}.html`);
      f.push(await call<FloorResult>('floor', [{ scope: true }]));
    }
    const fig: RealPageFigures = {
      id: page.id,
      chars: f[0].chars,
      marks: h[0].marks,
      ms: median(h.map((x) => x.ms)),
      longestSliceMs: median(h.map((x) => x.longestSliceMs)),
      longestLongTaskMs: Math.max(...h.map((x) => x.longestLongTaskMs)),
      floorMs: median(f.map((x) => x.ms)),
      runs,
    };
    out.push(fig);
    log(
      `real page ${page.id}: ${fig.ms.toFixed(1)} ms (${fig.marks} marks), floor ${fig.floorMs.toFixed(1)} ms, ` +
        `longest slice ${fig.longestSliceMs.toFixed(1)} ms\n` +
        h.map((x) => `      slices: ${x.sliceTrace}`).join('\n'),
    );
  }
  return out;
}

export const REAL_SECTION = '## Real pages';

/** One browser's rows: Chromium's (which reports long tasks) or Firefox's (which does not). */
export interface RealPagesRun {
  browser: string;
  longTasks: boolean;
  figs: RealPageFigures[];
}

/** The tables, one per browser, under their own heading, with how they were measured. */
export function renderRealPages(runs: RealPagesRun[], how: string): string {
  if (!runs.some((r) => r.figs.length)) return `${REAL_SECTION}\n\n${REAL_PAGES_DIR} is absent: not measured.`;
  const f1 = (n: number) => n.toFixed(1);
  const table = ({ browser, longTasks, figs }: RealPagesRun) => {
    const ratios = figs.map((p) => p.ms / p.floorMs);
    const rows = figs.map(
      (p, i) =>
        `| ${p.id} | ${p.chars.toLocaleString('en-US')} | ${p.marks} | ${f1(p.ms)} ms | ${f1(p.longestSliceMs)} ms | ` +
        `${!longTasks ? 'not reported' : p.longestLongTaskMs ? `${f1(p.longestLongTaskMs)} ms` : 'none'} | ${f1(p.floorMs)} ms | ${ratios[i].toFixed(2)}× |`,
    );
    return [
      `### ${browser}`,
      '',
      '| Page | article chars | marks | time to marks | longest slice | long tasks (≥ 50 ms) | floor | ratio to floor |',
      '| --- | --- | --- | --- | --- | --- | --- | --- |',
      ...rows,
      '',
      `Median ratio to the floor ${median(ratios).toFixed(2)}×, worst ${Math.max(...ratios).toFixed(2)}×; longest slice of ours ${f1(Math.max(...figs.map((p) => p.longestSliceMs)))} ms (median of runs, worst page).`,
    ].join('\n');
  };
  return [
    REAL_SECTION,
    '',
    `${how} Hashiya = \`findArticleScope\` + \`createMarkSession({ skip }).start()\` with the real catalog, from the start to every mention found; floor = \`findArticleScope\` + \`collectText\` + \`normalize\` over the same article. Page scripts removed; no third party reachable. Firefox before 142 has no \`scheduler.yield\`: there our code yields through a MessageChannel task, and the slices are timed from it (Firefox reports no long-task entries). Time from DOMContentLoaded to the first mark with the extension installed, in both browsers: \`tests/e2e/real-pages.e2e.ts\`.`,
    '',
    ...runs.filter((r) => r.figs.length).flatMap((r) => [table(r), '']),
  ]
    .join('\n')
    .trimEnd();
}

/** RESULTS.md with its real-pages section replaced by (or appended as) `section`. */
export function withRealSection(results: string, section: string): string {
  const at = results.indexOf(`\n${REAL_SECTION}\n`);
  if (at < 0) {
    // Before the closing summary line, which stays last.
    const summary = results.lastIndexOf('\n```\nsummary:');
    if (summary < 0) return `${results.trimEnd()}\n\n${section}\n`;
    return `${results.slice(0, summary)}\n${section}\n${results.slice(summary)}`;
  }
  const next = results.indexOf('\n## ', at + 1 + REAL_SECTION.length);
  const summary = results.indexOf('\n```\nsummary:', at);
  const end = [next, summary].filter((i) => i > at).sort((a, b) => a - b)[0] ?? results.length;
  return `${results.slice(0, at)}\n${section}\n${results.slice(end)}`;
}
