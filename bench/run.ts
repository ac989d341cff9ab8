// `npm run bench` (or `npm run bench -- --smoke`): Hashiya against mark.js and a scan-only floor in
// headless Chromium, plus hover card, pointer lookup, bundle size, corpus scale and recognition
// quality. Progress goes to stderr; the report to stdout, its last line the one-line summary.
// Full runs write bench/RESULTS.md; smoke runs only print.
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { compileCorpus } from '../compiler/compile';
import { encodeIndex, type IndexFile } from '../compiler/encode-index';
import { openCompiled } from '../compiler/memory-index';
import { readSeeds } from '../compiler/seeds';
import { parseCatalog } from '../compiler/catalog';
import { createAnnotator } from '../engine/annotate';
import { htmlToText } from '../cli/html';
import { marksCss } from '../components/theme';
import { realGazetteer, syntheticGazetteer, type BenchGazetteer } from './gazetteers';
import { generatePage, type BenchPage } from './pages';
import { corpusScale } from './corpus-scale';
import { realCorpusScale } from './real-corpus';
import { storyLines, storyScale } from './story';
import { measureRealPages, readRealPages, renderRealPages, withRealSection } from './real-pages';
import { notesAtScale, renderNotesScale } from './notes-scale';
import {
  render,
  summarize,
  summaryLine,
  type CardFigures,
  type CellFigures,
  type CorpusFigures,
  type MarkjsFigures,
  type PageInfo,
  type QualityFigures,
  type Results,
  type Stat,
} from './report';
import type { HashiyaResult, FloorResult, PointerResult, RegisterResult } from './browser/hashiya';
import type { MarkjsResult } from './browser/markjs';
import type { CardResult, LoadResult } from './browser/card';

const ROOT = resolve(import.meta.dirname, '..');
const SMOKE = process.argv.includes('--smoke');
// `--only=<page>:<aliases>[,<aliases>…]` (e.g. --only=ar-1m:real,10000): Hashiya, the floor and
// highlights alone on those cells, with where each long frame's time went; nothing else, no report.
const ONLY = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
// With --only: `--profile=<file>` writes a CPU profile of one more Hashiya run per cell (unminified code).
const PROFILE = process.argv.find((a) => a.startsWith('--profile='))?.slice('--profile='.length);
// `--real`: the real-pages table alone (bench/real-pages.ts), written into bench/RESULTS.md's section.
const REAL = process.argv.includes('--real');

interface Config {
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
  return { ...BASE, pages, aliases, markjs: () => false };
}
const CONFIG: Config = ONLY ? onlyConfig(ONLY) : REAL ? { ...BASE, pages: [], aliases: [], runs: 3 } : BASE;

const log = (line: string) => process.stderr.write(`${line}\n`);
const elapsed = (t: number) => `${((performance.now() - t) / 1000).toFixed(1)} s`;

function median(xs: number[]): number {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
const stat = (xs: number[]): Stat => ({ median: median(xs), runs: xs.length });

// ---------- static content served to the browser ----------

interface Asset {
  type: string;
  body: string | Buffer;
}
const assets = new Map<string, Asset>();
const serve = (path: string, type: string, body: string | Buffer) => assets.set(path, { type, body });
/** Serves index files under `dir` (as the extension ships them under /corpus/); returns their removal. */
function serveIndex(dir: string, files: IndexFile[]): () => void {
  for (const f of files)
    serve(dir + f.name, f.name.endsWith('.json') ? JSON_TYPE : 'application/octet-stream', Buffer.from(f.bytes));
  return () => files.forEach((f) => assets.delete(dir + f.name));
}
const HTML = 'text/html; charset=utf-8';
const JSON_TYPE = 'application/json; charset=utf-8';

function startServer(): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const asset = assets.get(path);
    // Cross-origin isolated: performance.now() resolution is 5 µs instead of 100 µs.
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    res.setHeader('Cross-Origin-Embedder-Policy', 'require-corp');
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    if (!asset) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': asset.type, 'Cache-Control': 'no-store' }).end(asset.body);
  });
  return new Promise((ok) =>
    server.listen(0, '127.0.0.1', () =>
      ok({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }),
    ),
  );
}

async function bundle(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [join(ROOT, entry)],
    absWorkingDir: ROOT,
    bundle: true,
    write: false,
    format: 'iife',
    minify: !PROFILE,
    target: 'chrome120',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    define: { 'process.env.NODE_ENV': '"production"', __HASHIYA_TEST__: 'false' },
    logLevel: 'warning',
  });
  return result.outputFiles[0].text;
}

