// The recognizer over a real collection, counted so that the next class of false marks and misses
// shows itself (issue 11.5). Pure: records in, statistics out; cli/corpus-audit.ts reads and prints.
//
// Marks are what the extension would mark on the record's text (recordText: title, line break,
// content): matcher.match with page evidence, then matcher.decide for ambiguous names the rest of the
// page vouched for (the decided mention replaces the shorter fallback emitted at its place).
// Unmarked candidates are the words a mark could have been expected on: a token whose normalized form
// contains the first token of one of an entity's aliases (the alias itself when it is one word), and
// that no mark covers. They over-count on purpose (الإيراني contains ايران): they are for judging.
import { createMatcher, prepareText } from '../engine/match/matcher';
import { recognizeText } from '../engine/match/recognize-text';
import { normalizeKey, sourceOffset } from '../engine/text/normalize';
import type { Gazetteer } from '../engine/types';
import { recordText, type NewsRecord } from './collections/record';

export interface AuditMark {
  file: string;
  index: number;
  start: number;
  end: number;
  entity: number;
  surface: string;
}

export interface AuditCandidate {
  file: string;
  index: number;
  start: number;
  end: number;
  entity: number;
  word: string;
}

export interface AliasStats {
  /** The marked surface form, normalized (normalizeKey): clitics stay, so وإيران and إيران are two rows. */
  alias: string;
  count: number;
  /** Entity index → how often this form was marked as it. */
  entities: Map<number, number>;
  left: Map<string, number>;
  right: Map<string, number>;
  contexts: string[];
}

export interface EntityStats {
  marks: number;
  /** Normalized unmarked word → count. */
  unmarked: Map<string, number>;
}

export interface Audit {
  articles: number;
  chars: number;
  /** Milliseconds spent recognizing (prepareText, match, decide): the recognizer's throughput. */
  matchMs: number;
  marks: AuditMark[];
  candidates: AuditCandidate[];
  aliases: Map<string, AliasStats>;
  entities: EntityStats[];
}

const CONTEXTS = 3;
/** Letters the first word of a multi-word name needs to count as a key for unmarked candidates. */
export const MIN_FIRST_WORD = 4;
const CONTEXT_CHARS = 40;

/** One line of context around [start, end): line breaks and tabs shown as spaces. */
export const oneLine = (s: string) => s.replace(/[\t\n\r]/g, ' ');

export interface AuditorOptions {
  /** Only single-word names are keys for unmarked candidates, not first words of longer ones. */
  singleWordNames?: boolean;
}

export function createAuditor(gazetteer: Gazetteer, options: AuditorOptions = {}) {
  const matcher = createMatcher(gazetteer);
  const entityCount = gazetteer.entityIds.length;
  // Single-word alias, or first token of a longer one → the entities it names. A short first word
  // (علي of علي خامنئي, جو of جو بايدن, اي of آي إف بي) is left out: it is inside a third of all
  // words and would drown the sample in items that are plainly not mentions.
  const keys = new Map<string, Set<number>>();
  for (const a of gazetteer.aliases) {
    if (!a.tokens.length || a.entity < 0) continue; // -1: a non-entity phrase
    if (a.tokens.length > 1 && (options.singleWordNames || a.tokens[0].length < MIN_FIRST_WORD)) continue;
    const set = keys.get(a.tokens[0]) ?? new Set<number>();
    set.add(a.entity);
    keys.set(a.tokens[0], set);
  }
  const keyList = [...keys];
  // Real text repeats its vocabulary: each distinct token is tested against the keys once.
  const containing = new Map<string, number[]>();
  const entitiesIn = (token: string): number[] => {
    let found = containing.get(token);
    if (found === undefined) {
      const set = new Set<number>();
      for (const [key, entities] of keyList) if (token.includes(key)) for (const e of entities) set.add(e);
      found = [...set].sort((a, b) => a - b);
      containing.set(token, found);
    }
    return found;
  };

  const audit: Audit = {
    articles: 0,
    chars: 0,
    matchMs: 0,
    marks: [],
    candidates: [],
    aliases: new Map(),
    entities: Array.from({ length: entityCount }, () => ({ marks: 0, unmarked: new Map() })),
  };
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);

  function add(record: NewsRecord): void {
    const text = recordText(record);
    const t0 = performance.now();
    const prepared = prepareText(text); // normalization and tokens: part of what recognition costs
    const marks = recognizeText(matcher, text, record.date, prepared);
    audit.matchMs += performance.now() - t0;
    audit.articles++;
    audit.chars += text.length;

    const { norm, shifts, starts, ends, count } = prepared;
    // Token k spans [from(k), to(k)) of the original text.
    const from = (k: number) => sourceOffset(shifts, starts[k]);
    const to = (k: number) => sourceOffset(shifts, ends[k] - 1) + 1;
    const tokenAt = (k: number) => norm.slice(starts[k], ends[k]);

    let k = 0; // first token not yet known to end before the current mark
    for (const m of marks) {
      audit.entities[m.entity].marks++;
      audit.marks.push({
        file: record.file,
        index: record.index,
        start: m.start,
        end: m.end,
        entity: m.entity,
        surface: m.surface,
      });
      const alias = normalizeKey(m.surface);
      let s = audit.aliases.get(alias);
      if (!s)
        audit.aliases.set(
          alias,
          (s = { alias, count: 0, entities: new Map(), left: new Map(), right: new Map(), contexts: [] }),
        );
      s.count++;
      s.entities.set(m.entity, (s.entities.get(m.entity) ?? 0) + 1);
      while (k < count && to(k) <= m.start) k++;
      if (k > 0) bump(s.left, tokenAt(k - 1));
      let r = k;
      while (r < count && from(r) < m.end) r++;
      if (r < count) bump(s.right, tokenAt(r));
      if (s.contexts.length < CONTEXTS)
        // For reading, not for offsets: whitespace runs (a page's blank lines) shown as one space.
        s.contexts.push(
          `${text.slice(Math.max(0, m.start - CONTEXT_CHARS), m.start)}[${m.surface}]${text.slice(m.end, m.end + CONTEXT_CHARS)}`
            .replace(/\s+/g, ' ')
            .trim(),
        );
    }

    let next = 0; // marks are sorted and do not overlap
    for (let t = 0; t < count; t++) {
      const a = from(t);
      const b = to(t);
      while (next < marks.length && marks[next].end <= a) next++;
      if (next < marks.length && marks[next].start < b) continue; // covered by a mark
      const token = tokenAt(t);
      for (const e of entitiesIn(token)) {
        bump(audit.entities[e].unmarked, token);
        audit.candidates.push({
          file: record.file,
          index: record.index,
          start: a,
          end: b,
          entity: e,
          word: text.slice(a, b),
        });
      }
    }
  }

  return { add, audit };
}

/** mulberry32: a small seeded PRNG, so that the same seed draws the same sample. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** n items drawn without replacement, in draw order (a partial Fisher–Yates shuffle of the indexes). */
export function sample<T>(items: readonly T[], n: number, seed: number): T[] {
  const random = mulberry32(seed);
  const idx = items.map((_, i) => i);
  const take = Math.min(n, idx.length);
  for (let i = 0; i < take; i++) {
    const j = i + Math.floor(random() * (idx.length - i));
    [idx[i], idx[j]] = [idx[j], idx[i]];
  }
  return idx.slice(0, take).map((i) => items[i]);
}
