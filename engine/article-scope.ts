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

export type ScopeKind = 'article' | 'headlines' | 'page';

export interface ArticleScope {
  kind: ScopeKind;
  /** The subtrees that are marked (article body, headline), in document order. */
  roots: Element[];
  headline: Element | null;
  /** True for an element whose subtree is not marked (outside every root, or chrome inside one). */
  skips(el: Element): boolean;
}

const CHROME_TAGS = new Set(['nav', 'aside', 'footer', 'form', 'button', 'menu', 'dialog', 'select', 'label']);
const CHROME_ROLES = new Set([
  'navigation',
  'banner',
  'contentinfo',
  'complementary',
  'search',
  'dialog',
  'alertdialog',
  'menu',
  'menubar',
  'toolbar',
  'button',
  'form',
  'tablist',
]);
// Words in a class or id that mean chrome even on an element full of prose (reader comments).
const HARD_CHROME =
  /newsletter|subscri|comment|disqus|livefyre|live-fyre|outbrain|taboola|cookie|consent|gdpr|related|recommend|most-?popular|more-?stories|trending|paywall/i;
// Words that mean chrome on an element without prose of its own, even one also called "article-…".
const ALWAYS_CHROME = /share|sharing|social|signup|sign-up|login|promo|sponsor|advert|breadcrumb|follow/i;
// Words that mean chrome unless the same class/id also says it is the article's content.
const MAYBE_CHROME =
  /(?:^|[\s_-])(?:nav|navbar|navigation|menu|sidebar|side-bar|masthead|header|footer|toolbar|banner|ads?|ad-slot|popup|modal|overlay|tags?|topics|widget|rail|skip-link|hidden|visually-hidden|sr-only|print-only|credits?|via)(?:$|[\s_-])/i;
const CONTENT_WORDS = /article|body|content|main|story|text|column|paragraph|entry|post/i;
const LINK_LIST_TAGS = new Set(['ul', 'ol', 'dl', 'table', 'div', 'section', 'p', 'li', 'span', 'header']);

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

function classAndId(el: Element): string {
  const cls = el.getAttribute('class') ?? '';
  const id = el.getAttribute('id') ?? '';
  return cls || id ? `${cls} ${id}` : '';
}

/** Characters of link text under `el`. */
function linkText(el: Element): number {
  let n = 0;
  for (const a of el.getElementsByTagName('a')) n += norm(a.textContent ?? '').length;
  return n;
}

/** Text length and link-text length of `el`, cached: link lists are blocks that are mostly links. */
function linkDensity(el: Element, cache: WeakMap<Element, number>): number {
  let d = cache.get(el);
  if (d !== undefined) return d;
  const text = norm(el.textContent ?? '').length;
  let links = 0;
  if (text > 0) for (const a of el.querySelectorAll('a')) links += norm(a.textContent ?? '').length;
  d = text === 0 ? 0 : links / text;
  cache.set(el, d);
  return d;
}

/**
 * Chrome by its own markup: tag, ARIA role, or class/id words. Class words are only believed of an
 * element that holds no prose of its own (three paragraphs or more): layout wrappers around the
 * article are often named "…-sidebar-…" or carry hooks such as "js-social-anchor".
 */
export function isChrome(el: Element): boolean {
  if (CHROME_TAGS.has(el.localName)) return true;
  const role = el.getAttribute('role');
  if (role && CHROME_ROLES.has(role)) return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  const words = classAndId(el);
  if (!words || NEVER_CHROME.has(el.localName)) return false;
  if (HARD_CHROME.test(words)) return true;
  const chrome = ALWAYS_CHROME.test(words) || (MAYBE_CHROME.test(words) && !CONTENT_WORDS.test(words));
  return chrome && !holdsProse(el);
}

const NEVER_CHROME = new Set(['html', 'body', 'main', 'article']);

function holdsProse(el: Element): boolean {
  let n = 0;
  for (const p of el.querySelectorAll('p')) if ((p.textContent ?? '').length >= 80 && ++n >= 3) return true;
  return false;
}

/** Chrome by tag or ARIA role only: menus, asides, footers, forms, dialogs. */
function structuralChrome(el: Element): boolean {
  if (CHROME_TAGS.has(el.localName)) return true;
  const role = el.getAttribute('role');
  return role !== null && CHROME_ROLES.has(role);
}

/**
 * For paragraphs (`strict`): inside chrome of any kind, or the page's <header>. For headlines,
 * which sites wrap in "…_header" blocks: inside structural chrome only. `memo` keeps each
 * ancestor's answer, so a page's paragraphs cost one look at each element, not one per paragraph.
 */
function insideChrome(el: Element | null, stop: Element | null, strict = true, memo?: Map<Element, boolean>): boolean {
  const path: Element[] = [];
  let inside = false;
  for (let a = el; a && a !== stop; a = a.parentElement) {
    const known = memo?.get(a);
    if (known !== undefined) {
      inside = known;
      break;
    }
    if (a.localName === 'noscript' || (strict ? isChrome(a) || a.localName === 'header' : structuralChrome(a))) {
      inside = true;
      path.push(a);
      break;
    }
    path.push(a);
  }
  // Everything below a chrome element is inside chrome; everything on a clean path is not.
  if (memo) for (const a of path) memo.set(a, inside);
  return inside;
}

