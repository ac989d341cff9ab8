// @vitest-environment node
// Recognition on real news (issue 11): every judged sample in tests/eval/real-news is scored against
// the recognizer as it is now. Prints, per sample, precision on the judged marks still made and the
// share of real mentions among the judged unmarked words still unmarked, with the items behind
// each figure. Needs the articles in ../shared/real-news; skipped with a message without them.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileCorpus } from '../../compiler/compile';
import { readSeeds } from '../../compiler/seeds';
import { createMatcher } from '../../engine/match/matcher';
import { recognizeText } from '../../engine/match/recognize-text';
import {
  loadSample,
  missRateOf,
  precisionOf,
  readRealNews,
  recordText,
  scoreSample,
  type JudgedItem,
  type Mark,
} from './real-news/judged';

const DIR = 'tests/eval/real-news';
const samples = readdirSync(DIR)
  .filter((d) => d.startsWith('judged-'))
  .sort()
  .map((d) => loadSample(join(DIR, d)));
const news = readRealNews(samples.flatMap((s) => [...s.marks, ...s.unmarked].map((it) => it.file)));
if (!news)
  console.warn(`real-news evaluation skipped: ${DIR}/../../../shared/real-news is absent (a clone without ../shared)`);

const compiled = compileCorpus(readSeeds());
const matcher = createMatcher(compiled.gazetteer);
const cache = new Map<string, Mark[]>();
function marksOf(file: string, index: number): Mark[] {
  const key = `${file}#${index}`;
  let marks = cache.get(key);
  if (!marks) {
    const record = news!.get(file)?.[index];
    if (!record) throw new Error(`${file} has no article ${index}`);
    marks = recognizeText(matcher, recordText(record), record.date).map((m) => ({
      entityId: m.entityId,
      label: compiled.entities[m.entity].names.en,
      start: m.start,
      end: m.end,
    }));
    cache.set(key, marks);
  }
  return marks;
}

const line = (it: JudgedItem) => `    ${it.id} ${it.entity}: ${it.surface}  (${it.category || it.note})`;

describe.skipIf(!news)('recognition on real news', () => {
  for (const sample of samples) {
    it(`${sample.name}: precision ≥ 0.97, real mentions ≤ 2% of the unmarked`, () => {
      const s = scoreSample(sample, marksOf);
      const precision = precisionOf(s);
      const missRate = missRateOf(s);
      console.log(
        `\n${sample.name}: ${sample.marks.length} judged marks, ${sample.unmarked.length} judged unmarked words\n` +
          `  precision ${(precision * 100).toFixed(1)}% (${s.right.length} right, ${s.wrong.length} wrong still made; ` +
          `${s.removed.length} wrong marks gone, ${s.lost.length} right marks lost)\n` +
          `  real mentions among the unmarked: ${(missRate * 100).toFixed(1)}% (${s.stillMissed.length} of ` +
          `${s.stillMissed.length + s.stillFine.length}; ${s.recovered.length} recovered, ${s.newlyWrong.length} judged-fine words now marked)\n` +
          (s.wrong.length ? `  wrong marks still made:\n${s.wrong.map(line).join('\n')}\n` : '') +
          (s.lost.length ? `  right marks lost:\n${s.lost.map(line).join('\n')}\n` : '') +
          (s.stillMissed.length ? `  real mentions still unmarked:\n${s.stillMissed.map(line).join('\n')}\n` : '') +
          (s.newlyWrong.length ? `  judged-fine words now marked:\n${s.newlyWrong.map(line).join('\n')}\n` : ''),
      );
      expect(precision).toBeGreaterThanOrEqual(0.97);
      expect(missRate).toBeLessThanOrEqual(0.02);
    });
  }
});
