// Hover card work after the dwell delay (background/cards.ts entityCard on the index + rendering
// components/card/HoverCard.tsx with Preact into a shadow root), and index load time
// (JSON.parse of the index file + the structure the background builds from it).
import { h, render } from 'preact';
import { entityCard } from '../../background/cards';
import { HoverCard, type HoverCardProps } from '../../components/card/HoverCard';
import { CARD_CSS } from '../../components/card/card.css';
import { storyContext } from '../../engine/annotate';
import type { CorpusIndex } from '../../engine/index-format';
import { median, now, settle } from './util';

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

function makeHost(attached: boolean): { slot: HTMLElement; remove(): void } {
  const host = document.createElement('hashiya-ui');
  const shadow = host.attachShadow({ mode: 'closed' });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(CARD_CSS);
  shadow.adoptedStyleSheets = [sheet];
  const slot = document.createElement('div');
  shadow.append(slot);
  if (attached) document.documentElement.append(host);
  return { slot, remove: () => host.remove() };
}

export async function cards(index: CorpusIndex, entityIds: string[], reps = 5): Promise<CardResult> {
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
      const t0 = now();
      const card = entityCard(index, id, null);
      const t1 = now();
      render(h(HoverCard, props(card)), detached.slot);
      const t2 = now();
      if (Number.isNaN(firstMs)) firstMs = t2 - t0;
      runs.push(t2 - t0);
      data.push(t1 - t0);
      rend.push(t2 - t1);
      render(null, detached.slot);

      const t3 = now();
      const card2 = entityCard(index, id, null);
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

export async function cardsFromUrl(url: string, reps = 5, only?: number): Promise<CardResult> {
  const index = JSON.parse(await (await fetch(url)).text()) as CorpusIndex;
  let ids = index.gazetteer.entityIds;
  if (only) {
    // The busiest entities: the most mentions to gather and sort.
    ids = ids
      .map((id, e) => [id, index.mentions[e]?.length ?? 0] as const)
      .sort((a, b) => b[1] - a[1])
      .slice(0, only)
      .map(([id]) => id);
  }
  return cards(index, ids, reps);
}

export interface LoadResult {
  bytes: number;
  parseMs: number;
  structureMs: number;
  ms: number;
}

/** JSON.parse of the index file + storyContext (what the background derives from it), median of reps. */
export async function loadIndex(url: string, reps: number): Promise<LoadResult> {
  const text = await (await fetch(url)).text();
  const parse: number[] = [];
  const structure: number[] = [];
  for (let r = 0; r < reps; r++) {
    await settle();
    const t0 = now();
    const index = JSON.parse(text) as CorpusIndex;
    const t1 = now();
    const ctx = storyContext(index);
    const t2 = now();
    if (!ctx.fingerprints) throw new Error('no stories');
    parse.push(t1 - t0);
    structure.push(t2 - t1);
  }
  return {
    bytes: text.length,
    parseMs: median(parse),
    structureMs: median(structure),
    ms: median(parse.map((p, i) => p + structure[i])),
  };
}
