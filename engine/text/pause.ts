// The engine's long jobs on a page's main thread (walking the DOM, warming the normalizer, finding
// the article) are generators that pause between steps; the page's driver (page/marks/yield.ts
// drive) decides at each pause whether to give the page its turn first.

/** What a pause says of the step after it: nothing (a step like the ones before), or that it is
 *  one large step that cannot be split (joining a 1 MB page's text took ~4 ms), to be run at the
 *  start of a slice rather than at the end of a full one. */
export type Pause = void | typeof HEAVY_STEP;

export const HEAVY_STEP = 'heavy';
