// Import of the Web Annotation JSON that export.ts writes. A file is untrusted input: it is parsed
// with a reviver that refuses prototype-polluting keys, checked against strict shapes with caps on
// every string and list, converted to notes, and only then written — all new notes in one
// transaction. Any problem rejects the whole file with a message naming the first problem
// ("item 3: body[0].value must be a string"); notes already stored never change.
import * as v from 'valibot';
import {
  color,
  DEFAULT_COLOR,
  entityIdSchema,
  isoTime,
  issueText,
  LIMITS,
  NoteSchema,
  pageUrlSchema,
  PositionSelectorSchema,
  QuoteSelectorSchema,
  str,
  tagList,
  UUID_RE,
  type Note,
} from './model';
import { ANNO_CONTEXT, ENTITY_URN, HASHIYA_KEY, NOTE_URN } from './export';
import type { ImportResult, NoteStore } from './store';

/** The caller checks the file size before reading it; this is the backstop for the text itself. */
export const MAX_IMPORT_CHARS = 64 * 1024 * 1024;

export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportError';
  }
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const context = v.union(
  [
    v.literal(ANNO_CONTEXT),
    v.pipe(
      v.array(v.union([v.literal(ANNO_CONTEXT), v.record(v.string(), v.pipe(v.string(), v.maxLength(200)))])),
      v.maxLength(4),
    ),
  ],
  `must be "${ANNO_CONTEXT}"`,
);

const TextualBodySchema = v.strictObject({
  type: v.literal('TextualBody', 'must be "TextualBody"'),
  value: str(LIMITS.body),
  format: v.optional(v.literal('text/plain', 'must be "text/plain"')),
  language: v.optional(str(35)),
  purpose: v.picklist(['commenting', 'tagging'], 'must be "commenting" or "tagging"'),
});

const SelectorSchema = v.variant(
  'type',
  [QuoteSelectorSchema, PositionSelectorSchema],
  'must be a TextQuoteSelector or a TextPositionSelector',
);

const AnnotationSchema = v.strictObject({
  '@context': v.optional(context),
  id: v.pipe(str(NOTE_URN.length + 36), v.startsWith(NOTE_URN, `must start with ${NOTE_URN}`)),
  type: v.literal('Annotation', 'must be "Annotation"'),
  motivation: v.optional(v.picklist(['commenting', 'tagging', 'highlighting'], 'must be a known motivation')),
  created: isoTime,
  modified: isoTime,
  body: v.pipe(
    v.array(TextualBodySchema, 'must be an array'),
    v.maxLength(LIMITS.tags + 1, `must hold at most ${LIMITS.tags + 1} bodies`),
  ),
  target: v.union(
    [
      v.pipe(str(ENTITY_URN.length + LIMITS.entityId), v.startsWith(ENTITY_URN, `must start with ${ENTITY_URN}`)),
      v.strictObject({
        source: pageUrlSchema,
        selector: v.pipe(v.array(SelectorSchema, 'must be an array'), v.maxLength(2, 'must hold at most 2 selectors')),
      }),
    ],
    `must be an entity URN or an object with source and selector`,
  ),
  [HASHIYA_KEY]: v.optional(v.strictObject({ color, title: v.optional(str(LIMITS.title)) })),
});

type Annotation = v.InferOutput<typeof AnnotationSchema>;

const itemsSchema = v.pipe(
  v.array(v.unknown(), 'must be an array'),
  v.maxLength(LIMITS.notes, `holds more than ${LIMITS.notes.toLocaleString('en')} notes, the most one import takes`),
);

const CollectionSchema = v.strictObject({
  '@context': context,
  id: v.optional(str(LIMITS.url)),
  type: v.literal('AnnotationCollection', 'must be "AnnotationCollection"'),
  label: v.optional(str(LIMITS.title)),
  generated: v.optional(isoTime),
  total: v.optional(v.pipe(v.number('must be a number'), v.integer('must be a whole number'))),
  first: v.strictObject({
    type: v.literal('AnnotationPage', 'must be "AnnotationPage"'),
    id: v.optional(str(LIMITS.url)),
    startIndex: v.optional(v.number('must be a number')),
    items: itemsSchema,
  }),
});

