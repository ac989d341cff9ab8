// The headline figures of a run: the Targets table's inputs and the one-line `summary:`.
import { ms } from './format';
import type { CellFigures, MarkjsFigures, Results } from './types';

export function markjsCell(f: MarkjsFigures, limitMs: number, runs: number): string {
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
