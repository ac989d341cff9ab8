// Test builds only (HASHIYA_TEST_HOSTS=1): lets E2E tests read what our closed shadow root shows,
// which no page script can. The page asks with a `hashiya:probe` event and gets the answer as a
// JSON string in a `hashiya:probe-result` event. Release builds do not contain this module: every
// call site is behind the build-time constant __HASHIYA_TEST__ (tests/unit/bundle.test.ts checks).
import type { UiHost } from './card/host';
import type { MarkSession } from './marks';

/** Steps from the content script's start to its first mark, in order (tests/e2e/real-pages.e2e.ts prints them). */
export type ProbeStep =
  'started' | 'settings' | 'scoping' | 'scoped' | 'walked' | 'primed' | 'learned' | 'firstMark' | 'done';

const hosts = new Set<UiHost>();
const sessions = new Set<MarkSession>();
/** performance.now() of the first time each step happened on this page (E2E timing on real pages). */
const timing: Record<string, number> = {};

export const probeTrack = {
  host(h: UiHost) {
    hosts.add(h);
  },
  untrackHost(h: UiHost) {
    hosts.delete(h);
  },
  session(s: MarkSession) {
    sessions.add(s);
  },
  untrackSession(s: MarkSession) {
    sessions.delete(s);
  },
  time(step: ProbeStep) {
    timing[step] ??= performance.now();
  },
};

export function installTestProbe(): void {
  window.addEventListener('hashiya:probe', () => {
    const detail = JSON.stringify({
      ui: [...hosts].flatMap((h) => h.inspect()),
      mentions: [...sessions].flatMap((s) =>
        s.all().map((m) => ({ entityId: m.entityId, type: m.type, text: m.range.toString() })),
      ),
      timing,
    });
    window.dispatchEvent(new CustomEvent('hashiya:probe-result', { detail }));
  });
}
