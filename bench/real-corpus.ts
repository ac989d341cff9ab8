// Corpus scale on real news: the SaudiNewsNet July 2015 slice (../shared, when present; never
// shipped), imported as `npm run corpus -- import` would (compiler/import.ts, in memory), compiled
// with the shipped catalog and encoded as `npm run corpus -- build --seeds DIR` does. The same
// figures as the synthetic rows of bench/corpus-scale.ts, plus the shards' size before gzip and the
// process's peak memory.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { htmlToText } from '../cli/html';
import { collectionFiles, readCollectionFile, type NewsRecord, type RecordProblem } from '../compiler/collections';
import { compileCorpus, type SeedFiles } from '../compiler/compile';
import { encodeIndex } from '../compiler/encode-index';
import { planImport } from '../compiler/import';
import { gunzip } from '../engine/index/shard-bytes';
import type { CorpusScaleResult } from './corpus-scale';

export const REAL_SLICE = '../shared/real-news/saudinewsnet-2015-07';

export interface RealCorpusResult extends CorpusScaleResult {
  label: string;
  /** The same shards' JSON before gzip (version 2 shipped shards as JSON, smaller ones, titles kept in them). */
  shardJsonBytes: number;
  /** The story file inflated (its tables were part of an uncompressed index.bin before version 4). */
  storyRawBytes: number;
  /** Peak resident memory of this process so far (the build's peak, and whatever ran before it). */
  peakRssBytes: number;
}

/** null (with a message) when ../shared is absent: a clone without it still benches the rest. */
export async function realCorpusScale(
  root: string,
  catalog: SeedFiles['catalog'],
  progress: (line: string) => void,
): Promise<RealCorpusResult | null> {
  const dir = join(root, REAL_SLICE);
  if (!existsSync(dir)) {
    progress(`corpus scale, real slice: skipped, ${REAL_SLICE} is absent`);
    return null;
  }
  const records: NewsRecord[] = [];
  const problems: RecordProblem[] = [];
  for (const file of collectionFiles([dir])) {
    const read = readCollectionFile(file, { html: htmlToText });
    records.push(...read.records);
    problems.push(...read.problems);
  }
  const plan = planImport(records, problems, []);
  const encoder = new TextEncoder();
  const articles = plan.files.map((f) => ({ file: join('articles', f.name), bytes: encoder.encode(f.contents) }));
  progress(`  real slice: ${articles.length.toLocaleString('en-US')} articles imported, compiling`);
  let lastShown = -1;
  const t0 = performance.now();
  const compiled = compileCorpus(
    { catalog, articles },
    {
      onProgress: (done, total) => {
        const tenth = Math.floor((done / total) * 10);
        if (tenth !== lastShown) progress(`  compiling the real slice: ${(lastShown = tenth) * 10}%`);
      },
    },
  );
  const files = encodeIndex(compiled);
  const compileMs = performance.now() - t0;
  const peakRssBytes = process.resourceUsage().maxRSS * 1024;
  const [bin, story, ...shards] = files;
  const storyRawBytes = (await gunzip(story.bytes)).length;
  let shardJsonBytes = 0;
  for (const f of shards) shardJsonBytes += (await gunzip(f.bytes)).length;
  return {
    label: `${articles.length.toLocaleString('en-US')} real (July 2015)`,
    articles: articles.length,
    textBytes: articles.reduce((n, a) => n + a.bytes.length, 0),
    compileMs,
    indexBytes: bin.bytes.length,
    indexGzipBytes: gzipSync(bin.bytes).length,
    storyBytes: story.bytes.length,
    storyRawBytes,
    shards: shards.length,
    shardBytes: shards.reduce((n, f) => n + f.bytes.length, 0),
    shardJsonBytes,
    peakRssBytes,
    mentions: compiled.mentionCounts.reduce((n, c) => n + c, 0),
    files,
  };
}
