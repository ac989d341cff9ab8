// A collection on disk → NewsRecords. Paths may be files or folders (walked recursively, in name
// order); the format is chosen by extension. Whole-file problems throw a CollectionError naming the
// file; per-record problems come back beside the records.
import { readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { decodeUtf8, readBytes } from './bytes';
import { readCsv } from './csv';
import { datePart } from './fields';
import { readJsonArray, readJsonLines } from './json';
import { CollectionError, type FileRead, type NewsRecord, type RecordProblem } from './record';

/** HTML → its visible text and publication date. Injected (cli/html.ts in Node) so this module needs no DOM. */
export type HtmlToText = (html: string) => { text: string; published: string | null };

export interface ReadOptions {
  html?: HtmlToText;
}

const READERS: [RegExp, (path: string, options: ReadOptions) => FileRead][] = [
  [/\.(json|zip)$/i, readJsonArray],
  [/\.(jsonl|ndjson)$/i, readJsonLines],
  [/\.csv$/i, readCsv],
  [/\.txt$/i, (p) => readArticleFile(p, null)],
  [/\.x?html?$/i, (p, o) => readArticleFile(p, o.html ?? null)],
];

const readerOf = (path: string) => READERS.find(([re]) => re.test(path))?.[1];

/** The files the paths name: files as given, folders walked (hidden entries and other extensions skipped). */
export function collectionFiles(paths: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      if (name.startsWith('.')) continue;
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (readerOf(p)) out.push(p);
    }
  };
  for (const p of paths) {
    let isDir: boolean;
    try {
      isDir = statSync(p).isDirectory();
    } catch {
      throw new CollectionError(p, 'no such file or folder');
    }
    if (isDir) walk(p);
    else if (readerOf(p)) out.push(p);
    else throw new CollectionError(p, 'unknown format: expected .json, .zip, .jsonl, .csv, .txt or .html');
  }
  return out;
}

export function readCollectionFile(path: string, options: ReadOptions = {}): FileRead {
  const reader = readerOf(path);
  if (!reader) throw new CollectionError(path, 'unknown format');
  return reader(path, options);
}

/** Every record of every file. Throws the first whole-file problem; see readCollectionFile to go file by file. */
export function readCollection(
  paths: readonly string[],
  options: ReadOptions = {},
): { files: string[]; records: NewsRecord[]; problems: RecordProblem[] } {
  const files = collectionFiles(paths);
  const records: NewsRecord[] = [];
  const problems: RecordProblem[] = [];
  for (const f of files) {
    const read = readCollectionFile(f, options);
    for (const r of read.records) records.push(r);
    problems.push(...read.problems);
  }
  return { files, records, problems };
}

const HEADER_KEY = /^(id|date|source|url|lang)\s*:\s*(.*)$/;

/**
 * One article per file: the first non-empty line is the title, the rest the content. A .txt may
 * carry the header of seeds/articles files (compiler/articles.ts), read for id, date, source, url.
 */
function readArticleFile(path: string, html: HtmlToText | null): FileRead {
  const bytes = readBytes(path);
  if (bytes.includes(0)) throw new CollectionError(path, 'binary file (NUL byte): expected text or HTML');
  const raw = decodeUtf8(path, bytes);
  const meta: Record<string, string> = {};
  let body: string;
  if (html) {
    const { text, published } = html(raw);
    body = text;
    if (published) meta.date = published;
  } else if (/\.x?html?$/i.test(path)) {
    throw new CollectionError(path, 'HTML files need an HTML reader (run through the CLI)');
  } else {
    const lines = raw.replace(/\r\n?/g, '\n').split('\n');
    const close = lines[0]?.trim() === '---' ? lines.indexOf('---', 1) : -1;
    if (close > 0)
      for (const line of lines.slice(1, close)) {
        const m = HEADER_KEY.exec(line.trim());
        if (m) meta[m[1]] = m[2].trim();
      }
    body = lines.slice(close > 0 ? close + 1 : 0).join('\n');
  }
  const lines = body.split('\n');
  const at = lines.findIndex((l) => l.trim().length > 0);
  const record: NewsRecord = {
    file: path,
    index: 0,
    id: meta.id || basename(path).replace(/\.[^.]+$/, ''),
    date: datePart(meta.date),
    source: meta.source ?? '',
    url: meta.url ?? '',
    title: at < 0 ? '' : lines[at],
    content: at < 0 ? '' : lines.slice(at + 1).join('\n'),
  };
  return { path, records: [record], problems: [] };
}
