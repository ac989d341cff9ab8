// After every write the background tells the open views: extension pages (the notes page, the
// corpus reader's cards) through runtime messaging, and each tab's content script through its tab.
// The message says only which notes changed and how; views ask the background again for the notes
// themselves, so a forged or lost announcement can at worst cause one extra read or one stale view
// until the next visibility change, never a wrong write. Nobody listening is normal (no view open).
import { browser } from 'wxt/browser';
import { sendMessage, type NotesChange } from '../messaging/protocol';

const ignore = () => {};

export async function announceNotesChanged(change: NotesChange): Promise<void> {
  try {
    await sendMessage('notesChanged', change).catch(ignore);
    const tabs = await browser.tabs.query({});
    await Promise.all(
      tabs.map((tab) => (tab.id === undefined ? null : sendMessage('notesChanged', change, tab.id).catch(ignore))),
    );
  } catch {
    // tabs API unavailable (unit tests of single handlers): extension pages were told already
  }
}
