import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { createUiHost, type UiHost, type UiSlot } from '../../page/card/host';
import { showSameStoryNotice } from '../../page/card/notice';
import { STRINGS } from '../../i18n/strings';

// The page must not be able to reach inside: a closed shadow root, styles adopted (no <style> a
// page CSP could block), one host, re-attached if the page throws its DOM away.

let host: UiHost | null = null;
afterEach(() => {
  act(() => host?.destroy());
  host = null;
});

const hostElements = () => document.querySelectorAll('hashiya-ui');

/** Renders a probe and returns its element (the only way in from a test: through our own ref). */
function probe(h: UiHost, slot: UiSlot = 'card'): HTMLElement {
  let el: HTMLElement | null = null;
  act(() =>
    h.render(
      <p
        ref={(e) => {
          el = e;
        }}
      >
        probe
      </p>,
      slot,
    ),
  );
  return el!;
}

describe('UiHost', () => {
  it('adds nothing to the page until first used', () => {
    host = createUiHost();
    host.render(null);
    expect(hostElements()).toHaveLength(0);
  });

  it('one host on <html>, with a closed shadow root the page cannot read', () => {
    host = createUiHost();
    const inside = probe(host);
    probe(host, 'notice');
    const els = hostElements();
    expect(els).toHaveLength(1);
    const el = els[0] as HTMLElement;
    expect(el.parentNode).toBe(document.documentElement);
    expect(el.shadowRoot).toBeNull(); // closed: null from outside
    expect(document.body.textContent).not.toContain('probe');
    const root = inside.getRootNode() as ShadowRoot;
    expect(root).not.toBe(document);
    expect(root.mode).toBe('closed');
    expect(root.host).toBe(el);
  });

  it('styles come from a constructed, adopted stylesheet, not a <style> element', () => {
    host = createUiHost('p { color: red; }');
    const root = probe(host).getRootNode() as ShadowRoot;
    expect(root.adoptedStyleSheets).toHaveLength(1);
    expect(root.querySelector('style')).toBeNull();
    expect(document.querySelector('style')).toBeNull();
  });

  it('contains(): the host (what page events see) and everything inside; nothing of the page', () => {
    host = createUiHost();
    const inside = probe(host);
    expect(host.contains(hostElements()[0])).toBe(true);
    expect(host.contains(inside)).toBe(true);
    expect(host.contains(inside.firstChild)).toBe(true);
    expect(host.contains(document.body)).toBe(false);
    expect(host.contains(null)).toBe(false);
  });

  it('re-attaches when the page replaced its DOM', () => {
    host = createUiHost();
    probe(host);
    const el = hostElements()[0];
    el.remove(); // what a SPA replacing <html>'s children does to us
    expect(el.isConnected).toBe(false);
    probe(host);
    expect(el.isConnected).toBe(true);
    expect(hostElements()).toHaveLength(1);
  });

  it('destroy() removes the host', () => {
    host = createUiHost();
    probe(host);
    act(() => host!.destroy());
    expect(hostElements()).toHaveLength(0);
  });
});

describe('same-story notice', () => {
  /** A host double that renders into open elements, so the test can read what the notice says. */
  function openHost() {
    const slots = {
      card: document.createElement('div'),
      notice: document.createElement('div'),
      passage: document.createElement('div'),
    };
    document.body.append(slots.card, slots.notice, slots.passage);
    const h: UiHost = {
      render: (v, slot = 'card') => render(v, slots[slot]),
      contains: (n) => !!n && Object.values(slots).some((s) => s.contains(n)),
      destroy: () => Object.values(slots).forEach((s) => (render(null, s), s.remove())),
    };
    return { h, slots };
  }

  it('shows title, date and the open button, in Arabic; dismiss removes it', () => {
    const { h, slots } = openHost();
    host = h;
    const onOpen = vi.fn();
    const story = { articleId: 'a7', title: 'عنوان المقال', date: '2024-03-05', score: 0.9, sameStory: true };
    act(() => void showSameStoryNotice(h, story, 'ar', onOpen));
    const el = slots.notice.querySelector('.hs-notice')!;
    expect(el.getAttribute('role')).toBe('status');
    expect(el.getAttribute('dir')).toBe('rtl');
    expect(el.textContent).toContain(STRINGS.ar.sameStory);
    expect(el.textContent).toContain('عنوان المقال');
    expect(el.querySelector('time')).not.toBeNull();
    const buttons = [...el.querySelectorAll('button')];
    act(() => buttons.find((b) => b.textContent === STRINGS.ar.openInReader)!.click());
    expect(onOpen).toHaveBeenCalledWith('a7');
    act(() => buttons.find((b) => b.getAttribute('aria-label') === STRINGS.ar.dismiss)!.click());
    expect(slots.notice.childElementCount).toBe(0);
  });

  it('renders through the real host into the same shadow root as the card', () => {
    host = createUiHost();
    const card = probe(host);
    act(
      () =>
        void showSameStoryNotice(
          host!,
          { articleId: 'a', title: 'T', date: null, score: 1, sameStory: true },
          'en',
          () => {},
        ),
    );
    expect(hostElements()).toHaveLength(1);
    const root = card.getRootNode() as ShadowRoot;
    expect(root.querySelector('.hs-notice')!.textContent).toContain(STRINGS.en.sameStory);
  });
});
