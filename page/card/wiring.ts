// Connects a mark session to the hover card: card data and notes come from the background through
// the message contract; entities with notes get the "noted" mark. Shared by news pages (content
// script) and the corpus reader (extension page).
import { sendMessage, type StoryMatch } from '../../messaging/protocol';
import type { Note } from '../../notes/model';
import type { Settings } from '../../settings/settings';
import type { UiLang } from '../../i18n/page-strings';
import { createCardController, type CardNote } from './controller';
import type { UiHost } from './host';
import type { CardDispatcher } from './dispatch';
import { showSameStoryNotice } from './notice';
import type { MarkSession } from '../marks/session';
import type { PageMention } from '../types';

export interface CardEnv {
  /** The page's UiHost; its owner creates and destroys it (shared with other features). */
  host: UiHost;
  settings(): Settings;
  lang(): UiLang;
  /** The corpus article this page is the same story as, if any: its sentences come first. */
  storyArticleId(): string | null;
  /** "Turn off on this site"; absent where it makes no sense (the reader). */
  onDisableSite?(): void;
}

export interface CardHandle {
  open(mention: PageMention): void;
  /** The page's one card dispatcher: passage cards register with it (page/passages/card.ts). */
  readonly cards: CardDispatcher;
  showStory(story: StoryMatch): void;
  /** Notes were written elsewhere: the noted marks and the open card follow. */
  notesChanged(): void;
  destroy(): void;
}

const toCardNote = (n: Note): CardNote => ({ id: n.id, body: n.body, updated: n.updated });

export function attachCard(session: MarkSession, env: CardEnv): CardHandle {
  const url = () => location.href;
  const host = env.host;
  const noted = new Set<string>();
  const deleted = new Map<string, Note>();
  let hideNotice: (() => void) | null = null;

  const refreshNoted = (entityId: string, notes: Note[]) => {
    const has = notes.some((n) => n.kind === 'entity' && n.entityId === entityId);
    if (has === noted.has(entityId)) return;
    if (has) noted.add(entityId);
    else noted.delete(entityId);
    session.setNoted(new Set(noted));
  };

  const entityNotes = async (entityId: string): Promise<Note[]> => {
    const { entity } = await sendMessage('notesForPage', { url: url(), entityIds: [entityId] });
    const mine = entity.filter((n) => n.kind === 'entity' && n.entityId === entityId);
    refreshNoted(entityId, mine);
    return mine;
  };

  // Which entities on this page have notes: one request for all of them (again after a write elsewhere).
  const ids = [...new Set(session.all().map((m) => m.entityId))];
  const loadNoted = () => {
    if (!ids.length) return;
    void sendMessage('notesForPage', { url: url(), entityIds: ids })
      .then(({ entity }) => {
        const now = new Set(entity.flatMap((n) => (n.kind === 'entity' ? [n.entityId] : [])));
        if (now.size === noted.size && [...now].every((id) => noted.has(id))) return;
        noted.clear();
        for (const id of now) noted.add(id);
        session.setNoted(new Set(noted));
      })
      .catch(() => {
        // Notes unavailable (database blocked): marks still work without the noted style.
      });
  };
  loadNoted();

  const controller = createCardController({
    host,
    locator: session,
    fetchCard: (entityId) => sendMessage('getEntityCard', { entityId, storyArticleId: env.storyArticleId() }),
    getNotes: async (entityId) => (await entityNotes(entityId)).map(toCardNote),
    onAddNote: async (entityId, body) => {
      await sendMessage('addNote', { url: url(), note: { kind: 'entity', entityId, body } });
      await entityNotes(entityId);
    },
    onEditNote: async (entityId, id, body) => {
      await sendMessage('updateNote', { url: url(), id, patch: { body } });
      await entityNotes(entityId);
    },
    onDeleteNote: async (entityId, id) => {
      const removed = await sendMessage('deleteNote', { url: url(), id });
      if (removed) deleted.set(id, removed);
      await entityNotes(entityId);
    },
    onUndoDelete: async (entityId, note) => {
      const full = deleted.get(note.id);
      if (!full) return;
      await sendMessage('restoreNote', { url: url(), note: full });
      deleted.delete(note.id);
      await entityNotes(entityId);
    },
    getSettings: env.settings,
    lang: env.lang,
    onOpenArticle: (articleId) => void sendMessage('openReader', { articleId }),
    onOpenEntity: (entityId) => void sendMessage('openReader', { entityId }),
    onDisableSite: env.onDisableSite,
  });

  return {
    open: (mention) => controller.open(mention, true),
    cards: controller.cards,
    showStory(story) {
      hideNotice?.();
      hideNotice = showSameStoryNotice(
        host,
        story,
        env.lang(),
        (articleId) => void sendMessage('openReader', { articleId }),
      );
    },
    notesChanged() {
      loadNoted();
      controller.refreshNotes();
    },
    destroy() {
      hideNotice?.();
      controller.destroy();
    },
  };
}
