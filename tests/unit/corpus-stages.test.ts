// The background's corpus in two stages (background/corpus.ts): the reader's overview, articles and
// cards answer from the opened index and never wait for the alias index or the story context, which
// a page's first lookup builds once on that same opened index: nothing is read or built twice.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { compileCorpus } from '../../compiler/compile';
import { encodeIndex } from '../../compiler/encode-index';
import { INDEX_FILE, STORY_FILE } from '../../engine/index/index-format';
import { extractFeatures } from '../../engine/story/story';
import type { CorpusOverview } from '../../messaging/protocol';
import { handlers } from './helpers/protocol-mock';
import { enc, LAVROV_CATALOG } from './helpers/small-corpus';

vi.mock('../../messaging/protocol', async () => (await import('./helpers/protocol-mock')).protocolMock());

// The alias index, counted, and made to fail when a test says so.
const aliasBuild = vi.hoisted(() => ({ calls: 0, fail: false }));
vi.mock('../../engine/match/alias-lookup', async (original) => {
  const real = await original<typeof import('../../engine/match/alias-lookup')>();
  return {
    ...real,
    createAliasIndex: (...args: Parameters<typeof real.createAliasIndex>) => {
      aliasBuild.calls++;
      if (aliasBuild.fail) throw new Error('alias index failed');
      return real.createAliasIndex(...args);
    },
  };
});

const bodies = [
  'قال لافروف في موسكو.',
  'التقى لافروف نظيره.',
  'اجتماع في موسكو.',
  'خبر بلا أسماء.',
  'لافروف مرة أخرى.',
];
const compiled = compileCorpus({
  catalog: LAVROV_CATALOG,
  articles: bodies.map((body, i) => ({
    file: `a${i}.txt`,
    bytes: enc(`---\ndate: 2021-0${i + 1}-01\nsource: outlet ${i}\n---\nعنوان ${i}\n${body}`),
  })),
});
const usual = encodeIndex(compiled);
let files = usual;

const ID = 'test-extension-id';
const extensionPage = { id: ID, url: `chrome-extension://${ID}/reader.html` };
const contentScript = {
  id: ID,
  url: 'https://news.example/a',
  tab: { id: 7, url: 'https://news.example/a' },
  frameId: 0,
};
const call = <T>(type: string, data: unknown, sender: unknown = extensionPage) =>
  Promise.resolve().then(() => handlers.get(type)!({ data, sender }) as T);

let reads: string[];
beforeEach(async () => {
  Object.assign(aliasBuild, { calls: 0, fail: false });
  files = usual;
  reads = [];
  vi.stubGlobal('fetch', async (url: string) => {
    const name = url.split('/corpus/')[1];
    reads.push(name);
    const body = files.find((f) => f.name === name)?.bytes;
    return { ok: !!body, status: body ? 200 : 404, arrayBuffer: async () => body!.slice().buffer };
  });
  // A fresh background: its stages are per lifetime.
  vi.resetModules();
  handlers.clear();
  const { registerHandlers } = await import('../../background/handlers');
  registerHandlers();
});
afterEach(() => vi.unstubAllGlobals());

