import { browser } from 'wxt/browser';
import { sendMessage } from '../messaging/protocol';

// The `next-entity` keyboard command goes to the content script of the active tab.
export function registerCommands(): void {
  browser.commands?.onCommand.addListener(async (command) => {
    if (command !== 'next-entity') return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return;
    await sendMessage('nextEntity', { direction: 1 }, tab.id).catch(() => {
      // No content script on that tab (not a news page, or Hashiya is off there).
    });
  });
}
