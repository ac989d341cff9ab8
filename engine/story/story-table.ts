// The corpus's story fingerprints as columns: one values array per field and per-article offsets
// into it (row i is values[offsets[i]] … values[offsets[i + 1] - 1]). This is how index.bin stores
// them and how the scorer reads them, so loading 10,000 fingerprints builds no objects at all.
import { packUints } from '../index/index-container';
import type { Uints } from '../index/index-format';
import type { StoryFingerprint } from './story';
import { packShingles, type ShingleTable } from './story-content';

/** Fingerprint columns, and the word-shingle index (story-content.ts) same-story-by-content reads. */
export interface StoryTable extends ShingleTable {
  /** Distinct languages; articleLang indexes it. */
  langs: string[];
  articleLang: Uints;
  entityOffsets: Uints;
  entities: Uints;
  /** Distinct date keys, sorted; `dates` indexes it. */
  dateKeys: string[];
  dateOffsets: Uints;
  dates: Uints;
  /** Distinct numbers, sorted; `numbers` indexes it. */
  numberKeys: string[];
  numberOffsets: Uints;
  numbers: Uints;
  termOffsets: Uints;
  termHashes: Uints;
  /** Distinct term weights (rounded to 3 decimals by extractFeatures, so few); termWeights indexes it. */
  weights: number[];
  termWeights: Uints;
  /** Per article: the length of its term vector, Math.hypot of its weights as the scorer computed it. */
  termNorms: Float64Array;
  /** Per article: its title's words (StoryFingerprint.title). */
  titleOffsets: Uints;
  titleWords: Uints;
}

/** Packs fingerprints (the compiler's, or a test's) into a table. */
export function packStories(fingerprints: StoryFingerprint[]): StoryTable {
  const distinct = (values: string[]) => [...new Set(values)].sort();
  const langs = distinct(fingerprints.map((f) => f.lang));
  const dateKeys = distinct(fingerprints.flatMap((f) => f.dates));
  const numberKeys = distinct(fingerprints.flatMap((f) => f.numbers));
  const weights = [...new Set(fingerprints.flatMap((f) => f.terms.map(([, w]) => w)))].sort((a, b) => a - b);
  const column = <T>(rows: T[][], value: (x: T) => number, what: string) => {
    const offsets = [0];
    const values: number[] = [];
    for (const row of rows) {
      for (const x of row) values.push(value(x));
      offsets.push(values.length);
    }
    return [packUints(offsets, `${what} offsets`), packUints(values, what)];
  };
  const indexIn = <K>(keys: K[]) => {
    const at = new Map(keys.map((k, i) => [k, i]));
    return (k: K) => at.get(k)!;
  };
  const [entityOffsets, entities] = column(
    fingerprints.map((f) => f.entities),
    (e) => e,
    'story entities',
  );
  const [dateOffsets, dates] = column(
    fingerprints.map((f) => f.dates),
    indexIn(dateKeys),
    'story dates',
  );
  const [numberOffsets, numbers] = column(
    fingerprints.map((f) => f.numbers),
    indexIn(numberKeys),
    'story numbers',
  );
  const terms = fingerprints.map((f) => f.terms);
  const [termOffsets, termHashes] = column(terms, ([h]) => h, 'term hashes');
  const weightOf = indexIn(weights);
  const [, termWeights] = column(terms, ([, w]) => weightOf(w), 'term weights');
  const [titleOffsets, titleWords] = column(
    fingerprints.map((f) => f.title),
    (h) => h,
    'title words',
  );
  const langOf = indexIn(langs);
  return {
    langs,
    articleLang: packUints(
      fingerprints.map((f) => langOf(f.lang)),
      'languages',
    ),
    entityOffsets,
    entities,
    dateKeys,
    dateOffsets,
    dates,
    numberKeys,
    numberOffsets,
    numbers,
    termOffsets,
    termHashes,
    weights,
    termWeights,
    termNorms: Float64Array.from(terms, (list) => Math.hypot(...list.map(([, w]) => w))),
    titleOffsets,
    titleWords,
    ...packShingles(
      fingerprints.map((f) => f.shingles),
      fingerprints.map((f) => f.vocabulary),
    ),
  };
}
