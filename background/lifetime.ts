import { browser } from 'wxt/browser';
import { LIFETIME_PORT } from '../messaging/protocol';

// Content scripts hold a port open to learn when the extension goes away (page/lifetime.ts).
// Nothing is sent on it; ports of any other name or from anyone else are closed at once.
export function acceptLifetimePorts(): void {
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== LIFETIME_PORT || port.sender?.id !== browser.runtime.id) port.disconnect();
  });
}
