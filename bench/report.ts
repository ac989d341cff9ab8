// Turns the figures bench/run.ts collected into the printed report and bench/RESULTS.md.
import { readFileSync } from 'node:fs';
import { storyLines, type StoryFigures } from './story';
import type { CardResult } from './browser/card';
import type { CorpusScaleResult } from './corpus-scale';
import os from 'node:os';

// ---- shapes collected by run.ts ----

export interface Stat {
  /** Median over runs; NaN when nothing was measured. */
  median: number;
  runs: number;
}

export interface CellFigures {
  page: string;
  pageLabel: string;
  gaz: string;
  gazLabel: string;
  terms: number;
  gazEntries: number;
  hashiya: Stat;
  /** Alias lookups sent to the (stand-in) background per run, keys sent, aliases shipped to the page. */
  lookups: number;
  lookupKeys: number;
  lookupAliases: number;
  /** Sums per run: waiting for answers (wall), the background's work, the page's JSON work. */
  lookupWait: Stat;
  lookupWork: Stat;
  lookupJson: Stat;
  /** The background's alias index build, once per background lifetime (not in the page's time). */
  indexBuild: Stat;
  frame: Stat;
  marks: number;
  floor: Stat;
  register: Stat;
  longestSlice: Stat;
  /** Per run the longer of our longest slice and the longest 'longtask' entry; median over runs. */
  longestTask: Stat;
  /** Our own main-thread time (sum of slices). */
  busy: Stat;
  firstSlice: Stat;
  slices: number;
  longTasks: number;
  longestLongTask: number;
  markjs: Record<'exactly' | 'partially', MarkjsFigures>;
  /** session.at() right after marking, and once the page has been idle a while (the steady state). */
  pointer: PointerFigures | null;
  pointerSettled: PointerFigures | null;
}

export interface PointerFigures {
  gridUs: number;
  hitUs: number;
  maxUs: number;
  caretUs: number;
  hits: number;
  found: number;
  resUs: number;
}

export interface MarkjsFigures {
  stat: Stat;
  marks: number;
  /** 'over' = over the time limit; 'skipped' = a smaller alias list was already over; 'not run'; 'error: …'. */
  status: 'ok' | 'over' | 'skipped' | string;
}

export interface PageInfo {
  id: string;
  label: string;
  htmlBytes: number;
  textBytes: number;
  chars: number;
  textNodes: number;
}

export type CardFigures = CardResult & { label: string };

/** What bench/corpus-scale.ts measured in Node, with the load measured in Chromium. */
export interface CorpusFigures extends Omit<CorpusScaleResult, 'files'> {
  /** A real-slice row (bench/real-corpus.ts): its label, shards before gzip, peak memory. */
  label?: string;
  shardJsonBytes?: number;
  peakRssBytes?: number;
  readMs: number;
  parseMs: number;
  structureMs: number;
  loadMs: number;
}

export interface QualityFigures {
  who: string;
  tp: number;
  fp: number;
  fn: number;
  perPage: { page: string; p: number; r: number }[];
}

export interface Results {
  smoke: boolean;
  runs: number;
  limitMs: number;
  chromium: string;
  startedAt: Date;
  elapsedMs: number;
  /** Commit measured (and uncommitted source changes, if any). */
  code: string;
  /** 1-minute load average at the start and at the end of the run. */
  load: [number, number];
  pages: PageInfo[];
  cells: CellFigures[];
  headline: { page: string; aliases: number };
  floorHeadline: { page: string; aliases: number };
  growth: { page: string; from: number; to: number };
  cards: CardFigures[];
  bundle: { file: string; bytes: number; gzipBytes: number; builtAt: string };
  corpus: CorpusFigures[];
  quality: QualityFigures[];
  /** Same story at corpus scale (bench/story.ts, Node). */
  story: StoryFigures;
}

// ---- formatting ----

const en = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

