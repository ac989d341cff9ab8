import { browser } from 'wxt/browser';
import { sendMessage } from '../messaging/protocol';

// Keyboard commands (rebindable in the browser's shortcut settings) go to the content script of the
// active tab: `next-entity` moves to the next marked entity, `note-selection` opens the passage-note
// editor for the selected text.
export function registerCommands(): void {
  browser.commands?.onCommand.addListener(async (command) => {
    if (command !== 'next-entity' && command !== 'note-selection') return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return;
    const sent =
      command === 'next-entity'
        ? sendMessage('nextEntity', { direction: 1 }, tab.id)
        : sendMessage('noteSelection', undefined, tab.id);
    await sent.catch(() => {
      // No content script on that tab (not a news page, or Hashiya is off there).
    });
  });
}
