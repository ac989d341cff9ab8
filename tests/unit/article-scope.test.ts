import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Window } from 'happy-dom';
import { articleScopeSteps, findArticleScope, wholePageScope } from '../../engine/text/article-scope';
import { linkDensity, linkDensitySteps } from '../../engine/text/article-scope-chrome';
import { pageScope, watchScope } from '../../page/marks/scope';
import { collectText, segmentAt } from '../../engine/text/dom-text';
import { createAnnotator } from '../../engine/annotate';
import { compileCorpus } from '../../compiler/compile';
import { openCompiled } from '../../compiler/memory-index';
import { readSeeds } from '../../compiler/seeds';
import judged from './real-pages/judged.json';

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

const flat = (s: string) => s.replace(/\s+/g, ' ').trim();
const scopedText = (doc: Document) => flat(collectText(doc.body, null, findArticleScope(doc).skips).text);

const PARA = (n: number, word = 'Lavrov') =>
  Array.from(
    { length: n },
    (_, i) => `<p>Paragraph ${i}: ${word} said on Monday, in a long statement, that talks would go on for weeks.</p>`,
  ).join('');

describe('findArticleScope on pages written for the purpose', () => {
  it('finds the body by text density, keeps the headline, leaves menus, share buttons and footers out', () => {
    const doc = parse(
      `<body><header><nav><a href="/">Home</a> <a href="/w">World</a> Russia</nav></header>
       <main><h1>Russia talks go on</h1>
       <div class="share-tools"><button>Share</button><a href="#">Share on Twitter</a></div>
       <div class="story">${PARA(6)}</div>
       <ul class="list"><li><a href="/1">Russia wins the cup</a></li><li><a href="/2">Russia in snow</a></li></ul></main>
       <aside>Most read: Russia</aside><footer>Contact us, Russia office</footer></body>`,
    );
    const scope = findArticleScope(doc);
    expect(scope.kind).toBe('article');
    expect(scope.headline?.textContent).toBe('Russia talks go on');
    const text = scopedText(doc);
    expect(text).toContain('Russia talks go on');
    expect(text).toContain('Paragraph 5: Lavrov');
    for (const chrome of ['Home', 'Share', 'Russia wins the cup', 'Most read', 'Contact us'])
      expect(text).not.toContain(chrome);
  });

  it('locates the body from JSON-LD articleBody whatever its markup is called', () => {
    const body = 'Zarif met Lavrov in Moscow on Monday and said the two countries would keep talking. '.repeat(4);
    const doc = parse(
      `<head><script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', articleBody: body })}</script></head>
       <body><div class="x1">${PARA(8, 'Teaser')}</div>
       <div class="x2"><div class="x3"><p>${body.slice(0, 170)}</p><p>${body.slice(170)}</p></div></div></body>`,
    );
    const text = scopedText(doc);
    expect(text).toContain('Zarif met Lavrov');
    expect(text).not.toContain('Teaser');
  });

  it('keeps the opening paragraphs of a story whose rest sits in a "read more" wrapper', () => {
    // The lede lies directly in the story's block; most paragraphs lie one level down, beside a
    // "Read more" link (mobile news templates). Density alone picks the inner block.
    const doc = parse(
      `<body><nav><a href="/">Home</a> <a href="/w">World</a></nav>
       <div id="story"><h1>Talks go on</h1>
       <div class="story-body"><p>Lede: Zarif met Lavrov in Moscow on Monday, and said, at length, that talks would go on.</p>
       <p>Second: Zarif said the two countries, in his view, would keep talking for weeks.</p>
       <div id="more"><div class="more-link"><a href="#">Read more</a></div>
       <div class="rest">${PARA(10)}</div></div></div>
       <div class="group"><h2>Other columns</h2><p>Teaser: a columnist, writing on Sunday, says that the weather will change.</p></div></div>
       <footer>Contact us</footer></body>`,
    );
    const text = scopedText(doc);
    expect(text).toContain('Talks go on');
    expect(text).toContain('Lede: Zarif met Lavrov');
    expect(text).toContain('Second: Zarif said');
    expect(text).toContain('Paragraph 9: Lavrov');
    for (const chrome of ['Teaser', 'Home', 'Contact us', 'Read more']) expect(text).not.toContain(chrome);
  });

  it('takes itemprop=articleBody first', () => {
    const doc = parse(`<body><div>${PARA(8, 'Other')}</div><div itemprop="articleBody">${PARA(3)}</div></body>`);
    expect(scopedText(doc)).not.toContain('Other');
    expect(scopedText(doc)).toContain('Lavrov');
  });

  it('leaves link lists, cookie banners and comments inside the article out', () => {
    const doc = parse(
      `<body><article><h1>Title</h1>${PARA(4)}
       <div class="cookie-banner">We use cookies. Russia.</div>
       <div><a href="/a">Read more about Lavrov and Russia</a></div>
       <section class="comments">${PARA(5, 'Commenter')}</section></article></body>`,
    );
    const text = scopedText(doc);
    expect(text).toContain('Paragraph 3: Lavrov');
    for (const chrome of ['cookies', 'Read more', 'Commenter']) expect(text).not.toContain(chrome);
  });

  it('on a page with no article marks its headlines only', () => {
    const doc = parse(
      `<body><nav><h2>Sections</h2></nav><h2><a href="/1">Lavrov in Tehran</a></h2><p>short</p>
       <h3>Zarif speaks</h3><div><a href="/x">More</a></div><footer><h3>About us</h3></footer></body>`,
    );
    const scope = findArticleScope(doc);
    expect(scope.kind).toBe('headlines');
    expect(scopedText(doc)).toBe('Lavrov in Tehran Zarif speaks');
  });

  it('the whole-page scope skips nothing', () => {
    const doc = parse(`<body><nav>Menu</nav>${PARA(3)}</body>`);
    expect(flat(collectText(doc.body, null, wholePageScope(doc).skips).text)).toContain('Menu');
  });
});

