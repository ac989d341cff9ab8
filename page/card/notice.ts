import { h } from 'preact';
import type { StoryMatch } from '../../messaging/protocol';
import type { UiLang } from '../../i18n/page-strings';
import { SameStoryNotice } from '../../components/notice/SameStoryNotice';
import type { UiHost } from './host';

/**
 * Shows the same-story notice in the page's UiHost (its own slot beside the card, same shadow
 * root and stylesheet). Returns a function that removes it; the reader's dismiss does the same.
 * Opening the article leaves the notice up, so the reader can come back to it.
 */
export function showSameStoryNotice(
  host: UiHost,
  story: StoryMatch,
  lang: UiLang,
  onOpen: (articleId: string) => void,
): () => void {
  const dismiss = () => host.render(null, 'notice');
  host.render(
    h(SameStoryNotice, {
      lang,
      title: story.title,
      date: story.date,
      onOpen: () => onOpen(story.articleId),
      onDismiss: dismiss,
    }),
    'notice',
  );
  return dismiss;
}
