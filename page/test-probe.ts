// E2E builds only: lets E2E tests read what our closed shadow root shows, which no page script can.
// The page asks with a `hashiya:probe` event and gets the answer as a JSON string in a
// `hashiya:probe-result` event. It sees the page through the observer hooks of `startPage`
// (page/hooks.ts); no production module imports it, and the content entrypoint installs it behind
// the build-time constant __HASHIYA_TEST__, so release bundles do not contain it
// (tests/unit/manifest.test.ts checks the built bundles).
import type { PageHooks, PageStep } from './hooks';
import type { MarkSession } from './marks/session';

export function installTestProbe(): PageHooks {
  let root: ShadowRoot | null = null;
  let session: MarkSession | null = null;
  /** performance.now() of the first time each step happened on this page. */
  const timing: Partial<Record<PageStep, number>> = {};

  window.addEventListener('hashiya:probe', () => {
    const detail = JSON.stringify({
      ui: root ? slotsOf(root) : [],
      mentions: (session?.all() ?? []).map((m) => ({ entityId: m.entityId, type: m.type, text: m.range.toString() })),
      timing,
    });
    window.dispatchEvent(new CustomEvent('hashiya:probe-result', { detail }));
  });

  return {
    step(name) {
      timing[name] ??= performance.now();
    },
    session(s) {
      session = s;
    },
    ui(r) {
      root = r;
    },
  };
}

/** What each slot of a UiHost shows: the role and label of its top element, and its text. */
function slotsOf(root: ShadowRoot) {
  const slots = [...root.children].filter((el): el is HTMLElement => !!(el as HTMLElement).dataset?.slot);
  return slots.map((el) => {
    const top = el.querySelector('[role]') ?? el.firstElementChild;
    return {
      slot: el.dataset.slot!,
      role: top?.getAttribute('role') ?? null,
      label: top?.querySelector('h2, h3, [id]')?.textContent ?? null,
      text: el.textContent ?? '',
    };
  });
}
