// Corpus articles: one UTF-8 text file each in seeds/articles/. Adding an article is dropping a
// file there and rebuilding. Format:
//
//   ---                      (optional header; every key optional)
//   id: 000_170d4d68c2385a85 (default: the file name without .txt)
//   lang: ar                 (default: detected from the script)
//   date: 2021-01-26         (ISO; unknown dates are left out, never guessed)
//   source: Outlet name
//   url: https://…
//   ---
//   Title on the first line
//   Paragraphs, one per line…
import { basename } from 'node:path';
import { detectLang } from '../engine/text/lang';
import type { ArticleRecord } from '../engine/index/index-format';
import { SeedError } from './errors';

const KEYS = new Set(['id', 'lang', 'date', 'source', 'url']);
const ID = /^[A-Za-z0-9_-]{1,80}$/;

export function parseArticle(file: string, bytes: Uint8Array): ArticleRecord {
  if (bytes.includes(0)) throw new SeedError(file, 1, 'binary file (NUL byte): articles are UTF-8 text');
  let raw: string;
  try {
    raw = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new SeedError(file, 1, 'not valid UTF-8');
  }
  const lines = raw
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  const meta: Record<string, string> = {};
  let first = 0;
  if (lines[0]?.trim() === '---') {
    const close = lines.indexOf('---', 1);
    if (close < 0) throw new SeedError(file, 1, 'header opened with --- is never closed');
    for (let i = 1; i < close; i++) {
      const line = lines[i];
      if (!line.trim()) continue;
      const m = /^([a-z]+)\s*:\s*(.*)$/.exec(line);
      if (!m) throw new SeedError(file, i + 1, `header line is not "key: value": ${JSON.stringify(line)}`);
      if (!KEYS.has(m[1]))
        throw new SeedError(file, i + 1, `unknown header key "${m[1]}" (known: ${[...KEYS].join(', ')})`);
      if (m[1] in meta) throw new SeedError(file, i + 1, `header key "${m[1]}" given twice`);
      meta[m[1]] = m[2].trim();
      validateMeta(file, i + 1, m[1], meta[m[1]]);
    }
    first = close + 1;
  }
  const body = lines.slice(first).map((l) => l.trim());
  const titleAt = body.findIndex((l) => l.length > 0);
  if (titleAt < 0) throw new SeedError(file, first + 1, 'article has no text');
  const title = body[titleAt];
  const paragraphs = body.slice(titleAt + 1).filter((l) => l.length > 0);
  if (!paragraphs.length) throw new SeedError(file, first + titleAt + 2, 'article has a title but no body');
  const text = [title, ...paragraphs].join('\n');

  return {
    id: meta.id || basename(file).replace(/\.txt$/, ''),
    title,
    lang: meta.lang || detectLang(text),
    date: meta.date || null,
    source: meta.source || null,
    url: meta.url || null,
    text,
  };
}

function validateMeta(file: string, line: number, key: string, value: string): void {
  const bad = (why: string) => {
    throw new SeedError(file, line, `${key}: ${why}`);
  };
  if (!value) return;
  if (key === 'id' && !ID.test(value)) bad('ids are 1–80 letters, digits, _ or -');
  if (key === 'lang' && !/^[a-z]{2,3}$/.test(value)) bad('a language code such as ar or en');
  if (key === 'date') {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    const d = m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : null;
    if (!d || d.getUTCMonth() !== +m![2] - 1 || d.getUTCDate() !== +m![3])
      bad(`"${value}" is not a real date in YYYY-MM-DD form`);
  }
  if (key === 'url' && !/^https?:\/\/\S+$/.test(value)) bad('an http(s) URL');
}
