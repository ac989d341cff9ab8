import { browser, type Browser } from 'wxt/browser';

// Who may ask what. Messages reach the background only from our own contexts (runtime.onMessage
// never delivers web pages' messages without externally_connectable), but a content script runs
// beside hostile page code, so privileged requests must come from an extension page.

export class SenderError extends Error {}

type Sender = Browser.runtime.MessageSender;

export function assertFromExtension(sender: Sender): void {
  if (sender.id !== browser.runtime.id) throw new SenderError('message from another extension');
}

/** An extension page (popup, notes, reader): its URL is inside our own origin and it has no tab frame of a website. */
export function isExtensionPage(sender: Sender): boolean {
  const origin = new URL(browser.runtime.getURL('/')).origin;
  return sender.id === browser.runtime.id && typeof sender.url === 'string' && new URL(sender.url).origin === origin;
}

export function assertExtensionPage(sender: Sender): void {
  if (!isExtensionPage(sender)) throw new SenderError('this request is only accepted from an extension page');
}

/** A content script of ours in a web page's tab: the page URL it reports must be its own. */
export function assertContentScriptFor(sender: Sender, pageUrl: string): void {
  assertFromExtension(sender);
  if (isExtensionPage(sender)) return;
  if (!sender.tab || typeof sender.url !== 'string') throw new SenderError('not a content script');
  // Origins, not full URLs: after a pushState navigation the browser still reports the URL the
  // document was loaded with, while the page (rightly) reports where it is now.
  if (originOf(sender.url) !== originOf(pageUrl)) throw new SenderError('page URL does not match the sender');
}

function originOf(url: string): string {
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? url : origin;
  } catch {
    return '';
  }
}
