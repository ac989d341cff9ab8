// @vitest-environment node
// `npm run annotate`: the single-document contract, and --jsonl over several files where a bad file
// gets its own error line and the others still print.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileCorpus } from '../../compiler/compile';
import { openCompiled } from '../../compiler/memory-index';
import { readSeeds } from '../../compiler/seeds';
import { createAnnotator } from '../../engine/annotate';
import { readInput } from '../../cli/annotate-input';
import { runAnnotate } from '../../cli/annotate-run';

const corpus = await openCompiled(compileCorpus(readSeeds()));
const PAGE = 'tests/eval/pages/ar-iran-fuel-protests.html';
let dir: string;
let good: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hashiya-annotate-'));
  good = join(dir, 'good.txt');
  writeFileSync(good, 'وزير الخارجية الروسي سيرغي لافروف يلتقي محمد جواد ظريف في موسكو.\n');
  writeFileSync(join(dir, 'binary.txt'), 'a\u0000b');
  writeFileSync(join(dir, 'empty.txt'), '');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runAnnotate(args, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    loadIndex: async () => corpus,
  });
  return { code, stdout, stderr };
}

async function expected(file: string) {
  const { text, published } = readInput(file);
  return createAnnotator(corpus)(text, published);
}

describe('npm run annotate', () => {
  it('one file: one pretty-printed document { stories, mentions }, exit 0', async () => {
    const { code, stdout, stderr } = await run(good);
    expect([code, stderr]).toEqual([0, '']);
    const doc = JSON.parse(stdout);
    expect(Object.keys(doc)).toEqual(['stories', 'mentions']);
    expect(doc).toEqual(await expected(good));
    // The catalog grows under other hands: these two are the point, not the whole list.
    expect(doc.mentions.map((m: { entityId: string }) => m.entityId)).toEqual(
      expect.arrayContaining(['person/sergey-lavrov', 'person/mohammad-javad-zarif']),
    );
    expect(stdout).toContain('\n  "stories"');
  });

  it('one bad file: one line on stderr naming it, nothing on stdout, exit 1', async () => {
    const { code, stdout, stderr } = await run(join(dir, 'missing.txt'));
    expect([code, stdout, stderr]).toEqual([1, '', `annotate: ${join(dir, 'missing.txt')}: no such file\n`]);
  });

  it('--jsonl: one line per file in order; bad files get an error line and the others still print; exit 1', async () => {
    const files = [good, join(dir, 'missing.txt'), join(dir, 'binary.txt'), PAGE, join(dir, 'empty.txt')];
    const { code, stdout, stderr } = await run('--jsonl', ...files);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(5);
    const parsed = lines.map((l) => JSON.parse(l));
    expect(parsed.map((p) => p.file)).toEqual(files);
    expect(parsed[0]).toEqual({ file: good, ...(await expected(good)) });
    expect(parsed[3]).toEqual({ file: PAGE, ...(await expected(PAGE)) });
    expect(parsed[3].mentions.length).toBeGreaterThan(0);
    expect(parsed[1]).toEqual({ file: files[1], error: 'no such file' });
    expect(parsed[2]).toEqual({ file: files[2], error: 'binary file (contains NUL bytes), expected HTML or text' });
    expect(parsed[4]).toEqual({ file: files[4], error: 'empty file' });
    expect(code).toBe(1);
    expect(stderr).toBe('annotate: 3 of 5 files failed\n');
  });

  it('--jsonl with only good files exits 0, also for a single file', async () => {
    expect((await run('--jsonl', good, PAGE)).code).toBe(0);
    const one = await run('--jsonl', good);
    expect(one.code).toBe(0);
    expect(one.stdout.split('\n')).toHaveLength(2); // one line and its line break
  });

  it('refuses several files without --jsonl, and unknown options (exit 2, usage on stderr)', async () => {
    const several = await run(good, PAGE);
    expect([several.code, several.stdout]).toEqual([2, '']);
    expect(several.stderr).toMatch(/several files need --jsonl/);
    expect((await run('--json', good)).stderr).toMatch(/unknown option --json/);
    expect((await run()).code).toBe(2);
  });
});
