// In-page contenders built from the real code: Hashiya (page/marks/recognizer.ts createRecognizer +
// page/marks/session.ts createMarkSession, as page/start.ts runs them, with the background's alias lookups
// answered by a worker — bench/browser/background-worker.ts), the scan-only floor (collectText +
// normalize), and the cost of registering highlights alone (for "floor + highlights").
import { createMatcher, pageEvidence } from '../../engine/match/matcher';
import { collectText, rangeFor } from '../../engine/text/dom-text';
import { articleScopeSteps, findArticleScope } from '../../engine/text/article-scope';
import { normalize } from '../../engine/text/normalize';
import type { EntityType, Gazetteer } from '../../engine/types';
import type { AliasBatch } from '../../engine/match/alias-lookup';
import { createMarkSession, type MarkSession } from '../../page/marks/session';
import { createRecognizer } from '../../page/marks/recognizer';
import { chunkText } from '../../page/marks/chunks';
import { drive } from '../../page/marks/yield';
import { Highlights } from '../../page/marks/highlights';
import { afterFrame, fetchJson, median, now, settle, sleep } from './util';

const ALL_TYPES: EntityType[] = ['person', 'organization', 'place', 'product', 'event', 'other'];

export interface HashiyaResult {
  /** createRecognizer + session.start(): from the session's start to all highlights registered. */
  ms: number;
  /** Until the frame after the last mark was produced. */
  frameMs: number;
  marks: number;
  /** Our own slices between yields (and awaits of the background). */
  slices: number;
  /** Each slice, ms, in order; 'L' marks a wait for the background, 'IO' a callback of our
   *  IntersectionObserver (page/marks/visible-marks.ts), timed until the frame after the last mark. */
  sliceTrace: string;
  longestSliceMs: number;
  /** Sum of our slices: our own main-thread time, without the gaps where the page had the thread. */
  busyMs: number;
  firstSliceMs: number;
  /** PerformanceObserver 'longtask' entries (≥ 50 ms) during the run. */
  longTasks: number;
  longestLongTaskMs: number;
  /** Alias lookups sent to the background, keys sent, aliases received. */
  lookups: number;
  lookupKeys: number;
  lookupAliases: number;
  /** Wall time spent waiting for lookups (sum), the background's own work (sum), and the page's JSON work (sum). */
  lookupWaitMs: number;
  lookupWorkMs: number;
  lookupJsonMs: number;
  /** The background's alias index build (once per background lifetime, not in `ms`). */
  indexBuildMs: number;
  /** session.at() right after marking, and after 1 s + an idle period. */
  pointer: PointerResult | null;
  pointerSettled: PointerResult | null;
  /** Long animation frames (≥ 50 ms) during the run: where a long task's time went. */
  frames: FrameFigures[];
}

export interface FrameFigures {
  ms: number;
  /** Script time in the frame, and the longest script with its source. */
  scriptMs: number;
  longestScript: string;
  /** Style, layout and paint: from renderStart to the frame's end. */
  renderMs: number;
}

export interface PointerResult {
  gridPoints: number;
  hitPoints: number;
  hitsFound: number;
  /** Mean µs per at() call, median over repetitions. */
  gridUs: number;
  hitUs: number;
  /** Slowest single call seen (µs, timer resolution permitting). */
  maxUs: number;
  /** The browser's hit test alone (caretPositionFromPoint) over the same grid, µs per call. */
  caretUs: number;
  timerResolutionUs: number;
}

type Sched = { yield: () => Promise<void> };

const channelYield = () =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });

interface Background {
  lookup(keys: string[], withCrowded: boolean): Promise<AliasBatch>;
  stats: { lookups: number; keys: number; aliases: number; waitMs: number; workMs: number; jsonMs: number };
  indexBuildMs: number;
  close(): void;
}

