// Step 3 of finding the article body (engine/text/article-scope.ts): text density, in the manner of
// Readability. Every paragraph outside chrome scores by length, commas and link density; its
// parent gets the score, its grandparent half, its great-grandparent a third. The best-scoring
// element, plus its siblings that score well or share its class, is the body; an enclosing
// `<article>`/`<main>` that adds little paragraph text is taken instead. A generator that pauses
// every few paragraphs (see article-scope-candidates.ts).
import type { Block } from './article-scope-candidates';
import { insideChrome, isChrome, linkDensity, linkDensitySteps, linkText, normLength } from './article-scope-chrome';

const STEP = 16;

export function* fromDensity(
  doc: Document,
  blocks: Block[],
  density: WeakMap<Element, number>,
): Generator<void, Element[], void> {
  const body = doc.body;
  const score = new Map<Element, number>();
  const total = new Map<Element, number>();
  const chrome = new Map<Element, boolean>();
  let i = 0;
  for (const b of blocks) {
    if (++i % STEP === 0) yield;
    if (insideChrome(b.el, body, true, chrome)) continue;
    let commas = 0;
    for (let k = 0; k < b.text.length; k++) {
      const c = b.text.charCodeAt(k);
      if (c === 44 /* , */ || c === 0x60c /* ، */) commas++;
    }
    const w =
      (1 + commas + Math.min(Math.floor(b.text.length / 100), 3)) * (1 - Math.min(1, linkText(b.el) / b.text.length));
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
    yield;
    const adjusted = s * (1 - (yield* linkDensitySteps(el, density)));
    if (adjusted > best) {
      best = adjusted;
      top = el;
    }
  }
  if (!top || best < 2) return []; // two short paragraphs make an article; a list of teaser links does not
  yield;
  const topTotal = total.get(top) ?? 0;
  // A story split over two levels: its opening paragraphs, then a wrapper around the rest (a "read
  // more" expander beside its "Read more" link). Density finds the inner block; climb through
  // wrappers that add only crumbs of text, and take the climbed wrapper when paragraphs sit beside
  // it, so the step below joins them (Readability climbs through only children for the same reason).
  const prose = (el: Element) => el.localName === 'p' && (total.get(el) ?? 0) > 0 && linkDensity(el, density) < 0.25;
  let up = top;
  for (
    let p = top.parentElement;
    p && p !== body && !isChrome(p) && onlyCrumbsBeside(up, p, total);
    p = p.parentElement
  )
    up = p;
  const climbed = up !== top && [...(up.parentElement?.children ?? [])].some((s) => s !== up && prose(s));
  if (climbed) top = up;
  const cls = top.getAttribute('class') ?? '';
  const roots = [top];
  const parent = top.parentElement;
  if (top === body) return [body]; // a small page of prose: the page, its chrome left out
  if (parent) {
    for (const sib of parent.children) {
      if (sib === top || isChrome(sib)) continue;
      const t = total.get(sib) ?? 0;
      const sameClass = cls !== '' && sib.getAttribute('class') === cls;
      // Beside a climbed wrapper only the story's own paragraphs join, not blocks a level up the page.
      if (prose(sib) || (!climbed && (t >= Math.max(topTotal * 0.2, 3) || (sameClass && t > 0)))) roots.push(sib);
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

/** Text beside `child` in `parent` a wrapper may add: a "Read more" link, an ad label (characters). */
const CRUMBS = 100;

/** Whether `parent` holds nothing beside `child` but chrome and crumbs of text, and no paragraph. */
function onlyCrumbsBeside(child: Element, parent: Element, total: Map<Element, number>): boolean {
  let text = 0;
  for (const s of parent.children) {
    if (s === child || isChrome(s)) continue;
    if ((total.get(s) ?? 0) > 0) return false;
    text += normLength(s.textContent ?? '');
    if (text > CRUMBS) return false;
  }
  return true;
}
