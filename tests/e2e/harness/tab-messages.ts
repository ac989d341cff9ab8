// Messages to a tab's content script the way the background sends them (tabs.sendMessage in
// @webext-core/messaging's wire format): the keyboard commands' path, which automation cannot press.
import type { BrowserContext, Page as PwPage, Worker } from 'playwright-core';
import type { PageHandle, Session } from './browsers';

export function wireMessage(type: string, data?: unknown) {
  return { id: Math.floor(Math.random() * 1e6), type, data, timestamp: Date.now() };
}

export async function serviceWorker(session: Session, ctx: BrowserContext): Promise<Worker> {
  const find = () => ctx.serviceWorkers().find((w) => w.url().startsWith(session.extensionOrigin));
  const running = find();
  if (running) return running;
  // An idle MV3 worker may have been stopped: any message from an extension page starts it again.
  const waiting = ctx.waitForEvent('serviceworker', {
    timeout: 15_000,
    predicate: (w) => w.url().startsWith(session.extensionOrigin),
  });
  const wake = await session.openExtensionPage('popup.html');
  try {
    return find() ?? (await waiting);
  } finally {
    await wake.close();
  }
}

/**
 * Sends `type` to the content script of `page`'s tab as the background does (tabs.sendMessage in the
 * messaging library's wire format): from the service worker in Chromium, from an extension page in
 * Firefox (its MV2 background page is out of the driver's reach). Returns the library's envelope.
 */
export async function sendToTab(
  session: Session,
  page: PageHandle,
  type: string,
  data?: unknown,
): Promise<{ res?: unknown; err?: unknown }> {
  const url = await page.evaluate(() => location.href);
  const arg = { url, message: wireMessage(type, data) };
  const send = async ({ url, message }: typeof arg) => {
    const api = (globalThis as any).browser ?? (globalThis as any).chrome;
    const tabs: { id?: number; url?: string }[] = await api.tabs.query({ url: 'http://127.0.0.1/*' });
    const tab = tabs.find((t) => t.url === url);
    if (tab?.id === undefined) return { err: `no tab at ${url} among ${JSON.stringify(tabs.map((t) => t.url))}` };
    return (await api.tabs.sendMessage(tab.id, message)) ?? { err: 'no response' };
  };
  if (session.kind === 'chromium') {
    const worker = await serviceWorker(session, (page.raw as PwPage).context());
    return worker.evaluate(send, arg);
  }
  const ext = await session.openExtensionPage('popup.html');
  try {
    return await ext.evaluate(send, arg);
  } finally {
    await ext.close();
  }
}
