// Where an article body can be read off the page's own markup (engine/text/article-scope.ts, steps 1
// and 2): schema.org microdata, and the JSON-LD `articleBody` located among the page's paragraphs.
// Also the paragraph-like blocks both the JSON-LD and the text-density steps score. Generators
// pause (`yield`) every few elements so the content script can give the page its turn
// (page/marks/yield.ts drive); run to the end they return the same answer at once.
import { norm } from './article-scope-chrome';

export interface Block {
  el: Element;
  text: string;
}

/** Elements handled between two pauses. */
const STEP = 16;

/** Paragraph-like blocks: <p>, and divs/tds/pres that hold text of their own (no block children). */
export function* textBlocks(root: Element): Generator<void, Block[], void> {
  const out: Block[] = [];
  let i = 0;
  for (const el of root.querySelectorAll('p, pre, td, div, li, blockquote')) {
    if (++i % STEP === 0) yield;
    if (el.localName !== 'p') {
      // A container counts only for the text directly in it (old markup with <br>s instead of <p>s).
      let own = '';
      for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 3) own += (n as Text).data;
      if (own.length < 80) continue; // norm() only shortens it
      own = norm(own);
      if (own.length < 80) continue;
      out.push({ el, text: own });
      continue;
    }
    const text = norm(el.textContent ?? '');
    if (text.length >= 25) out.push({ el, text });
  }
  return out;
}

/** The deepest element holding at least `share` of the blocks' weight (they form a chain). */
function deepestHolding(blocks: Array<{ el: Element; w: number }>, body: Element, share: number): Element | null {
  const totals = new Map<Element, number>();
  let all = 0;
  for (const { el, w } of blocks) {
    all += w;
    for (let a: Element | null = el; a; a = a === body ? null : a.parentElement) {
      totals.set(a, (totals.get(a) ?? 0) + w);
    }
  }
  if (!all) return null;
  let best: Element | null = null;
  let bestDepth = -1;
  for (const [el, t] of totals) {
    if (t < share * all) continue;
    let depth = 0;
    for (let a: Element | null = el; a && a !== body; a = a.parentElement) depth++;
    if (depth > bestDepth) {
      best = el;
      bestDepth = depth;
    }
  }
  return best;
}

export function fromMicrodata(doc: Document): Element[] {
  return [...doc.querySelectorAll('[itemprop~="articleBody"]')].filter((e) => norm(e.textContent ?? '').length >= 200);
}

function jsonLdBodies(doc: Document): string[] {
  const out: string[] = [];
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    const raw = script.textContent ?? '';
    if (!raw.includes('articleBody')) continue;
    try {
      const stack: unknown[] = [JSON.parse(raw)];
      while (stack.length) {
        const item = stack.pop();
        if (Array.isArray(item)) stack.push(...item);
        else if (item && typeof item === 'object') {
          const body = (item as Record<string, unknown>).articleBody;
          if (typeof body === 'string' && body.length >= 200) out.push(norm(body));
          stack.push(...Object.values(item));
        }
      }
    } catch {
      // A site's broken JSON-LD is not our error.
    }
  }
  return out;
}

export function* fromJsonLd(doc: Document, blocks: Block[]): Generator<void, Element | null, void> {
  const bodies = jsonLdBodies(doc);
  if (!bodies.length) return null;
  yield;
  const matched: Array<{ el: Element; w: number }> = [];
  let i = 0;
  for (const b of blocks) {
    if (++i % STEP === 0) yield;
    if (b.text.length >= 40 && bodies.some((body) => body.includes(b.text.slice(0, 60))))
      matched.push({ el: b.el, w: b.text.length });
  }
  if (matched.reduce((n, b) => n + b.w, 0) < 200) return null;
  return deepestHolding(matched, doc.body, 0.95);
}
