import { describe, expect, it } from 'vitest';
import { collectText, rangeFor, walkText } from '../../engine/text/dom-text';
import { HEAVY_STEP } from '../../engine/text/pause';
import { readPageMeta } from '../../engine/text/page-meta';
import { chunkText, orderFrom } from '../../page/marks/chunks';

function body(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

describe('collectText', () => {
  it('joins inline elements so a name split by tags is one string', () => {
    const { text } = collectText(body('<p>وزير الخارجية سيرغي <b>لافروف</b> قال</p>'));
    expect(text).toContain('سيرغي لافروف');
  });

  it('as a walk in steps, pauses every few nodes, and last before the join, announced as a heavy step', () => {
    body(Array.from({ length: 100 }, (_, i) => `<p>فقرة ${i}</p>`).join(''));
    const walk = walkText(document.body);
    const pauses: unknown[] = [];
    let step = walk.next();
    for (; !step.done; step = walk.next()) pauses.push(step.value);
    expect(pauses.length).toBeGreaterThan(1);
    expect(pauses.slice(0, -1).every((p) => p === undefined)).toBe(true);
    expect(pauses.at(-1)).toBe(HEAVY_STEP);
    expect(step.value.text).toBe(collectText(document.body).text);
  });

  it('separates blocks with a newline so names never join across paragraphs', () => {
    const { text } = collectText(body('<p>فلاديمير</p><p>بوتين</p><div>a<br>b</div>'));
    expect(text).toBe('فلاديمير\nبوتين\na\nb\n');
  });

  it('skips scripts, styles, controls, editors, code, hidden elements and our own UI', () => {
    const { text } = collectText(
      body(
        '<p>seen</p><script>lavrov()</script><style>.x{}</style><textarea>typed</textarea>' +
          '<input value="x"><button>Share</button><div contenteditable="true">draft</div><code>zarif</code>' +
          '<div hidden>secret</div><div style="display: none">gone</div><span style="visibility:hidden">ghost</span>' +
          '<div id="ours">card</div><p>also seen</p>',
      ),
      document.getElementById('ours'),
    );
    expect(text.replace(/\n+/g, ' ').trim()).toBe('seen also seen');
  });

  it('maps joined offsets back to DOM ranges across text nodes', () => {
    const root = body('<p>قال سيرغي <b>لافروف</b> اليوم</p>');
    const page = collectText(root);
    const start = page.text.indexOf('سيرغي');
    const end = page.text.indexOf(' اليوم');
    const range = rangeFor(page.segments, start, end)!;
    expect(range.toString()).toBe('سيرغي لافروف');
    expect(range.startContainer).not.toBe(range.endContainer);
  });

  it('walks very deep trees without overflowing the stack', () => {
    let html = '';
    for (let i = 0; i < 5000; i++) html += '<span>';
    html += 'عميق';
    const { text } = collectText(body(html));
    expect(text).toContain('عميق');
  });
});

describe('readPageMeta', () => {
  it('recognizes articles by JSON-LD, og:type or a long <article>', () => {
    document.head.innerHTML =
      '<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","datePublished":"2021-01-26T10:00:00Z"}]}</script>';
    document.body.innerHTML = '<p>short</p>';
    expect(readPageMeta(document)).toMatchObject({ isArticle: true, published: '2021-01-26T10:00:00Z' });

    document.head.innerHTML = '<meta property="og:type" content="article">';
    expect(readPageMeta(document).isArticle).toBe(true);

    document.head.innerHTML =
      '<meta property="og:type" content="website"><script type="application/ld+json">{broken</script>';
    expect(readPageMeta(document).isArticle).toBe(false);
    document.body.innerHTML = `<article>${'نص طويل '.repeat(100)}</article>`;
    expect(readPageMeta(document).isArticle).toBe(true);
  });

  it("reads the headline from JSON-LD, og:title, the article's <h1> or <title>, in that order", () => {
    document.head.innerHTML =
      '<title>الموقع | عنوان</title>' +
      '<script type="application/ld+json">{"@type":"NewsArticle","headline":"  قاديروف   يصل إلى جدة "}</script>' +
      '<meta property="og:title" content="og headline">';
    document.body.innerHTML = '<h1>site name</h1><article><h1>article headline</h1></article>';
    expect(readPageMeta(document).title).toBe('قاديروف يصل إلى جدة');
    document.head.querySelector('script')!.remove();
    expect(readPageMeta(document).title).toBe('og headline');
    document.head.querySelector('meta')!.remove();
    expect(readPageMeta(document).title).toBe('article headline');
    document.body.innerHTML = '<p>no heading</p>';
    expect(readPageMeta(document).title).toBe('الموقع | عنوان');
    document.title = 'x'.repeat(10_000); // a hostile page's title is cut, not carried whole
    expect(readPageMeta(document).title).toHaveLength(500);
  });
});

describe('chunks', () => {
  it('cuts on block boundaries and covers the text exactly', () => {
    const text = Array.from({ length: 50 }, (_, i) => `فقرة ${i} `.repeat(40)).join('\n');
    const chunks = chunkText(text, 1000);
    expect(chunks[0].start).toBe(0);
    expect(chunks.at(-1)!.end).toBe(text.length);
    for (let i = 1; i < chunks.length; i++) expect(chunks[i].start).toBe(chunks[i - 1].end);
    for (const c of chunks) expect(c.end - c.start).toBeLessThanOrEqual(1000);
    expect(chunks.every((c) => c.end === text.length || text[c.end] === '\n' || text[c.end - 1] === ' ')).toBe(true);
  });

  it('orders chunks from the visible one outwards', () => {
    expect(orderFrom(5, 2)).toEqual([2, 3, 1, 4, 0]);
    expect(orderFrom(3, 0)).toEqual([0, 1, 2]);
    expect(orderFrom(0, 0)).toEqual([]);
  });
});
