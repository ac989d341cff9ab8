import { browser } from 'wxt/browser';
import { INDEX_VERSION, type CorpusIndex } from '../engine/index-format';

// The compiled index ships as a file inside the extension; the background reads it once per
// lifetime (a service worker may be restarted at any time, so it is read lazily, not at install).
let loading: Promise<CorpusIndex> | null = null;

export const INDEX_PATH = '/corpus-index.json';

export function loadCorpus(): Promise<CorpusIndex> {
  loading ??= (async () => {
    const res = await fetch(browser.runtime.getURL(INDEX_PATH as '/'));
    const index = (await res.json()) as CorpusIndex;
    if (index.version !== INDEX_VERSION) {
      throw new Error(`corpus index version ${index.version}, expected ${INDEX_VERSION}`);
    }
    return index;
  })();
  loading.catch(() => (loading = null));
  return loading;
}
