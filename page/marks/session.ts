// The mark session of one page: recognizes the corpus's entities in the page text and keeps the
// highlights in step with the page as it changes. Design note:
// - Reads the DOM, never writes it: text is collected once (engine/text/dom-text.ts), matched in slices
//   of a few thousand characters with a yield between slices (no long task of ours), visible slice
//   first. An ambiguous name whose evidence turns up in a later slice is settled at the end
//   (engine/match/matcher.ts `decide`), without matching any slice again.
// - Only mentions near the viewport are registered as highlights (page/marks/visible-marks.ts says why).
// - Dynamic pages: a MutationObserver collects changed nodes; after a quiet period only the blocks
//   that changed are scanned again — their old mentions dropped, new ones added — so nothing is
//   marked twice and nothing stays marked after its text is gone.
// - Hit testing for the hover card: a grid of the marks' rectangles (page/marks/hit-grid.ts), measured
//   when idle; until it is ready, caretPositionFromPoint gives (text node, offset) and each text
//   node maps to the mentions that touch it.
import { boundsFor, collectText, walkText, type PageText, type SkipFn } from '../../engine/text/dom-text';
import { pageEvidence, prepareText, type PreparedText } from '../../engine/match/matcher';
import { warmNormalizer } from '../../engine/text/normalize';
import type { EntityType, Mention } from '../../engine/types';
import type { Recognizer } from './recognizer';
import type { MarkStyle } from '../../settings/settings';
import { chunkText, orderFrom, type Chunk } from './chunks';
import { Highlights, type MarkGroup } from './highlights';
import { MentionIndex } from './mention-index';
import { LazyMention } from './lazy-mention';
import { VisibleMarks } from './visible-marks';
import type { MentionLocator, PageMention } from '../types';
import { drive, runSliced, SLICE_MS, yieldToPage } from './yield';
import { caretAt } from './caret';
import { createHitGrid, onMention, type HitGrid } from './hit-grid';
import { blocksOf, insideSkipped } from './changed-blocks';

export interface MarkOptions {
  root: Element;
  recognizer: Recognizer;
  style: MarkStyle;
  types: ReadonlySet<EntityType>;
  /** Entities with the reader's notes: marked in the "noted" style. */
  noted: ReadonlySet<string>;
  /** Our own UI host: never scanned. */
  exclude?: () => Element | null;
  /** The page's publication date (ISO, from its metadata): names of entities that began later are not its. */
  published?: string | null;
  /** Elements whose subtree is not marked: outside the article, or its chrome (engine/text/article-scope.ts). */
  skip?: SkipFn;
  /** Steps of a scan: the text walked, the first lookup answered, the visible part's aliases
   *  learned, each mention added (an observer hook: the E2E build times them). */
  onStep?: (step: 'walked' | 'primed' | 'learned' | 'firstMark') => void;
  /** After each scan (initial or incremental), with all current mentions. */
  onChange?: (mentions: PageMention[]) => void;
  debounceMs?: number;
}

export interface MarkSession extends MentionLocator {
  /** The element this session marks (a page that swaps <body> needs a new session). */
  readonly root: Element;
  start(): Promise<void>;
  setStyle(style: MarkStyle): void;
  setTypes(types: ReadonlySet<EntityType>): void;
  setNoted(noted: ReadonlySet<string>): void;
  /** The marked text (the article) as last collected (story features). */
  text(): string;
  /** The whole page's joined text and its text nodes, collected now (anchoring passage notes, which may sit anywhere). */
  pageText(): PageText;
  stop(): void;
}

