import { defineExtensionMessaging } from '@webext-core/messaging';
import type { Gazetteer } from '../engine/types';

// The one message contract between content scripts, extension pages and the background.
// Every request is validated in the background (messaging/validate.ts) before it is handled:
// types here describe the honest sender, not what actually arrives.

export interface Hello {
  /** Version of the extension that answered. */
  version: string;
  /** Version of the compiled corpus index. */
  indexVersion: number;
  articles: number;
  entities: number;
}

export interface ProtocolMap {
  /** Liveness + what the background holds. Any extension context may ask. */
  hello(data: { url: string }): Hello;
  /** The lookup tables the content script recognizes a page with. */
  getGazetteer(): Gazetteer;
}

// The library logs every message to the console by default; a reader's console is not ours.
const noop = () => {};
const quiet = { debug: noop, log: noop, warn: noop, error: noop };

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>({ logger: quiet });
