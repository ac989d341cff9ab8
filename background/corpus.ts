import { browser } from 'wxt/browser';
import { fetchFiles } from '../engine/index/corpus';
import { INDEX_DIR } from '../engine/index/index-format';
import { openReadyCorpus, type ReadyCorpus } from './ready-corpus';

// The compiled index ships as files inside the extension (/corpus/); the background reads index.bin
// once per lifetime (a service worker may be restarted at any time, so it is read lazily, not at
// install) and text shards when a card or the reader needs them. A damaged or foreign index is
// refused with the loader's CorpusIndexError, and the next request tries again.
let loading: Promise<ReadyCorpus> | null = null;

const extensionFiles = fetchFiles((name) => browser.runtime.getURL(`/${INDEX_DIR}/${name}` as '/'));

export function loadCorpus(): Promise<ReadyCorpus> {
  loading ??= openReadyCorpus(extensionFiles);
  loading.catch(() => (loading = null));
  return loading;
}
