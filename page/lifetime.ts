// When does this content script stop? When the extension that injected it is gone (reloaded,
// updated, removed) — and only then. WXT's own context can also be invalidated by an event any
// page can forge, so Hashiya keeps its own signal: a port to the background disconnects when the
// extension goes away; a disconnect while the extension is still there (an MV3 service worker
// being recycled) just reconnects.
import { browser } from 'wxt/browser';
import { LIFETIME_PORT } from '../messaging/protocol';

function extensionAlive(): boolean {
  try {
    return !!browser.runtime?.id && !!browser.runtime.getURL('/');
  } catch {
    return false;
  }
}

export interface Lifetime {
  readonly alive: boolean;
  onEnd(cb: () => void): void;
}

export function watchLifetime(): Lifetime {
  let alive = extensionAlive();
  const ends: (() => void)[] = [];
  const end = () => {
    if (!alive) return;
    alive = false;
    for (const cb of ends.splice(0)) cb();
  };
  const connect = () => {
    if (!extensionAlive()) return end();
    try {
      browser.runtime.connect({ name: LIFETIME_PORT }).onDisconnect.addListener(() => {
        // Reading lastError marks it handled (Chrome logs it otherwise).
        void browser.runtime.lastError;
        if (extensionAlive()) setTimeout(connect, 1000);
        else end();
      });
    } catch {
      end();
    }
  };
  connect();
  return {
    get alive() {
      return alive && extensionAlive();
    },
    onEnd(cb) {
      if (alive) ends.push(cb);
      else cb();
    },
  };
}
