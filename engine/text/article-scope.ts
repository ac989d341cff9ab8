// Where on a page Hashiya marks: the article body and its headline, never the site's chrome
// (menus, share buttons, footers, asides, forms, cookie banners, related-link lists). Reads the DOM
// only; the same code runs in the content script and in Node (happy-dom) tests.
//
// Design note — how the body is found, first answer wins:
// 1. `itemprop=articleBody` (schema.org microdata), when it holds real text.
// 2. JSON-LD `articleBody`: the page's paragraphs whose text the JSON-LD also holds; the deepest
//    element holding 95% of that text is the body (works whatever the markup is called).
// 3. Text density, in the manner of Readability: every paragraph outside chrome scores by length,
//    commas and link density; its parent gets the score, its grandparent half, its great-grandparent
//    a third. The best-scoring element, plus its siblings that score well or share its class, is the
//    body. When an enclosing `<article>`/`<main>` adds little paragraph text of its own, it is taken
//    instead, so the byline and lede come along.
// The headline (the `<h1>` nearest the body) is marked too. A page with no article (a home page,
// a section front) gets its headlines only: h1–h3 outside chrome.
// Inside the body, `skips` still leaves out chrome subtrees: by tag and ARIA role, by class/id
// words (share, social, cookie, related, …), and blocks that are mostly link text (link lists).

import { fromJsonLd, fromMicrodata, textBlocks } from './article-scope-candidates';
import { insideChrome, isChrome, LINK_LIST_TAGS, linkDensity, norm } from './article-scope-chrome';
import { fromDensity } from './article-scope-density';

export { isChrome } from './article-scope-chrome';

export type ScopeKind = 'article' | 'headlines' | 'page';

export interface ArticleScope {
  kind: ScopeKind;
  /** The subtrees that are marked (article body, headline), in document order. */
  roots: Element[];
  headline: Element | null;
  /** True for an element whose subtree is not marked (outside every root, or chrome inside one). */
  skips(el: Element): boolean;
}

function findHeadline(doc: Document, roots: Element[]): Element | null {
  const h1s = [...doc.querySelectorAll('h1')].filter(
    (h) => norm(h.textContent ?? '').length > 0 && !insideChrome(h, null, false),
  );
  const inside = h1s.find((h) => roots.some((r) => r.contains(h)));
  if (inside) return inside;
  // The last h1 before the body (site logos are often an earlier h1).
  const before = h1s.filter((h) => roots.length && h.compareDocumentPosition(roots[0]) & 4 /* FOLLOWING */);
  return before.at(-1) ?? h1s[0] ?? null;
}

/** A scope that marks subtrees `roots` (and descends only towards them), skipping chrome inside. */
export function scopeOf(kind: ScopeKind, roots: Element[], headline: Element | null): ArticleScope {
  const set = new Set(roots);
  const paths = new Set<Element>();
  for (const r of roots) for (let a = r.parentElement; a; a = a.parentElement) paths.add(a);
  const density = new WeakMap<Element, number>();
  return {
    kind,
    roots,
    headline,
    skips(el) {
      if (set.has(el)) return false;
      if (paths.has(el)) return false;
      let a = el.parentElement;
      while (a && !set.has(a)) a = a.parentElement;
      if (!a) return true; // outside every root
      if (isChrome(el)) return true;
      // A link list; not the block that holds the headline (its byline links can outweigh it).
      if (!LINK_LIST_TAGS.has(el.localName) || (headline && el.contains(headline))) return false;
      // Most blocks hold no link at all: no need to measure their text.
      return el.querySelector('a') !== null && linkDensity(el, density) > 0.5;
    },
  };
}

/** The whole page, as before article detection: nothing skipped beyond what dom-text skips. */
export function wholePageScope(doc: Document): ArticleScope {
  return { kind: 'page', roots: [doc.body], headline: null, skips: () => false };
}

/** Finds the article, pausing (`yield`) every few dozen elements: page/marks/scope.ts drives it in slices. */
export function* articleScopeSteps(doc: Document): Generator<void, ArticleScope, void> {
  const body = doc.body;
  if (!body) return scopeOf('headlines', [], null);
  const density = new WeakMap<Element, number>();
  let roots = fromMicrodata(doc);
  if (!roots.length) {
    yield;
    const blocks = yield* textBlocks(body);
    yield;
    const located = yield* fromJsonLd(doc, blocks);
    yield;
    roots = located && located !== body ? [located] : yield* fromDensity(doc, blocks, density);
  }
  yield;
  roots = roots.filter((r) => !roots.some((o) => o !== r && o.contains(r)));
  if (roots.length) {
    const headline = findHeadline(doc, roots);
    const all = headline && !roots.some((r) => r.contains(headline)) ? [headline, ...roots] : roots;
    all.sort((a, b) => (a.compareDocumentPosition(b) & 4 ? -1 : 1));
    return scopeOf('article', all, headline);
  }
  const heads = [...body.querySelectorAll('h1, h2, h3')].filter((h) => !insideChrome(h, null, false));
  return scopeOf('headlines', heads, heads.find((h) => h.localName === 'h1') ?? null);
}

/** The same answer as `articleScopeSteps`, in one go (tests, Node, a scope checked again later). */
export function findArticleScope(doc: Document): ArticleScope {
  const steps = articleScopeSteps(doc);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
