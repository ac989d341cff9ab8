// @vitest-environment node
// runSliced on a fake clock: which items share a slice, given what each costs. No real time is
// measured: the clock only moves when an item says what it cost.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { drive, runSliced } from '../../page/marks/yield';
import { HEAVY_STEP, type Pause } from '../../engine/text/pause';

let clock = 0;
let slices: number[][] = [];

beforeEach(() => {
  clock = 0;
  slices = [[]];
  vi.spyOn(performance, 'now').mockImplementation(() => clock);
  (globalThis as { scheduler?: unknown }).scheduler = {
    yield: async () => {
      slices.push([]);
    },
  };
});

afterEach(() => {
  vi.restoreAllMocks();
  delete (globalThis as { scheduler?: unknown }).scheduler;
});

/** Work that costs `cost` ms on the fake clock, noted in the current slice. */
function spend(cost: number) {
  clock += cost;
  slices[slices.length - 1].push(cost);
}

/** Runs items that cost `costs` ms each on the fake clock; returns the costs grouped by slice. */
async function run(costs: number[], budget = 6) {
  await runSliced(costs, spend, budget);
  return slices.filter((s) => s.length);
}

describe('runSliced', () => {
  it('fills a slice up to the budget and no further', async () => {
    expect(await run([2, 2, 2, 2, 2])).toEqual([
      [2, 2, 2],
      [2, 2],
    ]);
  });

  it('yields before an item that would overrun the slice, judging by the items before it', async () => {
    // After 4 ms the slice has room for 2 more, and the recent items cost up to 3: the third waits.
    expect(await run([3, 1, 3])).toEqual([[3, 1], [3]]);
  });

  it('after an unexpectedly slow item, keeps the next slices short', async () => {
    expect(await run([1, 1, 8, 1, 1, 1])).toEqual([[1, 1, 8], [1], [1], [1]]);
  });

  it('stops between items once cancelled', async () => {
    const done: number[] = [];
    await runSliced(
      [1, 2, 3, 4],
      (n) => {
        done.push(n);
        clock += 5;
      },
      6,
      () => done.length >= 2,
    );
    expect(done).toEqual([1, 2]);
  });

  it('runs atSlice at the start of each later slice, its cost counted in that slice', async () => {
    const log: string[] = [];
    await runSliced(
      [2, 2, 2, 2, 2],
      (cost) => {
        clock += cost;
        log.push(`item ${slices.length}`);
      },
      6,
      () => false,
      () => {
        // The work the caller slips in (marking the visible part) costs 5 ms: no item fits beside
        // it, so that slice ends there and the next one holds items only.
        clock += 5;
        log.push(`atSlice ${slices.length}`);
      },
    );
    expect(log).toEqual(['item 1', 'item 1', 'item 1', 'atSlice 2', 'item 3', 'item 3']);
  });

  it('counts the work done in the slice before it was called', async () => {
    clock += 4; // the caller's own work in this slice
    await runSliced([1, 1, 1, 1], spend, 6, () => false, undefined, 0);
    expect(slices.filter((s) => s.length)).toEqual([
      [1, 1],
      [1, 1],
    ]);
  });
});

describe('drive', () => {
  /** A generator whose steps cost `plan`'s ms each on the fake clock, a pause after each; a
   *  HEAVY_STEP in the plan is a pause that announces the next step as heavy. */
  async function steps(plan: (number | typeof HEAVY_STEP)[], budget = 6) {
    function* gen(): Generator<Pause, string, void> {
      for (const p of plan) {
        if (p === HEAVY_STEP) yield HEAVY_STEP;
        else {
          spend(p);
          yield;
        }
      }
      return 'done';
    }
    expect(await drive(gen(), budget)).toBe('done');
    return slices.filter((s) => s.length);
  }

  it('fills a slice up to the budget and no further', async () => {
    expect(await steps([2, 2, 2, 2, 2])).toEqual([
      [2, 2, 2],
      [2, 2],
    ]);
  });

  it('pauses before a step that would overrun the slice, judging by the steps before it', async () => {
    expect(await steps([3, 1, 3])).toEqual([[3, 1], [3]]);
  });

  it('after an unexpectedly slow step, keeps the next slices short', async () => {
    expect(await steps([1, 1, 8, 1, 1, 1])).toEqual([[1, 1, 8], [1], [1], [1]]);
  });

  it('runs a step announced as heavy at the start of a slice, even with budget left', async () => {
    // walkText's last step joins the page's text: judged by the small steps before it, it would
    // have run at the end of a nearly full slice.
    expect(await steps([1, 1, HEAVY_STEP, 4])).toEqual([[1, 1], [4]]);
  });

  it('does not pause twice when a heavy step comes first in its slice', async () => {
    expect(await steps([HEAVY_STEP, 4])).toEqual([[4]]);
    expect(slices[0]).toEqual([4]); // run in the first slice, not after a pause
  });
});
