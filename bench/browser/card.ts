// Hover card work after the dwell delay (background/cards.ts entityCard on the opened index, text
// shards read over HTTP as the background reads them from the extension, + rendering
// components/card/HoverCard.tsx with Preact into a shadow root), and index load time (what the
// background does before it can answer a lookup or a story match: background/ready-corpus.ts).
import { h, render } from 'preact';
import { entityCard } from '../../background/cards';
import { aliasIndexOf, storyContextOf } from '../../background/ready-corpus';
import { HoverCard, type HoverCardProps } from '../../components/card/HoverCard';
import { makeHost } from './card-host';
import { fetchFiles, openCorpus, type Corpus } from '../../engine/index/corpus';
import { INDEX_FILE } from '../../engine/index/index-format';
import { median, now, settle } from './util';

/** The index files served under `base`, read as the background reads its own. */
const httpFiles = (base: string) => fetchFiles((name) => base + name);

export interface CardResult {
  entities: number;
  /** Median over entities of each entity's median (entityCard + render), detached shadow root. */
  medianMs: number;
  maxMs: number;
  maxEntity: string;
  /** The very first card of the page (cold code). */
  firstMs: number;
  dataMs: number;
  renderMs: number;
  /** Same, attached to the document with style + layout forced (what the reader actually waits for). */
  attachedMedianMs: number;
  attachedMaxMs: number;
}

const noop = async () => {};

function props(card: HoverCardProps['card']): HoverCardProps {
  return {
    card,
    lang: 'ar',
    pinned: false,
    notes: [],
    onOpenArticle: () => {},
    onOpenEntity: () => {},
    onAddNote: noop,
    onEditNote: noop,
    onDeleteNote: noop,
    onUndoDelete: noop,
    onDisableSite: () => {},
    onClose: () => {},
  };
}

/** Every card reads its shard afresh (the caches are cleared first): the cost of a card no earlier card prepared. */
export async function cards(corpus: Corpus, entityIds: string[], reps = 5): Promise<CardResult> {
  await settle();
  const detached = makeHost(false);
  const attached = makeHost(true);
  let firstMs = NaN;
  const perEntity: { id: string; ms: number; data: number; render: number; attached: number }[] = [];
  for (const id of entityIds) {
    const runs: number[] = [];
    const data: number[] = [];
    const rend: number[] = [];
    const att: number[] = [];
    for (let r = 0; r < reps; r++) {
      forgetShards(corpus);
      const t0 = now();
      const card = await entityCard(corpus, id, null);
      const t1 = now();
      render(h(HoverCard, props(card)), detached.slot);
      const t2 = now();
      if (Number.isNaN(firstMs)) firstMs = t2 - t0;
      runs.push(t2 - t0);
      data.push(t1 - t0);
      rend.push(t2 - t1);
      render(null, detached.slot);

      forgetShards(corpus);
      const t3 = now();
      const card2 = await entityCard(corpus, id, null);
      render(h(HoverCard, props(card2)), attached.slot);
      attached.slot.getBoundingClientRect(); // style + layout of the card
      att.push(now() - t3);
      render(null, attached.slot);
    }
    perEntity.push({ id, ms: median(runs), data: median(data), render: median(rend), attached: median(att) });
  }
  attached.remove();
  detached.remove();
  const worst = perEntity.reduce((a, b) => (b.ms > a.ms ? b : a));
  return {
    entities: perEntity.length,
    medianMs: median(perEntity.map((e) => e.ms)),
    maxMs: worst.ms,
    maxEntity: worst.id,
    firstMs,
    dataMs: median(perEntity.map((e) => e.data)),
    renderMs: median(perEntity.map((e) => e.render)),
    attachedMedianMs: median(perEntity.map((e) => e.attached)),
    attachedMaxMs: Math.max(...perEntity.map((e) => e.attached)),
  };
}

function forgetShards(corpus: Corpus): void {
  corpus.cards.clear();
  corpus.texts.clear();
}

export async function cardsFromUrl(base: string, reps = 5, only?: number): Promise<CardResult> {
  const corpus = await openCorpus(httpFiles(base));
  let ids = corpus.gazetteer.entityIds;
  if (only) {
    // The busiest entities: the most mentions to choose from.
    ids = ids
      .map((id, e) => [id, corpus.mentionCounts[e]] as const)
      .sort((a, b) => b[1] - a[1])
      .slice(0, only)
      .map(([id]) => id);
  }
  return cards(corpus, ids, reps);
}

export interface LoadResult {
  /** index.bin */
  bytes: number;
  /** Waiting for index.bin's bytes (fetch). */
  readMs: number;
  /** Checking the bytes and viewing the tables (engine/index/corpus.ts openCorpus, minus the read). */
  parseMs: number;
  /** The alias index (background/ready-corpus.ts aliasIndexOf): what a page's first lookup waits for besides the open. */
  structureMs: number;
  /** index.bin's read, check and view and the alias index: what the background needs before it answers a lookup. */
  ms: number;
  /** The story file's read, inflate and check, and the story context (storyContextOf): once, on a page's first story match. */
  storyMs: number;
}

/** What background/corpus.ts's stages do (open index.bin, the alias index, the story context), timed in parts, median of reps. */
export async function loadIndex(base: string, reps: number): Promise<LoadResult> {
  const read: number[] = [];
  const parse: number[] = [];
  const structure: number[] = [];
  const story: number[] = [];
  let bytes = 0;
  for (let r = 0; r < reps; r++) {
    await settle();
    let readMs = 0;
    const files = httpFiles(base);
    const t0 = now();
    const corpus = await openCorpus(async (name) => {
      const t = now();
      const b = await files(name);
      readMs += now() - t;
      if (name === INDEX_FILE) bytes = b.length;
      return b;
    });
    const t1 = now();
    const indexReadMs = readMs;
    aliasIndexOf(corpus);
    const t2 = now();
    const stories = await storyContextOf(corpus);
    story.push(now() - t2);
    if (!stories.documentFrequency) throw new Error('no stories');
    read.push(indexReadMs);
    parse.push(t1 - t0 - indexReadMs);
    structure.push(t2 - t1);
  }
  return {
    bytes,
    readMs: median(read),
    parseMs: median(parse),
    structureMs: median(structure),
    ms: median(read.map((x, i) => x + parse[i] + structure[i])),
    storyMs: median(story),
  };
}