/** JSON.parse, refusing keys that could reach Object.prototype in later code anywhere in the tree. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text, (key, value: unknown) => {
      if (FORBIDDEN_KEYS.has(key)) throw new ImportError(`The file contains the forbidden key "${key}".`);
      return value;
    });
  } catch (e) {
    if (e instanceof ImportError) throw e;
    throw new ImportError(`The file is not valid JSON (${(e as Error).message}).`);
  }
}

/** The annotation list of a collection (what we export) or of a bare JSON array of annotations. */
function itemsOf(data: unknown): unknown[] {
  const schema = Array.isArray(data) ? itemsSchema : CollectionSchema;
  const result = v.safeParse(schema, data, { abortEarly: true });
  if (!result.success) {
    const text = issueText(result.issues[0]);
    throw new ImportError(`Not a Hashiya notes file: ${Array.isArray(data) ? `the list ${text}` : text}.`);
  }
  return Array.isArray(result.output)
    ? result.output
    : (result.output as v.InferOutput<typeof CollectionSchema>).first.items;
}

/** Throws the "item N: …" message. */
function fail(index: number, problem: string): never {
  throw new ImportError(`item ${index + 1}: ${problem}.`);
}

function toNote(a: Annotation, index: number): Note {
  const id = a.id.slice(NOTE_URN.length);
  if (!UUID_RE.test(id)) fail(index, `id must be ${NOTE_URN} followed by a UUID`);
  const comments = a.body.filter((b) => b.purpose === 'commenting');
  if (comments.length > 1) fail(index, 'body must hold at most one commenting body');
  const tags = a.body.filter((b) => b.purpose === 'tagging').map((b) => b.value);
  const extra = a[HASHIYA_KEY];
  const common = {
    id,
    body: comments[0]?.value ?? '',
    tags,
    color: extra?.color ?? DEFAULT_COLOR,
    created: a.created,
    updated: a.modified,
  };
  let note: Note;
  if (typeof a.target === 'string') {
    const entityId = a.target.slice(ENTITY_URN.length);
    if (!v.is(entityIdSchema, entityId)) fail(index, 'target must name an entity id after the URN');
    note = { ...common, kind: 'entity', entityId };
  } else {
    const quote = a.target.selector.find((s) => s.type === 'TextQuoteSelector');
    const position = a.target.selector.find((s) => s.type === 'TextPositionSelector');
    if (!quote || !position)
      fail(index, 'target.selector must hold one TextQuoteSelector and one TextPositionSelector');
    note = { ...common, kind: 'passage', target: { url: a.target.source, title: extra?.title ?? '', quote, position } };
  }
  // The same schema every stored note passes (catches e.g. a tag list that is too long).
  const check = v.safeParse(NoteSchema, note, { abortEarly: true });
  if (!check.success) fail(index, issueText(check.issues[0]));
  return note;
}

/** Validates a whole file and returns its notes. Throws ImportError naming the first problem. */
export function parseNotesFile(text: string): Note[] {
  if (typeof text !== 'string') throw new ImportError('The file could not be read as text.');
  if (text.length > MAX_IMPORT_CHARS) throw new ImportError('The file is too large to be a Hashiya notes file.');
  const items = itemsOf(parseJson(text));
  const notes: Note[] = [];
  items.forEach((item, index) => {
    const result = v.safeParse(AnnotationSchema, item, { abortEarly: true });
    if (!result.success) fail(index, issueText(result.issues[0]));
    notes.push(toNote(result.output, index));
  });
  return notes;
}

/**
 * Imports a Web Annotation JSON file. Notes whose id is already stored are skipped (never
 * overwritten). Throws ImportError (bad file, nothing written) or StorageFullError (nothing written).
 */
export async function importNotes(
  store: NoteStore,
  text: string,
  onProgress?: (done: number, total: number) => void,
): Promise<ImportResult> {
  return store.addMissing(parseNotesFile(text), onProgress, true);
}
