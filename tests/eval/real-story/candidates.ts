// Candidate pairs for the labelled same-story set (tests/eval/real-story/pairs.json), printed for a
// human to read and label: cross-outlet pairs by shared shingle samples (copies, rewrites), pairs
// of one day with a shared distinctive title word but few shared samples (same topic), and random
// pairs (unrelated). Run: npx tsx tests/eval/real-story/candidates.ts > candidates.tsv
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readSaudiNewsNet, recordText, type NewsRecord } from '../../../compiler/collections/saudinewsnet';
import { extractFeatures } from '../../../engine/story/story';
import { contentMatches, packShingles } from '../../../engine/story/story-content';

const DIR = '../shared/real-news/saudinewsnet-2015-07';
const records: NewsRecord[] = readdirSync(DIR)
  .filter((f) => f.endsWith('.zip'))
  .sort()
  .flatMap((f) => readSaudiNewsNet(join(DIR, f)));
const t0 = Date.now();
const feats = records.map((r) => extractFeatures(recordText(r), 'ar', [], r.date));
const table = packShingles(
  feats.map((f) => f.shingles),
  feats.map((f) => f.vocabulary),
);
console.error(`${records.length} records, features+index ${Date.now() - t0} ms, keys ${table.shingleKeys.length}`);

const id = (i: number) => `${records[i].file}#${records[i].index}`;
const out: string[] = [];
let rng = 12345;
const rand = () => (rng = (Math.imul(rng, 1103515245) + 12345) >>> 0) / 2 ** 32;
for (let i = 0; i < records.length; i++) {
  for (const m of contentMatches(feats[i], table, 2, 2)) {
    if (m.article <= i || records[m.article].source === records[i].source) continue;
    out.push([id(i), id(m.article), m.shared, m.containment.toFixed(2)].join('\t'));
  }
}
// Title pairs: one or two days apart, other outlets, sharing two title words that few titles use.
const titleWords = records.map((r) => new Set(extractFeatures(r.title, 'ar', []).terms.map(([h]) => h)));
const df = new Map<number, number>();
for (const ws of titleWords) for (const w of ws) df.set(w, (df.get(w) ?? 0) + 1);
const byWord = new Map<number, number[]>();
titleWords.forEach((ws, i) => {
  for (const w of ws) if (df.get(w)! <= 20) (byWord.get(w) ?? byWord.set(w, []).get(w)!).push(i);
});
const day = (i: number) => Date.parse(records[i].date ?? '2000-01-01') / 864e5;
for (let i = 0; i < records.length; i++) {
  const shared = new Map<number, number>();
  for (const w of titleWords[i])
    for (const j of byWord.get(w) ?? []) if (j > i) shared.set(j, (shared.get(j) ?? 0) + 1);
  const content = new Map(contentMatches(feats[i], table, 1, 2).map((m) => [m.article, m]));
  for (const [j, n] of shared) {
    if (n < 2 || records[j].source === records[i].source || Math.abs(day(i) - day(j)) > 1) continue;
    const m = content.get(j);
    out.push([id(i), id(j), m?.shared ?? 0, 'title ' + (m?.containment ?? 0).toFixed(2)].join('\t'));
  }
}
for (let k = 0; k < 400; k++) {
  const a = Math.floor(rand() * records.length);
  const b = Math.floor(rand() * records.length);
  if (a !== b) out.push([id(a), id(b), 0, 'random'].join('\t'));
}
console.log(out.join('\n'));