/** The commit measured, and which source files (outside bench/) differ from it. */
function codeVersion(): string {
  const git = (...args: string[]) => spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' }).stdout?.trim() ?? '';
  const head = git('rev-parse', '--short', 'HEAD') || 'unknown';
  const dirty = git('status', '--porcelain', '--', 'engine', 'page', 'background', 'components', 'compiler')
    .split('\n')
    .filter(Boolean)
    .map((l) => l.slice(3));
  return dirty.length ? `${head} + uncommitted changes in ${dirty.join(', ')}` : head;
}

function contentScriptSize(): Results['bundle'] {
  const file = '.output/chrome-mv3/content-scripts/content.js';
  const path = join(ROOT, file);
  if (!existsSync(path)) {
    log(`${file} is missing: running npm run build`);
    const r = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 2, 2] });
    if (r.status !== 0) throw new Error('npm run build failed');
  }
  const bytes = readFileSync(path);
  return {
    file,
    bytes: bytes.length,
    gzipBytes: gzipSync(bytes, { level: 9 }).length,
    builtAt: statSync(path).mtime.toISOString(),
  };
}

// ---------- browser ----------

let browser: Browser;
let tab: Page;
let origin = '';

async function newTab(): Promise<void> {
  tab = await browser.newPage({ viewport: { width: 1280, height: 800 } });
}

