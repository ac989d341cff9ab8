// Reads seeds/ from disk and writes the compiled index without ever leaving a half-written file.
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { INDEX_DIR, INDEX_FILE, SHARD_FILE, type ReadFile } from '../engine/index/index-format';
import type { SeedFiles } from './compile';
import type { IndexFile } from './encode-index';

export const SEEDS_DIR = 'seeds';
export const GENERATED_INDEX_DIR = join('generated', INDEX_DIR);

/** The seeds in `dir`: its articles/ and its catalog.json, or the catalog at `catalogFile`. */
export function readSeeds(dir = SEEDS_DIR, catalogFile = join(dir, 'catalog.json')): SeedFiles {
  const articleDir = join(dir, 'articles');
  return {
    catalog: { file: catalogFile, text: readFileSync(catalogFile, 'utf8') },
    articles: readdirSync(articleDir)
      .filter((name) => name.endsWith('.txt'))
      .map((name) => ({ file: join(articleDir, name), bytes: readFileSync(join(articleDir, name)) })),
  };
}

/** Write to a temporary file beside the target, then rename: readers see the old or the new file. */
export function writeAtomically(file: string, contents: string | Uint8Array): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, contents);
  renameSync(tmp, file);
}

/**
 * Writes the index files into `dir`, each atomically: the shards first, index.bin last, then
 * removes the shards the new index does not name (shards only: another build's temporary files
 * are left alone). Shard names carry their content hash, so until index.bin is replaced the old
 * index still finds all of its shards, and afterwards the new one all of its own.
 */
/** Shards of an index before version 3 (plain JSON), left in generated/ by an older build. */
const V2_SHARD_FILE = /^(?:text|cards|articles)-\d{4,}-[0-9a-f]{8}\.json$/;

export function writeIndexFiles(dir: string, files: IndexFile[]): void {
  const last = (f: IndexFile) => +(f.name === INDEX_FILE);
  for (const f of [...files].sort((a, b) => last(a) - last(b))) writeAtomically(join(dir, f.name), f.bytes);
  const keep = new Set(files.map((f) => f.name));
  for (const name of readdirSync(dir))
    if ((SHARD_FILE.test(name) || V2_SHARD_FILE.test(name)) && !keep.has(name))
      rmSync(join(dir, name), { force: true });
}

export function diskReader(dir: string): ReadFile {
  return (name) => readFile(join(dir, name));
}