/** Starts the stand-in background (a worker) with the alias index of `gazUrl`. */
async function startBackground(gazUrl: string): Promise<Background> {
  const worker = new Worker('/background-worker.js');
  const pending = new Map<number, (msg: { body: string; workMs: number }) => void>();
  let indexBuildMs = 0;
  const loaded = new Promise<void>((resolve) => {
    worker.onmessage = (e: MessageEvent) => {
      if (e.data.type === 'loaded') {
        indexBuildMs = e.data.buildMs;
        resolve();
      } else pending.get(e.data.id)?.(e.data);
    };
  });
  worker.postMessage({ type: 'load', url: gazUrl });
  await loaded;
  const stats = { lookups: 0, keys: 0, aliases: 0, waitMs: 0, workMs: 0, jsonMs: 0 };
  let nextId = 0;
  return {
    stats,
    indexBuildMs,
    close: () => worker.terminate(),
    lookup(keys, withCrowded) {
      const id = ++nextId;
      const t0 = now();
      const body = JSON.stringify({ keys, crowded: withCrowded });
      stats.jsonMs += now() - t0;
      return new Promise((resolve) => {
        pending.set(id, (msg) => {
          pending.delete(id);
          const t1 = now();
          const batch = JSON.parse(msg.body) as AliasBatch;
          const t2 = now();
          stats.lookups++;
          stats.keys += keys.length;
          stats.aliases += batch.aliases.length;
          stats.waitMs += t1 - t0;
          stats.workMs += msg.workMs;
          stats.jsonMs += t2 - t1;
          resolve(batch);
        });
        worker.postMessage({ type: 'lookup', id, body });
      });
    },
  };
}

