// The annotate command without the process: arguments in, lines out, an exit code back (tests call it).
//   one file, no --jsonl: one pretty-printed JSON document { stories, mentions }; an error is one
//     line on stderr and exit code 1 (the original contract, README "Other commands");
//   --jsonl, one or more files: one JSON line per file in argument order, { file, stories, mentions }
//     or { file, error }; every file is tried, and the exit code is 1 if any failed.
import { createAnnotator, type Annotation } from '../engine/annotate';
import type { Corpus } from '../engine/index/corpus';
import { InputError, readInput } from './annotate-input';

export const ANNOTATE_USAGE = 'usage: npm run annotate -- <file.html|file.txt>  |  npm run annotate -- --jsonl <file>…';

export interface AnnotateIO {
  stdout(text: string): void;
  stderr(text: string): void;
  loadIndex(): Promise<Corpus>;
}

const firstLine = (e: unknown) => (e as Error).message.split('\n')[0];

export async function runAnnotate(args: string[], io: AnnotateIO): Promise<number> {
  const jsonl = args.includes('--jsonl');
  const unknown = args.find((a) => a.startsWith('--') && a !== '--jsonl');
  const files = args.filter((a) => !a.startsWith('--'));
  const usage = (why: string) => {
    io.stderr(`annotate: ${why}\n${ANNOTATE_USAGE}\n`);
    return 2;
  };
  if (unknown) return usage(`unknown option ${unknown}`);
  if (!files.length) return usage('no file given');
  if (files.length > 1 && !jsonl) return usage('several files need --jsonl (one JSON line per file)');

  if (!jsonl) {
    try {
      const { text, published, title } = readInput(files[0]);
      const annotate = createAnnotator(await io.loadIndex());
      io.stdout(JSON.stringify(await annotate(text, published, title), null, 2) + '\n');
      return 0;
    } catch (e) {
      io.stderr(`annotate: ${firstLine(e)}\n`);
      return 1;
    }
  }

  let annotate: ReturnType<typeof createAnnotator>;
  try {
    annotate = createAnnotator(await io.loadIndex());
  } catch (e) {
    io.stderr(`annotate: ${firstLine(e)}\n`);
    return 1;
  }
  let failed = 0;
  for (const file of files) {
    try {
      const { text, published, title } = readInput(file);
      io.stdout(JSON.stringify({ file, ...(await annotate(text, published, title)) }) + '\n');
    } catch (e) {
      failed++;
      // An input problem already names the file; anything else gets it in the line's "file".
      const message = e instanceof InputError ? firstLine(e).slice(file.length + 2) : firstLine(e);
      io.stdout(JSON.stringify({ file, error: message }) + '\n');
    }
  }
  if (failed) io.stderr(`annotate: ${failed} of ${files.length} files failed\n`);
  return failed ? 1 : 0;
}
