// Corpus scale: synthetic corpora of N articles (corpus sentences and template sentences naming a
// varied cast of real catalog entities), compiled and encoded with the real compiler from in-memory
// SeedFiles. Measures compile time (Node) and file sizes here; bench/run.ts serves the files and
// measures loading and cards in Chromium.
import { gzipSync } from 'node:zlib';
import { compileCorpus, type SeedFiles } from '../compiler/compile';
import { encodeIndex, type IndexFile } from '../compiler/encode-index';
import type { CatalogEntity } from '../engine/types';
import { mulberry32 } from './gazetteers';
import { AR_TEMPLATES, AR_WORDS, EN_TEMPLATES, EN_WORDS, corpusSentences } from './vocabulary';

export interface CorpusScaleResult {
  articles: number;
  textBytes: number;
  /** compileCorpus + encodeIndex, what `npm run corpus -- build` does before writing. */
  compileMs: number;
  /** index.bin, read at start. */
  indexBytes: number;
  indexGzipBytes: number;
  /** The story file (gzipped), read on a page's first story match. */
  storyBytes: number;
  /** The shards (card lines, texts, the article list), read on demand. */
  shards: number;
  shardBytes: number;
  mentions: number;
  /** The index files, served to Chromium for the load and card measurements. */
  files: IndexFile[];
}

export function syntheticArticles(count: number, entities: CatalogEntity[], seed = 7): SeedFiles['articles'] {
  const rand = mulberry32(seed);
  const pick = <T>(list: T[]): T => list[Math.floor(rand() * list.length)];
  const corpus = corpusSentences();
  const byType = (type: string) => entities.filter((e) => e.type === type);
  const people = byType('person');
  const orgs = byType('organization');
  const places = byType('place');
  const products = byType('product');
  const encoder = new TextEncoder();
  const out: SeedFiles['articles'] = [];
  for (let a = 0; a < count; a++) {
    const lang = rand() < 0.85 ? 'ar' : 'en';
    // Each article has its own cast, so co-occurrence and hover cards vary.
    const cast = {
      P: [pick(people), pick(people), pick(people)],
      O: [pick(orgs), pick(orgs)],
      L: [pick(places), pick(places)],
      X: [pick(products)],
    };
    const name = (e: CatalogEntity) => {
      if (lang === 'en') return e.names.en;
      const forms = [e.names.ar, ...(e.aliases.ar ?? [])];
      return rand() < 0.7 ? e.names.ar : pick(forms);
    };
    const templates = lang === 'ar' ? AR_TEMPLATES : EN_TEMPLATES;
    const words = lang === 'ar' ? AR_WORDS : EN_WORDS;
    const sentence = () => {
      const r = rand();
      if (lang === 'ar' && r < 0.3) return pick(corpus);
      if (r < 0.8)
        return pick(templates).replace(/\{(P|O|L|X|S2|S)\}/g, (_, k: string) =>
          name(k.startsWith('S') ? pick([...cast.P, ...cast.O]) : pick(cast[k as keyof typeof cast])),
        );
      const w = Array.from({ length: 8 + Math.floor(rand() * 12) }, () => pick(words)).join(' ');
      return w + '.';
    };
    const paragraphs = Array.from({ length: 4 + Math.floor(rand() * 7) }, () =>
      Array.from({ length: 1 + Math.floor(rand() * 4) }, sentence).join(' '),
    );
    const title = sentence().replace(/[.!؟?]+$/, '');
    const y = 2019 + Math.floor(rand() * 4);
    const m = 1 + Math.floor(rand() * 12);
    const d = 1 + Math.floor(rand() * 28);
    const id = `bench_${String(a).padStart(6, '0')}`;
    const text =
      `---\nid: ${id}\nlang: ${lang}\ndate: ${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}\n` +
      `source: Bench Wire\n---\n${title}\n${paragraphs.join('\n')}\n`;
    out.push({ file: `seeds/articles/${id}.txt`, bytes: encoder.encode(text) });
  }
  return out;
}

export function corpusScale(
  count: number,
  catalog: SeedFiles['catalog'],
  entities: CatalogEntity[],
  progress: (line: string) => void,
): CorpusScaleResult {
  const articles = syntheticArticles(count, entities);
  const textBytes = articles.reduce((n, a) => n + a.bytes.length, 0);
  let lastShown = -1;
  const t0 = performance.now();
  const index = compileCorpus(
    { catalog, articles },
    {
      // Long builds show progress (every 10 %).
      onProgress: (done, total) => {
        if (total < 1000) return;
        const tenth = Math.floor((done / total) * 10);
        if (tenth !== lastShown) {
          lastShown = tenth;
          progress(`  compiling ${total.toLocaleString('en-US')} articles: ${tenth * 10}%`);
        }
      },
    },
  );
  const files = encodeIndex(index);
  const compileMs = performance.now() - t0;
  const [bin, story, ...shards] = files;
  return {
    articles: count,
    textBytes,
    compileMs,
    indexBytes: bin.bytes.length,
    indexGzipBytes: gzipSync(bin.bytes).length,
    storyBytes: story.bytes.length,
    shards: shards.length,
    shardBytes: shards.reduce((n, f) => n + f.bytes.length, 0),
    mentions: index.mentionCounts.reduce((n, c) => n + c, 0),
    files,
  };
}
