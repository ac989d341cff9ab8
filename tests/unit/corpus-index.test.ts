// The index format (engine/index/index-format.ts): what the loader opens is what the compiler made, the
// files are deterministic, texts are read shard by shard only when wanted, and a foreign, older,
// truncated or damaged file is refused with a message that says so.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { compileCorpus, type CompiledCorpus } from '../../compiler/compile';
import { encodeIndex, gzipShard, type IndexFile } from '../../compiler/encode-index';
import { memoryReader } from '../../compiler/memory-index';
import { diskReader, readSeeds, writeIndexFiles } from '../../compiler/seeds';
import { entityCard, prefetchCards } from '../../background/cards';
import { openCorpus, type Corpus } from '../../engine/index/corpus';
import { packIndex, packStoryTables, unpackIndex, unpackStoryTables } from '../../engine/index/index-container';
import {
  CorpusIndexError,
  INDEX_FILE,
  INDEX_VERSION,
  STORY_FILE,
  type ReadFile,
  type StoryHead,
} from '../../engine/index/index-format';
import { gunzip } from '../../engine/index/shard-bytes';
import { packShingles } from '../../engine/story/story-content';
import type { StoryFingerprint } from '../../engine/story/story';

const seeds = readSeeds();
const compiled = compileCorpus(seeds);
const files = encodeIndex(compiled);
const indexBytes = files.find((f) => f.name === INDEX_FILE)!.bytes;

/** A reader over `files` that records what was read. */
function counting(of: IndexFile[] = files) {
  const reads: string[] = [];
  const inner = memoryReader(of);
  const read: ReadFile = (name) => {
    reads.push(name);
    return inner(name);
  };
  return { read, reads };
}

const withIndex = (bytes: Uint8Array) =>
  memoryReader([...files.filter((f) => f.name !== INDEX_FILE), { name: INDEX_FILE, bytes }]);

/** An article's fingerprint as the index stores it: all but the page-side shingles and vocabulary. */
async function fingerprint(c: Corpus, a: number): Promise<Omit<StoryFingerprint, 'shingles' | 'vocabulary'>> {
  const t = await c.stories();
  const row = (offsets: ArrayLike<number>) =>
    Array.from({ length: offsets[a + 1] - offsets[a] }, (_, i) => offsets[a] + i);
  return {
    lang: c.articleLang(a),
    entities: row(t.entityOffsets).map((k) => t.entities[k]),
    dates: row(t.dateOffsets).map((k) => t.dateKeys[t.dates[k]]),
    numbers: row(t.numberOffsets).map((k) => t.numberKeys[t.numbers[k]]),
    terms: row(t.termOffsets).map((k) => [t.termHashes[k], t.weights[t.termWeights[k]]]),
    title: row(t.titleOffsets).map((k) => t.titleWords[k]),
  };
}

async function expectSame(corpus: Corpus, c: CompiledCorpus) {
  expect(corpus.version).toBe(INDEX_VERSION);
  expect(corpus.entities).toEqual(c.entities);
  expect(corpus.gazetteer).toEqual(c.gazetteer);
  expect(corpus.articleIds).toEqual(c.articles.map((a) => a.id));
  expect([...corpus.mentionCounts]).toEqual(c.mentionCounts);
  expect([...corpus.cooccurrence]).toEqual(c.cooccurrence.flat());
  expect(await corpus.list.all()).toEqual(c.articles.map((a) => [a.title, a.date, a.source, a.url]));
  for (let e = 0; e < c.entities.length; e++) {
    const expected = c.cardLines[e].map(([a, s0, s1, m0, m1]) => ({
      article: a,
      title: c.articles[a].title,
      date: c.articles[a].date,
      source: c.articles[a].source,
      sentence: c.articles[a].text.slice(s0, s1),
      markStart: m0 - s0,
      markEnd: m1 - s0,
    }));
    expect(await corpus.cardLines(e)).toEqual(expected);
  }
  for (let a = 0; a < c.articles.length; a++) {
    const { lang, ...record } = c.articles[a];
    expect(corpus.articleLang(a)).toBe(lang);
    expect(await corpus.article(a)).toEqual({ ...record, lines: c.articleLines[a] });
    expect(await fingerprint(corpus, a)).toEqual({ ...c.stories[a], shingles: undefined, vocabulary: undefined });
  }
  const shingles = packShingles(
    c.stories.map((f) => f.shingles),
    c.stories.map((f) => f.vocabulary),
  );
  const stories = await corpus.stories();
  for (const k of Object.keys(shingles) as (keyof typeof shingles)[])
    expect([...stories[k]], k).toEqual([...shingles[k]]);
}

