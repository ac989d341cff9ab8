// One collection record → the fields of a seeds/articles file, cleaned of what real crawls carry
// (byte-order marks, invisible direction marks in URLs, stray whitespace, Arabic in URLs), or the
// reason it cannot be an article. Pure: no I/O.
import type { NewsRecord } from './collections/record';

export interface CleanArticle {
  /** The record's own id made file-safe, or undefined when it has none (compiler/import.ts derives one). */
  id?: string;
  date: string | null;
  source: string;
  url: string;
  title: string;
  paragraphs: string[];
}

export type Cleaned = { article: CleanArticle; cleaned: string[] } | { skip: string };

const BOM = /\uFEFF/g;
// Format characters a reader never sees: zero-width, direction marks and embeddings, word joiner.
const INVISIBLE = /[\uFEFF\u200B-\u200F\u202A-\u202E\u2060-\u2069\u061C]/g;
// C0/C1 controls other than tab and line breaks: crawl debris, never text.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
const SPACE_RUN = /[ \t\u00A0\u2000-\u200A\u202F\u205F\u3000]+/g;

const ID = /^[A-Za-z0-9_-]{1,80}$/;

function realDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

/** One line: controls dropped, every whitespace run (line breaks too) one space, trimmed. */
const oneLine = (s: string) => s.replace(CONTROL, '').replace(/\s+/g, ' ').trim();

/** An http(s) URL in ASCII (non-ASCII percent-encoded, hosts in punycode), or null when it is none. */
export function cleanUrl(raw: string): string | null {
  const s = raw.replace(INVISIBLE, '').replace(CONTROL, '').trim();
  if (!s) return null;
  let url: URL;
  try {
    url = new URL(s);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  return url.href;
}

export function cleanRecord(r: NewsRecord): Cleaned {
  const cleaned = new Set<string>();
  const fields = [r.title, r.content, r.url, r.source, r.id ?? ''];
  if (fields.some((f) => f.includes('\uFEFF'))) cleaned.add('byte-order mark');

  const title = oneLine(r.title.replace(BOM, ''));
  const lines = r.content.replace(BOM, '').replace(CONTROL, '').replace(/\r\n?/g, '\n').split('\n');
  const paragraphs: string[] = [];
  let spaced = /\s{2,}|^\s|\s$/.test(r.title.replace(BOM, ''));
  for (const line of lines) {
    const p = line.replace(SPACE_RUN, ' ').trim();
    if (p !== line && p) spaced = true;
    if (p) paragraphs.push(p);
  }
  if (spaced) cleaned.add('whitespace');
  if (!title && !paragraphs.length) return { skip: 'no text' };
  if (!title) return { skip: 'no title' };
  if (!paragraphs.length) return { skip: 'no text (title only)' };

  let url = '';
  if (r.url.trim()) {
    const clean = cleanUrl(r.url);
    if (clean === null) cleaned.add('url dropped (not an http(s) URL)');
    else {
      url = clean;
      if (/[^\x21-\x7e]/.test(r.url.replace(INVISIBLE, '').trim())) cleaned.add('url percent-encoded');
      if (/[\u200B-\u200F\u202A-\u202E\u2060-\u2069\u061C]/.test(r.url)) cleaned.add('invisible marks in url');
    }
  }

  let date = r.date;
  if (date !== null && !realDate(date)) {
    cleaned.add('date dropped (not a real date)');
    date = null;
  }

  let id: string | undefined;
  if (r.id !== undefined) {
    const safe = r.id
      .replace(INVISIBLE, '')
      .trim()
      .replace(/[^A-Za-z0-9_-]+/g, '-')
      .slice(0, 80);
    if (safe !== r.id) cleaned.add('id made file-safe');
    if (ID.test(safe)) id = safe;
  }

  const source = oneLine(r.source.replace(INVISIBLE, ''));
  return { article: { id, date, source, url, title, paragraphs }, cleaned: [...cleaned] };
}

/** The seeds/articles file (compiler/articles.ts format) of a cleaned article under `id`. */
export function renderArticle(id: string, a: CleanArticle): string {
  const header = [`id: ${id}`];
  if (a.date) header.push(`date: ${a.date}`);
  if (a.source) header.push(`source: ${a.source}`);
  if (a.url) header.push(`url: ${a.url}`);
  return `---\n${header.join('\n')}\n---\n${a.title}\n${a.paragraphs.join('\n')}\n`;
}
