// Recognition quality on the evaluation pages: Hashiya (Node) and mark.js (in the tab) against
// the pages' expected mentions.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileCorpus } from '../compiler/compile';
import { openCompiled } from '../compiler/memory-index';
import { createAnnotator } from '../engine/annotate';
import { htmlToText } from '../cli/html';
import { ROOT } from './config';
import { call, open, origin, tab } from './driver';
import type { BenchGazetteer } from './gazetteers';
import { HTML, serve } from './server';
import type { QualityFigures } from './report/types';

function score(expected: string[], predicted: string[]) {
  const pool = new Map<string, number>();
  for (const e of expected) pool.set(e, (pool.get(e) ?? 0) + 1);
  let tp = 0;
  let fp = 0;
  for (const p of predicted) {
    const n = pool.get(p) ?? 0;
    if (n > 0) {
      tp++;
      pool.set(p, n - 1);
    } else fp++;
  }
  return { tp, fp, fn: expected.length - tp };
}

export async function quality(
  index: ReturnType<typeof compileCorpus>,
  real: BenchGazetteer,
): Promise<QualityFigures[]> {
  const dir = join(ROOT, 'tests/eval/pages');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .sort();
  const annotate = createAnnotator(await openCompiled(index));
  const who: QualityFigures[] = [
    { who: 'Hashiya', tp: 0, fp: 0, fn: 0, perPage: [] },
    { who: 'mark.js exactly', tp: 0, fp: 0, fn: 0, perPage: [] },
    { who: 'mark.js partially', tp: 0, fp: 0, fn: 0, perPage: [] },
  ];
  const add = (q: QualityFigures, page: string, s: { tp: number; fp: number; fn: number }) => {
    q.tp += s.tp;
    q.fp += s.fp;
    q.fn += s.fn;
    q.perPage.push({ page, p: s.tp / (s.tp + s.fp), r: s.tp / (s.tp + s.fn) });
  };
  const key = (m: { entityId: string; surface: string }) => `${m.entityId} ${m.surface}`;
  for (const file of files) {
    const html = readFileSync(join(dir, file), 'utf8');
    serve(`/eval/${file}`, HTML, html);
    const expected = (
      JSON.parse(readFileSync(join(dir, file.replace(/\.html$/, '.expected.json')), 'utf8')) as {
        mentions: { entityId: string; surface: string }[];
      }
    ).mentions.map(key);
    const name = file.replace(/\.html$/, '');
    add(who[0], name, score(expected, (await annotate(htmlToText(html).text)).mentions.map(key)));
    for (const [i, mode] of [
      [1, 'exactly'],
      [2, 'partially'],
    ] as const) {
      await open(`/eval/${file}`);
      await tab.addScriptTag({ url: `${origin}/harness.js` });
      const marks = await call<{ term: string; surface: string }[]>('markjsMentions', [real.terms, mode]);
      const predicted = marks.map((m) => key({ entityId: real.termEntity[m.term], surface: m.surface }));
      add(who[i], name, score(expected, predicted));
    }
  }
  return who;
}
