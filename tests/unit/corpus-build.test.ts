// @vitest-environment node
// `npm run corpus -- build --seeds DIR --out DIR` (cli/corpus-build.ts): another folder of articles
// compiles with the shipped catalog into another folder, and generated/ and seeds/ are left alone.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseBuildArgs, runBuild } from '../../cli/corpus-build';
import { GENERATED_INDEX_DIR, diskReader } from '../../compiler/seeds';
import { openCorpus } from '../../engine/index/corpus';

const temps: string[] = [];
afterEach(() => {
  for (const t of temps.splice(0)) rmSync(t, { recursive: true, force: true });
  vi.restoreAllMocks();
});

describe('corpus build options', () => {
  it('default to seeds/ and generated/corpus, and refuse what they do not know', () => {
    expect(parseBuildArgs([])).toEqual({ seeds: 'seeds', out: GENERATED_INDEX_DIR });
    expect(parseBuildArgs(['--seeds', 'my', '--out', 'there'])).toEqual({ seeds: 'my', out: 'there' });
    expect(() => parseBuildArgs(['--seeds'])).toThrow('--seeds needs a folder');
    expect(() => parseBuildArgs(['my-folder'])).toThrow('unknown argument my-folder');
  });

  it('compile a folder of articles without a catalog with the shipped one, into --out', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hashiya-build-'));
    temps.push(dir);
    mkdirSync(join(dir, 'mine'));
    cpSync('seeds/articles', join(dir, 'mine', 'articles'), { recursive: true });
    const generated = join(GENERATED_INDEX_DIR, 'index.bin');
    const before = existsSync(generated) ? statSync(generated).mtimeMs : null;
    vi.spyOn(console, 'log').mockImplementation(() => {});
    runBuild(['--seeds', join(dir, 'mine'), '--out', join(dir, 'out')]);
    const corpus = await openCorpus(diskReader(join(dir, 'out')));
    expect(corpus.articleIds.length).toBe(readdirSync('seeds/articles').length);
    expect(corpus.entities.length).toBeGreaterThan(10); // the shipped catalog's
    expect((await corpus.article(0)).text.length).toBeGreaterThan(0);
    expect(existsSync(generated) ? statSync(generated).mtimeMs : null).toBe(before);
  });
});
