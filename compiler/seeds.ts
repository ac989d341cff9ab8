// Reads seeds/ from disk and writes the compiled index without ever leaving a half-written file.
import { mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { SeedFiles } from './compile';

export const SEEDS_DIR = 'seeds';
export const INDEX_FILE = 'generated/corpus-index.json';

export function readSeeds(dir = SEEDS_DIR): SeedFiles {
  const catalogFile = join(dir, 'catalog.json');
  const articleDir = join(dir, 'articles');
  return {
    catalog: { file: catalogFile, text: readFileSync(catalogFile, 'utf8') },
    articles: readdirSync(articleDir)
      .filter((name) => name.endsWith('.txt'))
      .map((name) => ({ file: join(articleDir, name), bytes: readFileSync(join(articleDir, name)) })),
  };
}

/** Write to a temporary file beside the target, then rename: readers see the old or the new index. */
export function writeAtomically(file: string, contents: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, contents);
  renameSync(tmp, file);
}
