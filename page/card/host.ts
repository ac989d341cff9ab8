import { render, type ComponentChild } from 'preact';
import { CARD_CSS } from '../../components/card/card.css';

// The one element Hashiya adds to a page. Everything it draws (hover card, same-story notice,
// passage notes) renders inside a CLOSED shadow root: the page's scripts get null from
// `host.shadowRoot` and its stylesheets cannot select inside. The host is a fixed 0×0 box so it
// never takes part in the page's layout; everything it shows is `position: fixed` and overflows it.

export type UiSlot = 'card' | 'notice' | 'passage';

export interface UiHost {
  /** Renders into one slot (default 'card'); `null` empties it. Creates/re-attaches the host first. */
  render(vnode: ComponentChild, slot?: UiSlot): void;
  /** True for the host element itself (what page-level events see as target) and anything inside. */
  contains(node: Node | null | undefined): boolean;
  destroy(): void;
}

const SLOTS: UiSlot[] = ['card', 'notice', 'passage'];
// A custom-element-like name: page selectors written for div/span never match it.
const TAG = 'hashiya-ui';

/**
 * `observe` hears of the shadow root when it is made and of its end (null): the E2E build's probe
 * reads it through the page's hooks (page/hooks.ts); nothing else gets the closed root.
 */
export function createUiHost(css: string = CARD_CSS, observe?: (root: ShadowRoot | null) => void): UiHost {
  let host: HTMLElement | null = null;
  let shadow: ShadowRoot | null = null;
  const slots = new Map<UiSlot, HTMLElement>();

  function ensure(): void {
    if (!host) {
      host = document.createElement(TAG);
      shadow = host.attachShadow({ mode: 'closed' });
      adoptCss(shadow, css);
      for (const name of SLOTS) {
        const el = document.createElement('div');
        el.dataset.slot = name;
        shadow.append(el);
        slots.set(name, el);
      }
      observe?.(shadow);
    }
    // Single-page sites replace <body> or even <html>; the host then floats detached. Re-attach.
    if (!host.isConnected) document.documentElement.append(host);
  }

  const ui: UiHost = {
    render(vnode, slot = 'card') {
      if (!host && vnode == null) return; // nothing to clear: do not create the host for it
      ensure();
      render(vnode, slots.get(slot)!);
    },
    contains(node) {
      if (!node || !host || !shadow) return false;
      return node === host || node.getRootNode() === shadow;
    },
    destroy() {
      for (const el of slots.values()) render(null, el);
      slots.clear();
      if (host) observe?.(null);
      host?.remove();
      host = shadow = null;
    },
  };
  return ui;
}

type CloneInto = <T>(value: T, scope: object, options: { wrapReflectors: boolean }) => T;

/**
 * Constructed stylesheet, not a <style> element, so a page CSP of `style-src 'none'` cannot block it.
 * Firefox content scripts see the root through an Xray wrapper that refuses an array made in the
 * content script's compartment ("Accessing from Xray wrapper is not supported", bug 1928865); there
 * the array is cloned into the page's compartment and set on the page's view of the root. The
 * page still cannot reach that view: the root is closed and we never hand it out.
 */
function adoptCss(root: ShadowRoot, css: string): void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  try {
    root.adoptedStyleSheets = [sheet];
    return;
  } catch {
    const page = (root as ShadowRoot & { wrappedJSObject?: ShadowRoot }).wrappedJSObject;
    const cloneInto = (globalThis as { cloneInto?: CloneInto }).cloneInto;
    if (page && typeof cloneInto === 'function') {
      try {
        page.adoptedStyleSheets = cloneInto([sheet], window, { wrapReflectors: true });
        return;
      } catch {
        // fall through
      }
    }
    // Last resort (an engine with neither path): an unstyled card is worse than one a strict CSP
    // might block.
    const style = document.createElement('style');
    style.textContent = css;
    root.prepend(style);
  }
}
