// The element an extension page's component is rendered into in happy-dom, and waiting on what it
// shows: the same setup for the popup, notes page and reader tests.
import { render } from 'preact';
import { act } from 'preact/test-utils';

/** A fresh element in the document, in a browser whose language is English. */
export function mountRoot(): HTMLElement {
  Object.defineProperty(navigator, 'language', { value: 'en-US', configurable: true });
  const root = document.createElement('div');
  document.body.append(root);
  return root;
}

/** Unrenders what `mountRoot` held and removes it. */
export function unmountRoot(root: HTMLElement): void {
  act(() => render(null, root));
  root.remove();
}

/**
 * `fn`'s first truthy value, asked again every 10 ms (inside act, so effects and renders run); a
 * throw counts as not yet. On timeout the error shows what `root` holds.
 */
export async function waitForIn<T>(
  root: HTMLElement,
  fn: () => T | Promise<T>,
  what = 'condition',
  timeout = 2000,
): Promise<NonNullable<T>> {
  const end = Date.now() + timeout;
  for (;;) {
    let value: T | undefined;
    try {
      value = await fn();
    } catch {
      value = undefined;
    }
    if (value) return value as NonNullable<T>;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}:\n${root.innerHTML.slice(0, 2000)}`);
    await act(() => new Promise((r) => setTimeout(r, 10)));
  }
}
