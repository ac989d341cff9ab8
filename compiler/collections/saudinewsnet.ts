// SaudiNewsNet (github.com/parallelfold/SaudiNewsNet): one JSON array per day, usually zipped, of
// { source, url, date_extracted, title, author, content }. Read whole, checked record by record:
// a record that is not of that shape is reported with its index, never silently dropped.
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';

export interface NewsRecord {
  /** The file it came from (the zip's name when zipped) and its index in that file's array. */
  file: string;
  index: number;
  source: string;
  url: string;
  /** "YYYY-MM-DD" from date_extracted, or null when it has none. */
  date: string | null;
  title: string;
  content: string;
}

export class CollectionError extends Error {
  constructor(
    readonly file: string,
    problem: string,
  ) {
    super(`${file}: ${problem}`);
  }
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The JSON text of a .json file, or of the single .json member of a .zip. */
export function readJsonText(path: string): { name: string; text: string } {
  const bytes = readFileSync(path);
  if (!/\.zip$/i.test(path)) return { name: path.split('/').pop()!, text: new TextDecoder().decode(bytes) };
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => /\.json$/i.test(f.name) });
  } catch (e) {
    throw new CollectionError(path, `not a readable zip (${(e as Error).message})`);
  }
  const names = Object.keys(files);
  if (names.length !== 1) throw new CollectionError(path, `expected one .json file in the zip, found ${names.length}`);
  return { name: names[0].split('/').pop()!, text: new TextDecoder().decode(files[names[0]]) };
}

export function readSaudiNewsNet(path: string): NewsRecord[] {
  const { name, text } = readJsonText(path);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new CollectionError(path, `invalid JSON (${(e as Error).message})`);
  }
  if (!Array.isArray(data)) throw new CollectionError(path, 'expected a JSON array of articles');
  return data.map((r: Record<string, unknown>, index) => {
    if (!r || typeof r !== 'object') throw new CollectionError(path, `record ${index} is not an object`);
    const date = /^\d{4}-\d{2}-\d{2}/.exec(str(r.date_extracted))?.[0] ?? null;
    return {
      file: name,
      index,
      source: str(r.source),
      url: str(r.url),
      date,
      title: str(r.title),
      content: str(r.content),
    };
  });
}

/** The text the judged samples' offsets refer to: title, a line break, content. */
export const recordText = (r: NewsRecord): string => `${r.title}\n${r.content}`;
