// The background's answers. Each handler first checks who is asking (background/senders.ts) and
// what was sent (valibot schemas): a content script lives beside hostile page code, so nothing it
// sends is trusted, and privileged requests are accepted from extension pages only.
import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { onMessage } from '../messaging/protocol';
import { scoreStories } from '../engine/story';
import { MAX_PAGE_SAMPLES, MAX_PAGE_WORDS } from '../engine/story-content';
import { loadCorpus } from './corpus';
import { articleView, corpusOverview, entityCard, prefetchCards } from './cards';
import { assertContentScriptFor, assertExtensionPage, assertFromExtension } from './senders';
import { setStoryBadge } from './badge';

const Id = v.pipe(v.string(), v.maxLength(200));
const Url = v.pipe(v.string(), v.maxLength(8192));
const Hello = v.object({ url: Url });
const CardRequest = v.object({ entityId: Id, storyArticleId: v.optional(v.nullable(Id)) });
const Features = v.object({
  lang: v.pipe(v.string(), v.maxLength(8)),
  entities: v.pipe(v.array(v.pipe(v.number(), v.integer(), v.minValue(0))), v.maxLength(100_000)),
  dates: v.pipe(v.array(v.pipe(v.string(), v.maxLength(16))), v.maxLength(10_000)),
  numbers: v.pipe(v.array(v.pipe(v.string(), v.maxLength(32))), v.maxLength(100_000)),
  terms: v.pipe(v.array(v.tuple([v.number(), v.number()])), v.maxLength(1000)),
  // Word-shingle samples and distinct words (engine/story-content.ts): 32-bit hashes.
  shingles: v.pipe(
    v.array(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(0xffffffff))),
    v.maxLength(MAX_PAGE_SAMPLES),
  ),
  vocabulary: v.pipe(
    v.array(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(0xffffffff))),
    v.maxLength(MAX_PAGE_WORDS),
  ),
});
const StoryRequest = v.object({ url: Url, features: Features });
const ReaderRequest = v.object({ articleId: v.optional(Id), entityId: v.optional(Id) });
const ArticleRequest = v.object({ articleId: Id });
// A 1 MB page has some tens of thousands of distinct tokens; keys are normalized tokens, or two of them.
const LookupRequest = v.object({
  keys: v.pipe(v.array(v.pipe(v.string(), v.maxLength(400))), v.maxLength(500_000)),
  crowded: v.optional(v.boolean()),
});

export function registerHandlers(): void {
  onMessage('hello', async ({ data, sender }) => {
    assertFromExtension(sender);
    v.parse(Hello, data);
    const { corpus } = await loadCorpus();
    return {
      version: browser.runtime.getManifest().version,
      indexVersion: corpus.version,
      articles: corpus.articleIds.length,
      entities: corpus.entities.length,
    };
  });

  onMessage('lookupAliases', async ({ data, sender }) => {
    assertFromExtension(sender);
    const { keys, crowded } = v.parse(LookupRequest, data);
    return (await loadCorpus()).aliases.lookup(keys, crowded);
  });

  onMessage('getEntityCard', async ({ data, sender }) => {
    assertFromExtension(sender);
    const req = v.parse(CardRequest, data);
    return entityCard((await loadCorpus()).corpus, req.entityId, req.storyArticleId);
  });

  onMessage('matchStory', async ({ data, sender }) => {
    const req = v.parse(StoryRequest, data);
    assertContentScriptFor(sender, req.url);
    const { corpus, stories } = await loadCorpus();
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
    const req = v.parse(ReaderRequest, data);
    const hash = req.articleId
      ? `#article=${encodeURIComponent(req.articleId)}`
      : req.entityId
        ? `#entity=${encodeURIComponent(req.entityId)}`
        : '';
    await browser.tabs.create({ url: browser.runtime.getURL(`/reader.html${hash}` as '/reader.html') });
  });

  onMessage('getCorpusOverview', async ({ sender }) => {
    assertExtensionPage(sender);
    return corpusOverview((await loadCorpus()).corpus);
  });

  onMessage('getArticle', async ({ data, sender }) => {
    assertExtensionPage(sender);
    return articleView((await loadCorpus()).corpus, v.parse(ArticleRequest, data).articleId);
  });
}
