// CSV with a header row (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes), parsed
// by csv-parse. A header without a title column is a whole-file error; a row whose field count
// differs from the header's is reported and left out.
import { parse } from 'csv-parse/sync';
import { decodeUtf8, readBytes } from './bytes';
import { findKey, toRecord } from './fields';
import { CollectionError, type FileRead } from './record';

export function readCsv(path: string): FileRead {
  const name = path.split(/[\\/]/).pop()!;
  const text = decodeUtf8(path, readBytes(path));
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    // With `info`, each row comes as { record, info }; the typings do not model that option.
    rows = parse(text, { info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as typeof rows;
  } catch (e) {
    throw new CollectionError(path, `not readable as CSV (${(e as Error).message})`);
  }
  if (!rows.length) throw new CollectionError(path, 'empty CSV: expected a header row');
  const header = rows[0].record.map((h) => h.trim());
  if (findKey(header, 'title') === undefined)
    throw new CollectionError(path, `no title column in the header (${JSON.stringify(header.join(','))})`);
  if (findKey(header, 'content') === undefined)
    throw new CollectionError(
      path,
      `no content, text or body column in the header (${JSON.stringify(header.join(','))})`,
    );
  const read: FileRead = { path, records: [], problems: [] };
  rows.slice(1).forEach(({ record, info }, index) => {
    if (record.length !== header.length) {
      read.problems.push({
        file: name,
        index,
        reason: `row ending on line ${info.lines} has ${record.length} fields, the header ${header.length}`,
      });
      return;
    }
    read.records.push(toRecord(Object.fromEntries(header.map((h, i) => [h, record[i]])), name, index));
  });
  return read;
}
