import type { MarkSession } from './marks/session';

/** The steps of a page's start, in order (E2E timing on real pages: tests/e2e/real-pages.e2e.ts). */
export type PageStep =
  'started' | 'settings' | 'scoping' | 'scoped' | 'walked' | 'primed' | 'learned' | 'firstMark' | 'done';

/**
 * Observers of a page's life, passed to `startPage`. Release builds pass none; the E2E build's
 * probe (page/test-probe.ts, installed by the content entrypoint behind __HASHIYA_TEST__) passes
 * its own, so no production module knows about tests.
 */
export interface PageHooks {
  /** A step of the start happened (each may repeat: the first time counts). */
  step?(name: PageStep): void;
  /** A mark session started, or the one that ran stopped (null). */
  session?(session: MarkSession | null): void;
  /** The closed shadow root of the page's UiHost was made, or the host was destroyed (null). */
  ui?(root: ShadowRoot | null): void;
}
