// One parsed object (a JSON element, a JSON line, a CSV row keyed by its header) → a NewsRecord.
// Field names are those of SaudiNewsNet, with the obvious synonyms other exports use.
import type { NewsRecord } from './record';

const FIELDS = {
  id: ['id'],
  title: ['title', 'headline'],
  content: ['content', 'text', 'body'],
  date: ['date', 'date_extracted', 'published', 'date_published'],
  source: ['source', 'outlet'],
  url: ['url', 'link'],
} as const;

export type Field = keyof typeof FIELDS;

/** The column/key that holds `field`, matched case-insensitively, or undefined. */
export function findKey(keys: readonly string[], field: Field): string | undefined {
  const lower = keys.map((k) => k.trim().toLowerCase());
  for (const name of FIELDS[field]) {
    const at = lower.indexOf(name);
    if (at >= 0) return keys[at];
  }
  return undefined;
}

const text = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

/** The leading "YYYY-MM-DD" of a date field ("2015-07-21 10:02:11" included), or null. */
export function datePart(v: unknown): string | null {
  return /^\s*(\d{4}-\d{2}-\d{2})/.exec(text(v))?.[1] ?? null;
}

export function toRecord(obj: Record<string, unknown>, file: string, index: number): NewsRecord {
  const keys = Object.keys(obj);
  const get = (f: Field) => {
    const k = findKey(keys, f);
    return k === undefined ? undefined : obj[k];
  };
  const id = text(get('id')).trim();
  return {
    file,
    index,
    ...(id ? { id } : {}),
    date: datePart(get('date')),
    source: text(get('source')),
    url: text(get('url')),
    title: text(get('title')),
    content: text(get('content')),
  };
}