export function createMarkSession(opts: MarkOptions): MarkSession {
  const highlights = new Highlights(opts.style);
  const painted = new VisibleMarks(highlights);
  let types = opts.types;
  let noted = opts.noted;
  const mentions = new MentionIndex<LazyMention>();
  let nextId = 1;
  let stopped = false;
  let lastText = '';
  let observer: MutationObserver | null = null;
  let grid: HitGrid | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const dirty = new Set<Node>();
  /** Scans run one after another (a rescan waits for the scan before it), so no two add mentions for the same text. */
  let scanning: Promise<void> = Promise.resolve();
  const evidence = pageEvidence(opts.published ?? null);

  const groupOf = (m: PageMention): MarkGroup | null =>
    noted.has(m.entityId) ? 'noted' : types.has(m.type) ? m.type : null;

  function addMention(found: Mention, offset: number, page: PageText): LazyMention | null {
    const start = offset + found.start;
    const end = offset + found.end;
    const at = boundsFor(page.segments, start, end);
    if (!at) return null;
    const gaz = opts.recognizer.gazetteer();
    const m = new LazyMention(nextId++, gaz.entityIds[found.entity], gaz.entityTypes[found.entity], at);
    mentions.add(m, page.segments, start, end);
    opts.onStep?.('firstMark');
    painted.show(m, groupOf(m), at.startNode);
    return m;
  }

  function removeMentions(gone: Set<LazyMention>) {
    for (const m of gone) painted.hide(m);
    mentions.remove(gone);
  }

  /** Collects and matches the text under `root`, in slices, visible slice first. */
  async function scan(root: Node): Promise<void> {
    const doc = root.ownerDocument ?? document;
    const primed = opts.recognizer.prime(); // answered while the text is read
    await yieldToPage(); // finding the article (page/marks/scope.ts) was a task of its own: the walk starts a new one
    const page = await drive(walkText(root, opts.exclude?.(), opts.skip));
    opts.onStep?.('walked');
    // The walk may have used its whole slice (its last step joins the text): what follows starts a
    // new one, whether the primer's answer is already here or comes later, in a task of its own.
    await yieldToPage();
    if (stopped) return;
    await primed;
    opts.onStep?.('primed');
    if (stopped) return;
    // The normalizer's tables, built once per page (several milliseconds, cold): slices of their own.
    if (await drive(warmNormalizer())) await yieldToPage();
    if (stopped) return;
    const chunks = chunkText(page.text);
    const order = orderFrom(chunks.length, visibleChunk(page, chunks, doc));
    // Where the viewport is costs a hit test, the page's first layout if it has none yet: a slice of its own.
    await yieldToPage();
    if (stopped) return;
    // Each chunk is normalized once; its words tell which aliases to ask the background for. Two
    // requests after the primer: the visible chunk's (marked at once), then everything else's.
    const prepared = new Map<number, PreparedText>();
    const prepare = (i: number) => prepared.set(i, prepareText(page.text.slice(chunks[i].start, chunks[i].end)));
    const byStart = new Map<number, LazyMention>();
    const match = (i: number) => {
      const { start, end } = chunks[i];
      const undecided = evidence.undecided.length;
      for (const found of opts.recognizer.match(page.text.slice(start, end), evidence, prepared.get(i))) {
        const m = addMention(found, start, page);
        if (m) byStart.set(start + found.start, m);
      }
      for (const u of evidence.undecided.slice(undecided)) {
        u.mention.start += start;
        u.mention.end += start;
      }
      prepared.delete(i);
    };
    const [first, ...rest] = order;
    if (first === undefined) return;
    prepare(first);
    await yieldToPage(); // the first run of the engine's code is cold: normalizing and keying in two slices
    if (stopped) return;
    const visible = prepared.get(first)!;
    // The visible chunk's aliases are asked for, and while they come the rest is read and its keys
    // asked for in a second request: the page waits on the background's round trip (tens of
    // milliseconds in Firefox) once, not twice. The visible chunk is marked in the first slice after
    // its answer. Unprimed (the primer failed), the first answer names the crowded words the rest's
    // keys depend on: then one request after the other, as the rest is read after that answer.
    let visibleMarked = false;
    const markVisible = () => {
      if (visibleMarked) return;
      visibleMarked = true;
      opts.onStep?.('learned');
      match(first);
    };
    // This slice began here: asking for the visible chunk's aliases (cold code, a request made) is
    // its first work, counted in the budget of the reading that follows in it (it ran 1–3 ms past it).
    const sliceBegun = performance.now();
    const overlap = opts.recognizer.primed();
    let visibleAnswered = false;
    const askedVisible = opts.recognizer.learn(opts.recognizer.unseen(visible), [visible]);
    askedVisible.then(
      () => {
        visibleAnswered = true;
      },
      () => {}, // awaited below, where a failure ends the scan as before
    );
    if (!overlap) {
      await askedVisible;
      if (stopped) return;
      markVisible();
      // The answer's merging and the visible part's marks were this slice's work: the rest starts a new one.
      await yieldToPage();
      if (stopped) return;
    }
    const fresh: string[] = [];
    await runSliced(
      rest,
      (i) => {
        prepare(i);
        for (const k of opts.recognizer.unseen(prepared.get(i)!)) fresh.push(k);
      },
      SLICE_MS,
      () => stopped,
      () => visibleAnswered && markVisible(),
      overlap ? sliceBegun : performance.now(),
    );
    if (stopped) return;
    const askedRest = opts.recognizer.learn(fresh);
    askedRest.catch(() => {}); // awaited below
    await askedVisible;
    if (stopped) return;
    if (!visibleMarked) {
      // The answer came while the last chunks were read, or after: merging it was work of its
      // task, and the reading may have used this slice. Marking the visible chunk (its first
      // matching, cold code: 2–5 ms) starts a slice of its own.
      await yieldToPage();
      if (stopped) return;
      markVisible();
      await yieldToPage();
      if (stopped) return;
    }
    await askedRest;
    await yieldToPage(); // merging the answer (a new matcher) was this slice's work
    if (stopped) return;
    await runSliced(rest, match, SLICE_MS, () => stopped);
    await yieldToPage(); // the last chunks may have filled the slice: what settles the page starts a new one
    if (stopped) return;
    // Ambiguous names that a later slice gave evidence for: in place of their fallback, if any.
    const gone = new Set<LazyMention>();
    for (const { mention, fallback } of opts.recognizer.decide(evidence)) {
      const replaced = fallback && byStart.get(mention.start);
      if (replaced) gone.add(replaced);
      addMention(mention, 0, page);
    }
    removeMentions(gone);
    evidence.undecided = [];
    mentions.commit();
    if (root === opts.root) lastText = page.text;
  }

  function removeWhere(pred: (m: LazyMention) => boolean) {
    removeMentions(new Set(mentions.list.filter(pred)));
  }

  /** The chunk under the middle of the viewport: one hit test, no forced layout of ours. On a page
   *  not scrolled (a page just opened) the first chunk is the one to mark first: the top of the text
   *  is what the reader sees, or the first of it to come into view. The hit test is then skipped: on
   *  the 1 MB bench page it took 5 ms (Chromium hit-tests a long flow of text line by line). */
  function visibleChunk(page: PageText, chunks: Chunk[], doc: Document): number {
    const view = doc.defaultView;
    if (!view || chunks.length < 2) return 0;
    if (view.scrollY === 0 && view.scrollX === 0) return 0;
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
    timer = setTimeout(() => {
      scanning = scanning.then(rescanDirty, rescanDirty);
    }, opts.debounceMs ?? 250);
  }

  async function rescanDirty() {
    if (stopped) return;
    // Mentions whose text left the page, or whose text node changed, go first.
    removeWhere((m) => m.stale(dirty));
    const blocks = blocksOf(opts.root, [...dirty]);
    dirty.clear();
    const changed = new Set<Node>(blocks);
    removeWhere((m) => {
      for (let n: Node | null = m.start; n; n = n.parentNode) if (changed.has(n)) return true;
      return false;
    });
    for (const block of blocks) {
      // A block inside an editor, a form control or hidden content is no more ours than its parent.
      if (!insideSkipped(block, opts.root, opts.skip)) await scan(block);
    }
    lastText = (await drive(walkText(opts.root, opts.exclude?.(), opts.skip))).text;
    grid?.invalidate();
    opts.onChange?.(mentions.list);
  }

  function regroup(change: () => void) {
    change();
    painted.regroup(groupOf);
  }

  const session: MarkSession = {
    root: opts.root,
    async start() {
      // Observe first: content rendered while (or just after) the page is scanned is not missed.
      observe();
      await (scanning = scan(opts.root));
      if (stopped) return;
      const win = opts.root.ownerDocument.defaultView;
      if (win) grid = createHitGrid(win, () => mentions.list);
      opts.onChange?.(mentions.list);
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
      for (const l of mentions.inNode(caret.node as Text)) {
        if (caret.offset < l.start || caret.offset > l.end) continue;
        if (!groupOf(l.mention)) continue;
        // caretPositionFromPoint snaps to the nearest caret even beside the text: confirm the point is on it.
        if (onMention(l.mention, x, y)) return l.mention;
      }
      return null;
    },
    all: () => mentions.list.filter((m) => groupOf(m)),
    within: (el) => mentions.list.filter((m) => groupOf(m) && el.contains(m.start)),
    stop() {
      stopped = true;
      grid?.destroy();
      clearTimeout(timer);
      observer?.disconnect();
      painted.clear();
      mentions.clear();
    },
  };
  return session;
}
