// Which part of the page a mark session covers (engine/text/article-scope.ts says how the article is
// found), and when to look again: a client-rendered page may show its article only after we start,
// and a single-page site may replace the article we found.
import {
  articleScopeSteps,
  findArticleScope,
  wholePageScope,
  type ArticleScope,
} from '../../engine/text/article-scope';
import { drive } from './yield';

/** Finds the article in slices (reading a large page's paragraphs takes tens of milliseconds). */
export function pageScope(doc: Document, wholePage: boolean): Promise<ArticleScope> {
  return wholePage ? Promise.resolve(wholePageScope(doc)) : drive(articleScopeSteps(doc));
}

/** Calls `onStale` once, when an article appears on a page that had none or a root leaves the page. */
export function watchScope(doc: Document, scope: ArticleScope, onStale: () => void, quietMs = 500): () => void {
  if (scope.kind === 'page' || !doc.body) return () => {};
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stop = () => {
    observer.disconnect();
    clearTimeout(timer);
  };
  const check = () => {
    const lost = scope.roots.some((r) => !r.isConnected);
    if (lost || (scope.kind === 'headlines' && findArticleScope(doc).kind === 'article')) {
      stop();
      onStale();
    }
  };
  const observer = new MutationObserver(() => {
    clearTimeout(timer);
    timer = setTimeout(check, quietMs);
  });
  observer.observe(doc.body, { childList: true, subtree: true });
  return stop;
}
