// What a news page says about itself: whether it is an article, its headline, its publication date
// and its canonical URL. Reads metadata (JSON-LD, Open Graph, <time>) and the first <h1>; never writes.

const ARTICLE_TYPES =
  /^(?:News|Reportage|Analysis|Opinion|Background|Review)?Article$|^(?:BlogPosting|LiveBlogPosting)$/;

/** A headline is a line: a longer "title" is cut here (hostile pages put anything in <title>). */
const MAX_TITLE_CHARS = 500;

export interface PageMeta {
  isArticle: boolean;
  /** The headline: JSON-LD's, og:title, the article's <h1>, or <title>, whichever comes first; null when none. */
  title: string | null;
  published: string | null;
  canonical: string | null;
}

function jsonLdItems(doc: Document): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      const data: unknown = JSON.parse(script.textContent ?? '');
      const stack = [data];
      while (stack.length && out.length < 50) {
        const item = stack.pop();
        if (Array.isArray(item)) stack.push(...item);
        else if (item && typeof item === 'object') {
          out.push(item as Record<string, unknown>);
          if ('@graph' in item) stack.push((item as Record<string, unknown>)['@graph']);
        }
      }
    } catch {
      // A site's broken JSON-LD is not our error.
    }
  }
  return out;
}

export function readPageMeta(doc: Document, minArticleChars = 600): PageMeta {
  const items = jsonLdItems(doc);
  const types = items.flatMap((i) => [i['@type']].flat()).filter((t): t is string => typeof t === 'string');
  const og = doc.querySelector('meta[property="og:type"]')?.getAttribute('content') ?? '';
  const articleEl = doc.querySelector('article');
  const isArticle =
    types.some((t) => ARTICLE_TYPES.test(t)) ||
    og.trim().toLowerCase() === 'article' ||
    (articleEl !== null && (articleEl.textContent ?? '').trim().length >= minArticleChars);

  const published =
    items.map((i) => i.datePublished).find((d): d is string => typeof d === 'string') ??
    doc.querySelector('meta[property="article:published_time"]')?.getAttribute('content') ??
    doc.querySelector('article time[datetime], time[datetime]')?.getAttribute('datetime') ??
    null;
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null;
  const title =
    [
      items.map((i) => i.headline).find((h): h is string => typeof h === 'string'),
      doc.querySelector('meta[property="og:title"]')?.getAttribute('content'),
      (articleEl ?? doc).querySelector('h1')?.textContent,
      doc.title,
    ]
      .map((t) => t?.replace(/\s+/g, ' ').trim().slice(0, MAX_TITLE_CHARS))
      .find((t) => t) ?? null;
  return {
    isArticle,
    title,
    published: published && /^\d{4}-\d{2}-\d{2}/.test(published) ? published : null,
    canonical,
  };
}
