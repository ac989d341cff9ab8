// The shape of a personal note, its limits, and the one schema every write is checked against (the
// store validates what content scripts send; import validates files). Framework-free.
import * as v from 'valibot';
import type { TextPositionSelector, TextQuoteSelector } from '../anchoring/selectors';

export type { TextPositionSelector, TextQuoteSelector };

/** A small named palette: names, not CSS colors, so themes can render them and exports stay stable. */
export const NOTE_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple', 'gray'] as const;
export type NoteColor = (typeof NOTE_COLORS)[number];
export const DEFAULT_COLOR: NoteColor = 'yellow';

export type NoteKind = 'entity' | 'passage';

/** Caps on every stored string and list: one note (or one imported file) cannot blow up storage. */
export const LIMITS = {
  body: 20_000,
  tag: 64,
  tags: 32,
  // One cap with the messages that carry a page address (messaging/schemas.ts MAX_URL_CHARS).
  url: 8192,
  title: 1000,
  quote: 10_000,
  /** prefix/suffix: ours are 32 units; other tools may keep more. */
  context: 256,
  entityId: 200,
  /** Most notes one import may hold. */
  notes: 50_000,
} as const;

/** Where a passage note sits: the page (canonical URL preferred, no fragment) and its selectors. */
export interface PassageTarget {
  url: string;
  title: string;
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

interface NoteBase {
  /** crypto.randomUUID(); stable across export/import. */
  id: string;
  /** Plain text. */
  body: string;
  tags: string[];
  color: NoteColor;
  /** ISO 8601 times. */
  created: string;
  updated: string;
}

export interface EntityNote extends NoteBase {
  kind: 'entity';
  /** Catalog id, `type/slug`, e.g. `person/sergey-lavrov`. */
  entityId: string;
}

export interface PassageNote extends NoteBase {
  kind: 'passage';
  target: PassageTarget;
}

export type Note = EntityNote | PassageNote;

/** What a caller supplies to create a note; id and times are the store's. */
export type NewNote =
  | { kind: 'entity'; entityId: string; body: string; tags?: string[]; color?: NoteColor }
  | { kind: 'passage'; target: PassageTarget; body: string; tags?: string[]; color?: NoteColor };

/** Editable fields. `target` (passage notes only) lets the caller store re-anchored selectors. */
export interface NotePatch {
  body?: string;
  tags?: string[];
  color?: NoteColor;
  target?: PassageTarget;
}

/** All given conditions must hold. `host` matches the page's host name, `www.` ignored. */
export interface NoteFilter {
  kind?: NoteKind;
  entityId?: string;
  host?: string;
  tag?: string;
  color?: NoteColor;
}

// Only page schemes: the URL becomes a link in Markdown exports, so javascript:/data: never get in.
const URL_PROTOCOLS = new Set(['http:', 'https:', 'file:', 'chrome-extension:', 'moz-extension:']);

/** The stored form of a page URL: parsed and serialized, fragment dropped (same page, other anchor). */
export function pageUrl(url: string): string {
  const u = new URL(url);
  u.hash = '';
  return u.href;
}

/** Host name for the site filter, lowercased, without a leading `www.`; '' when not a URL. */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return '';
  }
}

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const ENTITY_ID_RE = /^[a-z0-9][a-z0-9._/-]*$/i;

// Messages read after a path ("item 3: body must be a string"), so they start with a verb.
export const str = (max: number) =>
  v.pipe(v.string('must be a string'), v.maxLength(max, `must be at most ${max} characters long`));
export const isoTime = v.pipe(
  v.string('must be a string'),
  v.maxLength(40, 'must be an ISO 8601 time'),
  v.isoTimestamp('must be an ISO 8601 time'),
);
export const offset = v.pipe(
  v.number('must be a number'),
  v.integer('must be a whole number'),
  v.minValue(0, 'must not be negative'),
);
export const color = v.picklist(NOTE_COLORS, `must be one of ${NOTE_COLORS.join(', ')}`);
export const tagList = v.pipe(
  v.array(v.pipe(str(LIMITS.tag), v.minLength(1, 'must not be empty')), 'must be an array'),
  v.maxLength(LIMITS.tags, `must hold at most ${LIMITS.tags} tags`),
);
export const pageUrlSchema = v.pipe(
  str(LIMITS.url),
  v.check((u) => {
    try {
      return URL_PROTOCOLS.has(new URL(u).protocol);
    } catch {
      return false;
    }
  }, 'must be a web page URL'),
);
export const entityIdSchema = v.pipe(str(LIMITS.entityId), v.regex(ENTITY_ID_RE, 'must be an entity id'));

export const QuoteSelectorSchema = v.strictObject({
  type: v.literal('TextQuoteSelector', 'must be "TextQuoteSelector"'),
  exact: v.pipe(str(LIMITS.quote), v.minLength(1, 'must not be empty')),
  prefix: str(LIMITS.context),
  suffix: str(LIMITS.context),
});

export const PositionSelectorSchema = v.pipe(
  v.strictObject({
    type: v.literal('TextPositionSelector', 'must be "TextPositionSelector"'),
    start: offset,
    end: offset,
  }),
  v.check((p) => p.start < p.end, 'must have start before end'),
);

const base = {
  id: v.pipe(v.string('must be a string'), v.regex(UUID_RE, 'must be a UUID')),
  body: str(LIMITS.body),
  tags: tagList,
  color,
  created: isoTime,
  updated: isoTime,
};

/** A whole, valid note (without the store's derived `terms`). */
export const NoteSchema = v.variant(
  'kind',
  [
    v.strictObject({ ...base, kind: v.literal('entity'), entityId: entityIdSchema }),
    v.strictObject({
      ...base,
      kind: v.literal('passage'),
      target: v.strictObject({
        url: pageUrlSchema,
        title: str(LIMITS.title),
        quote: QuoteSelectorSchema,
        position: PositionSelectorSchema,
      }),
    }),
  ],
  'must have kind "entity" or "passage"',
);

type PathItem = NonNullable<v.BaseIssue<unknown>['path']>[number];

/**
 * A union's own issue only says no option fit. When the input did match one option's type and failed
 * deeper inside (a passage target with a bad URL), that deeper issue is the useful one; its path is
 * relative to the union, so the paths are joined.
 */
function innermost(issue: v.BaseIssue<unknown>): { issue: v.BaseIssue<unknown>; path: PathItem[] } {
  let path: PathItem[] = [...(issue.path ?? [])];
  let current = issue;
  while (current.type === 'union' && current.issues) {
    const deeper = current.issues.filter((i) => i.path?.length);
    if (deeper.length === 0) break;
    current = deeper.reduce((a, b) => ((b.path?.length ?? 0) > (a.path?.length ?? 0) ? b : a));
    path = path.concat(current.path ?? []);
  }
  return { issue: current, path };
}

/** "path message" for the first issue of a failed parse, e.g. `target.quote.exact must be a string`. */
export function issueText(first: v.BaseIssue<unknown>): string {
  const { issue, path: items } = innermost(first);
  const path = items
    .map((p) => (typeof p.key === 'number' ? `[${p.key}]` : `.${String(p.key)}`))
    .join('')
    .replace(/^\./, '');
  let message = issue.message;
  // Object schemas report unknown and missing keys with their own generic message; say it plainly.
  if (issue.type === 'strict_object' && issue.expected === 'never') message = 'is not an allowed field';
  else if ((issue.type === 'strict_object' || issue.type === 'object') && issue.received === 'undefined') {
    message = 'is missing';
  }
  return path ? `${path} ${message}` : message;
}
