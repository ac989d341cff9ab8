// The matrix: page × gazetteer × contender × run, measured side by side, and its cells' figures.
import { writeFileSync } from 'node:fs';
import { CONFIG, elapsed, log, median, ONLY, PROFILE, SMOKE, stat } from './config';
import { call, open, tab } from './driver';
import type { BenchGazetteer } from './gazetteers';
import type { BenchPage } from './pages';
import type { CellFigures, MarkjsFigures, PageInfo } from './report/types';
import type { HashiyaResult, FloorResult, PointerResult, RegisterResult } from './browser/hashiya';
import type { MarkjsResult } from './browser/markjs';

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
export async function measurePage(
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

/** Page facts (from the floor's collectText). */
export async function pageFacts(pages: BenchPage[]): Promise<PageInfo[]> {
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
  return pageInfo;
}

/** Warm-up (discarded): the browser's first page loads are slower than the rest for reasons of its own. */
export async function warmUp(pages: BenchPage[], gazetteers: BenchGazetteer[]): Promise<void> {
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
}

/** Every page of the matrix, one after the other, with a progress line per cell. */
export async function measureMatrix(pages: BenchPage[], gazetteers: BenchGazetteer[]): Promise<CellFigures[]> {
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
  return cells;
}
