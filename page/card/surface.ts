import type { UiHost } from './host';

// What every card does around showing and hiding, entity and passage cards alike (WCAG 2.4.3 /
// 1.4.13): a pin remembers where focus was on the page and the card takes focus (the components do
// that on `pinned`); closing gives focus back if it was still in the card; a closing card fades out
// (`data-state="closing"`) before it unmounts, unless the reader asked for reduced motion.

export const FADE_OUT_MS = 150;

export interface CardSurface {
  /** Floating's `elRef`: the card's element while it is mounted. */
  ref(el: HTMLElement | null): void;
  element(): HTMLElement | null;
  /** Before a show: stops a fade in progress; `pinning` (a preview becoming a dialog) remembers focus. */
  show(pinning: boolean): void;
  /** After a hide: focus back if it was pinned, then `fade()` and `unmount()` after FADE_OUT_MS, or unmount now. */
  hide(wasPinned: boolean, fade: () => void, unmount: () => void): void;
  destroy(): void;
}

export function createCardSurface(host: UiHost): CardSurface {
  let el: HTMLElement | null = null;
  let returnFocus: HTMLElement | null = null;
  let fading: ReturnType<typeof setTimeout> | null = null;

  const stopFade = () => {
    if (fading) clearTimeout(fading);
    fading = null;
  };

  function focusedOnPage(): HTMLElement | null {
    const a = document.activeElement as HTMLElement | null;
    return a && a !== document.body && !host.contains(a) ? a : null;
  }

  /** Esc/close return focus to where it was before the pin, if it is still in the card now. */
  function giveFocusBack() {
    const inner = (el?.getRootNode() as ShadowRoot | undefined)?.activeElement as HTMLElement | null | undefined;
    if (!inner || !el?.contains(inner)) return;
    if (returnFocus?.isConnected) returnFocus.focus({ preventScroll: true });
    else inner.blur();
  }

  return {
    ref(next) {
      el = next;
    },
    element: () => el,
    show(pinning) {
      stopFade();
      if (pinning) returnFocus = focusedOnPage();
    },
    hide(wasPinned, fade, unmount) {
      stopFade();
      if (wasPinned) giveFocusBack();
      returnFocus = null;
      if (!el || reducedMotion()) return unmount();
      fade();
      fading = setTimeout(() => {
        fading = null;
        unmount();
      }, FADE_OUT_MS);
    },
    destroy: stopFade,
  };
}

function reducedMotion(): boolean {
  return !!globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
}
