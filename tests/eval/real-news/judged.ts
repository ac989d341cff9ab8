// Scoring the recognizer against a judged real-news sample. A judged mark is checked again: if the
// recognizer still makes it (same entity, overlapping the judged span) its verdict counts; a judged
// unmarked word is checked again: if it is now marked, it left the unmarked pool (a judged-missed
// word recovered, or a judged-fine word newly marked, which counts as a wrong mark).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readSaudiNewsNet, recordText, type NewsRecord } from '../../../compiler/collections/saudinewsnet';

export const REAL_NEWS_DIR = '../shared/real-news/saudinewsnet-2015-07';

export interface JudgedItem {
  id: string;
  file: string;
  index: number;
  start: number;
  end: number;
  /** English label (marks) or entity id (unmarked candidates), as the sample wrote it. */
  entity: string;
  surface: string;
  verdict: string;
  category: string;
  note: string;
}

export interface Sample {
  name: string;
  marks: JudgedItem[];
  unmarked: JudgedItem[];
}

function tsv(path: string): Record<string, string>[] {
  const [head, ...rows] = readFileSync(path, 'utf8').replace(/\n$/, '').split('\n');
  const cols = head.split('\t');
  return rows.map((row) => {
    const cells = row.split('\t');
    if (cells.length < cols.length - 1)
      throw new Error(`${path}: row ${JSON.stringify(row.slice(0, 40))} has ${cells.length} cells`);
    return Object.fromEntries(cols.map((c, i) => [c, cells[i] ?? '']));
  });
}

function items(dir: string, kind: 'precision' | 'recall', surfaceCol: string): JudgedItem[] {
  const verdicts = new Map(tsv(join(dir, `${kind}_verdicts.tsv`)).map((v) => [v.id, v]));
  return tsv(join(dir, `${kind}_items.tsv`)).map((r) => {
    const v = verdicts.get(r.id);
    if (!v) throw new Error(`${dir}: ${r.id} has no verdict`);
    return {
      id: r.id,
      file: r.file,
      index: Number(r.index),
      start: Number(r.start),
      end: Number(r.end),
      entity: r.entity,
      surface: r[surfaceCol],
      verdict: v.verdict,
      category: v.category ?? '',
      note: v.note ?? '',
    };
  });
}

export function loadSample(dir: string): Sample {
  return { name: dir, marks: items(dir, 'precision', 'MARKED'), unmarked: items(dir, 'recall', 'WORD') };
}

/** The July articles by file name (2015-07-21.json …), read once; null without ../shared. */
export function readRealNews(files: Iterable<string>): Map<string, NewsRecord[]> | null {
  if (!existsSync(REAL_NEWS_DIR)) return null;
  const out = new Map<string, NewsRecord[]>();
  for (const file of new Set(files))
    out.set(file, readSaudiNewsNet(join(REAL_NEWS_DIR, file.replace(/\.json$/, '.zip'))));
  return out;
}

export interface Mark {
  entityId: string;
  label: string;
  start: number;
  end: number;
}

export interface Score {
  /** Judged marks still made: right (judged ok) and wrong. */
  right: JudgedItem[];
  wrong: JudgedItem[];
  /** Judged marks no longer made: ok ones lost, wrong ones removed. */
  lost: JudgedItem[];
  removed: JudgedItem[];
  /** Unmarked candidates still unmarked: real mentions (judged missed) and fine. */
  stillMissed: JudgedItem[];
  stillFine: JudgedItem[];
  /** Unmarked candidates now marked: missed ones recovered, fine ones newly (wrongly) marked. */
  recovered: JudgedItem[];
  newlyWrong: JudgedItem[];
}

const overlaps = (m: Mark, it: JudgedItem) => m.start < it.end && it.start < m.end;

export function scoreSample(sample: Sample, marksOf: (file: string, index: number) => Mark[]): Score {
  const s: Score = {
    right: [],
    wrong: [],
    lost: [],
    removed: [],
    stillMissed: [],
    stillFine: [],
    recovered: [],
    newlyWrong: [],
  };
  for (const it of sample.marks) {
    const made = marksOf(it.file, it.index).some(
      (m) => overlaps(m, it) && (m.label === it.entity || m.entityId === it.entity),
    );
    const ok = it.verdict === 'ok';
    (made ? (ok ? s.right : s.wrong) : ok ? s.lost : s.removed).push(it);
  }
  for (const it of sample.unmarked) {
    const made = marksOf(it.file, it.index).some((m) => overlaps(m, it) && m.entityId === it.entity);
    const missed = it.verdict === 'missed';
    (made ? (missed ? s.recovered : s.newlyWrong) : missed ? s.stillMissed : s.stillFine).push(it);
  }
  return s;
}

/** Right among the sampled marks the recognizer still makes. */
export function precisionOf(s: Score): number {
  return s.right.length / Math.max(1, s.right.length + s.wrong.length);
}

/** Real mentions among the candidates still unmarked. */
export function missRateOf(s: Score): number {
  return s.stillMissed.length / Math.max(1, s.stillMissed.length + s.stillFine.length);
}

export { recordText };
