// The mark session of one page: recognizes the corpus's entities in the page text and keeps the
// highlights in step with the page as it changes. Design note:
// - Reads the DOM, never writes it: text is collected once (engine/dom-text.ts), matched in slices
//   of ~8 k characters with a yield between slices (no long task of ours), visible slice first.
// - Dynamic pages: a MutationObserver collects changed nodes; after a quiet period only the blocks
//   that changed are scanned again — their old mentions dropped, new ones added — so nothing is
//   marked twice and nothing stays marked after its text is gone.
// - Hit testing for the hover card: a grid of the marks' rectangles (page/hit-grid.ts), measured
//   when idle; until it is ready, caretPositionFromPoint gives (text node, offset) and each text
//   node maps to the mentions that touch it.
import { collectText, isBlock, isSkipped, rangeFor, walkText, type PageText } from '../engine/dom-text';
import { prepareText, type PreparedText } from '../engine/matcher';
import type { PageEvidence } from '../engine/matcher';
import type { EntityType } from '../engine/types';
import type { Recognizer } from './recognizer';
import type { MarkStyle } from '../settings/settings';
import { chunkText, orderFrom, type Chunk } from './chunks';
import { Highlights, type MarkGroup } from './highlights';
import type { MentionLocator, PageMention } from './types';
import { drive, runSliced, SLICE_MS } from './yield';
import { probeTrack } from './test-probe';
import { caretAt } from './caret';
import { createHitGrid, onMention, type HitGrid } from './hit-grid';

export interface MarkOptions {
  root: Element;
  recognizer: Recognizer;
  style: MarkStyle;
  types: ReadonlySet<EntityType>;
  /** Entities with the reader's notes: marked in the "noted" style. */
  noted: ReadonlySet<string>;
  /** Our own UI host: never scanned. */
  exclude?: () => Element | null;
  /** After each scan (initial or incremental), with all current mentions. */
  onChange?: (mentions: PageMention[]) => void;
  debounceMs?: number;
}

interface Located {
  mention: PageMention;
  /** Offsets of the mention within this text node. */
  start: number;
  end: number;
}

export interface MarkSession extends MentionLocator {
  /** The element this session marks (a page that swaps <body> needs a new session). */
  readonly root: Element;
  start(): Promise<void>;
  setStyle(style: MarkStyle): void;
  setTypes(types: ReadonlySet<EntityType>): void;
  setNoted(noted: ReadonlySet<string>): void;
  /** Page text as last collected (story features). */
  text(): string;
  /** The page's joined text and its text nodes, collected now (anchoring passage notes). */
  pageText(): PageText;
  stop(): void;
}

