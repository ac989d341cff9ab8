// SaudiNewsNet-style JSON (one array of article objects per file, usually zipped) and JSON Lines.
import { unzipSync } from 'fflate';
import { decodeUtf8, readBytes } from './bytes';
import { toRecord } from './fields';
import { CollectionError, MAX_FILE_BYTES, type FileRead, type RecordProblem } from './record';

const baseName = (p: string) => p.split(/[\\/]/).pop()!;

/** The JSON text of a .json file, or of the single .json member of a .zip (named by that member). */
export function readJsonText(path: string): { name: string; text: string } {
  const bytes = readBytes(path);
  if (!/\.zip$/i.test(path)) return { name: baseName(path), text: decodeUtf8(path, bytes) };
  let tooLarge = '';
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      // A zip's declared sizes are checked before anything is inflated: a small zip may unpack to gigabytes.
      filter: (f) => {
        if (!/\.json$/i.test(f.name)) return false;
        if (f.originalSize > MAX_FILE_BYTES) tooLarge = f.name;
        return !tooLarge;
      },
    });
  } catch (e) {
    throw new CollectionError(path, `not a readable zip, truncated or damaged (${(e as Error).message})`);
  }
  if (tooLarge) throw new CollectionError(path, `${tooLarge} unpacks to over ${MAX_FILE_BYTES / 1024 / 1024} MB`);
  const names = Object.keys(files);
  if (names.length !== 1) throw new CollectionError(path, `expected one .json file in the zip, found ${names.length}`);
  return { name: baseName(names[0]), text: decodeUtf8(path, files[names[0]]) };
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

export function readJsonArray(path: string): FileRead {
  const { name, text } = readJsonText(path);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new CollectionError(path, `not valid JSON (${(e as Error).message})`);
  }
  if (!Array.isArray(data))
    throw new CollectionError(path, `expected a JSON array of articles, found ${data === null ? 'null' : typeof data}`);
  const read: FileRead = { path, records: [], problems: [] };
  data.forEach((r: unknown, index) => {
    if (isObject(r)) read.records.push(toRecord(r, name, index));
    else read.problems.push({ file: name, index, reason: 'not an object' });
  });
  return read;
}

export function readJsonLines(path: string): FileRead {
  const name = baseName(path);
  const lines = decodeUtf8(path, readBytes(path)).split(/\r?\n/);
  const read: FileRead = { path, records: [], problems: [] };
  const problem = (index: number, reason: string): void => void read.problems.push({ file: name, index, reason });
  lines.forEach((line, index) => {
    if (!line.trim()) return;
    let r: unknown;
    try {
      r = JSON.parse(line);
    } catch (e) {
      return problem(index, `line ${index + 1} is not valid JSON (${(e as Error).message})`);
    }
    if (isObject(r)) read.records.push(toRecord(r, name, index));
    else problem(index, `line ${index + 1} is not a JSON object`);
  });
  return read;
}

export type { RecordProblem };
