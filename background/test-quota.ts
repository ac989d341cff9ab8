import { browser } from 'wxt/browser';
import { isExtensionPage } from './senders';

// Test builds only (installed behind __HASHIYA_TEST__, which production builds fold to false):
// a real browser's disk cannot be filled on demand, and the extension's `unlimitedStorage` makes
// Chromium ignore quota overrides. So an E2E test asks, from an extension page, that the next
// `writes` IndexedDB writes to the notes store be refused the way a full disk refuses them (a
// QuotaExceededError DOMException from the object store); everything above IndexedDB — Dexie, the
// store's StorageFullError, the message channel, the editors — is the shipped code.

export const QUOTA_HOOK = 'hashiya-test:quota';

let failing = 0;

export function installQuotaHook(): void {
  for (const method of ['add', 'put'] as const) {
    const original = IDBObjectStore.prototype[method];
    IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: [unknown, IDBValidKey?]) {
      if (failing > 0 && this.name === 'notes') {
        failing--;
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return original.apply(this, args);
    };
  }
  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse: (r: unknown) => void) => {
    const m = message as { type?: unknown; writes?: unknown } | null;
    if (m?.type !== QUOTA_HOOK || !isExtensionPage(sender) || typeof m.writes !== 'number') return undefined;
    failing = m.writes;
    sendResponse({ failing });
    return true;
  });
}
