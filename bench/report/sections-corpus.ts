// The report's sections on cards, bundle, corpus and quality. One function a section, each
// returning its Markdown.
import { storyLines } from '../story';
import { en, kb, ms, table } from './format';
import type { Results } from './types';

/** Hover card work after the dwell delay. */
export function hoverCard(r: Results): string {
  const out: string[] = [];
  out.push('## Hover card: work after the dwell delay');
  out.push('');
  out.push(
    "`entityCard()` (background/cards.ts) on the opened index, reading its card shard over HTTP (shard caches cleared before every card; in the extension a page's story match reads them ahead) + rendering `HoverCard` with Preact into a detached closed shadow root; " +
      'per entity the median of the repetitions, then median and max over entities. "Attached" also appends the host and forces style + layout.',
  );
  out.push('');
  out.push(
    table(
      [
        'Index',
        'entities',
        'median',
        'max (entity)',
        'first card (cold)',
        'entityCard',
        'render',
        'attached + layout median / max',
      ],
      r.cards.map((c) => [
        c.label,
        en(c.entities),
        ms(c.medianMs),
        `${ms(c.maxMs)} (${c.maxEntity})`,
        ms(c.firstMs),
        ms(c.dataMs),
        ms(c.renderMs),
        `${ms(c.attachedMedianMs)} / ${ms(c.attachedMaxMs)}`,
      ]),
    ),
  );
  return out.join('\n');
}

/** The content script bundle size. */
export function bundleSection(r: Results): string {
  const out: string[] = [];
  out.push('## Content script bundle');
  out.push('');
  out.push(
    `${r.bundle.file}: ${kb(r.bundle.bytes)} raw, **${kb(r.bundle.gzipBytes)} gzipped** (node:zlib, level 9), built ${r.bundle.builtAt}.`,
  );
  return out.join('\n');
}

/** Same story at corpus scale (Node). */
export function storySection(r: Results): string {
  const out: string[] = [];
  out.push('## Same story at corpus scale');
  out.push('');
  out.push(
    'bench/story.ts, in Node: the real SaudiNewsNet July slice (../shared, evaluation only) topped up with synthetic ' +
      'articles, compiled and encoded by the real compiler and opened by the real loader; then `scoreStories` (the ' +
      "background's part of a story match: shingle and word index lookups, candidates, scoring) on pages that are not " +
      'in the corpus (tests/eval/real-story pages and tests/eval pages), median of runs per page.',
  );
  out.push('');
  out.push(storyLines(r.story).join('\n'));
  return out.join('\n');
}

/** Corpus scale: compile, index size, index load (synthetic and real slices). */
export function corpusScale(r: Results): string {
  const out: string[] = [];
  out.push('## Corpus scale: compile, index size, index load');
  out.push('');
  out.push(
    'Synthetic articles from corpus sentences and templates naming a varied cast of catalog entities, compiled with ' +
      '`compileCorpus` + `encodeIndex` from in-memory SeedFiles (Node). Load = what the background does before it can answer ' +
      'a lookup, a card or the reader (background/corpus.ts: read index.bin, check it and view its tables, build the alias ' +
      "index), in Chromium over HTTP; story = what a page's first story match adds once (read and inflate the story file, " +
      'check it, build the story context). No shard is read at load; the hover cards above read theirs.',
  );
  out.push('');
  out.push(
    table(
      [
        'Articles',
        'article text',
        'compile',
        'mentions',
        'index.bin',
        'gzipped',
        'story file (gzipped)',
        'shards (read on demand)',
        'read',
        'check + view',
        'alias index',
        'load total',
        'story (first match)',
        'installed / article',
      ],
      r.corpus.map((c) => [
        c.label ?? en(c.articles),
        kb(c.textBytes),
        ms(c.compileMs),
        en(c.mentions),
        kb(c.indexBytes),
        kb(c.indexGzipBytes),
        kb(c.storyBytes),
        `${en(c.shards)}, ${kb(c.shardBytes)}`,
        ms(c.readMs),
        ms(c.parseMs),
        ms(c.structureMs),
        ms(c.loadMs),
        ms(c.storyMs),
        kb((c.indexBytes + c.storyBytes + c.shardBytes) / c.articles),
      ]),
    ),
  );
  for (const c of r.corpus.filter((c) => c.label)) {
    const before = c.indexBytes + (c.storyRawBytes ?? c.storyBytes) + (c.shardJsonBytes ?? c.shardBytes);
    out.push('');
    out.push(
      `${c.label}: \`../shared/real-news/saudinewsnet-2015-07\` imported as \`corpus -- import\` does, compiled with ` +
        `the shipped catalog (bench/real-corpus.ts). The same shards uncompressed: ${kb(c.shardJsonBytes ?? 0)}, the story file ${kb(c.storyRawBytes ?? 0)}; ` +
        `installed per article ${kb(before / c.articles)} so, ${kb((c.indexBytes + c.storyBytes + c.shardBytes) / c.articles)} gzipped ` +
        `(${en(((c.indexBytes + c.storyBytes + c.shardBytes) / before) * 100, 1)}%). Peak memory of the bench process by the end of ` +
        `the build: ${en((c.peakRssBytes ?? 0) / 1e6)} MB.`,
    );
  }
  return out.join('\n');
}

/** Recognition quality on the evaluation pages. */
export function quality(r: Results): string {
  const out: string[] = [];
  out.push('## Recognition quality on the evaluation pages (tests/eval/pages)');
  out.push('');
  out.push(
    '(entityId, surface) multisets against *.expected.json. Hashiya: `createAnnotator` over `htmlToText`. mark.js: all ' +
      'real-catalog aliases as terms on the live page in Chromium, each outermost mark mapped back to its entity through the term that made it.',
  );
  out.push('');
  const pct = (a: number, b: number) => (b ? `${en((a / b) * 100, 1)}%` : '–');
  out.push(
    table(
      ['Recognizer', 'precision', 'recall', 'right', 'extra', 'missed'],
      r.quality.map((q) => [q.who, pct(q.tp, q.tp + q.fp), pct(q.tp, q.tp + q.fn), en(q.tp), en(q.fp), en(q.fn)]),
    ),
  );
  if (r.quality.length) {
    out.push('');
    const pages = r.quality[0].perPage.map((p) => p.page);
    out.push(
      table(
        ['Page', ...r.quality.map((q) => `${q.who} P / R`)],
        pages.map((page) => [
          page,
          ...r.quality.map((q) => {
            const x = q.perPage.find((p) => p.page === page)!;
            const f = (n: number) => (Number.isFinite(n) ? `${Math.round(n * 100)}%` : '–');
            return `${f(x.p)} / ${f(x.r)}`;
          }),
        ]),
      ),
    );
  }
  return out.join('\n');
}
