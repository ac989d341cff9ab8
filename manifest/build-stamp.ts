// What a build was made from: after each `wxt build`, the hash of every source file its bundles
// contain (Vite's module list), of the build configuration and of the lock file, written beside the
// build (`.output/chrome-mv3.sources.json`: the stamp must not ship inside the extension). A check
// of the built bundles (tests/unit/bundle.test.ts) compares it with the sources as they are now, so
// it never passes on a missing build or on one older than the code it is meant to check.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';

/** Inputs that shape a build without being bundled: the configuration, manifest code, dependencies. */
const CONFIG_FILES = ['wxt.config.ts', 'package-lock.json'];
const CONFIG_DIRS = ['manifest'];

export interface BuildStamp {
  /** Repo-relative path (forward slashes) → SHA-256 of the file's bytes. */
  files: Record<string, string>;
}

export const stampPath = (outDir: string): string => `${outDir.replace(/[\\/]+$/, '')}.sources.json`;

const hashOf = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const toKey = (root: string, file: string) => relative(root, file).split(sep).join('/');

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

/** The repo's own files among a bundle's module ids (no dependencies, no virtual modules, no queries). */
export function buildInputs(root: string, moduleIds: Iterable<string>): string[] {
  const inputs = new Set<string>();
  for (const id of moduleIds) {
    const file = id.replace(/[?#].*$/, '');
    if (!isAbsolute(file) || file.includes('\0')) continue;
    const key = toKey(root, file);
    if (key.startsWith('..') || key.startsWith('node_modules/') || key.includes('/node_modules/')) continue;
    if (existsSync(file) && statSync(file).isFile()) inputs.add(key);
  }
  for (const f of CONFIG_FILES) if (existsSync(join(root, f))) inputs.add(f);
  for (const d of CONFIG_DIRS) for (const f of filesUnder(join(root, d))) inputs.add(toKey(root, f));
  return [...inputs].sort();
}

export function stampOf(root: string, inputs: string[]): BuildStamp {
  return { files: Object.fromEntries(inputs.map((k) => [k, hashOf(join(root, k))])) };
}

export function writeBuildStamp(root: string, outDir: string, moduleIds: Iterable<string>): void {
  writeFileSync(stampPath(outDir), JSON.stringify(stampOf(root, buildInputs(root, moduleIds)), null, 1) + '\n');
}

/**
 * Why a build cannot be trusted to show the current sources: `missing` when there is no build or no
 * stamp, else the recorded files that changed or disappeared since it was made (empty: fresh).
 */
export function staleInputs(root: string, outDir: string): 'missing' | string[] {
  const path = stampPath(outDir);
  if (!existsSync(join(outDir, 'manifest.json')) || !existsSync(path)) return 'missing';
  let stamp: BuildStamp;
  try {
    stamp = JSON.parse(readFileSync(path, 'utf8')) as BuildStamp;
  } catch {
    return 'missing';
  }
  const files = Object.entries(stamp.files ?? {});
  if (files.length === 0) return 'missing';
  return files
    .filter(([key, hash]) => !existsSync(join(root, key)) || hashOf(join(root, key)) !== hash)
    .map(([key]) => key);
}
