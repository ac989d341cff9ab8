// Exports: W3C Web Annotation JSON-LD (the lossless one; import.ts reads it back), Markdown (to read)
// and CSV (for spreadsheets). Serializers are pure; exportNotes reads the store and records the time.
import type { Note, NoteColor, TextPositionSelector, TextQuoteSelector } from './model';
import type { NoteStore } from './store';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** Prefix for Hashiya's own terms, declared in the export's @context so the JSON-LD stays valid. */
export const HASHIYA_NS = 'urn:hashiya:ns#';
export const HASHIYA_KEY = 'hashiya:note';
export const ENTITY_URN = 'urn:hashiya:entity:';
export const NOTE_URN = 'urn:uuid:';

export interface TextualBody {
  type: 'TextualBody';
  value: string;
  format?: 'text/plain';
  purpose: 'commenting' | 'tagging';
}

export interface PassageAnnotationTarget {
  source: string;
  selector: Array<TextQuoteSelector | TextPositionSelector>;
}

export interface Annotation {
  id: string;
  type: 'Annotation';
  motivation: 'commenting';
  created: string;
  modified: string;
  /** The note (purpose commenting) first, then one body per tag (purpose tagging). */
  body: TextualBody[];
  /** A page passage, or `urn:hashiya:entity:<id>` for a note about an entity. */
  target: PassageAnnotationTarget | string;
  /** What the Web Annotation model has no field for, kept for a lossless round trip. */
  [HASHIYA_KEY]: { color: NoteColor; title?: string };
}

export interface AnnotationCollection {
  '@context': [typeof ANNO_CONTEXT, { hashiya: string }];
  type: 'AnnotationCollection';
  label: string;
  generated: string;
  total: number;
  first: { type: 'AnnotationPage'; startIndex: 0; items: Annotation[] };
}

export function toAnnotation(note: Note): Annotation {
  const body: TextualBody[] = [
    { type: 'TextualBody', value: note.body, format: 'text/plain', purpose: 'commenting' },
    ...note.tags.map((tag): TextualBody => ({ type: 'TextualBody', value: tag, purpose: 'tagging' })),
  ];
  const common = {
    id: NOTE_URN + note.id,
    type: 'Annotation' as const,
    motivation: 'commenting' as const,
    created: note.created,
    modified: note.updated,
    body,
  };
  if (note.kind === 'entity') {
    return { ...common, target: ENTITY_URN + note.entityId, [HASHIYA_KEY]: { color: note.color } };
  }
  const { url, title, quote, position } = note.target;
  return {
    ...common,
    target: { source: url, selector: [{ ...quote }, { ...position }] },
    [HASHIYA_KEY]: { color: note.color, title },
  };
}

export function toWebAnnotation(notes: readonly Note[], generated: string): AnnotationCollection {
  return {
    '@context': [ANNO_CONTEXT, { hashiya: HASHIYA_NS }],
    type: 'AnnotationCollection',
    label: 'Hashiya notes',
    generated,
    total: notes.length,
    first: { type: 'AnnotationPage', startIndex: 0, items: notes.map(toAnnotation) },
  };
}

// ---- Markdown ----

/** Blockquote every line, so a multi-line quote stays one quote. */
const blockquote = (s: string) =>
  s
    .split(/\r?\n/)
    .map((line) => `> ${line}`.trimEnd())
    .join('\n');

/** Markdown link target: parentheses and spaces escaped so the URL cannot end the link early. */
const linkUrl = (url: string) => url.replace(/[()<> ]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());

/** Brackets and backslashes escaped in link text. */
const linkText = (s: string) => s.replace(/[\\[\]]/g, '\\$&');

/** Notes grouped under their page or entity (groups in order of their newest note). */
export function toMarkdown(notes: readonly Note[], generated: string): string {
  const groups = new Map<string, { heading: string; notes: Note[] }>();
  for (const note of notes) {
    const key = note.kind === 'entity' ? `entity:${note.entityId}` : `page:${note.target.url}`;
    let group = groups.get(key);
    if (!group) {
      const heading =
        note.kind === 'entity'
          ? `Entity \`${note.entityId}\``
          : `[${linkText(note.target.title || note.target.url)}](${linkUrl(note.target.url)})`;
      group = { heading, notes: [] };
      groups.set(key, group);
    }
    group.notes.push(note);
  }
  const out = [`# Hashiya notes`, '', `Exported ${generated} · ${notes.length} note${notes.length === 1 ? '' : 's'}`];
  for (const { heading, notes: list } of groups.values()) {
    out.push('', `## ${heading}`);
    for (const note of list) {
      out.push('');
      if (note.kind === 'passage') out.push(blockquote(note.target.quote.exact), '');
      if (note.body) out.push(note.body, '');
      const meta = [`${note.color}`, `updated ${note.updated}`];
      if (note.tags.length) meta.unshift(note.tags.map((t) => `#${t}`).join(' '));
      out.push(`*${meta.join(' · ')}*`);
    }
  }
  return out.join('\n') + '\n';
}

// ---- CSV ----

export const CSV_COLUMNS = [
  'id',
  'kind',
  'entity',
  'url',
  'title',
  'quote',
  'body',
  'tags',
  'color',
  'created',
  'updated',
];

/**
 * One RFC 4180 field. Cells a spreadsheet would run as a formula (= + - @, and tab/CR which some
 * treat the same) get a leading apostrophe (OWASP "CSV injection"); fields with a comma, quote or
 * line break are quoted, quotes doubled.
 */
export function csvCell(value: string): string {
  let s = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  if (/[",\r\n]/.test(s)) s = `"${s.replace(/"/g, '""')}"`;
  return s;
}

/** CSV with CRLF line ends and a UTF-8 BOM, which spreadsheet apps need to read Arabic correctly. */
export function toCsv(notes: readonly Note[]): string {
  const rows = [CSV_COLUMNS];
  for (const n of notes) {
    rows.push([
      n.id,
      n.kind,
      n.kind === 'entity' ? n.entityId : '',
      n.kind === 'passage' ? n.target.url : '',
      n.kind === 'passage' ? n.target.title : '',
      n.kind === 'passage' ? n.target.quote.exact : '',
      n.body,
      n.tags.join('; '),
      n.color,
      n.created,
      n.updated,
    ]);
  }
  return '\uFEFF' + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

// ---- Files ----

export type ExportFormat = 'jsonld' | 'markdown' | 'csv';

export interface ExportFile {
  filename: string;
  mimeType: string;
  text: string;
}

/** All notes (newest first) in `format`; records the export time in the store's meta table. */
export async function exportNotes(store: NoteStore, format: ExportFormat, now: Date = new Date()): Promise<ExportFile> {
  const notes = await store.listAll();
  const generated = now.toISOString();
  const stem = `hashiya-notes-${generated.slice(0, 10)}`;
  let file: ExportFile;
  if (format === 'jsonld') {
    file = {
      filename: `${stem}.jsonld`,
      mimeType: 'application/ld+json',
      text: JSON.stringify(toWebAnnotation(notes, generated), null, 2),
    };
  } else if (format === 'markdown') {
    file = { filename: `${stem}.md`, mimeType: 'text/markdown', text: toMarkdown(notes, generated) };
  } else {
    file = { filename: `${stem}.csv`, mimeType: 'text/csv', text: toCsv(notes) };
  }
  await store.markExported(now);
  return file;
}
