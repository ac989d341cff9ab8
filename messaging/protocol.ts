import { defineExtensionMessaging } from '@webext-core/messaging';
import type { EntityType } from '../engine/types';
import type { ArticleRecord } from '../engine/index/index-format';
import type { AliasBatch } from '../engine/match/alias-lookup';
import type { Note, PassageNote } from '../notes/model';
import type { ImportResult, NotesHealth } from '../notes/store';
import type { NotesFacets, NotesPageResult } from '../notes/paging';
import type { Request } from './schemas';

// The one message contract between content scripts, extension pages and the background.
// Request types come from the schemas (messaging/schemas.ts), with which the background validates
// every request (background/validate.ts) before it is handled: these types describe the honest
// sender, not what actually arrives. Type-only imports: the schemas stay out of content scripts.

export { MAX_ENTITY_IDS } from './limits';

export interface Hello {
  /** Version of the extension that answered. */
  version: string;
  /** Version of the compiled corpus index. */
  indexVersion: number;
  articles: number;
  entities: number;
}

/** Where the corpus mentions an entity: one sentence of one article. */
export interface CorpusMention {
  articleId: string;
  title: string;
  date: string | null;
  lang: string;
  /** The outlet, when the corpus knows it. */
  source?: string | null;
  sentence: string;
  /** The mention inside `sentence` (UTF-16 offsets). */
  markStart: number;
  markEnd: number;
  /** Other articles that print the same sentence (wire copies, engine/story/wire-copies.ts), folded into this line. */
  copies?: { articleId: string; title: string; date: string | null; source: string | null }[];
}

export interface EntitySummary {
  id: string;
  type: EntityType;
  names: Record<string, string>;
}

/** Everything a hover card shows about an entity, except the reader's notes. */
export interface EntityCard extends EntitySummary {
  gloss: Record<string, string>;
  /** Most relevant first: the current page's same-story article, then by date, newest first. */
  mentions: CorpusMention[];
  /** Total mentions in the corpus (`mentions` is capped). */
  mentionCount: number;
  /** Corpus articles that name the entity (the card shows a few and counts the rest). */
  articleCount: number;
  related: EntitySummary[];
}

export interface StoryMatch {
  articleId: string;
  title: string;
  date: string | null;
  score: number;
  sameStory: boolean;
}

/** What the content script found on its page (the popup shows it). */
export interface PageSummary {
  active: boolean;
  entities: { id: string; type: EntityType; names: Record<string, string>; count: number }[];
  story: StoryMatch | null;
}

/** An article as the reader shows it: the index's record, as stored. */
export type ArticleView = ArticleRecord;

/** An article in the reader's list: without text or url (getArticle has them). */
export type ArticleSummary = Omit<ArticleView, 'text' | 'url'>;

export interface CorpusOverview {
  /** How many articles the corpus holds. */
  articleCount: number;
  /**
   * The articles in corpus order: all of them, or the first `limit` when the request set one. At
   * 15,000 articles the whole list is a 2 MB message, so the reader's first screen asks for its own
   * rows first and for the rest after it painted.
   */
  articles: ArticleSummary[];
  /** Every entity with the articles that mention it, as positions in the corpus order (indexes into a whole `articles`). */
  entities: (EntitySummary & { gloss: Record<string, string>; articles: number[]; count: number })[];
}

/**
 * What a notes write changed, as the background announces it to open views (notesChanged).
 * `change` is `bulk` for an import or a wipe, when ids would be a whole collection; `ids` are the
 * notes written (empty for `bulk`).
 */
export type NotesChange = Request<'notesChanged'>;

export interface ProtocolMap {
  // Any of our contexts → background.
  /** Liveness + what the background holds. */
  hello(data: Request<'hello'>): Hello;
  /** The aliases a page's text can match, by the lookup keys it produces (engine/match/alias-lookup.ts). */
  /** `crowded`: also send the catalog's crowded first words (a page's first lookup). */
  lookupAliases(data: Request<'lookupAliases'>): AliasBatch;
  getEntityCard(data: Request<'getEntityCard'>): EntityCard;
  /** Scores the page against the corpus; the background also sets the tab's badge. */
  matchStory(data: Request<'matchStory'>): StoryMatch | null;
  openReader(data: Request<'openReader'>): void;
  /** Names and types of entities by id (the popup lists what the page's content script found); unknown ids are skipped. */
  getEntities(data: Request<'getEntities'>): EntitySummary[];

  // Extension pages → background.
  getCorpusOverview(data: Request<'getCorpusOverview'>): CorpusOverview;
  getArticle(data: Request<'getArticle'>): ArticleView;
  /** Runs Hashiya on a site outside the news list: the popup has already obtained the optional host
   *  permission (a user gesture); the background registers the content script. False when not granted. */
  enableSite(data: Request<'enableSite'>): boolean;
  /** Stops Hashiya on a reader-enabled site: unregisters its content script and gives the permission back. */
  disableSite(data: Request<'disableSite'>): void;

  // Notes. A content script may read the notes of the entities on its page and write single notes
  // (passage notes of its own page only); the rest is for extension pages.
  notesForPage(data: Request<'notesForPage'>): {
    entity: Note[];
    passages: PassageNote[];
  };
  addNote(data: Request<'addNote'>): Note;
  updateNote(data: Request<'updateNote'>): Note | null;
  deleteNote(data: Request<'deleteNote'>): Note | null;
  restoreNote(data: Request<'restoreNote'>): void;
  listNotes(data: Request<'listNotes'>): Note[];
  exportNotes(data: Request<'exportNotes'>): { filename: string; mimeType: string; text: string };
  importNotes(data: Request<'importNotes'>): ImportResult;
  wipeNotes(): void;
  notesMeta(): { lastExport: string | null; tags: string[] };
  /** The notes page's list: the newest `limit` matches and counts (notes/paging.ts). */
  notesPage(data: Request<'notesPage'>): NotesPageResult;
  /** The notes page's filter choices, from index keys. */
  notesFacets(): NotesFacets;
  /** A database written by a newer Hashiya is read-only here (notes/newer-db.ts). */
  notesHealth(): NotesHealth;

  // Background → open extension pages and content scripts, after every notes write. A hint only:
  // receivers check its shape and ask again for the notes themselves.
  notesChanged(data: Request<'notesChanged'>): void;
  /** Background → extension pages while an import writes: notes written so far of `total`. */
  importProgress(data: { done: number; total: number }): void;

  // Background or popup → content script of a tab.
  pageSummary(): PageSummary;
  nextEntity(data: { direction: 1 | -1 }): void;
  scrollToEntity(data: { entityId: string }): void;
  /** The `note-selection` command: open the passage-note editor for the page's current selection. */
  noteSelection(): void;
}

/** Name of the port a content script keeps open to learn when the extension goes away. */
export const LIFETIME_PORT = 'hashiya-lifetime';

// The library logs every message to the console by default; a reader's console is not ours.
const noop = () => {};
const quiet = { debug: noop, log: noop, warn: noop, error: noop };

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>({ logger: quiet });
