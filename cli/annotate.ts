// npm run annotate -- <file.html|file.txt>            one JSON document { stories, mentions }
// npm run annotate -- --jsonl <file>…                 one JSON line per file (cli/annotate-run.ts)
// Prints JSON to stdout and nothing else; errors go to stderr (and, with --jsonl, to the file's line).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openCorpus, type Corpus } from '../engine/index/corpus';
import { INDEX_FILE } from '../engine/index/index-format';
import { GENERATED_INDEX_DIR, diskReader, readSeeds } from '../compiler/seeds';
import { compileCorpus } from '../compiler/compile';
import { openCompiled } from '../compiler/memory-index';
import { runAnnotate } from './annotate-run';

function loadIndex(): Promise<Corpus> {
  // The built index when there is one; otherwise compile the seeds in memory (nothing written).
  if (existsSync(join(GENERATED_INDEX_DIR, INDEX_FILE))) return openCorpus(diskReader(GENERATED_INDEX_DIR));
  return openCompiled(compileCorpus(readSeeds()));
}

process.exitCode = await runAnnotate(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  loadIndex,
});