describe('the corpus stages', () => {
  it('answers the overview, an article and a card without building the alias index; a lookup builds it once', async () => {
    const first = await call<CorpusOverview>('getCorpusOverview', { limit: 2 });
    const all = await call<CorpusOverview>('getCorpusOverview', {});
    await call('getArticle', { articleId: 'a3' });
    await call('getEntityCard', { entityId: 'person/sergey-lavrov' }, contentScript);
    expect(aliasBuild.calls).toBe(0);

    expect(first.articleCount).toBe(5);
    expect(first.articles.map((a) => a.title)).toEqual(['عنوان 0', 'عنوان 1']);
    expect(all.articles.map((a) => [a.id, a.title, a.date, a.source])).toEqual(
      bodies.map((_, i) => [`a${i}`, `عنوان ${i}`, `2021-0${i + 1}-01`, `outlet ${i}`]),
    );
    // Entities list their articles by position in the corpus order, the same in both answers.
    const lavrov = all.entities.find((e) => e.id === 'person/sergey-lavrov')!;
    expect(lavrov.articles.map((a) => all.articles[a].id)).toEqual(['a0', 'a1', 'a4']);
    expect(first.entities).toEqual(all.entities);

    const batch = await call<{ aliases: unknown[] }>(
      'lookupAliases',
      { keys: ['لافروف'], crowded: true },
      contentScript,
    );
    expect(batch.aliases.length).toBeGreaterThan(0);
    await call('lookupAliases', { keys: ['موسكو'] }, contentScript);
    expect(aliasBuild.calls).toBe(1);
    // index.bin and the article list read once, whatever asked for them and in whatever order.
    expect(reads.filter((f) => f === INDEX_FILE)).toHaveLength(1);
    expect(reads.filter((f) => f.startsWith('articles-'))).toHaveLength(1);
  });

  it('reads the story file on the first story match only, and once', async () => {
    await call('getCorpusOverview', {});
    await call('getEntityCard', { entityId: 'person/sergey-lavrov' }, contentScript);
    await call('lookupAliases', { keys: ['لافروف'] }, contentScript);
    expect(reads.filter((f) => STORY_FILE.test(f))).toEqual([]);
    const features = extractFeatures(bodies[0], 'ar', [], '2021-01-01', 'عنوان 0');
    const match = { url: contentScript.url, features };
    const [a, b] = await Promise.all([
      call('matchStory', match, contentScript),
      call('matchStory', match, contentScript),
    ]);
    expect(a).toMatchObject({ articleId: 'a0' });
    expect(b).toEqual(a);
    expect(reads.filter((f) => STORY_FILE.test(f))).toHaveLength(1);
    expect(reads.filter((f) => f === INDEX_FILE)).toHaveLength(1);
  });

  it('answers the overview while the alias index fails to build, and builds it again on the next lookup', async () => {
    aliasBuild.fail = true;
    const lookup = call('lookupAliases', { keys: ['لافروف'] }, contentScript);
    const overview = call<CorpusOverview>('getCorpusOverview', {});
    await expect(lookup).rejects.toThrow('alias index failed');
    // An overview that waited for the whole ready corpus would have failed with it.
    await expect(overview).resolves.toMatchObject({ articleCount: 5 });
    aliasBuild.fail = false;
    await expect(call('lookupAliases', { keys: ['لافروف'] }, contentScript)).resolves.toBeTruthy();
    expect(aliasBuild.calls).toBe(2);
    // The opened index was kept: only the failed stage is made again.
    expect(reads.filter((f) => f === INDEX_FILE)).toHaveLength(1);
  });

  it('reads the first screen from the first shards of the article list, and each shard once', async () => {
    files = encodeIndex(compiled, 10); // tiny shards: the list is split in several
    const listShards = files.filter((f) => f.name.startsWith('articles-')).map((f) => f.name);
    expect(listShards.length).toBeGreaterThan(2);
    const first = await call<CorpusOverview>('getCorpusOverview', { limit: 1 });
    expect(first.articles.map((a) => a.id)).toEqual(['a0']);
    expect(reads.filter((f) => f.startsWith('articles-'))).toEqual([listShards[0]]);
    const all = await call<CorpusOverview>('getCorpusOverview', {});
    expect(all.articles.map((a) => a.id)).toEqual(bodies.map((_, i) => `a${i}`));
    expect(reads.filter((f) => f.startsWith('articles-')).sort()).toEqual(listShards.sort());
    // Once the whole list is built, a first screen is cut from it.
    await expect(call<CorpusOverview>('getCorpusOverview', { limit: 2 })).resolves.toMatchObject({
      articles: all.articles.slice(0, 2),
    });
    expect(reads.filter((f) => f.startsWith('articles-'))).toHaveLength(listShards.length);
  });

  it('refuses an overview request of the wrong shape', async () => {
    await expect(call('getCorpusOverview', { limit: 0 })).rejects.toThrow(/getCorpusOverview: limit/);
    await expect(call('getCorpusOverview', { limit: 1.5 })).rejects.toThrow(/getCorpusOverview/);
    await expect(call('getCorpusOverview', undefined)).rejects.toThrow(/getCorpusOverview/);
  });
});