/** `scope`: find the article first (in slices) and mark only there, as page/start.ts does (real pages); timed. */
export async function hashiya(
  gazUrl: string,
  opts: { pointer?: boolean; scope?: boolean } = {},
): Promise<HashiyaResult> {
  const background = await startBackground(gazUrl);
  await settle();
  const longTasks: PerformanceEntry[] = [];
  const po = new PerformanceObserver((list) => longTasks.push(...list.getEntries()));
  po.observe({ type: 'longtask' });
  const loafs: PerformanceEntry[] = [];
  const lo = new PerformanceObserver((list) => loafs.push(...list.getEntries()));
  lo.observe({ type: 'long-animation-frame' });

  // Instrument the yields page/marks/yield.ts makes: each call ends a slice of ours, each resume starts one.
  // Waiting for the background also ends a slice: the lookup wrapper below marks those.
  // Firefox before 142 has no scheduler.yield: page/marks/yield.ts then yields through a
  // MessageChannel, which the harness installs as scheduler.yield for the run (the same yield, timed).
  const g = globalThis as unknown as { scheduler?: Partial<Sched> };
  const created = !g.scheduler;
  const sched = (g.scheduler ??= {}) as Sched;
  const realYield = sched.yield ? sched.yield.bind(sched) : channelYield;
  const slices: number[] = [];
  const trace: string[] = [];
  let sliceStart = 0;
  const endSlice = (at: number, label = '') => {
    slices.push(at - sliceStart);
    trace.push(`${(at - sliceStart).toFixed(1)}${label}`);
  };
  // When a lookup was sent: its slice ends there if the session then waits for the answer, but runs
  // on to the next yield if the session works meanwhile (page/marks/session.ts overlaps the two).
  let sent: number | null = null;
  // Our IntersectionObserver's callbacks are tasks of ours too: each is timed as a slice. A yield
  // inside one (it applies a long report in slices) is not the session's: not counted as its slice.
  let inCallback = false;
  let timing = true;
  const RealObserver = window.IntersectionObserver;
  window.IntersectionObserver = class extends RealObserver {
    constructor(callback: IntersectionObserverCallback, options?: IntersectionObserverInit) {
      super((entries, observer) => {
        const begun = now();
        inCallback = true;
        try {
          callback(entries, observer);
        } finally {
          inCallback = false;
          if (timing) {
            const ms = now() - begun;
            slices.push(ms);
            trace.push(`${ms.toFixed(1)} IO`);
          }
        }
      }, options);
    }
  };
  sched.yield = () => {
    if (inCallback) return realYield();
    endSlice(now());
    sent = null;
    return realYield().then(() => {
      sliceStart = now();
    });
  };
  const lookup = async (keys: string[], withCrowded: boolean) => {
    const batch = background.lookup(keys, withCrowded);
    sent = now();
    const b = await batch;
    if (sent !== null) endSlice(sent, ' L');
    sent = null;
    sliceStart = now();
    return b;
  };

  await sleep(0); // start in a task of its own, as the content script does
  const t0 = now();
  sliceStart = t0;
  let session: MarkSession;
  let t1: number;
  try {
    // In slices, as page/marks/scope.ts finds it: its slices are timed with the session's.
    const skip = opts.scope ? (await drive(articleScopeSteps(document))).skips : undefined;
    session = createMarkSession({
      root: document.body,
      skip,
      recognizer: createRecognizer(lookup),
      style: 'underline',
      types: new Set(ALL_TYPES),
      noted: new Set(),
    });
    await session.start();
    t1 = now();
    endSlice(t1, ' end');
  } finally {
    window.IntersectionObserver = RealObserver;
    if (created) delete g.scheduler;
    else delete (sched as Partial<Sched>).yield;
  }
  await afterFrame();
  const t2 = now();
  await sleep(60);
  timing = false;
  longTasks.push(...po.takeRecords());
  po.disconnect();
  loafs.push(...lo.takeRecords());
  lo.disconnect();
  background.close();
  const ours = longTasks.filter((e) => e.startTime + e.duration >= t0 && e.startTime <= t2);
  const { stats } = background;
  // Pointer lookup right after marking, and again once the page has been idle for a while (work
  // the session defers to idle time, if any, is done by then).
  const pointer = opts.pointer ? measurePointer(session) : null;
  let pointerSettled: PointerResult | null = null;
  if (opts.pointer) {
    await sleep(1000);
    await new Promise((r) => requestIdleCallback(() => r(null), { timeout: 1000 }));
    pointerSettled = measurePointer(session);
  }
  return {
    ms: t1 - t0,
    frameMs: t2 - t0,
    marks: session.all().length,
    slices: slices.length,
    sliceTrace: trace.join(' | '),
    longestSliceMs: Math.max(...slices),
    busyMs: slices.reduce((a, b) => a + b, 0),
    firstSliceMs: slices[0],
    longTasks: ours.length,
    longestLongTaskMs: ours.length ? Math.max(...ours.map((e) => e.duration)) : 0,
    lookups: stats.lookups,
    lookupKeys: stats.keys,
    lookupAliases: stats.aliases,
    lookupWaitMs: stats.waitMs,
    lookupWorkMs: stats.workMs,
    lookupJsonMs: stats.jsonMs,
    indexBuildMs: background.indexBuildMs,
    pointer,
    pointerSettled,
    frames: loafs.filter((e) => e.startTime + e.duration >= t0 && e.startTime <= t2).map(frameFigures),
  };
}

interface LoafScript {
  duration: number;
  invoker: string;
  sourceFunctionName: string;
  sourceCharPosition: number;
}
interface Loaf extends PerformanceEntry {
  renderStart: number;
  scripts: LoafScript[];
}

function frameFigures(e: PerformanceEntry): FrameFigures {
  const f = e as Loaf;
  const longest = [...f.scripts].sort((a, b) => b.duration - a.duration)[0];
  return {
    ms: f.duration,
    scriptMs: f.scripts.reduce((a, s) => a + s.duration, 0),
    longestScript: longest
      ? `${longest.duration.toFixed(0)} ms ${longest.invoker} ${longest.sourceFunctionName}@${longest.sourceCharPosition}`
      : '',
    renderMs: f.renderStart ? f.startTime + f.duration - f.renderStart : 0,
  };
}

function timerResolutionUs(): number {
  let min = Infinity;
  for (let i = 0; i < 200; i++) {
    const a = performance.now();
    let b = performance.now();
    while (b === a) b = performance.now();
    min = Math.min(min, b - a);
  }
  return min * 1000;
}

