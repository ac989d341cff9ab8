// The page's mentions in document order, and per text node the mentions that touch it: what the
// hover card's hit test and Alt+Shift+J's "next mark" read. Real DOM ranges over happy-dom text.
import { beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { collectText, rangeFor } from '../../engine/text/dom-text';
import { MentionIndex } from '../../page/marks/mention-index';
import type { PageMention } from '../../page/types';

let nextId = 1;

/** Adds a mention for every occurrence of each of `words` in the text under `root` (one "scan"),
 *  in the order given — not the document's — and returns them. */
function scan(index: MentionIndex, root: Node, words: string[]): PageMention[] {
  const page = collectText(root);
  const added: PageMention[] = [];
  for (const word of words) {
    for (let at = page.text.indexOf(word); at >= 0; at = page.text.indexOf(word, at + 1)) {
      const range = rangeFor(page.segments, at, at + word.length)!;
      const m: PageMention = { id: nextId++, entityId: `x/${word}`, type: 'person', range };
      index.add(m, page.segments, at, at + word.length);
      added.push(m);
    }
  }
  return added;
}

const texts = (list: PageMention[]) => list.map((m) => m.range.toString());
const inDocumentOrder = (list: PageMention[]) =>
  list.every((m, i) => i === 0 || list[i - 1].range.compareBoundaryPoints(Range.START_TO_START, m.range) < 0);

beforeEach(() => {
  document.body.innerHTML = '';
  nextId = 1;
});

describe('MentionIndex', () => {
  it('lists one scan’s mentions in document order, whatever order they were found in', () => {
    document.body.innerHTML = '<p>a1 b1 c1</p><p>a2 b2 c2</p>';
    const index = new MentionIndex();
    scan(index, document.body, ['c2', 'b1', 'a2', 'c1', 'a1', 'b2']);
    index.commit();
    expect(texts(index.list)).toEqual(['a1', 'b1', 'c1', 'a2', 'b2', 'c2']);
  });

  it('places a rescan’s mentions among the older ones by their place in the page', () => {
    document.body.innerHTML = '<p id="one">a1 b1</p><p id="two">x y</p><p id="three">a3 b3</p>';
    const index = new MentionIndex();
    scan(index, document.body, ['a1', 'b1', 'a3', 'b3']);
    index.commit();
    // The middle paragraph gains text; only it is scanned again (offsets are its own, from 0).
    const two = document.getElementById('two')!;
    two.textContent = 'n2 m2';
    scan(index, two, ['n2', 'm2']);
    index.commit();
    expect(texts(index.list)).toEqual(['a1', 'b1', 'n2', 'm2', 'a3', 'b3']);
    // And one before everything, one after everything.
    document.body.insertAdjacentHTML('afterbegin', '<p id="zero">first</p>');
    document.body.insertAdjacentHTML('beforeend', '<p id="four">last</p>');
    scan(index, document.getElementById('four')!, ['last']);
    index.commit();
    scan(index, document.getElementById('zero')!, ['first']);
    index.commit();
    expect(texts(index.list)).toEqual(['first', 'a1', 'b1', 'n2', 'm2', 'a3', 'b3', 'last']);
  });

  it('maps each text node to the mentions touching it, with the part of the node each covers', () => {
    document.body.innerHTML = '<p>قال سيرغي <b>لافروف</b> اليوم في موسكو</p>';
    const [head, bold, tail] = [
      document.querySelector('p')!.firstChild as Text,
      document.querySelector('b')!.firstChild as Text,
      document.querySelector('b')!.nextSibling as Text,
    ];
    const index = new MentionIndex();
    const [lavrov, moscow] = scan(index, document.body, ['سيرغي لافروف', 'موسكو']);
    index.commit();
    // The name spans two text nodes: each knows its part.
    expect(index.inNode(head)).toEqual([{ mention: lavrov, start: 4, end: 10 }]);
    expect(index.inNode(bold)).toEqual([{ mention: lavrov, start: 0, end: 6 }]);
    expect(head.data.slice(4, 10)).toBe('سيرغي ');
    const at = tail.data.indexOf('موسكو');
    expect(index.inNode(tail)).toEqual([{ mention: moscow, start: at, end: at + 5 }]);
    expect(index.inNode(document.createTextNode('elsewhere'))).toEqual([]);
  });

  it('removes only the mentions it is given, from the list and from their text nodes', () => {
    document.body.innerHTML = '<p>Lavrov met <i>Zarif and Lavrov</i> again: Zarif.</p>';
    const index = new MentionIndex();
    const found = scan(index, document.body, ['Lavrov', 'Zarif']);
    index.commit();
    const italic = document.querySelector('i')!.firstChild as Text;
    expect(index.inNode(italic).map((l) => l.mention.range.toString())).toEqual(['Lavrov', 'Zarif']);
    const zarifs = new Set(found.filter((m) => m.entityId === 'x/Zarif'));
    index.remove(zarifs);
    expect(texts(index.list)).toEqual(['Lavrov', 'Lavrov']);
    expect(index.inNode(italic).map((l) => l.mention.range.toString())).toEqual(['Lavrov']);
    const last = document.querySelector('i')!.nextSibling as Text;
    expect(index.inNode(last)).toEqual([]);
    expect(index.inNode(document.querySelector('p')!.firstChild as Text)).toHaveLength(1);
  });

  it('drops a mention removed before its scan was committed (a name settled otherwise)', () => {
    document.body.innerHTML = '<p>one two three</p>';
    const index = new MentionIndex();
    const [, two] = scan(index, document.body, ['one', 'two', 'three']);
    index.remove(new Set([two]));
    index.commit();
    expect(texts(index.list)).toEqual(['one', 'three']);
  });

  it('clear forgets every mention', () => {
    document.body.innerHTML = '<p>one two</p>';
    const index = new MentionIndex();
    scan(index, document.body, ['one', 'two']);
    index.commit();
    index.clear();
    expect(index.list).toEqual([]);
    expect(index.inNode(document.querySelector('p')!.firstChild as Text)).toEqual([]);
    index.commit();
    expect(index.list).toEqual([]);
  });

  it('keeps document order and the per-node map through random rescans and removals', () => {
    // A page of paragraphs whose words are split over inline elements; an operation either rescans
    // one paragraph (its old mentions go, its words are found again in shuffled order) or removes a
    // random subset of all mentions. After each, the index must agree with a plain model.
    const op = fc.oneof(
      fc.record({ kind: fc.constant('rescan' as const), para: fc.nat(5), seed: fc.nat() }),
      fc.record({ kind: fc.constant('remove' as const), picks: fc.array(fc.nat(), { maxLength: 6 }) }),
    );
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 12 }), (ops) => {
        document.body.innerHTML = Array.from(
          { length: 6 },
          (_, p) => `<p>w${p}a <b>w${p}</b>b <i>w${p}c w${p}d</i> w${p}e</p>`,
        ).join('');
        const paras = [...document.querySelectorAll('p')];
        const index = new MentionIndex();
        let model = new Set<PageMention>();
        const words = (p: number) => ['a', 'b', 'c', 'd', 'e'].map((s) => `w${p}${s}`);
        // The first scan reads the whole page; a commit closes each scan (offsets are per text).
        for (const m of scan(
          index,
          document.body,
          paras.flatMap((_, p) => words(p)),
        ))
          model.add(m);
        index.commit();
        for (const o of ops) {
          if (o.kind === 'rescan') {
            const para = paras[o.para];
            const gone = new Set([...model].filter((m) => para.contains(m.range.startContainer)));
            index.remove(gone);
            model = new Set([...model].filter((m) => !gone.has(m)));
            const shuffled = words(o.para).sort(
              (a, b) => ((a.charCodeAt(2) * 31 + o.seed) % 7) - ((b.charCodeAt(2) * 31 + o.seed) % 7),
            );
            for (const m of scan(index, para, shuffled)) model.add(m);
          } else {
            const all = [...model];
            const gone = new Set(all.length ? o.picks.map((i) => all[i % all.length]) : []);
            index.remove(gone);
            model = new Set(all.filter((m) => !gone.has(m)));
          }
          index.commit();
          expect(inDocumentOrder(index.list)).toBe(true);
          const ids = (ms: Iterable<PageMention>) => [...ms].map((m) => m.id).sort((a, b) => a - b);
          expect(ids(index.list)).toEqual(ids(model));
          // Each text node knows exactly the listed mentions that touch it: those whose range starts
          // in it, ends in it, or runs through it (text nodes in document order, from start to end).
          const nodes: Text[] = [];
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
          const touching = new Map<Text, PageMention[]>(nodes.map((n) => [n, []]));
          for (const m of index.list) {
            const from = nodes.indexOf(m.range.startContainer as Text);
            const to = nodes.indexOf(m.range.endContainer as Text);
            for (let i = from; i <= to; i++) touching.get(nodes[i])!.push(m);
          }
          for (const n of nodes) expect(ids(index.inNode(n).map((l) => l.mention))).toEqual(ids(touching.get(n)!));
        }
      }),
      { numRuns: 40 }, // happy-dom's compareBoundaryPoints is slow: ~50 ms a run,
    );
  });
});