describe('corpus index files', () => {
  it('open to exactly what the compiler made', async () => {
    await expectSame(await openCorpus(memoryReader(files)), compiled);
  });

  it('are byte-identical for the same seeds, whatever order the files come in', () => {
    const reversed = { ...seeds, articles: [...seeds.articles].reverse() };
    const again = encodeIndex(compileCorpus(reversed));
    expect(again.map((f) => f.name)).toEqual(files.map((f) => f.name));
    again.forEach((f, i) => expect(Buffer.from(f.bytes).equals(Buffer.from(files[i].bytes)), f.name).toBe(true));
  });

  it("are written into a folder that then holds this build's files and no stale shard", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hashiya-index-'));
    try {
      writeIndexFiles(dir, encodeIndex(compiled, 1));
      writeFileSync(join(dir, 'index.bin.123.tmp'), 'another build, mid-write');
      writeFileSync(join(dir, 'text-0000-0123abcd.json'), '{}'); // a version 2 build's shard
      writeIndexFiles(dir, files);
      expect(readdirSync(dir).sort()).toEqual([...files.map((f) => f.name), 'index.bin.123.tmp'].sort());
      await expectSame(await openCorpus(diskReader(dir)), compiled);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('read shards only when an item is wanted, and once', async () => {
    const small = encodeIndex(compiled, 1); // one article or entity per shard
    const textFile = small.filter((f) => f.name.startsWith('text-')).map((f) => f.name);
    const cardFile = small.filter((f) => f.name.startsWith('cards-')).map((f) => f.name);
    expect([textFile.length, cardFile.length]).toEqual([compiled.articles.length, compiled.entities.length]);
    const { read, reads } = counting(small);
    const corpus = await openCorpus(read);
    expect(reads).toEqual([INDEX_FILE]);
    const last = compiled.articles.length - 1;
    expect((await corpus.article(last)).id).toBe(compiled.articles[last].id);
    await corpus.article(last);
    expect(reads).toEqual([INDEX_FILE, textFile[last]]);
    await expectSame(corpus, compiled);

    // A card reads its entity's card shard; on a corpus story's page, that story's text shard too.
    const lavrov = compiled.entities.findIndex((e) => e.id === 'person/sergey-lavrov');
    const story = compiled.stories.findIndex((f) => f.entities.includes(lavrov));
    const fresh = counting(small);
    const opened = await openCorpus(fresh.read);
    expect((await entityCard(opened, 'person/sergey-lavrov')).mentions.length).toBeGreaterThan(0);
    expect(fresh.reads).toEqual([INDEX_FILE, cardFile[lavrov]]);
    opened.cards.clear();
    await entityCard(opened, 'person/sergey-lavrov', compiled.articles[story].id);
    expect(fresh.reads.slice(2).sort()).toEqual([cardFile[lavrov], textFile[story]].sort());
    // An entity the corpus never names reads nothing.
    const silent = compiled.mentionCounts.findIndex((n) => n === 0);
    expect((await entityCard(opened, compiled.entities[silent].id)).mentions).toEqual([]);
    expect(fresh.reads).toHaveLength(4);

    // A page's story match reads its entities' card shards ahead of the first hover.
    const ahead = counting(small);
    const warmed = await openCorpus(ahead.read);
    prefetchCards(warmed, [lavrov, silent, 10_000]);
    await vi.waitFor(() => expect(ahead.reads).toEqual([INDEX_FILE, cardFile[lavrov]]));
    await entityCard(warmed, 'person/sergey-lavrov');
    expect(ahead.reads).toHaveLength(2);
  });

  it('refuse an index of another version, or the JSON index of version 1', async () => {
    const older = indexBytes.slice();
    new DataView(older.buffer).setUint32(4, 1, true);
    await expect(openCorpus(withIndex(older))).rejects.toThrow(`version 1, expected ${INDEX_VERSION}`);
    const json = new TextEncoder().encode(JSON.stringify({ version: 1, articles: [] }));
    await expect(openCorpus(withIndex(json))).rejects.toThrow(/JSON index of an older format/);
  });

  it('refuse a truncated, foreign or damaged index with a CorpusIndexError naming the problem', async () => {
    const refused = (bytes: Uint8Array) => openCorpus(withIndex(bytes));
    const n = indexBytes.length;
    await expect(refused(indexBytes.slice(0, n - 7))).rejects.toThrow(`truncated: ${n - 7} of ${n} bytes`);
    await expect(refused(indexBytes.slice(0, 9))).rejects.toThrow(/truncated: 9 bytes/);
    await expect(refused(new Uint8Array(0))).rejects.toThrow(/truncated: 0 bytes/);
    await expect(refused(new TextEncoder().encode('PK\u0003\u0004 a zip file, not an index'))).rejects.toThrow(
      /not a Hashiya corpus index/,
    );
    await expect(refused(indexBytes.slice(0, n - 7))).rejects.toBeInstanceOf(CorpusIndexError);

    const badHead = indexBytes.slice();
    badHead[16] = 0x78; // the head's opening brace
    await expect(refused(badHead)).rejects.toThrow(/head is not valid JSON/);

    // Tables that disagree with the head: cut short, or of the wrong type.
    const { head, tables } = unpackIndex(indexBytes);
    const { tables: _refs, ...rest } = head;
    const repacked = (changed: Partial<typeof tables>) => refused(packIndex(rest, { ...tables, ...changed }));
    await expect(repacked({ entities: tables.entities.subarray(1) })).rejects.toThrow(
      /table entityOffsets does not cover entities/,
    );
    await expect(repacked({ articleLang: tables.articleLang.subarray(1) })).rejects.toThrow(
      /table articleLang has \d+ entries, expected \d+/,
    );

    // The story file is checked the same way, when it is first read.
    const storyFile = files.find((f) => STORY_FILE.test(f.name))!;
    const story = unpackStoryTables(await gunzip(storyFile.bytes), storyFile.name);
    const { tables: _storyRefs, ...storyHead } = story.head;
    const storyRefused = async (changed: Partial<typeof story.tables>, headChanges: Partial<StoryHead> = {}) => {
      const bytes = gzipShard(packStoryTables({ ...storyHead, ...headChanges }, { ...story.tables, ...changed }));
      const corpus = await openCorpus(
        memoryReader([...files.filter((f) => f !== storyFile), { name: storyFile.name, bytes }]),
      );
      return corpus.stories();
    };
    const tables2 = story.tables;
    await expect(storyRefused({ termNorms: new Uint32Array(tables2.termNorms.length) })).rejects.toThrow(
      `corpus index ${storyFile.name}: table termNorms has the wrong type`,
    );
    await expect(storyRefused({}, { articles: storyHead.articles + 1 })).rejects.toThrow(
      /describes \d+ articles, index.bin \d+/,
    );
    // The shingle index (same story by content) is checked the same way.
    await expect(storyRefused({ shingleArticles: tables2.shingleArticles.subarray(1) })).rejects.toThrow(
      /table shingleOffsets does not cover shingleArticles/,
    );
    await expect(storyRefused({ shingleKeys: new Uint16Array(tables2.shingleKeys.length) })).rejects.toThrow(
      /table shingleKeys has the wrong type/,
    );
    await expect(storyRefused({ shingleCounts: tables2.shingleCounts.subarray(1) })).rejects.toThrow(
      /table shingleCounts has \d+ entries, expected \d+/,
    );
    await expect(storyRefused({ wordArticles: tables2.wordArticles.subarray(1) })).rejects.toThrow(
      /table wordOffsets does not cover wordArticles/,
    );
    await expect(storyRefused({ wordTotals: new Uint8Array(tables2.wordTotals.length) })).rejects.toThrow(
      /table wordTotals has the wrong type/,
    );
    await expect(storyRefused({ titleWords: tables2.titleWords.subarray(1) })).rejects.toThrow(
      /table titleOffsets does not cover titleWords/,
    );

    await expect(openCorpus(memoryReader([]))).rejects.toThrow(/corpus file index.bin cannot be read: no file/);
  });

  it('read the story file on the first story request only, once, and again after a damaged read', async () => {
    const storyFile = files.find((f) => STORY_FILE.test(f.name))!;
    let bytes: Uint8Array = storyFile.bytes.slice(0, storyFile.bytes.length - 9);
    const reads: string[] = [];
    const inner = memoryReader(files);
    const corpus = await openCorpus(async (name) => {
      reads.push(name);
      return name === storyFile.name ? bytes : inner(name);
    });
    expect(reads).toEqual([INDEX_FILE]);
    const damaged = corpus.stories();
    await expect(damaged).rejects.toBeInstanceOf(CorpusIndexError);
    await expect(damaged).rejects.toThrow(
      `corpus file ${storyFile.name}: not a complete gzip file, truncated or damaged`,
    );
    bytes = storyFile.bytes;
    const [a, b] = await Promise.all([corpus.stories(), corpus.stories()]);
    expect(a).toBe(b);
    expect(a.termHashes.length).toBeGreaterThan(0);
    expect(reads).toEqual([INDEX_FILE, storyFile.name, storyFile.name]);
  });

  it('ship shards gzipped, and refuse one whose bytes were changed or that is not gzip at all', async () => {
    const shards = files.filter((f) => f.name !== INDEX_FILE && !STORY_FILE.test(f.name));
    expect(shards.length).toBeGreaterThan(0);
    for (const f of shards) {
      expect(f.name).toMatch(/\.json\.gz$/);
      expect([f.bytes[0], f.bytes[1]]).toEqual([0x1f, 0x8b]); // gzip's magic
      expect(JSON.parse(new TextDecoder().decode(await gunzip(f.bytes)))).toHaveProperty('items');
    }
    const text = shards.find((f) => f.name.startsWith('text-'))!;
    const flipped = text.bytes.slice();
    flipped[flipped.length >> 1] ^= 0xff; // inside the deflate data: the CRC-32 no longer matches
    const plain = new TextEncoder().encode(new TextDecoder().decode(await gunzip(text.bytes))); // unzipped JSON
    for (const bytes of [flipped, plain]) {
      const corpus = await openCorpus(memoryReader([...files, { name: text.name, bytes }]));
      await expect(corpus.article(0)).rejects.toThrow(`corpus shard ${text.name}: not a complete gzip file`);
    }
  });

  it('refuse a damaged or foreign shard when it is read, and read it again next time', async () => {
    const shard = files.find((f) => f.name.startsWith('text-'))!;
    let damaged = true;
    const inner = memoryReader(files);
    const corpus = await openCorpus(async (name) =>
      name === shard.name && damaged ? shard.bytes.slice(0, shard.bytes.length >> 1) : inner(name),
    );
    const cut = corpus.article(0);
    await expect(cut).rejects.toThrow(CorpusIndexError);
    await expect(cut).rejects.toThrow(`corpus shard ${shard.name}: not a complete gzip file, truncated or damaged`);
    damaged = false;
    expect((await corpus.article(0)).id).toBe(compiled.articles[0].id);

    // A shard of another build under this build's name.
    const other = encodeIndex({ ...compiled, articles: compiled.articles.map((a) => ({ ...a, id: `x${a.id}` })) });
    const otherShard = other.find((f) => f.name.startsWith('text-'))!;
    const mixed = await openCorpus(memoryReader([files[0], { name: shard.name, bytes: otherShard.bytes }]));
    await expect(mixed.article(0)).rejects.toThrow(/another build|is not "/);

    const cards = files.find((f) => f.name.startsWith('cards-'))!;
    const json = JSON.parse(new TextDecoder().decode(await gunzip(cards.bytes))) as { articles?: unknown[] };
    delete json.articles;
    const noTitles = await openCorpus(
      memoryReader([...files, { name: cards.name, bytes: gzipShard(new TextEncoder().encode(JSON.stringify(json))) }]),
    );
    const mentioned = compiled.mentionCounts.findIndex((n) => n > 0);
    await expect(noTitles.cardLines(mentioned)).rejects.toThrow(`corpus shard ${cards.name}: no article table`);
  });
});

describe('the background', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('refuses a damaged index with the reason, and reads it again on the next request', async () => {
    let bytes: Uint8Array = indexBytes.slice(0, 100);
    const fetch = vi.fn(async (url: string) => {
      const name = url.split('/corpus/')[1];
      const body = name === INDEX_FILE ? bytes : files.find((f) => f.name === name)?.bytes;
      return { ok: !!body, status: body ? 200 : 404, arrayBuffer: async () => body!.slice().buffer };
    });
    vi.stubGlobal('fetch', fetch);
    const { loadStories } = await import('../../background/corpus');
    await expect(loadStories()).rejects.toThrow(
      `corpus index ${INDEX_FILE}: truncated: 100 of ${indexBytes.length} bytes`,
    );
    bytes = indexBytes;
    const { corpus } = await loadStories();
    expect(corpus.articleIds).toEqual(compiled.articles.map((a) => a.id));
    expect(fetch.mock.calls.map(([url]) => url)).toEqual([
      expect.stringMatching(/^chrome-extension:\/\/[^/]+\/corpus\/index\.bin$/),
      expect.stringMatching(/\/corpus\/index\.bin$/),
      expect.stringMatching(/\/corpus\/stories-[0-9a-f]{8}\.bin\.gz$/),
    ]);
  });
});
