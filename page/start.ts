// The content script's life on one page: decide whether to run, mark, match the story, answer the
// popup, follow settings live, and leave nothing behind when the extension goes away.
import { onMessage, sendMessage, type PageSummary, type StoryMatch } from '../messaging/protocol';
import { readPageMeta } from '../engine/text/page-meta';
import { detectLang } from '../engine/text/lang';
import { extractFeatures } from '../engine/story/story';
import type { EntityType } from '../engine/types';
import { getSettings, isActiveOn, updateSettings, watchSettings } from '../settings/settings';
import { classifySite } from '../settings/sites';
import { watchLifetime } from './lifetime';
import { watchLocation } from './location';
import { createMarkSession, type MarkSession } from './marks/session';
import { pageScope, watchScope } from './marks/scope';
import type { PageHooks } from './hooks';
import { createRecognizer } from './marks/recognizer';
import { createNavigator } from './navigate';
import { attachCard, type CardHandle } from './card/wiring';
import { createUiHost, type UiHost } from './card/host';
import { CARD_CSS } from '../components/card/card.css';
import { attachPassages, type PassagesHandle } from './passages/attach';
import { PASSAGE_CSS } from './passages/styles';
import { resolveLang } from '../i18n/page-strings';
import type { PageMention } from './types';

export async function startPage(hooks: PageHooks = {}): Promise<void> {
  hooks.step?.('started');
  const life = watchLifetime();
  const host = location.hostname;
  const newsSite = classifySite(location.href).kind === 'news';
  const recognizer = createRecognizer((keys, crowded) => sendMessage('lookupAliases', { keys, crowded }));
  // The script runs only on the news sites and the sites the reader turned on: where it will
  // likely mark, the background's first answer (crowded words, key filter; the background opens
  // its index for it) is asked for while the settings are read, not after (Firefox's storage and
  // messaging each take tens of milliseconds). A reader who turned Hashiya off costs one lookup.
  // The settings are asked for first: their answer is the one everything waits on.
  const reading = getSettings();
  if (!newsSite || readPageMeta(document).isArticle) recognizer.prime().catch(() => {});
  let settings = await reading;
  hooks.step?.('settings');
  // On the default news sites only article pages are marked; a site the reader turned on is theirs.
  const wanted = () =>
    isActiveOn(settings, host) &&
    (settings.enabledHosts.includes(host) || (newsSite && readPageMeta(document).isArticle));

  let session: MarkSession | null = null;
  let card: CardHandle | null = null;
  let ui: UiHost | null = null;
  let passages: PassagesHandle | null = null;
  let story: StoryMatch | null = null;
  let unwatchScope: (() => void) | null = null;
  const wholePage = () => settings.wholePageHosts.includes(host);
  const navigator = createNavigator(
    () => session?.all() ?? [],
    (m) => card?.open(m),
  );

  /** Counts runs begun and halts: a run that waited while another began (or a halt came) gives way. */
  let runs = 0;
  async function run() {
    if (session || !life.alive || !wanted()) return;
    const ticket = ++runs;
    recognizer.prime().catch(quiet); // answered while the article is found, if not already asked
    // The article only (its headline, no menus, share buttons or footers), unless the reader asked
    // for the whole page on this site; found in slices, so the page keeps its turn.
    hooks.step?.('scoping');
    const scope = await pageScope(document, wholePage());
    hooks.step?.('scoped');
    if (ticket !== runs || session || !life.alive || !wanted()) return;
    unwatchScope = watchScope(document, scope, () => restart());
    const s = createMarkSession({
      root: document.body,
      skip: scope.skips,
      recognizer,
      published: readPageMeta(document).published,
      style: settings.markStyle,
      types: new Set<EntityType>(settings.types),
      noted: new Set(),
      onStep: hooks.step,
      onChange: (mentions) => {
        passages?.refresh(); // dynamic pages: passage notes whose text just arrived (or moved)
        matchStory(mentions).catch(quiet);
      },
    });
    session = s;
    hooks.session?.(s);
    await s.start();
    hooks.step?.('done');
    if (session !== s) return;
    ui = createUiHost(CARD_CSS + PASSAGE_CSS, hooks.ui);
    const lang = () => resolveLang(settings.language);
    card = attachCard(s, {
      host: ui,
      settings: () => settings,
      lang,
      storyArticleId: () => (story?.sameStory ? story.articleId : null),
      onDisableSite: () => void updateSettings({ disabledHosts: [...new Set([...settings.disabledHosts, host])] }),
    });
    if (story?.sameStory) card.showStory(story);
    passages = attachPassages(s, { host: ui, lang, cards: card.cards });
  }

  function halt() {
    runs++;
    unwatchScope?.();
    unwatchScope = null;
    passages?.destroy();
    passages = null;
    card?.destroy();
    card = null;
    ui?.destroy();
    ui = null;
    session?.stop();
    if (session) hooks.session?.(null);
    session = null;
  }

  async function matchStory(mentions: PageMention[]) {
    if (!session) return;
    const text = session.text();
    const ids = new Map<string, number>();
    recognizer.gazetteer().entityIds.forEach((id, i) => ids.set(id, i)); // sparse: global numbers
    const meta = readPageMeta(document);
    const features = extractFeatures(
      text,
      detectLang(text),
      mentions.map((m) => ids.get(m.entityId)!),
      meta.published,
      meta.title ?? undefined,
    );
    const next = await sendMessage('matchStory', { url: location.href, features });
    const changed = next?.articleId !== story?.articleId || next?.sameStory !== story?.sameStory;
    story = next;
    if (changed && story?.sameStory) card?.showStory(story);
  }

  onMessage('pageSummary', (): PageSummary => {
    const counts = new Map<string, { type: EntityType; count: number }>();
    for (const m of session?.all() ?? []) {
      const c = counts.get(m.entityId) ?? { type: m.type, count: 0 };
      c.count++;
      counts.set(m.entityId, c);
    }
    return {
      active: !!session,
      entities: [...counts].map(([id, c]) => ({ id, type: c.type, names: {}, count: c.count })),
      story,
    };
  });
  onMessage('nextEntity', ({ data }) => navigator.step(data.direction));
  onMessage('scrollToEntity', ({ data }) => navigator.scrollTo(data.entityId));
  onMessage('noteSelection', () => passages?.noteSelection());
  // The background announces notes written elsewhere; the card asks again (the data is only a hint).
  onMessage('notesChanged', () => card?.notesChanged());

  const unwatch = watchSettings((next) => {
    const before = settings;
    settings = next;
    if (!wanted()) return halt();
    if (!session) return void run().catch(quiet);
    if (next.wholePageHosts.includes(host) !== before.wholePageHosts.includes(host)) return restart();
    if (next.markStyle !== before.markStyle) session.setStyle(next.markStyle);
    if (next.types.join() !== before.types.join()) session.setTypes(new Set(next.types));
  });

  // A single-page site may swap <body> or navigate with pushState: start over on the new page,
  // so marks, story and passage notes belong to what is shown now.
  const restart = () => {
    halt();
    story = null;
    run().catch(quiet);
  };
  const bodyWatch = new MutationObserver(() => {
    if (session && document.body && session.root !== document.body) restart();
  });
  bodyWatch.observe(document.documentElement, { childList: true });
  const unwatchLocation = watchLocation(restart);

  life.onEnd(() => {
    // Page-side cleanup first; then unsubscribe from extension APIs, which may already be gone
    // (after an update `storage.onChanged.removeListener` throws: nothing is left to remove).
    bodyWatch.disconnect();
    unwatchLocation();
    halt();
    try {
      unwatch();
    } catch {
      // the extension context is gone
    }
  });
  // After an extension update the old script's messages fail: that is the end of it, not an error.
  function quiet(e: unknown) {
    if (life.alive) console.debug('[hashiya]', e);
  }
  await run().catch(quiet);
}
