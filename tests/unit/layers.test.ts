// @vitest-environment node
// The layers hold: the engine runs the same in Node and the browser, so it imports nothing of the
// extension above it; page code (content script, extension pages) never reaches into the
// background's privileged modules; and nothing ships or runs from tests/. Imports are read with the
// TypeScript parser from every source folder, so new files and moved ones are covered as they are.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const SOURCE = /\.(?:ts|tsx|mts|js|mjs)$/;
const SKIP = new Set(['node_modules', 'generated', 'coverage', 'my-corpus']);

interface Import {
  from: string; // repo-relative importing file
  to: string; // repo-relative target (a file or module path), or the package name
  local: boolean;
}

/** Specifiers of every import, export-from, dynamic import and import type of a source text. */
export function importSpecifiers(fileName: string, text: string): string[] {
  const kind = fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, kind);
  const out: string[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      if (ts.isStringLiteral(node.moduleSpecifier)) out.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = node.arguments;
      if (arg && ts.isStringLiteralLike(arg)) out.push(arg.text);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      const lit = node.argument.literal;
      if (ts.isStringLiteral(lit)) out.push(lit.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(join(ROOT, dir))) {
    if (name.startsWith('.') || SKIP.has(name)) continue;
    const rel = dir ? `${dir}/${name}` : name;
    if (statSync(join(ROOT, rel)).isDirectory()) sources(rel, out);
    else if (SOURCE.test(name) && !name.endsWith('.d.ts')) out.push(rel);
  }
  return out;
}

/** Every import of the repo's sources, local ones resolved to repo-relative paths. */
function allImports(): Import[] {
  return sources('').flatMap((file) =>
    importSpecifiers(file, readFileSync(join(ROOT, file), 'utf8')).map((spec): Import => {
      if (!spec.startsWith('.')) return { from: file, to: spec, local: false };
      const to = relative(ROOT, resolve(ROOT, dirname(file), spec))
        .split(sep)
        .join('/');
      return { from: file, to, local: true };
    }),
  );
}

const top = (path: string) => path.split('/')[0];

/** Imports that break a rule, as "from → to (rule)". */
export function violations(imports: Import[]): string[] {
  const out: string[] = [];
  for (const i of imports) {
    const fromTop = top(i.from);
    if (!i.local) {
      // The engine is framework-free: no browser, WXT, Preact or storage library.
      if (fromTop === 'engine') out.push(`${i.from} → ${i.to} (the engine imports no package)`);
      continue;
    }
    const toTop = top(i.to);
    if (fromTop === 'engine' && toTop !== 'engine') {
      out.push(`${i.from} → ${i.to} (the engine imports only the engine)`);
    }
    if ((fromTop === 'page' || fromTop === 'components') && toTop === 'background') {
      out.push(`${i.from} → ${i.to} (page code does not import the background)`);
    }
    if (fromTop !== 'tests' && toTop === 'tests') out.push(`${i.from} → ${i.to} (nothing imports tests/)`);
  }
  return out;
}

// Imports that break a rule today, each with the change that removes it. The test fails if one is
// fixed without being taken off this list, and on any new one.
const KNOWN: Record<string, string> = {};

describe('layers', () => {
  const imports = allImports();

  it('reads the imports of the whole tree', () => {
    expect(imports.filter((i) => i.from.startsWith('engine/')).length).toBeGreaterThan(20);
    expect(imports.some((i) => i.from.startsWith('page/') && i.to.startsWith('engine/'))).toBe(true);
    for (const i of imports.filter((x) => x.local && !x.to.includes('?'))) {
      const found = ['', '.ts', '.tsx', '.js', '/index.ts'].some((ext) => existsSync(join(ROOT, i.to + ext)));
      expect(found, `${i.from} imports ${i.to}, which does not exist`).toBe(true);
    }
  });

  it('hold: the engine imports only itself, page code not the background, nothing imports tests/', () => {
    expect(violations(imports).sort()).toEqual(Object.keys(KNOWN).sort());
  });

  it('catch a breach', () => {
    const imp = (from: string, to: string, local = true): Import => ({ from, to, local });
    expect(
      violations([
        imp('engine/match/matcher.ts', 'engine/normalize'),
        imp('engine/match/matcher.ts', 'page/types'),
        imp('engine/story/story.ts', 'preact', false),
        imp('page/start.ts', 'engine/matcher'),
        imp('page/x.ts', 'background/sites'),
        imp('components/Popup.tsx', 'background/handlers'),
        imp('background/handlers.ts', 'tests/unit/helpers/shared'),
        imp('tests/unit/x.test.ts', 'tests/unit/helpers/shared'),
      ]),
    ).toEqual([
      'engine/match/matcher.ts → page/types (the engine imports only the engine)',
      'engine/story/story.ts → preact (the engine imports no package)',
      'page/x.ts → background/sites (page code does not import the background)',
      'components/Popup.tsx → background/handlers (page code does not import the background)',
      'background/handlers.ts → tests/unit/helpers/shared (nothing imports tests/)',
    ]);
    expect(
      importSpecifiers(
        'x.ts',
        "import a from './a';\nexport * from '../b';\nconst c = await import('./c');\ntype D = import('./d').D;",
      ),
    ).toEqual(['./a', '../b', './c', './d']);
  });
});
