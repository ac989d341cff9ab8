// What the bench runs and reports about our code: harness bundles (esbuild), the commit measured,
// the built content script's size.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { log, PROFILE, ROOT } from './config';
import type { Results } from './report/types';

export async function bundle(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [join(ROOT, entry)],
    absWorkingDir: ROOT,
    bundle: true,
    write: false,
    format: 'iife',
    minify: !PROFILE,
    target: 'chrome120',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    define: { 'process.env.NODE_ENV': '"production"', __HASHIYA_TEST__: 'false' },
    logLevel: 'warning',
  });
  return result.outputFiles[0].text;
}

/** The commit measured, and which source files (outside bench/) differ from it. */
export function codeVersion(): string {
  const git = (...args: string[]) => spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' }).stdout ?? '';
  const head = git('rev-parse', '--short', 'HEAD').trim() || 'unknown';
  // Porcelain lines are "XY path": not trimmed, or the first line's leading space goes and its path loses a letter.
  const dirty = git('status', '--porcelain', '--', 'engine', 'page', 'background', 'components', 'compiler', 'i18n')
    .split('\n')
    .filter(Boolean)
    .map((l) => l.slice(3));
  return dirty.length ? `${head} + uncommitted changes in ${dirty.join(', ')}` : head;
}

export function contentScriptSize(): Results['bundle'] {
  const file = '.output/chrome-mv3/content-scripts/content.js';
  const path = join(ROOT, file);
  if (!existsSync(path)) {
    log(`${file} is missing: running npm run build`);
    const r = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 2, 2] });
    if (r.status !== 0) throw new Error('npm run build failed');
  }
  const bytes = readFileSync(path);
  return {
    file,
    bytes: bytes.length,
    gzipBytes: gzipSync(bytes, { level: 9 }).length,
    builtAt: statSync(path).mtime.toISOString(),
  };
}
