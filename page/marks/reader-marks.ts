// The corpus reader marks its own article element with the same mark session and hover card
// as a news page, so what a reader sees there is what they will see on the web.
import { sendMessage } from '../../messaging/protocol';
import type { EntityType } from '../../engine/types';
import type { Settings } from '../../settings/settings';
import type { UiLang } from '../../i18n/strings';
import { createMarkSession } from './session';
import { createRecognizer, type Recognizer } from './recognizer';
import { attachCard } from '../card/wiring';
import { createUiHost } from '../card/host';
import 'virtual:hashiya/marks.css';

// One recognizer for the reader's lifetime: articles share most of their vocabulary.
let recognizer: Recognizer | null = null;

/** Marks `root` and wires hover cards; returns a cleanup for when the article changes. */
export function attachMarks(root: Element, settings: Settings, lang: UiLang): () => void {
  let cleanup = () => {};
  let cancelled = false;
  recognizer ??= createRecognizer((keys, crowded) => sendMessage('lookupAliases', { keys, crowded }));
  const rec = recognizer;
  void (async () => {
    const session = createMarkSession({
      root,
      recognizer: rec,
      style: settings.markStyle,
      types: new Set<EntityType>(settings.types),
      noted: new Set(),
    });
    await session.start();
    if (cancelled) return session.stop();
    const host = createUiHost();
    const card = attachCard(session, { host, settings: () => settings, lang: () => lang, storyArticleId: () => null });
    cleanup = () => {
      card.destroy();
      host.destroy();
      session.stop();
    };
  })();
  return () => {
    cancelled = true;
    cleanup();
  };
}
