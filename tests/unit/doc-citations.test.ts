// @vitest-environment node
// Comments and docs cite files of the repo ("see engine/match/nisba.ts", "docs/hover-card.md"); a citation
// of a file that was renamed, moved or never written sends the next reader nowhere. This test reads
// every comment of our sources (with the TypeScript parser, so strings and regexes are not taken for
// comments) and every Markdown file, and fails naming each repo path that does not exist. It also
// fails on a comment that names a path of one machine (under a home, work or temporary folder).
//
// Generic on purpose: a citation is any slash-separated path whose first part is a top-level file or
// folder of the repo (one Git tracks: ignored build output is not checked), so moving files into new
// folders needs no change here.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const SOURCE = /\.(?:ts|tsx|mts|cts|js|mjs|cjs)$/;

/** Top-level names Git ignores (simple `name` or `name/` lines of .gitignore), and dot-entries. */
function ignoredTopLevel(root: string): Set<string> {
  const out = new Set<string>();
  const gitignore = join(root, '.gitignore');
  if (existsSync(gitignore)) {
    for (const line of readFileSync(gitignore, 'utf8').split('\n')) {
      const name = line.trim().replace(/^\//, '').replace(/\/$/, '');
      if (name && !name.startsWith('#') && !/[*/!]/.test(name)) out.add(name);
    }
  }
  return out;
}

/** The top-level entries a citation may start with. */
export function citationRoots(root: string): Set<string> {
  const ignored = ignoredTopLevel(root);
  return new Set(readdirSync(root).filter((name) => !name.startsWith('.') && !ignored.has(name)));
}

function walk(root: string, dir: string, ignored: Set<string>, out: string[]): void {
  for (const name of readdirSync(join(root, dir))) {
    if (name.startsWith('.') || name === 'node_modules' || (dir === '' && ignored.has(name))) continue;
    const rel = dir ? `${dir}/${name}` : name;
    if (statSync(join(root, rel)).isDirectory()) walk(root, rel, ignored, out);
    else out.push(rel);
  }
}

/** Every comment of a TypeScript or JavaScript source, in order. */
export function commentsOf(fileName: string, text: string): string[] {
  const kind = fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, kind);
  const seen = new Set<number>();
  const out: string[] = [];
  const take = (ranges: ts.CommentRange[] | undefined) => {
    for (const r of ranges ?? []) {
      if (seen.has(r.pos)) continue;
      seen.add(r.pos);
      out.push(text.slice(r.pos, r.end));
    }
  };
  const visit = (node: ts.Node) => {
    take(ts.getLeadingCommentRanges(text, node.getFullStart()));
    take(ts.getTrailingCommentRanges(text, node.getEnd()));
    ts.forEachChild(node, visit);
  };
  visit(source);
  // Comments after the last statement belong to the end-of-file token.
  take(ts.getLeadingCommentRanges(text, source.endOfFileToken.getFullStart()));
  return out;
}

// A path: segments of word characters, dots and dashes joined by slashes, not glued to a longer
// token on its left (so the path part of a URL, `../x` and `a/b/c` inside `x/a/b/c` never start one).
const PATH = /(?<![\w./\\@:-])([A-Za-z0-9_][\w.-]*(?:\/[\w.-]+)+\/?)/g;
const MACHINE_PATH = /(?<![\w.:/-])\/(?:work|home|tmp|Users|root|mnt)\/[\w./-]*/g;

/** A file or folder, or a module cited the way imports name it (`engine/text/normalize`). */
function exists(root: string, path: string): boolean {
  return ['', '.ts', '.tsx', '/index.ts'].some((ext) => existsSync(join(root, path + ext)));
}

/** Repo paths cited in `text` that do not exist under `root`. */
export function missingCitations(text: string, root: string, roots = citationRoots(root)): string[] {
  const missing: string[] = [];
  for (const m of text.matchAll(PATH)) {
    const path = m[1].replace(/[.]+$/, '');
    const first = path.split('/')[0];
    if (!roots.has(first) || path.includes('*')) continue;
    if (!exists(root, path) && !missing.includes(path)) missing.push(path);
  }
  return missing;
}

/** Absolute paths of one machine named in `text`. */
export function machinePaths(text: string): string[] {
  return [...text.matchAll(MACHINE_PATH)].map((m) => m[0].replace(/[.]+$/, ''));
}

interface Problem {
  file: string;
  cites: string;
}

/** Every broken citation and machine path in the repo at `root`. */
export function citationProblems(root: string): Problem[] {
  const roots = citationRoots(root);
  const files: string[] = [];
  walk(root, '', ignoredTopLevel(root), files);
  const problems: Problem[] = [];
  for (const file of files) {
    const isSource = SOURCE.test(file) && !file.endsWith('.d.ts');
    const isDoc = extname(file) === '.md';
    if (!isSource && !isDoc) continue;
    const text = readFileSync(join(root, file), 'utf8');
    const parts = isSource ? commentsOf(file, text) : [text];
    for (const part of parts) {
      for (const cites of missingCitations(part, root, roots)) problems.push({ file, cites });
      if (isSource) for (const cites of machinePaths(part)) problems.push({ file, cites });
    }
  }
  return problems;
}

describe('citations in comments and docs', () => {
  it('every repo path they cite exists, and no comment names a path of one machine', () => {
    const problems = citationProblems(ROOT).map((p) => `${p.file}: ${p.cites}`);
    expect(problems).toEqual([]);
  });

  it('the scanner finds comments, not strings or regexes', () => {
    const code = [
      "const url = 'see engine/nope.ts'; // but engine/also-nope.ts is cited",
      'const re = /a\\/b\\/c/; /* docs/missing.md */',
      '/** JSDoc naming messaging/gone.ts */',
      'export const x = `page/in-template.ts`;',
      '// trailing, after the last statement: tests/unit/absent.test.ts',
    ].join('\n');
    expect(commentsOf('x.ts', code).join('\n')).not.toMatch(/nope\.ts'|in-template/);
    const cited = commentsOf('x.ts', code).flatMap((c) => missingCitations(c, ROOT));
    expect(cited).toEqual(['engine/also-nope.ts', 'docs/missing.md', 'messaging/gone.ts', 'tests/unit/absent.test.ts']);
  });

  it('fails on a fake citation and a machine path, and passes real ones, URLs and paths outside the repo', () => {
    const comment = [
      '// The rules are in docs/arabic-matching.md and engine/match/nisba.ts (tests in tests/unit/).',
      '// Validated by background/no-such-file.ts; see page/passages/no-such-controller.ts.',
      '// Recipes: /work/shared/docs/real-browsers.md, or /home/someone/notes.txt, or /tmp/x.tsv.',
      '// Imports name modules without an extension: engine/text/normalize, components/card/HoverCard.',
      '// Not ours: https://example.com/engine/x.ts, ../shared/real-news/x.zip, camel_tools/utils/normalize.py,',
      '// and/or, on/off, العربية / English, .output/chrome-mv3, generated/corpus/index.bin.',
    ].join('\n');
    expect(missingCitations(comment, ROOT)).toEqual([
      'background/no-such-file.ts',
      'page/passages/no-such-controller.ts',
    ]);
    expect(machinePaths(comment)).toEqual([
      '/work/shared/docs/real-browsers.md',
      '/home/someone/notes.txt',
      '/tmp/x.tsv',
    ]);
  });
});
