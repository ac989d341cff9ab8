// The figures bench/run.ts collects, as the report's sections read them.
import type { StoryFigures } from '../story';
import type { CardResult } from '../browser/card';
import type { CorpusScaleResult } from '../corpus-scale';

export interface Stat {
  /** Median over runs; NaN when nothing was measured. */
  median: number;
  runs: number;
}

export interface CellFigures {
  page: string;
  pageLabel: string;
  gaz: string;
  gazLabel: string;
  terms: number;
  gazEntries: number;
  hashiya: Stat;
  /** Alias lookups sent to the (stand-in) background per run, keys sent, aliases shipped to the page. */
  lookups: number;
  lookupKeys: number;
  lookupAliases: number;
  /** Sums per run: waiting for answers (wall), the background's work, the page's JSON work. */
  lookupWait: Stat;
  lookupWork: Stat;
  lookupJson: Stat;
  /** The background's alias index build, once per background lifetime (not in the page's time). */
  indexBuild: Stat;
  frame: Stat;
  marks: number;
  floor: Stat;
  register: Stat;
  longestSlice: Stat;
  /** Per run the longer of our longest slice and the longest 'longtask' entry; median over runs. */
  longestTask: Stat;
  /** Our own main-thread time (sum of slices). */
  busy: Stat;
  firstSlice: Stat;
  slices: number;
  longTasks: number;
  longestLongTask: number;
  markjs: Record<'exactly' | 'partially', MarkjsFigures>;
  /** session.at() right after marking, and once the page has been idle a while (the steady state). */
  pointer: PointerFigures | null;
  pointerSettled: PointerFigures | null;
}

export interface PointerFigures {
  gridUs: number;
  hitUs: number;
  maxUs: number;
  caretUs: number;
  hits: number;
  found: number;
  resUs: number;
}

export interface MarkjsFigures {
  stat: Stat;
  marks: number;
  /** 'over' = over the time limit; 'skipped' = a smaller alias list was already over; 'not run'; 'error: …'. */
  status: 'ok' | 'over' | 'skipped' | string;
}

export interface PageInfo {
  id: string;
  label: string;
  htmlBytes: number;
  textBytes: number;
  chars: number;
  textNodes: number;
}

export type CardFigures = CardResult & { label: string };

/** What bench/corpus-scale.ts measured in Node, with the load measured in Chromium. */
export interface CorpusFigures extends Omit<CorpusScaleResult, 'files'> {
  /** A real-slice row (bench/real-corpus.ts): its label, shards before gzip, peak memory. */
  label?: string;
  shardJsonBytes?: number;
  storyRawBytes?: number;
  peakRssBytes?: number;
  readMs: number;
  parseMs: number;
  structureMs: number;
  loadMs: number;
  storyMs: number;
}

export interface QualityFigures {
  who: string;
  tp: number;
  fp: number;
  fn: number;
  perPage: { page: string; p: number; r: number }[];
}

export interface Results {
  smoke: boolean;
  runs: number;
  limitMs: number;
  chromium: string;
  startedAt: Date;
  elapsedMs: number;
  /** Commit measured (and uncommitted source changes, if any). */
  code: string;
  /** 1-minute load average at the start and at the end of the run. */
  load: [number, number];
  pages: PageInfo[];
  cells: CellFigures[];
  headline: { page: string; aliases: number };
  floorHeadline: { page: string; aliases: number };
  growth: { page: string; from: number; to: number };
  cards: CardFigures[];
  bundle: { file: string; bytes: number; gzipBytes: number; builtAt: string };
  corpus: CorpusFigures[];
  quality: QualityFigures[];
  /** Same story at corpus scale (bench/story.ts, Node). */
  story: StoryFigures;
}