export function ms(n: number): string {
  if (!Number.isFinite(n)) return '–';
  if (n >= 1000) return `${en(n / 1000, 2)} s`;
  if (n >= 100) return `${en(n, 0)} ms`;
  if (n >= 10) return `${en(n, 1)} ms`;
  return `${en(n, 2)} ms`;
}

export const ratio = (n: number) => (Number.isFinite(n) ? `${en(n, 2)}×` : '–');
const kb = (n: number) => (n >= 1_000_000 ? `${en(n / 1_000_000, 1)} MB` : `${en(n / 1000, 1)} kB`);

function table(headers: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}

function markjsCell(f: MarkjsFigures, limitMs: number, runs: number): string {
  if (f.status === 'over') return `over the time limit (${limitMs / 1000} s)`;
  if (f.status === 'skipped') return 'over the time limit (smaller list already over)';
  if (f.status === 'not run') return 'not run (smoke)';
  if (f.status !== 'ok') return f.status;
  return f.stat.runs < runs ? `${ms(f.stat.median)} (${f.stat.runs} runs)` : ms(f.stat.median);
}

/** mark.js time for ratios: the limit stands in (as a lower bound) when it was over the limit. */
function markjsTime(f: MarkjsFigures, limitMs: number): { t: number; lowerBound: boolean } {
  if (f.status === 'ok') return { t: f.stat.median, lowerBound: false };
  if (f.status === 'over' || f.status === 'skipped') return { t: limitMs, lowerBound: true };
  return { t: NaN, lowerBound: false };
}

/** Hashiya's speed-up over the faster of the two mark.js modes (the conservative figure). */
export function speedup(c: CellFigures, limitMs: number): { value: number; lowerBound: boolean } {
  const a = markjsTime(c.markjs.exactly, limitMs);
  const b = markjsTime(c.markjs.partially, limitMs);
  const best = [a, b].filter((x) => Number.isFinite(x.t)).sort((x, y) => x.t - y.t)[0];
  if (!best) return { value: NaN, lowerBound: false };
  return { value: best.t / c.hashiya.median, lowerBound: best.lowerBound };
}

const taskOf = (c: CellFigures) => c.longestTask.median;

export interface Summary {
  vsMarkjs: number;
  vsMarkjsLowerBound: boolean;
  vsFloor: number;
  vsFloorHl: number;
  longestTask: number;
  longestTaskCell: string;
  growth: number;
  growthBusy: number;
}

export function summarize(r: Results): Summary {
  const cell = (page: string, aliases: number) => r.cells.find((c) => c.page === page && c.gaz === `syn-${aliases}`);
  const head = cell(r.headline.page, r.headline.aliases);
  const fl = cell(r.floorHeadline.page, r.floorHeadline.aliases);
  const g0 = cell(r.growth.page, r.growth.from);
  const g1 = cell(r.growth.page, r.growth.to);
  const sp = head ? speedup(head, r.limitMs) : { value: NaN, lowerBound: false };
  let worst = r.cells[0];
  for (const c of r.cells) if (taskOf(c) > taskOf(worst)) worst = c;
  return {
    vsMarkjs: sp.value,
    vsMarkjsLowerBound: sp.lowerBound,
    vsFloor: fl ? fl.hashiya.median / fl.floor.median : NaN,
    vsFloorHl: fl ? fl.hashiya.median / (fl.floor.median + fl.register.median) : NaN,
    longestTask: taskOf(worst),
    longestTaskCell: `${worst.pageLabel}, ${worst.gazLabel}`,
    growth: g0 && g1 ? g1.hashiya.median / g0.hashiya.median : NaN,
    growthBusy: g0 && g1 ? g1.busy.median / g0.busy.median : NaN,
  };
}

export function summaryLine(s: Summary): string {
  const f = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : 'NaN');
  return `summary: vs-markjs=${f(s.vsMarkjs)} vs-floor=${f(s.vsFloor)} longest-task-ms=${f(s.longestTask)} alias-growth=${f(s.growth)}`;
}

