/**
 * Page chrome that survives in plain text. A news site's tags, "more by this writer" list, "link to
 * the story" footer and author contact line are not content (judging rule 6), but when an article
 * reaches us as text — a crawled collection, a `.txt` file, `npm run annotate` — they are glued to
 * it: «… ضمن مجموعة من الاتهامات الأخرى. سمات البنوك الفيفا امريكا». On a live page the article
 * scope leaves such widgets out; for text, these labelled tails are cut off before marks are kept:
 *
 *   - a tag tail: «سمات» / «وسوم» / «الوسوم» / «كلمات مفتاحية» / "Tags:" opening a sentence in
 *     the last 300 characters, to the end of the text (in running text «من سمات…» follows a word);
 *   - «مقالات أخرى للكاتب» / «مقالات سابقة للكاتب» / "More from": a list of titles, to the end;
 *   - «رابط الخبر بصحيفة …» ("link to the story"), which closes a paragraph: to the end of its line;
 *   - a line that starts «للتواصل مع الكاتب», «اقرأ أيضا» / «إقرأ أيضاً» or "Read more".
 *
 * Labels only: a word in running text is never cut, and a text without these labels is unchanged.
 */
import type { Mention } from '../types';

const TAG_TAIL =
  /(?:^|[.!?؟:\n][”"»)\]]*\s*)(سمات|وسوم|الوسوم|كلمات مفتاحية|الكلمات المفتاحية|كلمات دلالية|Tags:?)\s/gu;
const LIST_TAIL = /مقالات (?:أخرى|اخرى|سابقة) للكاتب|More from (?:this|the) (?:author|writer)/u;
const LINE_LABEL = /^[\s*•\-–—]*(?:للتواصل مع الكاتب|[اإ]قرأ (?:أيض[اً]|ايضا)|Read more|Related:)/u;
/** Footer labels that end a paragraph: from the label to the end of its line. */
const FOOTER = /رابط الخبر بصحيفة|رابط الخبر:/gu;
const TAIL_MAX = 300;

/** Spans [start, end) of `text` that are chrome, in order. */
export function chromeSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    const nl = text.indexOf('\n', lineStart);
    const lineEnd = nl < 0 ? text.length : nl;
    if (LINE_LABEL.test(text.slice(lineStart, Math.min(lineEnd, lineStart + 40)))) spans.push([lineStart, lineEnd]);
    if (nl < 0) break;
    lineStart = nl + 1;
  }
  for (const m of text.matchAll(FOOTER)) {
    const nl = text.indexOf('\n', m.index);
    spans.push([m.index, nl < 0 ? text.length : nl]);
  }
  const list = LIST_TAIL.exec(text);
  if (list) spans.push([list.index, text.length]);
  const tail = text.length - Math.min(text.length, TAIL_MAX);
  for (const m of text.slice(tail).matchAll(TAG_TAIL)) {
    const at = tail + m.index + m[0].indexOf(m[1]);
    spans.push([at, text.length]);
    break;
  }
  return spans.sort((a, b) => a[0] - b[0]);
}

/** The mentions that do not lie in chrome. */
export function outsideChrome<M extends Pick<Mention, 'start' | 'end'>>(text: string, mentions: M[]): M[] {
  const spans = chromeSpans(text);
  if (!spans.length) return mentions;
  return mentions.filter((m) => !spans.some(([s, e]) => m.start < e && s < m.end));
}
