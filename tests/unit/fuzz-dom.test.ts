// Guarantee 16: on 10,000 random DOM trees and texts (mixed scripts, combining marks, joiners,
// tatweel, surrogates, huge text nodes, deep nesting, names split across elements) the engine
// never throws, and every mark lies on exactly the characters it names.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileCorpus } from '../../compiler/compile';
import { readSeeds } from '../../compiler/seeds';
import { createMatcher } from '../../engine/match/matcher';
import { collectText, rangeFor } from '../../engine/text/dom-text';

const index = compileCorpus(readSeeds());
const matcher = createMatcher(index.gazetteer);
const names = index.entities.flatMap((e) => Object.values(e.names));

const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...names) },
  { weight: 2, arbitrary: fc.constantFrom('و', 'ب', 'ال', 'لل', 'وال', 'ف') },
  { weight: 3, arbitrary: fc.constantFrom(' ', '  ', '\n', '،', '.', '"', '«', '»', '-', '(', ')') },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '\u064E',
      '\u0651',
      '\u0640',
      '\u200C',
      '\u200D',
      '\u200F',
      '\u00AD',
      '\uFEFF',
      'ﻻ',
      '😀',
      'ی',
      'ک',
    ),
  },
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.constantFrom('Lavrov', 'signal', 'Signal', 'TASS', 'التاسعة', 'تأسيس', 'ظريف') },
);
const text = fc.array(piece, { maxLength: 12 }).map((p) => p.join(''));

type Tree = string | { tag: string; kids: Tree[] };
const TAGS = ['p', 'b', 'span', 'div', 'a', 'li', 'em', 'script', 'code', 'br', 'h2'];
const tree: fc.Arbitrary<Tree> = fc.letrec<{ node: Tree }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text,
    fc.record({ tag: fc.constantFrom(...TAGS), kids: fc.array(tie('node'), { maxLength: 4 }) }),
  ),
})).node;

function build(t: Tree, parent: Node): void {
  if (typeof t === 'string') {
    parent.appendChild(document.createTextNode(t));
    return;
  }
  const el = document.createElement(t.tag);
  parent.appendChild(el);
  for (const k of t.kids) build(k, el);
}

let marked = 0;
function checkMarks(root: Element): void {
  const page = collectText(root);
  const mentions = matcher.match(page.text);
  marked += mentions.length;
  let last = -1;
  for (const m of mentions) {
    expect(page.text.slice(m.start, m.end)).toBe(m.surface);
    expect(m.start).toBeGreaterThanOrEqual(last);
    last = m.end;
    const range = rangeFor(page.segments, m.start, m.end)!;
    // The DOM range covers exactly the named characters, across however many text nodes; what it
    // spans in between that the reader never sees (a <script> inside the word) is not text.
    expect(collectText(range.cloneContents()).text.replace(/\n/g, '')).toBe(m.surface);
  }
}

describe('fuzzing the engine on random pages', () => {
  it('10,000 random trees: never throws, marks lie on their characters', () => {
    fc.assert(
      fc.property(tree, (t) => {
        const root = document.createElement('div');
        build(t, root);
        checkMarks(root);
      }),
      { numRuns: 10_000 },
    );
    // The generator must actually produce names, or the property proves nothing.
    expect(marked).toBeGreaterThan(5_000);
  });

  it('deep nesting and a huge text node', () => {
    let root: Element = document.createElement('div');
    const top = root;
    for (let i = 0; i < 3000; i++) {
      const child = document.createElement(i % 2 ? 'span' : 'b');
      root.appendChild(child);
      root = child;
    }
    root.appendChild(document.createTextNode('وزير الخارجية سيرغي لافروف '.repeat(20_000)));
    checkMarks(top);
    expect(matcher.match(collectText(top).text).length).toBe(20_000);
  });
});
