// What counts as a site's chrome around and inside an article (engine/text/article-scope.ts): menus,
// share buttons, footers, asides, forms, cookie banners, link lists. Exclusion rules only; reads
// the DOM, never writes it.

export const CHROME_TAGS = new Set(['nav', 'aside', 'footer', 'form', 'button', 'menu', 'dialog', 'select', 'label']);
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
const NEVER_CHROME = new Set(['html', 'body', 'main', 'article']);
/** Elements that can be a link list (a block that is mostly link text). */
export const LINK_LIST_TAGS = new Set(['ul', 'ol', 'dl', 'table', 'div', 'section', 'p', 'li', 'span', 'header']);

/** Whitespace runs as one space, trimmed. */
export const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

/** `norm(s).length`, without building the string (whole containers' text is measured). */
export function normLength(s: string): number {
  const count = { n: 0, space: false };
  countNorm(s, 0, s.length, count);
  return count.n;
}

/** Adds `norm`'s length of s[from, to) to `count`, as if it followed the text counted so far. */
function countNorm(s: string, from: number, to: number, count: { n: number; space: boolean }): void {
  let n = count.n;
  let space = count.space;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    // \s as the regex reads it: ASCII whitespace, NBSP, the Unicode spaces, line/paragraph separators, BOM.
    if (
      c === 32 ||
      (c >= 9 && c <= 13) ||
      (c > 127 &&
        (c === 0xa0 ||
          c === 0x1680 ||
          (c >= 0x2000 && c <= 0x200a) ||
          c === 0x2028 ||
          c === 0x2029 ||
          c === 0x202f ||
          c === 0x205f ||
          c === 0x3000 ||
          c === 0xfeff))
    ) {
      space = true;
      continue;
    }
    if (space && n > 0) n++; // one space between words; none leading, none trailing
    space = false;
    n++;
  }
  count.n = n;
  count.space = space;
}

function classAndId(el: Element): string {
  const cls = el.getAttribute('class') ?? '';
  const id = el.getAttribute('id') ?? '';
  return cls || id ? `${cls} ${id}` : '';
}

/** Characters of link text under `el`. */
export function linkText(el: Element): number {
  let n = 0;
  for (const a of el.getElementsByTagName('a')) n += normLength(a.textContent ?? '');
  return n;
}

/** Link text over all text of `el`, cached: link lists are blocks that are mostly links. */
export function linkDensity(el: Element, cache: WeakMap<Element, number>): number {
  let d = cache.get(el);
  if (d !== undefined) return d;
  const text = normLength(el.textContent ?? '');
  d = text === 0 ? 0 : linkText(el) / text;
  cache.set(el, d);
  return d;
}

/** Characters counted, and links measured, between two pauses of linkDensitySteps. */
const DENSITY_CHARS = 16_000;
const DENSITY_LINKS = 64;

/**
 * linkDensity in steps, pausing (`yield`) every few thousand characters and few dozen links: a
 * candidate for the article body can be the whole article (on Wikipedia, measuring one in one go
 * took 12 ms). The same answer from the same text, cached alike.
 */
export function* linkDensitySteps(el: Element, cache: WeakMap<Element, number>): Generator<void, number, void> {
  let d = cache.get(el);
  if (d !== undefined) return d;
  const all = el.textContent ?? '';
  const count = { n: 0, space: false };
  for (let from = 0; from < all.length; from += DENSITY_CHARS) {
    yield;
    countNorm(all, from, Math.min(all.length, from + DENSITY_CHARS), count);
  }
  let links = 0;
  if (count.n) {
    const anchors = el.getElementsByTagName('a');
    for (let i = 0; i < anchors.length; i++) {
      if (i % DENSITY_LINKS === 0) yield;
      links += normLength(anchors[i].textContent ?? '');
    }
  }
  d = count.n === 0 ? 0 : links / count.n;
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

function holdsProse(el: Element): boolean {
  let n = 0;
  for (const p of el.getElementsByTagName('p')) if ((p.textContent ?? '').length >= 80 && ++n >= 3) return true;
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
export function insideChrome(
  el: Element | null,
  stop: Element | null,
  strict = true,
  memo?: Map<Element, boolean>,
): boolean {
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
