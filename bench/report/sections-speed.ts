// The report's sections on marking speed: header, targets, pages, time to marks, main thread, alias
// growth, lookups, pointer. One function a section, each returning its Markdown.
import { en, kb, machine, ms, ratio, table } from './format';
import { markjsCell, speedup, summarize } from './summary';
import type { CellFigures, PointerFigures, Results } from './types';

const synCell = (r: Results, page: string, aliases: number) =>
  r.cells.find((c) => c.page === page && c.gaz === `syn-${aliases}`);
const pointerCost = (p: PointerFigures | null) =>
  p ? Math.max(p.gridUs, Number.isFinite(p.hitUs) ? p.hitUs : 0) : NaN;

/** Title, machine, code and how the run was made. */
export function header(r: Results): string {
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
    '- Hashiya = `createMarkSession({ recognizer: createRecognizer(lookup) }).start()` (page/marks/session.ts, page/marks/recognizer.ts, ' +
      'bundled), to every mention found and tracked (those near the viewport registered as highlights, page/marks/visible-marks.ts; ' +
      'the rest when scrolled to); the background that answers alias lookups (engine/match/alias-lookup.ts) is stood ' +
      'in for by a worker, requests and answers as JSON strings. Floor = `collectText` + `normalize` over the same page. "+ highlights" = ' +
      'Range creation + `Highlight.add` for the same mentions, all of them. Synthetic catalogs keep their names out of the ' +
      "pages' words (bench/gazetteers.ts says why), so every catalog size finds the same names on a page. " +
      'mark.js = `mark(allAliases, { accuracy, separateWordSearch: false })`, ' +
      "terms in batches of 250 in mark.js's own order (one call with more terms overflows the stack: mark.js recurses once per term). " +
      "Every run is a fresh page load with V8's compilation cache off, so all code runs cold, as a content script does on a new page.",
  );
  return out.join('\n');
}

/** The targets, each with what this run measured. */
export function targets(r: Results): string {
  const out: string[] = [];
  const s = summarize(r);
  const byPage = (id: string) => r.pages.find((p) => p.id === id)!;
  const head = synCell(r, r.headline.page, r.headline.aliases);
  const fl = synCell(r, r.floorHeadline.page, r.floorHeadline.aliases);
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
          bigCorpus
            ? `${ms(bigCorpus.loadMs)} (${kb(bigCorpus.indexBytes)} index.bin; the story file, ${kb(bigCorpus.storyBytes)}, on the first story match: ${ms(bigCorpus.storyMs)}; texts read per card)`
            : '–',
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
  return out.join('\n');
}

/** The synthetic pages measured. */
export function pagesSection(r: Results): string {
  const out: string[] = [];
  out.push('## Pages');
  out.push('');
  out.push(
    table(
      ['Page', 'HTML', 'visible text (UTF-8)', 'characters read', 'text nodes'],
      r.pages.map((p) => [p.label, kb(p.htmlBytes), kb(p.textBytes), en(p.chars), en(p.textNodes)]),
    ),
  );
  return out.join('\n');
}

/** Time to all marks: Hashiya, the scan-only floor, mark.js. */
export function timeToMarks(r: Results): string {
  const out: string[] = [];
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
  return out.join('\n');
}

/** Our longest task on the main thread. */
export function mainThread(r: Results): string {
  const out: string[] = [];
  out.push('## Main thread: our longest task');
  out.push('');
  out.push(
    'Own measurement: the harness wraps `scheduler.yield` and the alias lookups and times every stretch of our code ' +
      'between two yields or between a yield and a wait for the background (a slice), and each callback of our ' +
      'IntersectionObserver (which paints the marks near the viewport) until the frame after the last mark. Long tasks: ' +
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
  return out.join('\n');
}

/** Time to all marks as the alias list grows. */
export function aliasGrowth(r: Results): string {
  const out: string[] = [];
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
  return out.join('\n');
}

/** Alias lookups between the page and the background. */
export function lookups(r: Results): string {
  const out: string[] = [];
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
  return out.join('\n');
}

/** Pointer lookups (`session.at`). */
export function pointer(r: Results): string {
  const out: string[] = [];
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
  return out.join('\n');
}
