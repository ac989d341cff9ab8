// Collection records → the article files an import writes, and an account of everything it did
// not write. Pure (no I/O; cli/corpus-import.ts reads and writes): each record is cleaned
// (import-clean.ts), given an id, checked against the ids and texts already imported or already in
// the target folder, rendered, and parsed back with the build's own parser, so every file written
// is one `corpus -- build` accepts. A bad record is skipped with its reason; nothing stops the plan.
import { createHash } from 'node:crypto';
import { parseArticle } from './articles';
import type { NewsRecord, RecordProblem } from './collections/record';
import { SeedError } from './errors';
import { cleanRecord, renderArticle } from './import-clean';

export interface ExistingArticle {
  id: string;
  text: string;
}

export interface PlannedFile {
  name: string;
  contents: string;
}

export interface Skipped {
  file: string;
  index: number;
  /** Summary category ("no title", "duplicate id"…). */
  reason: string;
  /** The record's own detail (which id, which other record). */
  detail?: string;
}

export interface ImportPlan {
  files: PlannedFile[];
  skipped: Skipped[];
  /** Records that needed cleaning, and how many needed each kind. */
  cleanedRecords: number;
  cleaned: Map<string, number>;
  read: number;
}

export const DUPLICATE_ID = 'duplicate id';
export const DUPLICATE_TEXT = 'identical text';

const hash = (s: string, hex = 16) => createHash('sha256').update(s).digest('hex').slice(0, hex);

/** Articles are compared by their text as the build reads it: title and paragraphs, one per line. */
const textKey = (text: string) => hash(text, 40);

/**
 * An id for a record without one: its date (so files sort by day) and a hash of its URL, or of
 * where it was read when it has no URL. The same URL twice is then a duplicate by id.
 */
function derivedId(date: string | null, url: string, r: NewsRecord): string {
  return `${date ?? 'undated'}_${hash(url || `${r.file}#${r.index}`)}`;
}

export function planImport(
  records: readonly NewsRecord[],
  problems: readonly RecordProblem[],
  existing: readonly ExistingArticle[] = [],
): ImportPlan {
  const plan: ImportPlan = { files: [], skipped: [], cleanedRecords: 0, cleaned: new Map(), read: records.length };
  for (const p of problems)
    plan.skipped.push({ file: p.file, index: p.index, reason: 'unreadable record', detail: p.reason });
  const ids = new Map<string, string>(existing.map((a) => [a.id.toLowerCase(), `${a.id} (already in the folder)`]));
  const texts = new Map<string, string>(existing.map((a) => [textKey(a.text), `${a.id} (already in the folder)`]));

  for (const r of records) {
    const skip = (reason: string, detail?: string) =>
      void plan.skipped.push({ file: r.file, index: r.index, reason, ...(detail ? { detail } : {}) });
    const result = cleanRecord(r);
    if ('skip' in result) {
      skip(result.skip);
      continue;
    }
    const { article, cleaned } = result;
    const id = article.id ?? derivedId(article.date, article.url, r);
    const contents = renderArticle(id, article);
    const name = `${id}.txt`;
    let text: string;
    try {
      text = parseArticle(name, new TextEncoder().encode(contents)).text;
    } catch (e) {
      if (!(e instanceof SeedError)) throw e;
      skip('not a valid article', e.problem);
      continue;
    }
    // Ids are compared without case: on a case-insensitive disk A.txt and a.txt are one file.
    const sameId = ids.get(id.toLowerCase());
    if (sameId) {
      skip(DUPLICATE_ID, `id ${id} is also ${sameId}`);
      continue;
    }
    const key = textKey(text);
    const sameText = texts.get(key);
    if (sameText) {
      skip(DUPLICATE_TEXT, `same text as ${sameText}`);
      continue;
    }
    ids.set(id.toLowerCase(), `${r.file}#${r.index}`);
    texts.set(key, id);
    plan.files.push({ name, contents });
    if (cleaned.length) plan.cleanedRecords++;
    for (const c of cleaned) plan.cleaned.set(c, (plan.cleaned.get(c) ?? 0) + 1);
  }
  return plan;
}

/** The summary an import ends with: counts first, then the skip reasons, most frequent first. */
export function importSummary(plan: ImportPlan, out: string): string {
  const byReason = new Map<string, number>();
  for (const s of plan.skipped) byReason.set(s.reason, (byReason.get(s.reason) ?? 0) + 1);
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const lines = [
    `import: ${plan.read} records read, ${plan.files.length} imported into ${out}, ${plan.skipped.length} skipped`,
    `  cleaned: ${plan.cleanedRecords} records`,
    ...sorted(plan.cleaned).map(([k, n]) => `    ${String(n).padStart(6)}  ${k}`),
    `  skipped by reason:${plan.skipped.length ? '' : ' none'}`,
    ...sorted(byReason).map(([k, n]) => `    ${String(n).padStart(6)}  ${k}`),
    `  duplicates: ${byReason.get(DUPLICATE_ID) ?? 0} by id, ${byReason.get(DUPLICATE_TEXT) ?? 0} by identical text`,
  ];
  return lines.join('\n');
}
