import { browser } from 'wxt/browser';
import type { StoryMatch } from '../messaging/protocol';

// The toolbar badge says "same story" for the tab; it clears itself when the tab navigates.
const action = () => browser.action ?? browser.browserAction;

export async function setStoryBadge(tabId: number, match: StoryMatch | null): Promise<void> {
  const same = !!match?.sameStory;
  try {
    await action().setBadgeText({ tabId, text: same ? '≡' : '' });
    if (same) {
      await action().setBadgeBackgroundColor({ tabId, color: '#1f6f5c' });
      await action().setTitle({ tabId, title: `Hashiya — same story as: ${match!.title}` });
    } else await action().setTitle({ tabId, title: 'Hashiya' });
  } catch {
    // The tab may have closed while the page was scored.
  }
}
