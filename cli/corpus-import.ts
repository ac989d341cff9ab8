// npm run corpus -- import <path>… [--out seeds/articles]
// Reads real collections (compiler/collections), cleans and checks every record (compiler/import.ts)
// and writes one article file per record kept. Every skipped record is listed with its reason on
// stdout, then a summary. Nothing is half written: all input is read before anything is written, the
// files are written into a temporary folder beside the target and then moved in; a whole-file error
// (truncated zip, JSON not an array, CSV without a title column, file over 200 MB, not UTF-8) stops
// the import with the file named and the target left as it was.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseArticle } from '../compiler/articles';
import { collectionFiles, readCollectionFile, type NewsRecord, type RecordProblem } from '../compiler/collections';
import { importSummary, planImport, type ExistingArticle } from '../compiler/import';
import { htmlToText } from './html';

export const IMPORT_USAGE = 'npm run corpus -- import <file or folder>… [--out seeds/articles]';

export function parseImportArgs(args: string[]): { paths: string[]; out: string } {
  const paths: string[] = [];
  let out = join('seeds', 'articles');
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--out') {
      if (!args[i + 1]) throw new Error(`--out needs a folder\nusage: ${IMPORT_USAGE}`);
      out = args[++i];
    } else if (args[i].startsWith('--')) throw new Error(`unknown option ${args[i]}\nusage: ${IMPORT_USAGE}`);
    else paths.push(args[i]);
  }
  if (!paths.length) throw new Error(`usage: ${IMPORT_USAGE}`);
  return { paths, out };
}

/** What the target folder already holds: its files' names count as taken ids, their texts as known texts. */
function existingArticles(out: string): ExistingArticle[] {
  if (!existsSync(out)) return [];
  const found: ExistingArticle[] = [];
  for (const name of readdirSync(out).filter((n) => n.endsWith('.txt'))) {
    const stem = name.slice(0, -4);
    try {
      const a = parseArticle(join(out, name), readFileSync(join(out, name)));
      found.push({ id: a.id, text: a.text });
      if (a.id !== stem) found.push({ id: stem, text: '' });
    } catch {
      found.push({ id: stem, text: '' }); // the build will name it; its name is still taken
    }
  }
  return found;
}

export function runImport(args: string[], log: (line: string) => void = console.log): void {
  const { paths, out } = parseImportArgs(args);
  const started = Date.now();
  const records: NewsRecord[] = [];
  const problems: RecordProblem[] = [];
  for (const file of collectionFiles(paths)) {
    const read = readCollectionFile(file, { html: htmlToText });
    for (const r of read.records) records.push(r);
    problems.push(...read.problems);
  }
  const plan = planImport(records, problems, existingArticles(out));
  for (const s of plan.skipped) log(`skipped ${s.file}#${s.index}: ${s.reason}${s.detail ? ` (${s.detail})` : ''}`);

  if (plan.files.length) {
    mkdirSync(dirname(out), { recursive: true });
    const tmp = mkdtempSync(join(dirname(out), `.${basename(out)}.import-`));
    try {
      for (const f of plan.files) writeFileSync(join(tmp, f.name), f.contents);
      if (!existsSync(out)) renameSync(tmp, out);
      else {
        // Names were checked free; each rename is atomic, so a reader sees a file whole or not at all.
        // Were the process killed among these moves, running the import again finishes it: the files
        // already moved are then duplicates by id, and skipped.
        for (const f of plan.files) renameSync(join(tmp, f.name), join(out, f.name));
        rmSync(tmp, { recursive: true });
      }
    } catch (e) {
      rmSync(tmp, { recursive: true, force: true });
      throw e;
    }
  }
  log(importSummary(plan, out));
  log(`  took ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
