// Generated news pages for the benchmark: Arabic pages of a given amount of visible text (UTF-8
// bytes) and an English one, built from corpus sentences (seeds/articles), template sentences that
// name real and synthetic entities, and filler, spread over realistic markup: navigation, headings,
// paragraphs with links/bold/emphasis (sometimes splitting a name), lists, quotes, figures, an aside
// of related links, a footer, and script/style blocks that must not be read.
import type { CatalogEntity } from '../engine/types';
import { mulberry32, pageNames } from './gazetteers';
import { AR_TEMPLATES, AR_WORDS, EN_TEMPLATES, EN_WORDS, corpusSentences } from './vocabulary';

export type PageLang = 'ar' | 'en';

export interface BenchPage {
  id: string;
  label: string;
  lang: PageLang;
  html: string;
  /** Visible text bytes (UTF-8) the generator put in the body, approximately what collectText reads. */
  textBytes: number;
}

interface Names {
  P: string[];
  O: string[];
  L: string[];
  X: string[];
  S: string[];
}

function realNames(entities: CatalogEntity[], lang: PageLang): Omit<Names, 'S'> {
  const by = (type: string) => entities.filter((e) => e.type === type).map((e) => e.names[lang]);
  return { P: by('person'), O: by('organization'), L: by('place'), X: by('product') };
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Wraps some words of a sentence in inline markup (escaped text in, HTML out). */
function inlineMarkup(sentence: string, rand: () => number): string {
  const words = sentence.split(' ');
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = esc(words[i]);
    const r = rand();
    if (r < 0.04) out.push(`<a href="/tag/${i}">${w}</a>`);
    else if (r < 0.06) out.push(`<b>${w}</b>`);
    else if (r < 0.075) out.push(`<em>${w}</em>`);
    else if (r < 0.085 && i + 1 < words.length) {
      // Two words in one link: a name is often linked whole.
      out.push(`<a href="/topic/${i}">${w} ${esc(words[++i])}</a>`);
    } else out.push(w);
  }
  return out.join(' ');
}

export function generatePage(
  id: string,
  lang: PageLang,
  targetBytes: number,
  entities: CatalogEntity[],
  seed: number,
): BenchPage {
  const rand = mulberry32(seed);
  const pick = <T>(list: T[]): T => list[Math.floor(rand() * list.length)];
  const syn = pageNames();
  const real = realNames(entities, lang);
  const corpus = lang === 'ar' ? corpusSentences() : [];
  const words = lang === 'ar' ? AR_WORDS : EN_WORDS;
  const templates = lang === 'ar' ? AR_TEMPLATES : EN_TEMPLATES;
  const synFull = lang === 'ar' ? syn.ar : syn.en;
  const synShort = lang === 'ar' ? syn.arShort : syn.enShort;
  let bytes = 0;
  const text = (s: string) => {
    bytes += Buffer.byteLength(s, 'utf8') + 1;
    return s;
  };

  const filler = (n: number) => {
    const w: string[] = [];
    for (let i = 0; i < n; i++) w.push(pick(words));
    const s = w.join(' ');
    return (lang === 'en' ? s.charAt(0).toUpperCase() + s.slice(1) : s) + '.';
  };
  const synthetic = () => (rand() < 0.75 ? pick(synFull) : pick(synShort.length ? synShort : synFull));
  const template = () =>
    pick(templates).replace(/\{(P|O|L|X|S2|S)\}/g, (_, k: string) => {
      if (k === 'S' || k === 'S2') return synthetic();
      return pick(real[k as keyof typeof real]);
    });
  const sentence = () => {
    const r = rand();
    if (corpus.length && r < 0.35) return pick(corpus);
    if (r < 0.7) return template();
    return filler(8 + Math.floor(rand() * 14));
  };
  const paragraph = () => {
    const n = 2 + Math.floor(rand() * 4);
    const parts: string[] = [];
    for (let i = 0; i < n; i++) parts.push(sentence());
    return `<p>${inlineMarkup(text(parts.join(' ')), rand)}</p>`;
  };
  const splitName = () => {
    // A name split by markup: the two words of one name in different elements.
    const n = pick(real.P);
    const [a, ...b] = n.split(' ');
    if (!b.length) return paragraph();
    text(n);
    return `<p>${esc(text(filler(6)))} ${esc(a)} <b>${esc(b.join(' '))}</b> ${esc(text(filler(5)))}</p>`;
  };
  const list = (ordered: boolean) => {
    const n = 3 + Math.floor(rand() * 4);
    const items: string[] = [];
    for (let i = 0; i < n; i++) {
      items.push(
        rand() < 0.5
          ? `<li><a href="/story/${i}">${esc(text(template()))}</a></li>`
          : `<li>${inlineMarkup(text(filler(6 + Math.floor(rand() * 6))), rand)}</li>`,
      );
    }
    return ordered ? `<ol>${items.join('')}</ol>` : `<ul>${items.join('')}</ul>`;
  };
  const block = () => {
    const r = rand();
    if (r < 0.62) return paragraph();
    if (r < 0.7) return `<h2>${esc(text(filler(5)))}</h2>`;
    if (r < 0.8) return list(rand() < 0.3);
    if (r < 0.85) return `<blockquote><p>${esc(text(sentence()))}</p></blockquote>`;
    if (r < 0.9) return `<figure><div class="img"></div><figcaption>${esc(text(template()))}</figcaption></figure>`;
    if (r < 0.95) return splitName();
    return `<table><tr><td>${esc(text(pick(real.L)))}</td><td>${esc(text(filler(4)))}</td></tr><tr><td>${esc(text(synthetic()))}</td><td>${esc(text(filler(4)))}</td></tr></table>`;
  };

  const nav = `<header><nav><ul>${Array.from({ length: 8 }, (_, i) => `<li><a href="/s/${i}">${esc(text(pick(words)))}</a></li>`).join('')}</ul></nav></header>`;
  const body: string[] = [];
  body.push(`<h1>${esc(text(template()))}</h1>`, `<p class="byline">${esc(text(filler(4)))}</p>`);
  const aside = `<aside><h3>${esc(text(filler(2)))}</h3>${list(false)}</aside>`;
  const footer = `<footer><p>${esc(text(filler(10)))}</p></footer>`;
  while (bytes < targetBytes) {
    body.push(block());
    if (body.length % 40 === 0) body.push(`<section><h2>${esc(text(filler(4)))}</h2></section>`);
  }
  const dir = lang === 'ar' ? 'rtl' : 'ltr';
  const html =
    `<!doctype html><html lang="${lang}" dir="${dir}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(filler(4))}</title>` +
    `<style>body{font:16px/1.6 sans-serif;max-width:48em;margin:0 auto;padding:1em}` +
    `.img{height:120px;background:#ddd}aside{border-top:1px solid #ccc}</style>` +
    `<link rel="stylesheet" href="/marks.css"><script src="/harness.js"></script></head><body>` +
    nav +
    `<main><article>${body.join('\n')}</article>${aside}</main>${footer}` +
    `<script>window.__page = ${JSON.stringify({ tags: real.P.slice(0, 3) })};</script>` +
    `</body></html>`;
  return { id, label: `${lang} ${formatBytes(targetBytes)}`, lang, html, textBytes: bytes };
}

export function formatBytes(n: number): string {
  return n >= 1_000_000 ? `${+(n / 1_000_000).toFixed(1)} MB` : `${Math.round(n / 1000)} KB`;
}