export function machine(chromium: string): string {
  let cpu = os.cpus()[0]?.model ?? 'unknown';
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) cpu = m[1].trim();
  } catch {
    // not Linux: os.cpus() has the model
  }
  return (
    `${cpu}, ${os.cpus().length} cores, ${en(os.totalmem() / 2 ** 30, 1)} GiB RAM, ${os.platform()} ${os.release()}; ` +
    `Node ${process.version}; Chromium ${chromium} (headless)`
  );
}

export function render(r: Results): string {
  const s = summarize(r);
  const byPage = (id: string) => r.pages.find((p) => p.id === id)!;
  const cellOf = (page: string, aliases: number) => r.cells.find((c) => c.page === page && c.gaz === `syn-${aliases}`);
  const head = cellOf(r.headline.page, r.headline.aliases);
  const fl = cellOf(r.floorHeadline.page, r.floorHeadline.aliases);
  const realCell = r.cells.find((c) => c.page === r.headline.page && c.gaz === 'real') ?? r.cells[0];
  const pointerCost = (p: PointerFigures | null) =>
    p ? Math.max(p.gridUs, Number.isFinite(p.hitUs) ? p.hitUs : 0) : NaN;
  const withPointer = r.cells.filter((c) => c.pointerSettled);
  const worstPointer = withPointer.reduce(
    (a, c) => (pointerCost(c.pointerSettled) > pointerCost(a.pointerSettled) ? c : a),
    withPointer[0] ?? r.cells[0],
  );
  const realCard = r.cards[0];
  const worstCard = r.cards.reduce((a, c) => (c.maxMs > a.maxMs ? c : a), r.cards[0]);
  const bigCorpus = r.corpus[r.corpus.length - 1];
  const yes = (ok: boolean) => (ok ? 'met' : '**missed**');
  const hl = (c?: CellFigures) => (c ? `${c.pageLabel}, ${c.gazLabel} aliases` : '–');

  const out: string[] = [];
  out.push(`# Hashiya benchmarks${r.smoke ? ' (smoke run)' : ''}`);
  out.push('');
  out.push(`- Machine: ${machine(r.chromium)}`);
  out.push(`- Code: ${r.code}`);
  out.push(
    `- Run: ${r.startedAt.toISOString()}, ${r.smoke ? 'smoke' : 'full'} mode, ${r.runs} runs per figure (medians), ` +
      `contenders interleaved in one browser session (fresh page load per run); mark.js time limit ${r.limitMs / 1000} s; ` +
      `whole run took ${ms(r.elapsedMs)}. Load average (1 min) ${en(r.load[0], 1)} at the start, ${en(r.load[1], 1)} at the end ` +
      `(other jobs on the machine inflate and scatter the times).`,
  );
  out.push(
    '- Hashiya = `createMarkSession({ recognizer: createRecognizer(lookup) }).start()` (page/marks.ts, page/recognizer.ts, ' +
      'bundled), to every mention found and tracked (those near the viewport registered as highlights, page/visible-marks.ts; ' +
      'the rest when scrolled to); the background that answers alias lookups (engine/alias-lookup.ts) is stood ' +
      'in for by a worker, requests and answers as JSON strings. Floor = `collectText` + `normalize` over the same page. "+ highlights" = ' +
      'Range creation + `Highlight.add` for the same mentions, all of them. Synthetic catalogs keep their names out of the ' +
      "pages' words (bench/gazetteers.ts says why), so every catalog size finds the same names on a page. " +
      'mark.js = `mark(allAliases, { accuracy, separateWordSearch: false })`, ' +
      "terms in batches of 250 in mark.js's own order (one call with more terms overflows the stack: mark.js recurses once per term). " +
      "Every run is a fresh page load with V8's compilation cache off, so all code runs cold, as a content script does on a new page.",
  );
  out.push('');
  out.push('## Targets');
  out.push('');
  const sp = s.vsMarkjsLowerBound ? `≥ ${ratio(s.vsMarkjs)}` : ratio(s.vsMarkjs);
  out.push(
    table(
      ['Target', 'Measured', ''],
      [
        [
          `Hashiya ≥ 100× faster than mark.js end to end (${hl(head)})`,
          `${sp} (faster mark.js mode${s.vsMarkjsLowerBound ? ', which was over the time limit' : ''})`,
          yes(s.vsMarkjs >= 100),
        ],
        [
          `within 2× of the scan-only floor + registering highlights (${hl(fl)})`,
          `${ratio(s.vsFloorHl)} (vs floor alone ${ratio(s.vsFloor)})`,
          yes(s.vsFloorHl <= 2),
        ],
        ['no task of ours over 10 ms', `${ms(s.longestTask)} (${s.longestTaskCell})`, yes(s.longestTask <= 10)],
        [
          `${en(r.growth.from)} → ${en(r.growth.to)} aliases costs ≤ 1.3× (${byPage(r.growth.page).label})`,
          `${ratio(s.growth)} (our main-thread time only: ${ratio(s.growthBusy)})`,
          yes(s.growth <= 1.3),
        ],
        [
          'pointer lookup `session.at(x, y)` < 50 µs',
          worstPointer.pointerSettled
            ? `${en(worstPointer.pointerSettled.gridUs, 1)} µs grid / ${en(worstPointer.pointerSettled.hitUs, 1)} µs on marks once idle ` +
              `(worst page: ${hl(worstPointer)}; right after marking ${en(worstPointer.pointer!.gridUs, 1)} / ${en(worstPointer.pointer!.hitUs, 1)} µs, ` +
              `the browser's hit test alone ${en(worstPointer.pointerSettled.caretUs, 1)} µs)`
            : '–',
          yes(pointerCost(worstPointer.pointerSettled) < 50),
        ],
        [
          'hover card < 16 ms of work',
          realCard
            ? `${ms(realCard.medianMs)} median, ${ms(realCard.maxMs)} max (real index); ${ms(worstCard.maxMs)} max (${worstCard.label}); first card of a page (cold code) ${ms(realCard.firstMs)}`
            : '–',
          yes(!!worstCard && worstCard.maxMs < 16),
        ],
        [
          'content script ≤ 60 kB gzipped',
          `${kb(r.bundle.gzipBytes)} gzipped (${kb(r.bundle.bytes)} raw)`,
          yes(r.bundle.gzipBytes <= 60_000),
        ],
        [
          `${en(bigCorpus?.articles ?? 0)}-article index loads < 50 ms`,
          bigCorpus ? `${ms(bigCorpus.loadMs)} (${kb(bigCorpus.indexBytes)} index.bin; texts read per card)` : '–',
          yes(!!bigCorpus && bigCorpus.loadMs < 50),
        ],
        [
          `same-story lookup ≤ 10 ms per page at ${en(r.story.articles)} articles (Node)`,
          `${ms(r.story.medianMs)} median, ${ms(r.story.p95Ms)} p95, ${ms(r.story.maxMs)} max over ${r.story.pages} pages`,
          yes(r.story.maxMs <= 10),
        ],
      ],
    ),
  );
  out.push('');
  out.push('## Pages');
  out.push('');
  out.push(
    table(
      ['Page', 'HTML', 'visible text (UTF-8)', 'characters read', 'text nodes'],
      r.pages.map((p) => [p.label, kb(p.htmlBytes), kb(p.textBytes), en(p.chars), en(p.textNodes)]),
    ),
  );
  out.push('');
  out.push('## Time to all marks: Hashiya, the scan-only floor, mark.js');
  out.push('');
  out.push(
    table(
      [
        'Page',
        'Aliases (gazetteer entries)',
        'Hashiya',
        'lookups (aliases shipped)',
        'marks',
        'floor',
        '+ highlights',
        'Hashiya / floor',
        'Hashiya / (floor + hl)',
        'mark.js exactly',
        'mark.js partially',
        'mark.js marks (exactly / partially)',
        'speed-up vs mark.js',
      ],
      r.cells.map((c) => {
        const sp = speedup(c, r.limitMs);
        return [
          c.pageLabel,
          `${c.gazLabel} (${en(c.gazEntries)})`,
          ms(c.hashiya.median),
          `${en(c.lookups)} (${en(c.lookupAliases)})`,
          en(c.marks),
          ms(c.floor.median),
          ms(c.register.median),
          ratio(c.hashiya.median / c.floor.median),
          ratio(c.hashiya.median / (c.floor.median + c.register.median)),
          markjsCell(c.markjs.exactly, r.limitMs, r.runs),
          markjsCell(c.markjs.partially, r.limitMs, r.runs),
          `${c.markjs.exactly.status === 'ok' ? en(c.markjs.exactly.marks) : '–'} / ${c.markjs.partially.status === 'ok' ? en(c.markjs.partially.marks) : '–'}`,
          Number.isFinite(sp.value) ? `${sp.lowerBound ? '≥ ' : ''}${ratio(sp.value)}` : '–',
        ];
      }),
    ),
  );
  out.push('');
  out.push('## Main thread: our longest task');
  out.push('');
  out.push(
    'Own measurement: the harness wraps `scheduler.yield` and the alias lookups and times every stretch of our code ' +
      'between two yields or between a yield and a wait for the background (a slice). Long tasks: ' +
      "PerformanceObserver 'longtask' entries (≥ 50 ms) during Hashiya's run. Longest task = per run the longer of the two, median over runs.",
  );
  out.push('');
  out.push(
    table(
      [
        'Page',
        'Aliases',
        'slices',
        'longest slice',
        'first slice',
        'our time (sum of slices)',
        'time to all marks',
        'long tasks ≥ 50 ms (max of runs)',
        'longest task (median of runs)',
        'to next frame',
      ],
      r.cells.map((c) => [
        c.pageLabel,
        c.gazLabel,
        en(c.slices),
        ms(c.longestSlice.median),
        ms(c.firstSlice.median),
        ms(c.busy.median),
        ms(c.hashiya.median),
        c.longTasks ? `${en(c.longTasks)} (${ms(c.longestLongTask)})` : '0',
        ms(c.longestTask.median),
        ms(c.frame.median),
      ]),
    ),
  );
  out.push('');
  out.push('## Alias growth (Hashiya, time to all marks)');
  out.push('');
  const sizes = [...new Set(r.cells.filter((c) => c.gaz.startsWith('syn-')).map((c) => c.terms))].sort((a, b) => a - b);
  out.push(
    table(
      [
        'Page',
        ...sizes.map((n) => en(n)),
        `growth ${en(sizes[0])} → ${en(sizes[sizes.length - 1])}`,
        'our main-thread time (sum of slices)',
        'aliases shipped to the page',
        'background alias index build (once per lifetime)',
      ],
      r.pages.map((p) => {
        const row = sizes.map((n) => r.cells.find((c) => c.page === p.id && c.gaz === `syn-${n}`));
        const a = row[0];
        const b = row[row.length - 1];
        return [
          p.label,
          ...row.map((c) => (c ? ms(c.hashiya.median) : '–')),
          a && b ? ratio(b.hashiya.median / a.hashiya.median) : '–',
          a && b ? `${ms(a.busy.median)} → ${ms(b.busy.median)} (${ratio(b.busy.median / a.busy.median)})` : '–',
          a && b ? `${en(a.lookupAliases)} → ${en(b.lookupAliases)}` : '–',
          a && b ? `${ms(a.indexBuild.median)} → ${ms(b.indexBuild.median)}` : '–',
        ];
      }),
    ),
  );
  out.push('');
  out.push('## Alias lookups: page ↔ background');
  out.push('');
  out.push(
    'Per run: lookups sent, distinct lookup keys sent, aliases received; waiting = wall time from request to answer ' +
      '(summed), background = the lookup itself in the worker, page JSON = stringify of the keys + parse of the answers on the page.',
  );
  out.push('');
  out.push(
    table(
      ['Page', 'Aliases', 'lookups', 'keys sent', 'aliases shipped', 'waiting', 'background work', 'page JSON'],
      r.cells.map((c) => [
        c.pageLabel,
        c.gazLabel,
        en(c.lookups),
        en(c.lookupKeys),
        en(c.lookupAliases),
        ms(c.lookupWait.median),
        ms(c.lookupWork.median),
        ms(c.lookupJson.median),
      ]),
    ),
  );
  out.push('');
  out.push('## Pointer lookup: `session.at(x, y)`');
  out.push('');
  const resUs = r.cells.find((c) => c.pointer)?.pointer?.resUs ?? NaN;
  out.push(
    `Mean per call over a 32 × 20 grid of the viewport and over the centres of marks in view (timer resolution ${en(resUs, 1)} µs, ` +
      'cross-origin isolated page): right after marking, and again after 1 s and an idle period. Measured on the real catalog ' +
      'and the largest synthetic list.',
  );
  out.push('');
  const us = (n: number | undefined) => (n !== undefined && Number.isFinite(n) ? en(n, 1) : '–');
  out.push(
    table(
      [
        'Page',
        'Aliases',
        'just marked: grid µs/call',
        'just marked: on marks µs/call',
        'idle: grid µs/call',
        'idle: on marks µs/call',
        'browser hit test alone (caretPositionFromPoint) µs',
        'marks in view (found)',
        'slowest single call µs',
      ],
      r.cells
        .filter((c) => c.pointer)
        .map((c) => [
          c.pageLabel,
          c.gazLabel,
          us(c.pointer!.gridUs),
          us(c.pointer!.hitUs),
          us(c.pointerSettled?.gridUs),
          us(c.pointerSettled?.hitUs),
          us(c.pointerSettled?.caretUs ?? c.pointer!.caretUs),
          `${en(c.pointer!.hits)} (${en(c.pointerSettled?.found ?? c.pointer!.found)})`,
          en(Math.max(c.pointer!.maxUs, c.pointerSettled?.maxUs ?? 0), 0),
        ]),
    ),
  );
  out.push('');
  out.push('## Hover card: work after the dwell delay');
  out.push('');
  out.push(
    "`entityCard()` (background/cards.ts) on the opened index, reading its card shard over HTTP (shard caches cleared before every card; in the extension a page's story match reads them ahead) + rendering `HoverCard` with Preact into a detached closed shadow root; " +
      'per entity the median of the repetitions, then median and max over entities. "Attached" also appends the host and forces style + layout.',
  );
  out.push('');
  out.push(
    table(
      [
        'Index',
        'entities',
        'median',
        'max (entity)',
        'first card (cold)',
        'entityCard',
        'render',
        'attached + layout median / max',
      ],
      r.cards.map((c) => [
        c.label,
        en(c.entities),
        ms(c.medianMs),
        `${ms(c.maxMs)} (${c.maxEntity})`,
        ms(c.firstMs),
        ms(c.dataMs),
        ms(c.renderMs),
        `${ms(c.attachedMedianMs)} / ${ms(c.attachedMaxMs)}`,
      ]),
    ),
  );
  out.push('');
  out.push('## Content script bundle');
  out.push('');
  out.push(
    `${r.bundle.file}: ${kb(r.bundle.bytes)} raw, **${kb(r.bundle.gzipBytes)} gzipped** (node:zlib, level 9), built ${r.bundle.builtAt}.`,
  );
  out.push('');
  out.push('## Same story at corpus scale');
  out.push('');
  out.push(
    'bench/story.ts, in Node: the real SaudiNewsNet July slice (../shared, evaluation only) topped up with synthetic ' +
      'articles, compiled and encoded by the real compiler and opened by the real loader; then `scoreStories` (the ' +
      "background's part of a story match: shingle and word index lookups, candidates, scoring) on pages that are not " +
      'in the corpus (tests/eval/real-story pages and tests/eval pages), median of runs per page.',
  );
  out.push('');
  out.push(storyLines(r.story).join('\n'));
  out.push('');
  out.push('## Corpus scale: compile, index size, index load');
  out.push('');
  out.push(
    'Synthetic articles from corpus sentences and templates naming a varied cast of catalog entities, compiled with ' +
      '`compileCorpus` + `encodeIndex` from in-memory SeedFiles (Node). Load = what the background does before it can answer ' +
      'a lookup or a story match (background/ready-corpus.ts: read index.bin, check it and view its tables, build the alias ' +
      'index and the story context), in Chromium over HTTP. No shard is read at load; the hover cards above read theirs.',
  );
  out.push('');
  out.push(
    table(
      [
        'Articles',
        'article text',
        'compile',
        'mentions',
        'index.bin',
        'gzipped',
        'shards (read on demand)',
        'read',
        'check + view',
        'structure',
        'load total',
        'installed / article',
      ],
      r.corpus.map((c) => [
        c.label ?? en(c.articles),
        kb(c.textBytes),
        ms(c.compileMs),
        en(c.mentions),
        kb(c.indexBytes),
        kb(c.indexGzipBytes),
        `${en(c.shards)}, ${kb(c.shardBytes)}`,
        ms(c.readMs),
        ms(c.parseMs),
        ms(c.structureMs),
        ms(c.loadMs),
        kb((c.indexBytes + c.shardBytes) / c.articles),
      ]),
    ),
  );
  for (const c of r.corpus.filter((c) => c.label)) {
    const before = c.indexBytes + (c.shardJsonBytes ?? c.shardBytes);
    out.push('');
    out.push(
      `${c.label}: \`../shared/real-news/saudinewsnet-2015-07\` imported as \`corpus -- import\` does, compiled with ` +
        `the shipped catalog (bench/real-corpus.ts). The same shards uncompressed: ${kb(c.shardJsonBytes ?? 0)}; ` +
        `installed per article ${kb(before / c.articles)} so, ${kb((c.indexBytes + c.shardBytes) / c.articles)} gzipped ` +
        `(${en(((c.indexBytes + c.shardBytes) / before) * 100, 1)}%). Peak memory of the bench process by the end of ` +
        `the build: ${en((c.peakRssBytes ?? 0) / 1e6)} MB.`,
    );
  }
  out.push('');
  out.push('## Recognition quality on the evaluation pages (tests/eval/pages)');
  out.push('');
  out.push(
    '(entityId, surface) multisets against *.expected.json. Hashiya: `createAnnotator` over `htmlToText`. mark.js: all ' +
      'real-catalog aliases as terms on the live page in Chromium, each outermost mark mapped back to its entity through the term that made it.',
  );
  out.push('');
  const pct = (a: number, b: number) => (b ? `${en((a / b) * 100, 1)}%` : '–');
  out.push(
    table(
      ['Recognizer', 'precision', 'recall', 'right', 'extra', 'missed'],
      r.quality.map((q) => [q.who, pct(q.tp, q.tp + q.fp), pct(q.tp, q.tp + q.fn), en(q.tp), en(q.fp), en(q.fn)]),
    ),
  );
  if (r.quality.length) {
    out.push('');
    const pages = r.quality[0].perPage.map((p) => p.page);
    out.push(
      table(
        ['Page', ...r.quality.map((q) => `${q.who} P / R`)],
        pages.map((page) => [
          page,
          ...r.quality.map((q) => {
            const x = q.perPage.find((p) => p.page === page)!;
            const f = (n: number) => (Number.isFinite(n) ? `${Math.round(n * 100)}%` : '–');
            return `${f(x.p)} / ${f(x.r)}`;
          }),
        ]),
      ),
    );
  }
  out.push('');
  out.push('```');
  out.push(summaryLine(s));
  out.push('```');
  return out.join('\n');
}
