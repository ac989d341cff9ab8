// messaging/protocol as the background tests mock it: every handler the background registers is
// kept in `handlers`, to be called with a message and a sender of the test's choosing.
//   vi.mock('../../messaging/protocol', async () => (await import('./helpers/protocol-mock')).protocolMock());
import { vi } from 'vitest';

type Handler = (msg: { data: unknown; sender: unknown }) => unknown;

// On globalThis: a test that resets its modules (vi.resetModules) gets a new copy of this module
// in the background it imports again, and must still see the handlers that background registers.
const shared = globalThis as { __protocolMockHandlers?: Map<string, Handler> };
export const handlers = (shared.__protocolMockHandlers ??= new Map<string, Handler>());

/** The mocked module; `extra` adds or replaces exports (a spied sendMessage, constants). */
export function protocolMock(extra: Record<string, unknown> = {}) {
  return {
    onMessage: (type: string, fn: Handler) => {
      handlers.set(type, fn);
      return () => handlers.delete(type);
    },
    sendMessage: vi.fn(async () => undefined),
    ...extra,
  };
}
