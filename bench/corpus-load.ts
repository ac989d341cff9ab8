// Corpus scale in the browser: each compiled index (synthetic sizes, then the real July slice)
// served and loaded as the background loads it; hover cards on the largest synthetic index.
import type { SeedFiles } from '../compiler/compile';
import type { CatalogEntity } from '../engine/types';
import { CONFIG, elapsed, log, ROOT, SMOKE } from './config';
import { corpusScale } from './corpus-scale';
import { call, open } from './driver';
import { realCorpusScale } from './real-corpus';
import { serveIndex } from './server';
import type { CardFigures, CorpusFigures } from './report/types';
import type { CardResult, LoadResult } from './browser/card';

type Compiled = { files: Parameters<typeof serveIndex>[1] } & Omit<
  CorpusFigures,
  'readMs' | 'parseMs' | 'structureMs' | 'loadMs' | 'storyMs'
>;

/** Serves a compiled index under `path` and times its load in the page. */
async function loadCorpus(path: string, c: Compiled) {
  const unserve = serveIndex(path, c.files);
  await open('/blank.html');
  const load = await call<LoadResult>('loadIndex', [path, CONFIG.runs], 600_000);
  const { files: _files, ...scale } = c;
  const row: CorpusFigures = {
    ...scale,
    readMs: load.readMs,
    parseMs: load.parseMs,
    structureMs: load.structureMs,
    loadMs: load.ms,
    storyMs: load.storyMs,
  };
  return { row, load, unserve };
}

export async function corpusRows(
  catalog: SeedFiles['catalog'],
  entities: CatalogEntity[],
): Promise<{ corpus: CorpusFigures[]; cards: CardFigures[] }> {
  const corpus: CorpusFigures[] = [];
  const cards: CardFigures[] = [];
  for (const n of CONFIG.corpus) {
    const t = performance.now();
    const c = corpusScale(n, catalog, entities, log);
    const { row, load, unserve } = await loadCorpus(`/index/${n}/`, c);
    corpus.push(row);
    log(
      `corpus ${n}: compile ${c.compileMs.toFixed(0)} ms, index.bin ${(c.indexBytes / 1e6).toFixed(2)} MB + ` +
        `${c.shards} shards ${(c.shardBytes / 1e6).toFixed(2)} MB, load ${load.ms.toFixed(1)} ms ` +
        `(read ${load.readMs.toFixed(1)}, parse ${load.parseMs.toFixed(1)}, structure ${load.structureMs.toFixed(1)}), story file + context ${load.storyMs.toFixed(1)} ms (${elapsed(t)})`,
    );
    if (n === CONFIG.corpus[CONFIG.corpus.length - 1]) {
      await open('/blank.html');
      const big = await call<CardResult>('cardsFromUrl', [`/index/${n}/`, Math.max(5, CONFIG.runs), 5], 600_000);
      cards.push({ label: `${n.toLocaleString('en-US')}-article index, 5 busiest entities`, ...big });
      log(`hover card (${n} articles): ${big.medianMs.toFixed(2)} ms median, ${big.maxMs.toFixed(2)} ms max`);
    }
    unserve();
  }

  // The real July slice (../shared): full runs only, it compiles 15,000 articles.
  if (SMOKE) log('corpus scale, real slice: skipped in the smoke run');
  else {
    const t = performance.now();
    const real = await realCorpusScale(ROOT, catalog, log);
    if (real) {
      const { row, load, unserve } = await loadCorpus('/index/real-slice/', real);
      corpus.push(row);
      log(
        `corpus ${real.label}: compile ${real.compileMs.toFixed(0)} ms, index.bin ${(real.indexBytes / 1e6).toFixed(2)} MB + ` +
          `${real.shards} shards ${(real.shardBytes / 1e6).toFixed(2)} MB (${(real.shardJsonBytes / 1e6).toFixed(2)} MB before gzip), ` +
          `load ${load.ms.toFixed(1)} ms, story file + context ${load.storyMs.toFixed(1)} ms (${elapsed(t)})`,
      );
      unserve();
    }
  }
  return { corpus, cards };
}