/** Calls window.__bench[fn](...args) in the tab; a hung tab is replaced after `hardMs`. */
async function call<T>(fn: string, args: unknown[], hardMs = 120_000): Promise<T> {
  const expr = `window.__bench.${fn}(${args.map((a) => JSON.stringify(a)).join(', ')})`;
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      tab.evaluate(expr) as Promise<T>,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${fn}: no answer after ${hardMs / 1000} s`)), hardMs);
      }),
    ]);
  } catch (e) {
    if (String(e).includes('no answer')) {
      await tab.close().catch(() => {});
      await newTab();
    }
    throw e;
  } finally {
    clearTimeout(timer);
  }
}

async function open(path: string): Promise<void> {
  await tab.goto(origin + path, { waitUntil: 'load' });
}

// ---------- the matrix: page × gazetteer × contender × run ----------

type Contender = 'hashiya' | 'floor' | 'register' | 'exactly' | 'partially';
const CONTENDERS: Contender[] = ['hashiya', 'floor', 'register', 'exactly', 'partially'];

interface Acc {
  gaz: BenchGazetteer;
  h: HashiyaResult[];
  f: FloorResult[];
  reg: RegisterResult[];
  mj: Record<'exactly' | 'partially', MarkjsResult[]>;
  status: Record<'exactly' | 'partially', MarkjsFigures['status']>;
}

/** Pointer lookups (which wait for the page to go idle) on the real catalog, and on the largest list in full runs. */
const pointerOn = (gaz: BenchGazetteer, all: BenchGazetteer[]) =>
  gaz.id === 'real' || (!SMOKE && gaz === all[all.length - 1]);

const rotate = <T>(list: T[], by: number): T[] => list.map((_, i) => list[(i + by) % list.length]);

/**
 * One page, every gazetteer, every contender, interleaved: each run visits every (gazetteer,
 * contender) pair once, in an order rotated from run to run, so ratios between contenders and
 * between alias counts are measured side by side even when the machine's load drifts. Run 0 goes
 * up the alias counts, so once mark.js is over the time limit the larger lists are not tried.
 */
async function measurePage(
  page: BenchPage,
  gazetteers: BenchGazetteer[],
  overAt: Map<string, number>,
): Promise<CellFigures[]> {
  const accs: Acc[] = gazetteers.map((gaz) => {
    const status: Acc['status'] = { exactly: 'ok', partially: 'ok' };
    for (const mode of ['exactly', 'partially'] as const)
      if (!CONFIG.markjs(page.id, gaz.terms.length)) status[mode] = 'not run';
    return { gaz, h: [], f: [], reg: [], mj: { exactly: [], partially: [] }, status };
  });
  for (let run = 0; run < CONFIG.runs; run++) {
    const t = performance.now();
    for (const acc of rotate(accs, run)) {
      const { gaz, mj, status } = acc;
      for (const mode of ['exactly', 'partially'] as const) {
        const over = overAt.get(`${page.id}/${mode}`);
        if (status[mode] === 'ok' && over !== undefined && gaz.terms.length > over) status[mode] = 'skipped';
      }
      for (const c of rotate(CONTENDERS, run)) {
        if (c === 'exactly' || c === 'partially') {
          if (status[c] !== 'ok') continue;
          // mark.js runs of more than 10 s are repeated 3 times, not 5: the medians move little, the run time a lot.
          if (mj[c].length >= 3 && mj[c][0].ms > 10_000) continue;
        }
        await open(`/page/${page.id}.html`);
        if (c === 'hashiya') {
          const h = await call<HashiyaResult>('hashiya', [
            `/gaz/${gaz.id}.json`,
            { pointer: pointerOn(gaz, gazetteers) },
          ]);
          acc.h.push(h);
          if (ONLY) logRun(page, gaz, h);
        } else if (c === 'floor') acc.f.push(await call<FloorResult>('floor', []));
        else if (c === 'register') acc.reg.push(await call<RegisterResult>('register', [`/gaz/${gaz.id}.json`]));
        else {
          const t = performance.now();
          let r: MarkjsResult;
          try {
            r = await call<MarkjsResult>(
              'markjs',
              [`/terms/${gaz.id}.json`, c, CONFIG.limitMs],
              CONFIG.limitMs + 60_000,
            );
          } catch (e) {
            r = { ms: NaN, frameMs: NaN, marks: 0, terms: gaz.terms.length, timedOut: false, error: String(e) };
          }
          if (r.timedOut || r.error) {
            status[c] = r.timedOut ? 'over' : `error: ${r.error}`;
            const key = `${page.id}/${c}`;
            overAt.set(key, Math.min(overAt.get(key) ?? Infinity, gaz.terms.length));
            log(
              `    ${page.label}, ${gaz.label}: mark.js ${c} ${r.timedOut ? 'over the time limit' : r.error} (${elapsed(t)})`,
            );
          } else mj[c].push(r);
        }
      }
    }
    log(`  ${page.label}: run ${run + 1}/${CONFIG.runs} done (${elapsed(t)})`);
  }
  if (PROFILE) for (const { gaz } of accs) await profileRun(page, gaz);
  return accs.map((acc) => cellOf(page, acc));
}

async function profileRun(page: BenchPage, gaz: BenchGazetteer) {
  await open(`/page/${page.id}.html`);
  const cdp = await tab.context().newCDPSession(tab);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await call<HashiyaResult>('hashiya', [`/gaz/${gaz.id}.json`, { pointer: false }]);
  const { profile } = await cdp.send('Profiler.stop');
  const file = `${PROFILE}.${page.id}.${gaz.id}.cpuprofile`;
  writeFileSync(file, JSON.stringify(profile));
  log(`    profile: ${file}`);
}

function logRun(page: BenchPage, gaz: BenchGazetteer, h: HashiyaResult) {
  const frames = h.frames
    .map(
      (f) =>
        `${f.ms.toFixed(0)} ms (script ${f.scriptMs.toFixed(0)}, render ${f.renderMs.toFixed(0)}; ${f.longestScript})`,
    )
    .join('; ');
  log(
    `    ${page.label}, ${gaz.label}: ${h.ms.toFixed(1)} ms, ${h.marks} marks, ${h.slices} slices, longest slice ` +
      `${h.longestSliceMs.toFixed(1)} ms (first ${h.firstSliceMs.toFixed(1)}), busy ${h.busyMs.toFixed(1)} ms, ` +
      `lookups ${h.lookups} (${h.lookupKeys} keys → ${h.lookupAliases} aliases; wait ${h.lookupWaitMs.toFixed(1)}, ` +
      `work ${h.lookupWorkMs.toFixed(1)}, json ${h.lookupJsonMs.toFixed(1)} ms), ` +
      `long tasks ${h.longTasks} (max ${h.longestLongTaskMs.toFixed(0)} ms)` +
      (frames ? `; long frames: ${frames}` : '') +
      (h.pointerSettled
        ? `; pointer once idle ${h.pointerSettled.gridUs.toFixed(1)} µs (grid points), ${h.pointerSettled.hitUs.toFixed(1)} µs (on marks)`
        : '') +
      `\n      slices: ${h.sliceTrace}`,
  );
}

function pointerFigures(list: (PointerResult | null)[]): CellFigures['pointer'] {
  const pointers = list.filter((p): p is PointerResult => !!p);
  if (!pointers.length) return null;
  return {
    gridUs: median(pointers.map((p) => p.gridUs)),
    hitUs: median(pointers.map((p) => p.hitUs)),
    maxUs: Math.max(...pointers.map((p) => p.maxUs)),
    caretUs: median(pointers.map((p) => p.caretUs)),
    hits: pointers[0].hitPoints,
    found: pointers[0].hitsFound,
    resUs: pointers[0].timerResolutionUs,
  };
}

function cellOf(page: BenchPage, { gaz, h, f, reg, mj, status }: Acc): CellFigures {
  const mjFig = (mode: 'exactly' | 'partially'): MarkjsFigures => ({
    stat: stat(mj[mode].map((r) => r.ms)),
    marks: mj[mode][0]?.marks ?? 0,
    status: status[mode],
  });
  return {
    page: page.id,
    pageLabel: page.label,
    gaz: gaz.id,
    gazLabel: gaz.label,
    terms: gaz.terms.length,
    gazEntries: gaz.gazetteer.aliases.length,
    hashiya: stat(h.map((x) => x.ms)),
    lookups: median(h.map((x) => x.lookups)),
    lookupKeys: median(h.map((x) => x.lookupKeys)),
    lookupAliases: median(h.map((x) => x.lookupAliases)),
    lookupWait: stat(h.map((x) => x.lookupWaitMs)),
    lookupWork: stat(h.map((x) => x.lookupWorkMs)),
    lookupJson: stat(h.map((x) => x.lookupJsonMs)),
    indexBuild: stat(h.map((x) => x.indexBuildMs)),
    frame: stat(h.map((x) => x.frameMs)),
    marks: h[0]?.marks ?? 0,
    floor: stat(f.map((x) => x.ms)),
    register: stat(reg.map((x) => x.ms)),
    longestSlice: stat(h.map((x) => x.longestSliceMs)),
    longestTask: stat(h.map((x) => Math.max(x.longestSliceMs, x.longestLongTaskMs))),
    busy: stat(h.map((x) => x.busyMs)),
    firstSlice: stat(h.map((x) => x.firstSliceMs)),
    slices: median(h.map((x) => x.slices)),
    longTasks: Math.max(0, ...h.map((x) => x.longTasks)),
    longestLongTask: Math.max(0, ...h.map((x) => x.longestLongTaskMs)),
    markjs: { exactly: mjFig('exactly'), partially: mjFig('partially') },
    pointer: pointerFigures(h.map((x) => x.pointer)),
    pointerSettled: pointerFigures(h.map((x) => x.pointerSettled)),
  };
}

// ---------- recognition quality ----------

function score(expected: string[], predicted: string[]) {
  const pool = new Map<string, number>();
  for (const e of expected) pool.set(e, (pool.get(e) ?? 0) + 1);
  let tp = 0;
  let fp = 0;
  for (const p of predicted) {
    const n = pool.get(p) ?? 0;
    if (n > 0) {
      tp++;
      pool.set(p, n - 1);
    } else fp++;
  }
  return { tp, fp, fn: expected.length - tp };
}

async function quality(index: ReturnType<typeof compileCorpus>, real: BenchGazetteer): Promise<QualityFigures[]> {
  const dir = join(ROOT, 'tests/eval/pages');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .sort();
  const annotate = createAnnotator(await openCompiled(index));
  const who: QualityFigures[] = [
    { who: 'Hashiya', tp: 0, fp: 0, fn: 0, perPage: [] },
    { who: 'mark.js exactly', tp: 0, fp: 0, fn: 0, perPage: [] },
    { who: 'mark.js partially', tp: 0, fp: 0, fn: 0, perPage: [] },
  ];
  const add = (q: QualityFigures, page: string, s: { tp: number; fp: number; fn: number }) => {
    q.tp += s.tp;
    q.fp += s.fp;
    q.fn += s.fn;
    q.perPage.push({ page, p: s.tp / (s.tp + s.fp), r: s.tp / (s.tp + s.fn) });
  };
  const key = (m: { entityId: string; surface: string }) => `${m.entityId} ${m.surface}`;
  for (const file of files) {
    const html = readFileSync(join(dir, file), 'utf8');
    serve(`/eval/${file}`, HTML, html);
    const expected = (
      JSON.parse(readFileSync(join(dir, file.replace(/\.html$/, '.expected.json')), 'utf8')) as {
        mentions: { entityId: string; surface: string }[];
      }
    ).mentions.map(key);
    const name = file.replace(/\.html$/, '');
    add(who[0], name, score(expected, (await annotate(htmlToText(html).text)).mentions.map(key)));
    for (const [i, mode] of [
      [1, 'exactly'],
      [2, 'partially'],
    ] as const) {
      await open(`/eval/${file}`);
      await tab.addScriptTag({ url: `${origin}/harness.js` });
      const marks = await call<{ term: string; surface: string }[]>('markjsMentions', [real.terms, mode]);
      const predicted = marks.map((m) => key({ entityId: real.termEntity[m.term], surface: m.surface }));
      add(who[i], name, score(expected, predicted));
    }
  }
  return who;
}

// ---------- main ----------

async function main() {
  if (process.argv.includes('--story')) {
    // Same story at 30,000 articles alone (Node, no browser): a quick way to this one figure.
    for (const line of storyLines(await storyScale())) process.stdout.write(`${line}\n`);
    return;
  }
  const started = new Date();
  const loadBefore = os.loadavg()[0];
  const t0 = performance.now();
  log(
    `bench: ${SMOKE ? 'smoke' : 'full'} run, ${CONFIG.runs} runs per figure, mark.js limit ${CONFIG.limitMs / 1000} s`,
  );

  const contentScript = REAL ? null : contentScriptSize(); // the real-pages table alone needs no build
  serve('/harness.js', 'text/javascript; charset=utf-8', await bundle('bench/browser/harness.ts'));
  serve('/background-worker.js', 'text/javascript; charset=utf-8', await bundle('bench/browser/background-worker.ts'));
  serve('/marks.css', 'text/css; charset=utf-8', marksCss());
  serve(
    '/blank.html',
    HTML,
    '<!doctype html><html><head><meta charset="utf-8"><script src="/harness.js"></script></head><body></body></html>',
  );

  // Real catalog and index, synthetic gazetteers.
  const seeds = readSeeds(join(ROOT, 'seeds'));
  const { entities } = parseCatalog(seeds.catalog.file, seeds.catalog.text);
  const realIndex = compileCorpus(seeds);
  serveIndex('/index/real/', encodeIndex(realIndex));
  const gazetteers: BenchGazetteer[] =
    !ONLY || ONLY.split(':')[1]?.split(',').includes('real') !== false ? [realGazetteer(entities, realIndex)] : [];
  for (const n of CONFIG.aliases) gazetteers.push(syntheticGazetteer(n));
  gazetteers.sort((a, b) => a.terms.length - b.terms.length);
  for (const g of gazetteers) {
    serve(`/gaz/${g.id}.json`, JSON_TYPE, JSON.stringify(g.gazetteer));
    serve(`/terms/${g.id}.json`, JSON_TYPE, JSON.stringify(g.terms));
  }
  log(
    `gazetteers: ${gazetteers.map((g) => `${g.label} (${g.gazetteer.aliases.length} entries)`).join(', ')} (${elapsed(t0)})`,
  );

  const pages = CONFIG.pages.map((p, i) => generatePage(p.id, p.lang, p.bytes, entities, 1000 + i));
  for (const p of pages) serve(`/page/${p.id}.html`, HTML, p.html);
  const realPages = ONLY ? [] : readRealPages();
  for (const p of realPages) serve(`/real/${p.id}.html`, HTML, p.html);
  const realRun = async (how: string) => {
    const real = gazetteers.find((g) => g.id === 'real')!;
    if (realPages.length) {
      await open(`/real/${realPages[0].id}.html`); // warm-up, discarded
      await call('hashiya', [`/gaz/${real.id}.json`, { pointer: false, scope: true }]);
    }
    const figs = await measureRealPages(realPages, CONFIG.runs, `/gaz/${real.id}.json`, open, call, log);
    return renderRealPages(figs, how);
  };

  const { server, origin: o } = await startServer();
  origin = o;
  browser = await chromium.launch({
    executablePath: process.env.HASHIYA_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      // gc() before each measurement; no compilation cache, so every page load compiles our code afresh
      // (otherwise how warm a run starts depends on what ran before it in the same renderer).
      '--js-flags=--expose-gc --no-compilation-cache',
    ],
  });
  await newTab();
  try {
    await open('/blank.html');
    const isolated = await tab.evaluate('crossOriginIsolated');
    if (!isolated) log('warning: bench pages are not cross-origin isolated (coarse timer)');
    if (REAL) {
      const section = await realRun(
        `Measured on its own (\`npm run bench -- --real\`) at ${codeVersion()}, ${new Date().toISOString()}, ` +
          `${CONFIG.runs} runs per page (medians), load average ${os.loadavg()[0].toFixed(1)}; Chromium ${browser.version()}.`,
      );
      await browser.close();
      server.close();
      const file = join(ROOT, 'bench/RESULTS.md');
      if (existsSync(file)) writeFileSync(file, withRealSection(readFileSync(file, 'utf8'), section));
      process.stdout.write(`${section}\n`);
      return;
    }

    // Page facts (from the floor's collectText).
    const pageInfo: PageInfo[] = [];
    for (const p of pages) {
      await open(`/page/${p.id}.html`);
      const fl = await call<FloorResult>('floor', []);
      pageInfo.push({
        id: p.id,
        label: p.label,
        htmlBytes: Buffer.byteLength(p.html),
        textBytes: p.textBytes,
        chars: fl.chars,
        textNodes: fl.textNodes,
      });
    }

    // Warm-up (discarded): the browser's first page loads are slower than the rest for reasons of its own.
    for (const page of pages) {
      for (const g of [gazetteers[0], gazetteers[gazetteers.length - 1]]) {
        await open(`/page/${page.id}.html`);
        await call('hashiya', [`/gaz/${g.id}.json`, { pointer: false }]);
        await open(`/page/${page.id}.html`);
        await call('floor', []);
        await open(`/page/${page.id}.html`);
        await call('register', [`/gaz/${g.id}.json`]);
      }
    }
    if (!ONLY) {
      await open(`/page/${pages[0].id}.html`);
      await call('markjs', [`/terms/${gazetteers[0].id}.json`, 'exactly', CONFIG.limitMs]);
    }
    log(`warm-up done (${elapsed(t0)})`);

    const cells: CellFigures[] = [];
    const overAt = new Map<string, number>();
    for (const page of pages) {
      const t = performance.now();
      for (const cell of await measurePage(page, gazetteers, overAt)) {
        cells.push(cell);
        const mjs = (m: MarkjsFigures) => (m.status === 'ok' ? `${m.stat.median.toFixed(0)} ms` : m.status);
        log(
          `${page.label}, ${cell.gazLabel}: Hashiya ${cell.hashiya.median.toFixed(1)} ms (${cell.marks} marks), ` +
            `floor ${cell.floor.median.toFixed(1)} ms, mark.js ${mjs(cell.markjs.exactly)} / ${mjs(cell.markjs.partially)}, ` +
            `longest slice ${cell.longestSlice.median.toFixed(1)} ms`,
        );
      }
      log(`${page.label} done (${elapsed(t)})`);
    }
    if (ONLY) {
      await browser.close();
      server.close();
      return;
    }

    const realSection = await realRun(`Measured in this run, ${CONFIG.runs} runs per page (medians).`);

    // Hover card on the real index.
    const cards: CardFigures[] = [];
    await open('/blank.html');
    const realCard = await call<CardResult>('cardsFromUrl', ['/index/real/', Math.max(5, CONFIG.runs)]);
    cards.push({ label: `real index (${realIndex.articles.length} article)`, ...realCard });
    log(`hover card: ${realCard.medianMs.toFixed(2)} ms median, ${realCard.maxMs.toFixed(2)} ms max`);

    // Recognition quality.
    const qual = await quality(
      realIndex,
      gazetteers.find((g) => g.id === 'real')!,
    );
    log(`quality: ${qual.map((q) => `${q.who} ${q.tp}/${q.fp}/${q.fn}`).join(', ')}`);

    // Corpus scale: compile (Node), load (Chromium); hover cards on the largest index.
    const corpus: CorpusFigures[] = [];
    // Serves a compiled index under `path`, times its load in the page and keeps the figures.
    const loadCorpus = async (
      path: string,
      c: { files: Parameters<typeof serveIndex>[1] } & Omit<
        CorpusFigures,
        'readMs' | 'parseMs' | 'structureMs' | 'loadMs'
      >,
    ) => {
      const unserve = serveIndex(path, c.files);
      await open('/blank.html');
      const load = await call<LoadResult>('loadIndex', [path, CONFIG.runs], 600_000);
      const { files: _files, ...scale } = c;
      corpus.push({
        ...scale,
        readMs: load.readMs,
        parseMs: load.parseMs,
        structureMs: load.structureMs,
        loadMs: load.ms,
      });
      return { load, unserve };
    };
    for (const n of CONFIG.corpus) {
      const t = performance.now();
      const c = corpusScale(n, seeds.catalog, entities, log);
      const { load, unserve } = await loadCorpus(`/index/${n}/`, c);
      log(
        `corpus ${n}: compile ${c.compileMs.toFixed(0)} ms, index.bin ${(c.indexBytes / 1e6).toFixed(2)} MB + ` +
          `${c.shards} shards ${(c.shardBytes / 1e6).toFixed(2)} MB, load ${load.ms.toFixed(1)} ms ` +
          `(read ${load.readMs.toFixed(1)}, parse ${load.parseMs.toFixed(1)}, structure ${load.structureMs.toFixed(1)}) (${elapsed(t)})`,
      );
      if (n === CONFIG.corpus[CONFIG.corpus.length - 1]) {
        await open('/blank.html');
        const big = await call<CardResult>('cardsFromUrl', [`/index/${n}/`, Math.max(5, CONFIG.runs), 5], 600_000);
        cards.push({ label: `${n.toLocaleString('en-US')}-article index, 5 busiest entities`, ...big });
        log(`hover card (${n} articles): ${big.medianMs.toFixed(2)} ms median, ${big.maxMs.toFixed(2)} ms max`);
      }
      unserve();
    }

    // Corpus scale on the real July slice (../shared): full runs only, it compiles 15,000 articles.
    if (SMOKE) log('corpus scale, real slice: skipped in the smoke run');
    else {
      const t = performance.now();
      const real = await realCorpusScale(ROOT, seeds.catalog, log);
      if (real) {
        const { load, unserve } = await loadCorpus('/index/real-slice/', real);
        log(
          `corpus ${real.label}: compile ${real.compileMs.toFixed(0)} ms, index.bin ${(real.indexBytes / 1e6).toFixed(2)} MB + ` +
            `${real.shards} shards ${(real.shardBytes / 1e6).toFixed(2)} MB (${(real.shardJsonBytes / 1e6).toFixed(2)} MB before gzip), ` +
            `load ${load.ms.toFixed(1)} ms (${elapsed(t)})`,
        );
        unserve();
      }
    }

    // Same story at corpus scale (Node): the real July slice topped up to 30,000 articles.
    const t = performance.now();
    const story = await storyScale(SMOKE ? 2_000 : 30_000, SMOKE ? 1 : CONFIG.runs);
    for (const line of storyLines(story)) log(line);
    log(`same story done (${elapsed(t)})`);

    const results: Results = {
      smoke: SMOKE,
      runs: CONFIG.runs,
      limitMs: CONFIG.limitMs,
      chromium: browser.version(),
      startedAt: started,
      elapsedMs: 0,
      code: codeVersion(),
      load: [loadBefore, os.loadavg()[0]],
      pages: pageInfo,
      cells,
      headline: CONFIG.headline,
      floorHeadline: CONFIG.floorHeadline,
      growth: CONFIG.growth,
      cards,
      bundle: contentScript!,
      corpus,
      quality: qual,
      story,
    };
    await browser.close();
    server.close();
    // Notes at scale: its own browser, on the built extension.
    const notesTable = renderNotesScale(await notesAtScale({ smoke: SMOKE, log }));
    results.elapsedMs = performance.now() - t0;
    const text = `${withRealSection(render(results), realSection)}\n\n${notesTable}`;
    if (!SMOKE) writeFileSync(join(ROOT, 'bench/RESULTS.md'), text + '\n');
    process.stdout.write(`${text}\n\n${summaryLine(summarize(results))}\n`);
  } catch (e) {
    await browser.close().catch(() => {});
    server.close();
    throw e;
  }
}

// `npm run bench -- --notes`: only the notes-at-scale table.
const entry = process.argv.includes('--notes')
  ? async () => process.stdout.write(`${renderNotesScale(await notesAtScale({ smoke: SMOKE, log }))}\n`)
  : main;

entry().catch((e) => {
  log(String(e?.stack ?? e));
  process.exit(1);
});