interface Block {
  el: Element;
  text: string;
}

/** Paragraph-like blocks: <p>, and divs/tds/pres that hold text of their own (no block children). */
function textBlocks(root: Element): Block[] {
  const out: Block[] = [];
  for (const el of root.querySelectorAll('p, pre, td, div, li, blockquote')) {
    if (el.localName !== 'p') {
      // A container counts only for the text directly in it (old markup with <br>s instead of <p>s).
      let own = '';
      for (const n of el.childNodes) if (n.nodeType === 3) own += (n as Text).data;
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

function fromMicrodata(doc: Document): Element[] {
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

function fromJsonLd(doc: Document, blocks: Block[]): Element | null {
  const bodies = jsonLdBodies(doc);
  if (!bodies.length) return null;
  const matched = blocks
    .filter((b) => b.text.length >= 40 && bodies.some((body) => body.includes(b.text.slice(0, 60))))
    .map((b) => ({ el: b.el, w: b.text.length }));
  if (matched.reduce((n, b) => n + b.w, 0) < 200) return null;
  return deepestHolding(matched, doc.body, 0.95);
}

function fromDensity(doc: Document, blocks: Block[], density: WeakMap<Element, number>): Element[] {
  const body = doc.body;
  const score = new Map<Element, number>();
  const total = new Map<Element, number>();
  const chrome = new Map<Element, boolean>();
  for (const b of blocks) {
    if (insideChrome(b.el, body, true, chrome)) continue;
    const w =
      (1 + (b.text.match(/[,،]/g)?.length ?? 0) + Math.min(Math.floor(b.text.length / 100), 3)) *
      (1 - Math.min(1, linkText(b.el) / b.text.length));
    if (w <= 0) continue;
    let level = 0;
    for (let a = b.el.parentElement; a && level < 3; a = a === body ? null : a.parentElement, level++) {
      score.set(a, (score.get(a) ?? 0) + w / (level === 0 ? 1 : level === 1 ? 2 : level * 3));
    }
    for (let a: Element | null = b.el; a; a = a === body ? null : a.parentElement)
      total.set(a, (total.get(a) ?? 0) + w);
  }
  let top: Element | null = null;
  let best = 0;
  // Link density reads a candidate's whole text: only the few best raw scores are worth it.
  const leaders = [...score].sort((a, b) => b[1] - a[1]).slice(0, 5);
  for (const [el, s] of leaders) {
    const adjusted = s * (1 - linkDensity(el, density));
    if (adjusted > best) {
      best = adjusted;
      top = el;
    }
  }
  if (!top || best < 2) return []; // two short paragraphs make an article; a list of teaser links does not
  const topTotal = total.get(top) ?? 0;
  const cls = top.getAttribute('class') ?? '';
  const roots = [top];
  const parent = top.parentElement;
  if (top === body) return [body]; // a small page of prose: the page, its chrome left out
  if (parent) {
    for (const sib of parent.children) {
      if (sib === top || isChrome(sib)) continue;
      const t = total.get(sib) ?? 0;
      const sameClass = cls !== '' && sib.getAttribute('class') === cls;
      const prose = sib.localName === 'p' && t > 0 && linkDensity(sib, density) < 0.25;
      if (t >= Math.max(topTotal * 0.2, 3) || (sameClass && t > 0) || prose) roots.push(sib);
    }
  }
  // A body spread over several of the parent's children (paragraphs beside a "read more" group,
  // columns of the same class): the parent is the body.
  if (roots.length > 2 && parent && parent !== body) return [parent];
  const held = roots.reduce((n, r) => n + (total.get(r) ?? 0), 0);
  // An enclosing <article>/<main> that adds little paragraph text brings the lede and byline along.
  const wrapper = top.closest('article, main, [role="main"]');
  if (wrapper && wrapper !== top && (total.get(wrapper) ?? 0) <= held * 1.3) return [wrapper];
  return roots;
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
      return linkDensity(el, density) > 0.5 && el.querySelector('a') !== null;
    },
  };
}

/** The whole page, as before article detection: nothing skipped beyond what dom-text skips. */
export function wholePageScope(doc: Document): ArticleScope {
  return { kind: 'page', roots: [doc.body], headline: null, skips: () => false };
}

export function findArticleScope(doc: Document): ArticleScope {
  const body = doc.body;
  if (!body) return scopeOf('headlines', [], null);
  const density = new WeakMap<Element, number>();
  let roots = fromMicrodata(doc);
  if (!roots.length) {
    const blocks = textBlocks(body);
    const located = fromJsonLd(doc, blocks);
    roots = located && located !== body ? [located] : fromDensity(doc, blocks, density);
  }
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
