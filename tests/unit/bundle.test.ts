// @vitest-environment node
// Guarantee 5 on what ships: the release bundles hold no eval, new Function, remote scripts or the
// E2E probe (page/test-probe.ts). The check must see the current code: each build records what it
// was made from (manifest/build-stamp.ts), and when `.output/` is missing or older than the sources
// the test makes a fresh release build in a temporary folder and checks that one instead.
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildInputs, staleInputs, stampPath, writeBuildStamp } from '../../manifest/build-stamp';

const ROOT = resolve(import.meta.dirname, '../..');
const BUILDS = [
  { browser: 'chrome', dir: 'chrome-mv3' },
  { browser: 'firefox', dir: 'firefox-mv2' },
] as const;
const temps: string[] = [];

function files(dir: string, ext: RegExp): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p, ext) : ext.test(p) ? [p] : [];
  });
}

/** `.output/<dir>` when it was built from the current sources, else a fresh release build. */
function releaseBuild({ browser, dir }: (typeof BUILDS)[number]): string {
  const current = join(ROOT, '.output', dir);
  const stale = staleInputs(ROOT, current);
  if (stale !== 'missing' && stale.length === 0) return current;
  if (!existsSync(join(ROOT, 'generated/corpus/index.bin'))) {
    throw new Error(
      `no current release build in .output/${dir} and no compiled corpus to make one: run \`npm run build\``,
    );
  }
  const why =
    stale === 'missing'
      ? 'missing (or built before build stamps)'
      : `older than ${stale.length} source file(s): ${stale.slice(0, 5).join(', ')}`;
  console.warn(
    `[bundle] .output/${dir} is ${why}; checking a fresh release build (\`npm run build\` refreshes .output)`,
  );
  const out = mkdtempSync(join(tmpdir(), 'hashiya-bundle-'));
  temps.push(out);
  const r = spawnSync('npx', ['wxt', 'build', '-b', browser], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, HASHIYA_OUT_DIR: out, HASHIYA_TEST_HOSTS: '' },
  });
  if (r.status !== 0)
    throw new Error(`release build for ${browser} failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  const fresh = join(out, dir);
  const after = staleInputs(ROOT, fresh);
  if (after === 'missing' || after.length > 0) throw new Error(`the fresh build in ${fresh} has no matching stamp`);
  return fresh;
}

// Strings only the E2E probe (page/test-probe.ts) has: its events and the selector it reads a card's
// label with. Release builds must contain none; the E2E build has them all.
const PROBE_MARKERS = ['hashiya:probe', 'hashiya:probe-result', 'h2, h3, [id]'];
const hasProbe = (dir: string) =>
  files(dir, /\.js$/).some((f) => PROBE_MARKERS.every((m) => readFileSync(f, 'utf8').includes(m)));

describe('release bundles', () => {
  const builds: string[] = [];
  beforeAll(() => {
    for (const b of BUILDS) builds.push(releaseBuild(b));
  }, 600_000);
  afterAll(() => {
    for (const t of temps) rmSync(t, { recursive: true, force: true });
  });

  it('contain no eval, new Function, remote scripts or the E2E probe', () => {
    expect(builds).toHaveLength(BUILDS.length);
    for (const dir of builds) {
      const scripts = files(dir, /\.js$/);
      expect(scripts.length).toBeGreaterThan(2);
      for (const f of scripts) {
        const code = readFileSync(f, 'utf8');
        expect(code, f).not.toMatch(/\beval\s*\(|new Function\s*\(|importScripts\s*\(/);
        for (const marker of PROBE_MARKERS) expect(code, f).not.toContain(marker);
      }
      for (const f of files(dir, /\.html$/)) {
        expect(readFileSync(f, 'utf8'), f).not.toMatch(/<script[^>]+src=["']?(?:https?:)?\/\//i);
      }
    }
  });
});

describe('E2E builds', () => {
  const testBuilds = ['.output/test/chrome-mv3', '.output/test/firefox-mv2']
    .map((d) => join(ROOT, d))
    .filter((d) => existsSync(join(d, 'manifest.json')));
  it.runIf(testBuilds.length > 0)('do contain the probe (so the release check can fail)', () => {
    for (const dir of testBuilds)
      expect(hasProbe(dir), `${dir} (an old E2E build? HASHIYA_TEST_HOSTS=1 npx wxt build)`).toBe(true);
  });
});

describe('build stamps', () => {
  it('tell a fresh build from a missing or stale one', () => {
    const root = mkdtempSync(join(tmpdir(), 'hashiya-stamp-'));
    temps.push(root);
    mkdirSync(join(root, 'page'));
    mkdirSync(join(root, 'manifest'));
    mkdirSync(join(root, 'node_modules/dep'), { recursive: true });
    writeFileSync(join(root, 'page/a.ts'), 'export const a = 1;');
    writeFileSync(join(root, 'page/marks.css'), 'mark {}');
    writeFileSync(join(root, 'manifest/manifest.ts'), 'export {};');
    writeFileSync(join(root, 'node_modules/dep/index.js'), '');
    const out = join(root, '.output/chrome-mv3');
    const modules = [
      join(root, 'page/a.ts'),
      `${join(root, 'page/marks.css')}?inline`,
      join(root, 'node_modules/dep/index.js'),
      '\0virtual:wxt-background',
    ];
    expect(buildInputs(root, modules)).toEqual(['manifest/manifest.ts', 'page/a.ts', 'page/marks.css']);

    expect(staleInputs(root, out)).toBe('missing');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'manifest.json'), '{}');
    expect(staleInputs(root, out)).toBe('missing');
    writeBuildStamp(root, out, modules);
    expect(existsSync(stampPath(out))).toBe(true);
    expect(staleInputs(root, out)).toEqual([]);

    writeFileSync(join(root, 'page/a.ts'), 'export const a = 2;');
    writeFileSync(join(root, 'manifest/manifest.ts'), 'export const changed = true;');
    expect(staleInputs(root, out)).toEqual(['manifest/manifest.ts', 'page/a.ts']);
    rmSync(join(root, 'page/marks.css'));
    expect(staleInputs(root, out)).toContain('page/marks.css');
    // A dependency is not a source: changing it alone leaves the build fresh only if the lock file says so.
    writeBuildStamp(
      root,
      out,
      modules.filter((m) => !m.includes('marks.css')),
    );
    writeFileSync(join(root, 'node_modules/dep/index.js'), 'changed');
    expect(staleInputs(root, out)).toEqual([]);
  });
});