export function createMarkSession(opts: MarkOptions): MarkSession {
  const highlights = new Highlights(opts.style);
  let types = opts.types;
  let noted = opts.noted;
  let mentions: PageMention[] = [];
  const byNode = new Map<Text, Located[]>();
  let nextId = 1;
  let stopped = false;
  let lastText = '';
  let observer: MutationObserver | null = null;
  let grid: HitGrid | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const dirty = new Set<Node>();
  const evidence: PageEvidence = { named: new Set(), rejected: 0 };

  const groupOf = (m: PageMention): MarkGroup | null =>
    noted.has(m.entityId) ? 'noted' : types.has(m.type) ? m.type : null;

  function addMention(entity: number, range: Range, page: PageText, start: number, end: number) {
    const gaz = opts.recognizer.gazetteer();
    const m: PageMention = {
      id: nextId++,
      entityId: gaz.entityIds[entity],
      type: gaz.entityTypes[entity],
      range,
    };
    mentions.push(m);
    const group = groupOf(m);
    if (group) highlights.add(group, range);
    // Index every text node the mention touches, with the part of it that lies in that node.
    for (const seg of page.segments) {
      const segEnd = seg.start + seg.node.data.length;
      if (segEnd <= start) continue;
      if (seg.start >= end) break;
      let list = byNode.get(seg.node);
      if (!list) byNode.set(seg.node, (list = []));
      list.push({
        mention: m,
        start: Math.max(start - seg.start, 0),
        end: Math.min(end - seg.start, seg.node.data.length),
      });
    }
  }

  function segmentsFrom(page: PageText, start: number, end: number): PageText {
    // Only the segments of one chunk, so indexing a mention never walks the whole page.
    let lo = 0;
    let hi = page.segments.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (page.segments[mid].start + page.segments[mid].node.data.length <= start) lo = mid + 1;
      else hi = mid;
    }
    let j = lo;
    while (j < page.segments.length && page.segments[j].start < end) j++;
    return { text: page.text, segments: page.segments.slice(lo, j) };
  }

  function matchChunk(page: PageText, chunk: Chunk, doc: Document, text: string, prepared: PreparedText) {
    const part = segmentsFrom(page, chunk.start, chunk.end);
    const before = evidence.rejected;
    for (const found of opts.recognizer.match(text, evidence, prepared)) {
      const start = chunk.start + found.start;
      const end = chunk.start + found.end;
      const range = rangeFor(doc, part.segments, start, end);
      if (range) addMention(found.entity, range, part, start, end);
    }
    return evidence.rejected > before;
  }

  /** Collects and matches the text under `root`, in slices, visible slice first. */
  async function scan(root: Node): Promise<void> {
    const doc = root.ownerDocument ?? document;
    const page = await drive(walkText(root, opts.exclude?.()));
    if (stopped) return;
    const chunks = chunkText(page.text);
    const order = orderFrom(chunks.length, visibleChunk(page, chunks, doc));
    // Each chunk is normalized once; its words tell which aliases to ask the background for. Two
    // requests at most: the visible chunk's (marked at once), then everything else's together.
    const prepared = new Map<number, { text: string; p: PreparedText }>();
    const prepare = (i: number) => {
      const text = page.text.slice(chunks[i].start, chunks[i].end);
      prepared.set(i, { text, p: prepareText(text) });
    };
    const retry: number[] = [];
    const match = (i: number) => {
      const c = prepared.get(i)!;
      if (matchChunk(page, chunks[i], doc, c.text, c.p)) retry.push(i);
    };
    const [first, ...rest] = order;
    if (first === undefined) return;
    prepare(first);
    await opts.recognizer.learn(opts.recognizer.unseen(prepared.get(first)!.p));
    if (stopped) return;
    match(first);
    const fresh: string[] = [];
    await runSliced(
      rest,
      (i) => {
        prepare(i);
        for (const k of opts.recognizer.unseen(prepared.get(i)!.p)) fresh.push(k);
      },
      SLICE_MS,
      () => stopped,
    );
    await opts.recognizer.learn(fresh);
    const namedBefore = evidence.named.size;
    await runSliced(rest, match, SLICE_MS, () => stopped);
    // A slice that dropped an ambiguous name may find its evidence in a later slice: match it again.
    if (retry.length && evidence.named.size > namedBefore) {
      const again = retry.splice(0);
      for (const i of again) dropWithin(chunks[i], page);
      await runSliced(again, match, SLICE_MS, () => stopped);
    }
    if (root === opts.root) lastText = page.text;
  }

  function dropWithin(chunk: Chunk, page: PageText) {
    const nodes = new Set(segmentsFrom(page, chunk.start, chunk.end).segments.map((s) => s.node));
    removeWhere((m) => nodes.has(m.range.startContainer as Text));
  }

  function removeWhere(pred: (m: PageMention) => boolean) {
    const keep: PageMention[] = [];
    const gone = new Set<PageMention>();
    for (const m of mentions) {
      if (pred(m)) {
        gone.add(m);
        const group = groupOf(m);
        if (group) highlights.delete(group, m.range);
      } else keep.push(m);
    }
    if (!gone.size) return;
    mentions = keep;
    for (const [node, list] of byNode) {
      const rest = list.filter((l) => !gone.has(l.mention));
      if (rest.length) byNode.set(node, rest);
      else byNode.delete(node);
    }
  }

  /** The chunk under the middle of the viewport: one hit test, no forced layout of ours. */
  function visibleChunk(page: PageText, chunks: Chunk[], doc: Document): number {
    const view = doc.defaultView;
    if (!view || chunks.length < 2) return 0;
    const caret = caretAt(doc, view.innerWidth / 2, view.innerHeight / 2);
    if (!caret) return 0;
    const seg = page.segments.find((s) => s.node === caret.node);
    if (!seg) return 0;
    const offset = seg.start + caret.offset;
    return Math.max(
      0,
      chunks.findIndex((c) => offset >= c.start && offset < c.end),
    );
  }

  function sortMentions() {
    mentions.sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
  }

  // ---- dynamic pages ----
  function observe() {
    observer = new MutationObserver((records) => {
      const host = opts.exclude?.();
      for (const r of records) {
        if (host && (r.target === host || host.contains(r.target))) continue;
        dirty.add(r.target);
      }
      if (dirty.size) schedule();
    });
    observer.observe(opts.root, { childList: true, characterData: true, subtree: true });
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(() => void rescanDirty(), opts.debounceMs ?? 250);
  }

  async function rescanDirty() {
    if (stopped) return;
    // Mentions whose text left the page, or whose text node changed, go first.
    removeWhere(
      (m) =>
        !m.range.startContainer.isConnected ||
        !m.range.endContainer.isConnected ||
        m.range.collapsed ||
        dirty.has(m.range.startContainer) ||
        dirty.has(m.range.endContainer),
    );
    const blocks = blocksOf([...dirty]);
    dirty.clear();
    for (const block of blocks) {
      removeWhere((m) => block.contains(m.range.startContainer));
      // A block inside an editor, a form control or hidden content is no more ours than its parent.
      if (!insideSkipped(block, opts.root)) await scan(block);
    }
    lastText = (await drive(walkText(opts.root, opts.exclude?.()))).text;
    sortMentions();
    grid?.invalidate();
    opts.onChange?.(mentions);
  }

  /** The nearest block ancestors of changed nodes, without nesting (an outer block covers inner ones). */
  function blocksOf(nodes: Node[]): Element[] {
    const found = new Set<Element>();
    for (const n of nodes) {
      if (!n.isConnected || !opts.root.contains(n)) continue;
      let el: Element | null = n.nodeType === 1 ? (n as Element) : n.parentElement;
      while (el && el !== opts.root && !isBlock(el)) el = el.parentElement;
      found.add(el ?? opts.root);
    }
    return [...found].filter((el) => ![...found].some((other) => other !== el && other.contains(el)));
  }

  function regroup(change: () => void) {
    for (const m of mentions) {
      const g = groupOf(m);
      if (g) highlights.delete(g, m.range);
    }
    change();
    for (const m of mentions) {
      const g = groupOf(m);
      if (g) highlights.add(g, m.range);
    }
  }

  const session: MarkSession = {
    root: opts.root,
    async start() {
      // Observe first: content rendered while (or just after) the page is scanned is not missed.
      observe();
      await scan(opts.root);
      sortMentions();
      if (stopped) return;
      const win = opts.root.ownerDocument.defaultView;
      if (win) grid = createHitGrid(win, () => mentions);
      opts.onChange?.(mentions);
    },
    setStyle(style) {
      highlights.setStyle(style);
    },
    setTypes(next) {
      regroup(() => (types = next));
    },
    setNoted(next) {
      regroup(() => (noted = next));
    },
    text: () => lastText,
    pageText: () => collectText(opts.root, opts.exclude?.()),
    at(x, y) {
      const fast = grid?.at(x, y);
      if (fast !== undefined) return fast && groupOf(fast) ? fast : null;
      const doc = opts.root.ownerDocument;
      const caret = caretAt(doc, x, y);
      if (!caret) return null;
      const list = byNode.get(caret.node as Text);
      if (!list) return null;
      for (const l of list) {
        if (caret.offset < l.start || caret.offset > l.end) continue;
        if (!groupOf(l.mention)) continue;
        // caretPositionFromPoint snaps to the nearest caret even beside the text: confirm the point is on it.
        if (onMention(l.mention, x, y)) return l.mention;
      }
      return null;
    },
    all: () => mentions.filter((m) => groupOf(m)),
    within: (el) => mentions.filter((m) => groupOf(m) && el.contains(m.range.startContainer)),
    stop() {
      stopped = true;
      grid?.destroy();
      clearTimeout(timer);
      observer?.disconnect();
      highlights.clear();
      mentions = [];
      byNode.clear();
      if (__HASHIYA_TEST__) probeTrack.untrackSession(session);
    },
  };
  if (__HASHIYA_TEST__) probeTrack.session(session);
  return session;
}

function insideSkipped(el: Element, root: Element): boolean {
  for (let a = el.parentElement; a && a !== root; a = a.parentElement) if (isSkipped(a)) return true;
  return el !== root && isSkipped(el);
}
