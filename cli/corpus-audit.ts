// npm run corpus -- audit <path>… [--skip-first N] [--single-word-names] [--json] [--sample N --seed S --out DIR]
// Runs the recognizer of the compiled seeds over a real collection (anything the import reads:
// SaudiNewsNet JSON zipped or not, JSON Lines, CSV, folders of .txt/.html) and prints, per marked
// form, its count, neighbours and contexts, and per entity the words containing its names left
// unmarked (compiler/audit.ts). --sample writes N random marks and N random unmarked candidates
// (seeded: the same seed draws the same sample) as precision_items.tsv and recall_items.tsv in DIR.
// --skip-first N leaves out the first N articles in read order (files in name order), e.g. the
// 3,000 that an earlier sample was drawn from, so that a fresh sample is of text nobody tuned on.
// --single-word-names: only one-word names make unmarked candidates (not the first word of a longer
// name, such as محمد of محمد جواد ظريف), as in the judged-2015-07 recall sample.
import { join } from 'node:path';
import { collectionFiles, readCollectionFile, type NewsRecord } from '../compiler/collections';
import { createAuditor, sample } from '../compiler/audit';
import {
  auditJson,
  formatAudit,
  precisionTsv,
  recallTsv,
  textLookup,
  type EntityNames,
} from '../compiler/audit-report';
import { compileCorpus } from '../compiler/compile';
import { readSeeds, writeAtomically } from '../compiler/seeds';
import { htmlToText } from './html';

export const AUDIT_USAGE =
  'npm run corpus -- audit <file or folder>… [--skip-first N] [--single-word-names] [--json] [--sample N --seed S --out DIR]';

export interface AuditArgs {
  paths: string[];
  skipFirst: number;
  json: boolean;
  singleWordNames: boolean;
  sample: number | null;
  seed: number;
  out: string | null;
}

export function parseAuditArgs(args: string[]): AuditArgs {
  const a: AuditArgs = {
    paths: [],
    skipFirst: 0,
    json: false,
    singleWordNames: false,
    sample: null,
    seed: 1,
    out: null,
  };
  const bad = (why: string): never => {
    throw new Error(`${why}\nusage: ${AUDIT_USAGE}`);
  };
  const int = (i: number, name: string) => {
    const v = args[i + 1];
    if (!v || !/^\d+$/.test(v)) bad(`${name} needs a whole number`);
    return Number(v);
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--json') a.json = true;
    else if (arg === '--single-word-names') a.singleWordNames = true;
    else if (arg === '--skip-first') a.skipFirst = int(i++, arg);
    else if (arg === '--sample') a.sample = int(i++, arg);
    else if (arg === '--seed') a.seed = int(i++, arg);
    else if (arg === '--out') {
      if (!args[i + 1]) bad('--out needs a folder');
      a.out = args[++i];
    } else if (arg.startsWith('--')) bad(`unknown option ${arg}`);
    else a.paths.push(arg);
  }
  if (!a.paths.length) bad('no collection given');
  if (a.sample !== null && !a.out) bad('--sample needs --out DIR');
  return a;
}

export function runAudit(args: string[], log: (text: string) => void = console.log): void {
  const options = parseAuditArgs(args);
  const compiled = compileCorpus(readSeeds());
  const names: EntityNames = {
    ids: compiled.entities.map((e) => e.id),
    english: compiled.entities.map((e) => e.names.en),
  };
  const auditor = createAuditor(compiled.gazetteer, { singleWordNames: options.singleWordNames });
  const kept: NewsRecord[] = []; // only when sampling: the sample's contexts need the texts
  let seen = 0;
  let problems = 0;
  for (const file of collectionFiles(options.paths)) {
    const read = readCollectionFile(file, { html: htmlToText });
    problems += read.problems.length;
    for (const p of read.problems) process.stderr.write(`audit: left out ${p.file}#${p.index}: ${p.reason}\n`);
    for (const r of read.records) {
      if (seen++ < options.skipFirst) continue;
      auditor.add(r);
      if (options.sample !== null) kept.push(r);
    }
  }
  const { audit } = auditor;
  if (options.json) log(JSON.stringify(auditJson(audit, names), null, 2));
  else {
    if (options.skipFirst) log(`(the first ${Math.min(options.skipFirst, seen)} articles left out)`);
    if (problems) log(`(${problems} unreadable records left out)`);
    log(formatAudit(audit, names));
  }
  if (options.sample !== null && options.out) {
    const text = textLookup(kept);
    const marks = sample(audit.marks, options.sample, options.seed);
    // A different stream for the candidates: the same seed must not tie the two samples' positions.
    const candidates = sample(audit.candidates, options.sample, options.seed ^ 0x5bd1e995);
    writeAtomically(join(options.out, 'precision_items.tsv'), precisionTsv(marks, names, text));
    writeAtomically(join(options.out, 'recall_items.tsv'), recallTsv(candidates, names, text));
    (options.json ? process.stderr.write.bind(process.stderr) : (s: string) => log(s.trimEnd()))(
      `sample (seed ${options.seed}): ${marks.length} marks → ${join(options.out, 'precision_items.tsv')}, ` +
        `${candidates.length} unmarked candidates → ${join(options.out, 'recall_items.tsv')}\n`,
    );
  }
}