describe('articleScopeSteps: the same article, found in slices', () => {
  it('pauses every few dozen elements on a long page and finds what findArticleScope finds', () => {
    const doc = parse(
      `<body><nav>${'<a href="#">Menu</a>'.repeat(50)}</nav>` +
        `<div class="story"><h1>Talks</h1>${PARA(400)}</div><footer>${PARA(3, 'Footer')}</footer></body>`,
    );
    const steps = articleScopeSteps(doc);
    let pauses = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) pauses++;
    const whole = findArticleScope(doc);
    expect(step.value.kind).toBe('article');
    expect(step.value.roots).toEqual(whole.roots);
    expect(step.value.headline).toBe(whole.headline);
    // 400 paragraphs, at most a few dozen elements between pauses.
    expect(pauses).toBeGreaterThanOrEqual(400 / 48);
  });
});

/** linkDensitySteps run to the end, and how many pauses it made. */
function densityInSteps(el: Element): { d: number; pauses: number } {
  const steps = linkDensitySteps(el, new WeakMap());
  for (let pauses = 0; ; pauses++) {
    const step = steps.next();
    if (step.done) return { d: step.value, pauses };
  }
}

describe('linkDensitySteps: link density in slices', () => {
  it('gives what linkDensity gives, pausing on a long text and many links', () => {
    const links = Array.from({ length: 200 }, (_, i) => `<li><a href="/${i}">Link  number ${i}</a></li>`).join('');
    const doc = parse(
      `<body><div id="a">${PARA(400)}<ul>${links}</ul><script>var x = "  in script ";</script> tail </div>` +
        `<div id="b">  <a href="/x"> only   a link </a>  </div><div id="c">   </div></body>`,
    );
    for (const id of ['a', 'b', 'c']) {
      const el = doc.getElementById(id)!;
      const { d, pauses } = densityInSteps(el);
      expect(d).toBe(linkDensity(el, new WeakMap()));
      if (id === 'a') expect(pauses).toBeGreaterThan(3);
    }
  });
});

describe('watchScope (page/marks/scope.ts)', () => {
  const settle = () => new Promise((r) => setTimeout(r, 60));

  it('looks again when an article appears on a page that had none', async () => {
    document.body.innerHTML = '<h2>Headlines</h2><div id="app"></div>';
    const scope = await pageScope(document, false);
    expect(scope.kind).toBe('headlines');
    let stale = 0;
    const stop = watchScope(document, scope, () => stale++, 20);
    document.getElementById('app')!.innerHTML = `<article><h1>Title</h1>${PARA(4)}</article>`;
    await settle();
    expect(stale).toBe(1);
    stop();
  });

  it('looks again when the article it found leaves the page, not for changes inside it', async () => {
    document.body.innerHTML = `<main><article id="a"><h1>Title</h1>${PARA(4)}</article></main>`;
    const scope = await pageScope(document, false);
    let stale = 0;
    const stop = watchScope(document, scope, () => stale++, 20);
    document.querySelector('#a p')!.append(' more text');
    document.querySelector('#a')!.append(document.createElement('p'));
    await settle();
    expect(stale).toBe(0);
    document.querySelector('main')!.innerHTML = `<article><h1>Next</h1>${PARA(4)}</article>`;
    await settle();
    expect(stale).toBe(1);
    stop();
  });

  it('the whole page is never stale', async () => {
    expect((await pageScope(document, true)).kind).toBe('page');
  });
});

// ---- the 18 real pages (../shared/real-pages), judged once by reading them ----
const REAL = resolve(import.meta.dirname, '../../../shared/real-pages');
const present = existsSync(REAL);
if (!present) console.warn(`[article-scope] ${REAL} is absent: the real-page checks are skipped`);

