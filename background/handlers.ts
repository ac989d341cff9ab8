// The background's answers. Each handler first checks who is asking (background/senders.ts) and
// what was sent (background/validate.ts): a content script lives beside hostile page code, so nothing it
// sends is trusted, and privileged requests are accepted from extension pages only.
import { browser } from 'wxt/browser';
import { onMessage } from '../messaging/protocol';
import { scoreStories } from '../engine/story/story';
import { loadAliases, loadStories, openedCorpus } from './corpus';
import { articleView, corpusOverview, entityCard, prefetchCards } from './cards';
import { assertContentScriptFor, assertExtensionPage, assertFromExtension } from './senders';
import { setStoryBadge } from './badge';
import { parseRequest } from './validate';

export function registerHandlers(): void {
  onMessage('hello', async ({ data, sender }) => {
    assertFromExtension(sender);
    parseRequest('hello', data);
    const corpus = await openedCorpus();
    return {
      version: browser.runtime.getManifest().version,
      indexVersion: corpus.version,
      articles: corpus.articleIds.length,
      entities: corpus.entities.length,
    };
  });

  onMessage('lookupAliases', async ({ data, sender }) => {
    assertFromExtension(sender);
    const { keys, crowded } = parseRequest('lookupAliases', data);
    return (await loadAliases()).lookup(keys, crowded);
  });

  onMessage('getEntityCard', async ({ data, sender }) => {
    assertFromExtension(sender);
    const req = parseRequest('getEntityCard', data);
    return entityCard(await openedCorpus(), req.entityId, req.storyArticleId);
  });

  onMessage('matchStory', async ({ data, sender }) => {
    const req = parseRequest('matchStory', data);
    assertContentScriptFor(sender, req.url);
    const { corpus, stories } = await loadStories();
    prefetchCards(corpus, req.features.entities);
    const best = scoreStories(req.features, stories)[0];
    // The title is in the article's text shard: read only for the one article shown.
    const article = best ? await corpus.article(best.article) : null;
    const match =
      best && article
        ? {
            articleId: article.id,
            title: article.title,
            date: article.date,
            score: best.score,
            sameStory: best.sameStory,
          }
        : null;
    if (sender.tab?.id !== undefined) await setStoryBadge(sender.tab.id, match);
    return match;
  });

  onMessage('openReader', async ({ data, sender }) => {
    assertFromExtension(sender);
    const req = parseRequest('openReader', data);
    const hash = req.articleId
      ? `#article=${encodeURIComponent(req.articleId)}`
      : req.entityId
        ? `#entity=${encodeURIComponent(req.entityId)}`
        : '';
    await browser.tabs.create({ url: browser.runtime.getURL(`/reader.html${hash}` as '/reader.html') });
  });

  // The reader's list and cards need the opened index only: they never wait for the alias index
  // and the story context (background/corpus.ts), which only a page's lookups and matches read.
  onMessage('getCorpusOverview', async ({ data, sender }) => {
    assertExtensionPage(sender);
    const { limit } = parseRequest('getCorpusOverview', data);
    return corpusOverview(await openedCorpus(), limit);
  });

  onMessage('getArticle', async ({ data, sender }) => {
    assertExtensionPage(sender);
    const { articleId } = parseRequest('getArticle', data);
    return articleView(await openedCorpus(), articleId);
  });
}