/** session.at(x, y) over a grid of the viewport and over points known to be on marks. */
function measurePointer(session: MarkSession): PointerResult {
  const W = innerWidth;
  const H = innerHeight;
  const grid: [number, number][] = [];
  for (let i = 0; i < 32; i++) for (let j = 0; j < 20; j++) grid.push([((i + 0.5) * W) / 32, ((j + 0.5) * H) / 20]);
  const hits: [number, number][] = [];
  for (const m of session.all()) {
    const r = m.range.getClientRects()[0];
    if (r && r.top >= 0 && r.bottom <= H && r.left >= 0 && r.right <= W)
      hits.push([r.left + r.width / 2, r.top + r.height / 2]);
    if (hits.length >= 200 || (r && r.top > H)) break;
  }
  for (const [x, y] of grid) session.at(x, y); // warm up
  const per = (pts: [number, number][]) => {
    if (!pts.length) return NaN;
    const reps: number[] = [];
    for (let k = 0; k < 5; k++) {
      const t = now();
      for (const [x, y] of pts) session.at(x, y);
      reps.push(((now() - t) / pts.length) * 1000);
    }
    return median(reps);
  };
  const doc = document as Document & { caretPositionFromPoint(x: number, y: number): unknown };
  const caretReps: number[] = [];
  for (let k = 0; k < 5; k++) {
    const t = now();
    for (const [x, y] of grid) doc.caretPositionFromPoint(x, y);
    caretReps.push(((now() - t) / grid.length) * 1000);
  }
  let maxUs = 0;
  for (const [x, y] of [...grid, ...hits]) {
    const t = now();
    session.at(x, y);
    maxUs = Math.max(maxUs, (now() - t) * 1000);
  }
  return {
    gridPoints: grid.length,
    hitPoints: hits.length,
    hitsFound: hits.filter(([x, y]) => session.at(x, y) !== null).length,
    gridUs: per(grid),
    hitUs: per(hits),
    maxUs,
    caretUs: median(caretReps),
    timerResolutionUs: timerResolutionUs(),
  };
}

export interface FloorResult {
  ms: number;
  collectMs: number;
  normalizeMs: number;
  chars: number;
  textNodes: number;
}

/** Scan-only floor: walk the text nodes and normalize, no lookups, no marks. */
/** Scan only: read the text (of the article, when `scope`, finding it included) and normalize it. */
export async function floor(opts: { scope?: boolean } = {}): Promise<FloorResult> {
  await settle();
  await sleep(0);
  const t0 = now();
  const page = collectText(document.body, null, opts.scope ? findArticleScope(document).skips : undefined);
  const t1 = now();
  const norm = normalize(page.text);
  const t2 = now();
  if (norm.text.length < 0) throw new Error('unreachable');
  return {
    ms: t2 - t0,
    collectMs: t1 - t0,
    normalizeMs: t2 - t1,
    chars: page.text.length,
    textNodes: page.segments.length,
  };
}

export interface RegisterResult {
  ms: number;
  marks: number;
}

/** Cost of registering the highlights alone: Hashiya's mentions (found untimed), ranges + Highlight sets. */
export async function register(gazUrl: string): Promise<RegisterResult> {
  const gazetteer = await fetchJson<Gazetteer>(gazUrl);
  const matcher = createMatcher(gazetteer);
  const page = collectText(document.body);
  const evidence = pageEvidence();
  const found: [number, number, EntityType][] = [];
  for (const c of chunkText(page.text)) {
    for (const m of matcher.match(page.text.slice(c.start, c.end), evidence))
      found.push([c.start + m.start, c.start + m.end, gazetteer.entityTypes[m.entity]]);
  }
  await settle();
  await sleep(0);
  const t0 = now();
  const highlights = new Highlights('underline');
  let marks = 0;
  for (const [start, end, type] of found) {
    const range = rangeFor(page.segments, start, end);
    if (range) {
      highlights.add(type, range);
      marks++;
    }
  }
  const t1 = now();
  return { ms: t1 - t0, marks };
}
