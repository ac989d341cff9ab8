// What each request to the background may carry: one valibot schema per message. The request types
// of the protocol (protocol.ts) are derived from these schemas, so the type a sender compiles
// against and the shape the background accepts cannot drift apart. The background parses every
// request with them (background/validate.ts) before anything else; the caps keep a content script,
// which lives beside hostile page code, from making the background read or store without bound.
import * as v from 'valibot';
import { MAX_PAGE_SAMPLES, MAX_PAGE_WORDS, MAX_TITLE_WORDS } from '../engine/story/story-content';
import { LIMITS, type NewNote, type Note, type NoteFilter, type NotePatch } from '../notes/model';
import { MAX_IMPORT_CHARS } from '../notes/import';
import { MAX_ENTITY_IDS } from './limits';

/**
 * The longest page address any message may carry. One cap for every message and for the notes
 * themselves (notes/model.ts LIMITS.url): a page whose address the background accepts for marks
 * must also be able to keep notes.
 */
export const MAX_URL_CHARS = LIMITS.url;

// Messages read after a path ("url must be at most 8192 characters long"), as notes/model.ts's do.
const text = (max: number) =>
  v.pipe(v.string('must be a string'), v.maxLength(max, `must be at most ${max} characters long`));
const Id = text(200);
const Url = text(MAX_URL_CHARS);
const hash32 = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(0xffffffff));

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const hasKind = (x: unknown) => isRecord(x) && (x.kind === 'entity' || x.kind === 'passage');

// Notes: only what routing needs is checked here; the store checks every field of a note against
// notes/model.ts's NoteSchema on write (and reports the first problem by its path).
const NoteDraft = v.custom<NewNote>(hasKind, 'must be a note of kind "entity" or "passage"');
const StoredNote = v.custom<Note>(
  (x) => hasKind(x) && isRecord(x) && typeof x.id === 'string' && x.id.length <= 200,
  'must be a stored note (id and kind)',
);
const Patch = v.custom<NotePatch>(isRecord, 'must be an object');
const Filter = v.custom<NoteFilter>(isRecord, 'must be an object');
const Query = text(500);

const PageFeatures = v.object({
  lang: text(8),
  entities: v.pipe(v.array(v.pipe(v.number(), v.integer(), v.minValue(0))), v.maxLength(100_000)),
  dates: v.pipe(v.array(text(16)), v.maxLength(10_000)),
  numbers: v.pipe(v.array(text(32)), v.maxLength(100_000)),
  terms: v.pipe(v.array(v.tuple([v.number(), v.number()])), v.maxLength(1000)),
  // Word-shingle samples and distinct words (engine/story/story-content.ts): 32-bit hashes.
  shingles: v.pipe(v.array(hash32), v.maxLength(MAX_PAGE_SAMPLES)),
  vocabulary: v.pipe(v.array(hash32), v.maxLength(MAX_PAGE_WORDS)),
  title: v.pipe(v.array(hash32), v.maxLength(MAX_TITLE_WORDS)),
});

// enableSite: an http(s) origin and nothing more (no path, no credentials).
const Origin = v.pipe(
  v.string('must be a string'),
  v.maxLength(2048, 'must be at most 2048 characters long'),
  v.check((s) => {
    try {
      const u = new URL(s);
      return (u.protocol === 'http:' || u.protocol === 'https:') && u.origin === s;
    } catch {
      return false;
    }
  }, 'must be an http(s) origin'),
);
// A URL's hostname: DNS labels (punycode, lowercase) or a bracketed IPv6 address.
const Host = v.pipe(
  v.string('must be a string'),
  v.maxLength(253, 'must be at most 253 characters long'),
  v.regex(
    /^(?:[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?)*|\[[0-9a-f:.]+\])$/,
    'must be a host name',
  ),
);

/** Every message the background answers that carries data, by message name. */
export const REQUESTS = {
  hello: v.object({ url: Url }),
  // A 1 MB page has some tens of thousands of distinct tokens; keys are normalized tokens, or two of them.
  lookupAliases: v.object({
    keys: v.pipe(v.array(text(400)), v.maxLength(500_000)),
    crowded: v.optional(v.boolean()),
  }),
  getEntityCard: v.object({ entityId: Id, storyArticleId: v.optional(v.nullable(Id)) }),
  matchStory: v.object({ url: Url, features: PageFeatures }),
  openReader: v.object({ articleId: v.optional(Id), entityId: v.optional(Id) }),
  getEntities: v.object({ ids: v.pipe(v.array(Id), v.maxLength(MAX_ENTITY_IDS)) }),
  // The reader asks for the first screen's articles first (`limit`), then for all of them.
  getCorpusOverview: v.object({
    limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(50_000))),
  }),
  getArticle: v.object({ articleId: Id }),
  enableSite: v.object({ origin: Origin }),
  disableSite: v.object({ host: Host }),

  notesForPage: v.object({
    url: Url,
    canonical: v.optional(v.nullable(Url)),
    entityIds: v.pipe(v.array(Id), v.maxLength(MAX_ENTITY_IDS)),
  }),
  addNote: v.object({ url: Url, note: NoteDraft }),
  updateNote: v.object({ url: Url, id: Id, patch: Patch }),
  deleteNote: v.object({ url: Url, id: Id }),
  restoreNote: v.object({ url: Url, note: StoredNote }),
  listNotes: v.object({ query: v.optional(Query), filter: v.optional(Filter) }),
  notesPage: v.object({
    query: v.optional(Query),
    filter: v.optional(Filter),
    limit: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(50_000)),
    ids: v.optional(v.pipe(v.array(Id), v.maxLength(100))),
  }),
  exportNotes: v.object({ format: v.picklist(['jsonld', 'markdown', 'csv'], 'must be jsonld, markdown or csv') }),
  importNotes: v.object({ text: text(MAX_IMPORT_CHARS) }),

  // Background → views: a hint that notes changed (receivers check it and ask again).
  notesChanged: v.object({
    change: v.picklist(['added', 'updated', 'deleted', 'restored', 'bulk']),
    ids: v.pipe(v.array(Id), v.maxLength(1000)),
  }),
};

export type RequestName = keyof typeof REQUESTS;
/** The data of a request, as its schema outputs it. */
export type Request<K extends RequestName> = v.InferOutput<(typeof REQUESTS)[K]>;
