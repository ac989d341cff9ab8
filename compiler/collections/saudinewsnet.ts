// SaudiNewsNet (github.com/parallelfold/SaudiNewsNet): one JSON array per day, usually zipped, of
// { source, url, date_extracted, title, author, content }. Kept as the strict entry point for code
// that wants a clean file or nothing; the general readers are in read.ts.
import { readJsonArray } from './json';
import { CollectionError, type NewsRecord } from './record';

export { CollectionError, recordText, type NewsRecord } from './record';
export { readJsonText } from './json';

/** Every record of one SaudiNewsNet file; a record that is not an object is an error naming it. */
export function readSaudiNewsNet(path: string): NewsRecord[] {
  const { records, problems } = readJsonArray(path);
  if (problems.length) throw new CollectionError(path, `record ${problems[0].index} is ${problems[0].reason}`);
  return records;
}