interface Judged {
  headline: string;
  first: string;
  last: string;
  chrome: string[];
  marks: Record<string, number>;
}
const pages = judged.pages as Record<string, Judged>;

/** Whitespace-collapsed text with a map back to raw offsets, to find judged sentences in the page text. */
function flatten(raw: string): { text: string; at: number[] } {
  let text = '';
  const at: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    const space = /\s/.test(raw[i]);
    if (space && (text.endsWith(' ') || text === '')) continue;
    text += space ? ' ' : raw[i];
    at.push(i);
  }
  return { text, at };
}

// Real pages are parsed in a window of their own that runs no script and loads no frame.
const quiet = new Window({
  settings: {
    disableJavaScriptEvaluation: true,
    disableJavaScriptFileLoading: true,
    disableCSSFileLoading: true,
    disableIframePageLoading: true,
  },
});
const parseReal = (html: string) => new quiet.DOMParser().parseFromString(html, 'text/html') as unknown as Document;

describe.skipIf(!present)('findArticleScope on 18 real news pages', () => {
  afterAll(() => quiet.happyDOM.close());
  let annotate: ReturnType<typeof createAnnotator>;
  const totals = { page: 0, scoped: 0, outside: 0, judged: 0, kept: 0 };
  beforeAll(async () => {
    annotate = createAnnotator(await openCompiled(compileCorpus(readSeeds())));
  });

  it('linkDensitySteps gives what linkDensity gives on every container of every page', () => {
    for (const name of Object.keys(pages)) {
      const doc = parseReal(readFileSync(resolve(REAL, name, 'source.html'), 'utf8'));
      for (const el of doc.querySelectorAll('body, main, article, section, div, ul, table')) {
        expect(densityInSteps(el).d).toBe(linkDensity(el, new WeakMap()));
      }
    }
  });

  it.each(Object.keys(pages))(
    '%s: the article and its headline, no chrome, no mark outside the article',
    async (name) => {
      const j = pages[name];
      const doc = parseReal(readFileSync(resolve(REAL, name, 'source.html'), 'utf8'));
      const scope = findArticleScope(doc);
      expect(scope.kind).toBe('article');
      expect(flat(scope.headline?.textContent ?? '')).toBe(j.headline);

      const page = collectText(doc.body);
      const scoped = collectText(doc.body, null, scope.skips);
      const text = flat(scoped.text);
      for (const s of [j.headline, j.first, j.last]) expect(text).toContain(s);
      const whole = flat(page.text);
      for (const chrome of j.chrome) {
        expect(whole).toContain(chrome); // the page has it…
        expect(text).not.toContain(chrome); // …and the scope leaves it out
      }

      // The article's span in the page text: from its headline to its last sentence.
      const f = flatten(page.text);
      const firstAt = f.text.indexOf(j.first);
      const from = f.at[f.text.lastIndexOf(j.headline, firstAt)];
      const lastAt = f.text.indexOf(j.last, firstAt);
      const to = f.at[lastAt + j.last.length - 1] + 1;
      expect(from).toBeLessThan(to);

      const inScope = new Set(scoped.segments.map((s) => s.node));
      const { mentions } = await annotate(page.text);
      const scopedMarks = mentions.filter((m) => inScope.has(page.segments[segmentAt(page.segments, m.start)].node));
      const outside = scopedMarks.filter((m) => m.start < from || m.end > to).map((m) => `${m.surface}@${m.start}`);
      expect(outside).toEqual([]);

      // Every judged mark the engine still finds in the article is kept by the scope.
      const key = (m: { entityId: string; surface: string }) => `${m.entityId} ${m.surface}`;
      const count = (list: typeof mentions) =>
        list.reduce((c, m) => c.set(key(m), (c.get(key(m)) ?? 0) + 1), new Map());
      const inArticle = count(mentions.filter((m) => m.start >= from && m.end <= to));
      const kept = count(scopedMarks);
      for (const [k, n] of Object.entries(j.marks)) {
        const expected = Math.min(n, inArticle.get(k) ?? 0);
        expect(kept.get(k) ?? 0, k).toBeGreaterThanOrEqual(expected);
        totals.judged += expected;
        totals.kept += Math.min(kept.get(k) ?? 0, expected);
      }
      totals.page += mentions.length;
      totals.scoped += scopedMarks.length;
      totals.outside += outside.length;
    },
  );

  it('figures', () => {
    console.log(
      `[article-scope] real pages: ${totals.page} marks on whole pages, ${totals.scoped} in the detected articles, ` +
        `${totals.outside} outside the article; judged article marks kept ${totals.kept}/${totals.judged}`,
    );
    expect(totals.outside).toBe(0);
  });
});
