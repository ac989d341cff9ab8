import { browser } from 'wxt/browser';
import { fetchFiles, openCorpus, type Corpus } from '../engine/index/corpus';
import { INDEX_DIR } from '../engine/index/index-format';
import { readyCorpus, type ReadyCorpus } from './ready-corpus';

// The compiled index ships as files inside the extension (/corpus/); the background reads index.bin
// once per lifetime (a service worker may be restarted at any time, so it is read lazily, not at
// install) and text shards when a card or the reader needs them. A damaged or foreign index is
// refused with the loader's CorpusIndexError, and the next request tries again.
//
// Two stages, each made once and shared: the opened index, which the reader's list, its articles,
// cards and counts read, and on top of it the ready corpus (background/ready-corpus.ts), which a
// page's alias lookups and story matches need. Each request waits for its own stage only: the
// reader's first open after the background starts does not wait for structures it never reads, and
// a page's first lookup waits for exactly what it did before (the open, then the structures).
let opening: Promise<Corpus> | null = null;
let readying: Promise<ReadyCorpus> | null = null;

const extensionFiles = fetchFiles((name) => browser.runtime.getURL(`/${INDEX_DIR}/${name}` as '/'));

/** The opened index (engine/index/corpus.ts), without the alias index or the story context. */
export function openedCorpus(): Promise<Corpus> {
  if (!opening) {
    const p = (opening = timed('hashiya:corpus-open', () => openCorpus(extensionFiles)));
    p.catch(() => opening === p && (opening = null));
  }
  return opening;
}

/** The opened index with the alias index and the story context built on it. */
export function loadCorpus(): Promise<ReadyCorpus> {
  if (!readying) {
    const p = (readying = openedCorpus().then((corpus) =>
      timed('hashiya:corpus-ready', async () => readyCorpus(corpus)),
    ));
    p.catch(() => readying === p && (readying = null));
  }
  return readying;
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
