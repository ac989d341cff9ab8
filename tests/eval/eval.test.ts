// @vitest-environment node
// Recognition quality on hand-written news pages (tests/eval/pages): every expected mention is an
// (entity, surface) pair a careful annotator would mark; predictions are compared as multisets, so
// order and offsets do not hide a miss. Prints precision and recall per page and overall, and
// story-match accuracy. Thresholds leave no room for a regression to pass unnoticed.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileCorpus } from '../../compiler/compile';
import { openCompiled } from '../../compiler/memory-index';
import { readSeeds } from '../../compiler/seeds';
import { createAnnotator } from '../../engine/annotate';
import { htmlToText } from '../../cli/html';

interface Expected {
  lang: string;
  sameStoryAs: string[];
  mentions: { entityId: string; surface: string }[];
}

const DIR = 'tests/eval/pages';
const pages = readdirSync(DIR)
  .filter((f) => f.endsWith('.html'))
  .sort();
const annotate = createAnnotator(await openCompiled(compileCorpus(readSeeds())));

function score(expected: string[], predicted: string[]) {
  const pool = new Map<string, number>();
  for (const e of expected) pool.set(e, (pool.get(e) ?? 0) + 1);
  let tp = 0;
  const extra: string[] = [];
  for (const p of predicted) {
    const n = pool.get(p) ?? 0;
    if (n > 0) {
      tp++;
      pool.set(p, n - 1);
    } else extra.push(p);
  }
  const missed = [...pool].flatMap(([k, n]) => Array<string>(n).fill(k));
  return { tp, fp: extra.length, fn: missed.length, extra, missed };
}

interface PageResult {
  file: string;
  text: string;
  mentions: { entityId: string; surface: string; start: number; end: number }[];
  score: ReturnType<typeof score>;
  storyRight: boolean;
  row: string;
}

// Each page is scored once, by whichever test asks first: the per-page tests and the overall one
// share the results, and the overall test still scores every page when it runs alone (-t).
const results = new Map<string, Promise<PageResult>>();
function evaluate(file: string): Promise<PageResult> {
  let result = results.get(file);
  if (!result) {
    result = evaluatePage(file);
    results.set(file, result);
  }
  return result;
}

async function evaluatePage(file: string): Promise<PageResult> {
  const expected = JSON.parse(readFileSync(join(DIR, file.replace(/\.html$/, '.expected.json')), 'utf8')) as Expected;
  const { text, published } = htmlToText(readFileSync(join(DIR, file), 'utf8'));
  const result = await annotate(text, published);
  const key = (m: { entityId: string; surface: string }) => `${m.entityId} ${m.surface}`;
  const s = score(expected.mentions.map(key), result.mentions.map(key));
  const same = result.stories
    .filter((st) => st.sameStory)
    .map((st) => st.articleId)
    .sort();
  const storyRight = JSON.stringify(same) === JSON.stringify([...expected.sameStoryAs].sort());
  const best = result.stories[0];
  const row =
    `${file.padEnd(34)} P ${pct(s.tp, s.tp + s.fp)}  R ${pct(s.tp, s.tp + s.fn)}  story ${storyRight ? 'ok ' : 'BAD'} (best ${best ? best.score.toFixed(2) : '-'})` +
    (s.extra.length ? `\n    extra: ${s.extra.join(' | ')}` : '') +
    (s.missed.length ? `\n    missed: ${s.missed.join(' | ')}` : '');
  return { file, text, mentions: result.mentions, score: s, storyRight, row };
}

describe('evaluation pages', () => {
  for (const file of pages) {
    it(file, async () => {
      const { text, mentions, storyRight } = await evaluate(file);
      // Every mention's surface is exactly the text it points at.
      for (const m of mentions) expect(text.slice(m.start, m.end)).toBe(m.surface);
      expect(storyRight, `same-story verdict for ${file}`).toBe(true);
    });
  }

  it('scores well overall', async () => {
    const all = await Promise.all(pages.map(evaluate));
    const totals = { tp: 0, fp: 0, fn: 0, storiesRight: 0 };
    for (const r of all) {
      totals.tp += r.score.tp;
      totals.fp += r.score.fp;
      totals.fn += r.score.fn;
      if (r.storyRight) totals.storiesRight++;
    }
    const precision = totals.tp / Math.max(1, totals.tp + totals.fp);
    const recall = totals.tp / Math.max(1, totals.tp + totals.fn);
    console.log(
      `\nRecognition on ${pages.length} evaluation pages\n${all.map((r) => r.row).join('\n')}\n` +
        `overall: precision ${(precision * 100).toFixed(1)}%  recall ${(recall * 100).toFixed(1)}%  ` +
        `(${totals.tp} right, ${totals.fp} extra, ${totals.fn} missed); same-story ${totals.storiesRight}/${all.length}`,
    );
    expect(pages.length).toBeGreaterThanOrEqual(8);
    expect(totals.tp).toBeGreaterThan(0);
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });
});

const pct = (a: number, b: number) => (b ? ((a / b) * 100).toFixed(1).padStart(5) + '%' : '   - ');
