// Stands in for the extension's background in the benchmark: a dedicated worker (another thread,
// as the background is another process) that holds the alias index (engine/match/alias-lookup.ts, built
// once per lifetime) and answers the page's lookups. Requests and answers travel as JSON strings,
// as extension messages do, so the page pays what a content script pays: stringify the keys, parse
// the batch.
import { createAliasIndex } from '../../engine/match/alias-lookup';
import type { Gazetteer } from '../../engine/types';

type Index = ReturnType<typeof createAliasIndex>;
let index: Index | null = null;

const post = (msg: unknown) => (self as unknown as Worker).postMessage(msg);

self.onmessage = async (e: MessageEvent) => {
  const msg = e.data as { type: 'load'; url: string } | { type: 'lookup'; id: number; body: string };
  if (msg.type === 'load') {
    const gaz = (await (await fetch(msg.url)).json()) as Gazetteer;
    const t = performance.now();
    index = createAliasIndex(gaz);
    post({ type: 'loaded', buildMs: performance.now() - t });
  } else {
    const t = performance.now();
    const { keys, crowded } = JSON.parse(msg.body) as { keys: string[]; crowded: boolean };
    const body = JSON.stringify(index!.lookup(keys, crowded));
    post({ type: 'batch', id: msg.id, body, workMs: performance.now() - t });
  }
};
