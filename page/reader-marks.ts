// The corpus reader marks its own article element with the same mark session and hover card
// as a news page, so what a reader sees there is what they will see on the web.
import { sendMessage } from '../messaging/protocol';
import { createMatcher } from '../engine/matcher';
import type { EntityType, Gazetteer } from '../engine/types';
import type { Settings } from '../settings/settings';
import type { UiLang } from '../i18n/strings';
import { createMarkSession } from './marks';
import { attachCard } from './card-wiring';
import { createUiHost } from './card/host';
import '../page/marks.css';

let gazetteer: Promise<Gazetteer> | null = null;

/** Marks `root` and wires hover cards; returns a cleanup for when the article changes. */
export function attachMarks(root: Element, settings: Settings, lang: UiLang): () => void {
  let cleanup = () => {};
  let cancelled = false;
  gazetteer ??= sendMessage('getGazetteer');
  void gazetteer.then(async (gaz) => {
    if (cancelled) return;
    const session = createMarkSession({
      root,
      matcher: createMatcher(gaz),
      gazetteer: gaz,
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
  });
  return () => {
    cancelled = true;
    cleanup();
  };
}
