import { browser } from 'wxt/browser';
import { fetchFiles, openCorpus, type Corpus } from '../engine/index/corpus';
import { INDEX_DIR } from '../engine/index/index-format';
import type { StoryContext } from '../engine/story/story';
import { aliasIndexOf, storyContextOf, type AliasIndex } from './ready-corpus';

// The compiled index ships as files inside the extension (/corpus/); the background reads index.bin
// once per lifetime (a service worker may be restarted at any time, so it is read lazily, not at
// install) and text shards when a card or the reader needs them. A damaged or foreign index is
// refused with the loader's CorpusIndexError, and the next request tries again.
//
// Three stages, each made once and shared: the opened index (index.bin), which the reader's list,
// its articles, cards and counts read; on top of it the alias index a page's lookups need; and the
// story context a page's story match needs, whose tables are the story file (read then, not at
// start). Each request waits for its own stage only: the reader's first open after the background
// starts does not wait for structures it never reads, and a page's first lookup does not wait for
// the story file.
let opening: Promise<Corpus> | null = null;
let aliases: Promise<AliasIndex> | null = null;
let stories: Promise<StoryContext> | null = null;

const extensionFiles = fetchFiles((name) => browser.runtime.getURL(`/${INDEX_DIR}/${name}` as '/'));

/** The opened index (engine/index/corpus.ts), without the alias index or the story context. */
export function openedCorpus(): Promise<Corpus> {
  return (opening ??= once(
    () => timed('hashiya:corpus-open', () => openCorpus(extensionFiles)),
    () => (opening = null),
  ));
}

/** The alias index pages' lookups are answered from. */
export function loadAliases(): Promise<AliasIndex> {
  return (aliases ??= once(
    () => openedCorpus().then((corpus) => timed('hashiya:aliases', async () => aliasIndexOf(corpus))),
    () => (aliases = null),
  ));
}

/** The story context pages' story matches are scored against, and the corpus it was made from. */
export function loadStories(): Promise<{ corpus: Corpus; stories: StoryContext }> {
  return openedCorpus().then(async (corpus) => ({
    corpus,
    stories: await (stories ??= once(
      () => timed('hashiya:stories', () => storyContextOf(corpus)),
      () => (stories = null),
    )),
  }));
}

/** Starts a stage; when it fails, `forget` clears it so the next request tries again. */
function once<T>(start: () => Promise<T>, forget: () => void): Promise<T> {
  const p = start();
  p.catch(forget);
  return p;
}

/** Each stage's duration as a user-timing measure, once per lifetime: bench/reader-paint.ts reads them from the worker. */
async function timed<T>(name: string, stage: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const done = await stage();
  try {
    performance.measure(name, { start, end: performance.now() });
  } catch {
    // A figure for the benchmark is never a reason to fail a load.
  }
  return done;
}
