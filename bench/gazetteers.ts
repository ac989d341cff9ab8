// Gazetteers for the benchmark: the real catalog (through the real compiler, so `related` is filled
// in as the extension ships it) and synthetic catalogs of N aliases (Arabic-like and Latin names).
// Synthetic catalogs are CatalogEntity lists run through engine/match/gazetteer.ts buildGazetteer, so the
// measured code path is the real one. They are prefix-stable: the catalog of 100 aliases is the first
// entities of the catalog of 100,000, so the names the generated pages use exist at every size.
// Synthetic names avoid the words the pages are made of (bench/vocabulary.ts): a curated catalog
// lists a name that is also a common word as ambiguous, and random names that happen to be "بيان"
// or "السلام" would make a larger catalog find more (false) names on the same page, so the growth
// figure would measure extra marks instead of the cost of a larger catalog.
import { buildGazetteer } from '../engine/match/gazetteer';
import type { CatalogEntity, EntityType, Gazetteer } from '../engine/types';
import { lookupKeys } from '../engine/match/alias-lookup';
import { AR_TEMPLATES, AR_WORDS, EN_TEMPLATES, EN_WORDS, corpusSentences } from './vocabulary';
import { mulberry32 } from '../compiler/audit';

export { mulberry32 };

export interface BenchGazetteer {
  id: string;
  label: string;
  /** Surface strings (display names + aliases), deduplicated: what mark.js gets as terms. */
  terms: string[];
  /** Term → entity id (first entity that uses it): maps a mark.js mark back to an entity. */
  termEntity: Record<string, string>;
  gazetteer: Gazetteer;
  /** buildGazetteer time in Node (build time, not page time). */
  buildMs: number;
}

// Consonants with a Latin transliteration; long vowels written in Arabic, short ones only in Latin.
const CONSONANTS: [string, string][] = [
  ['ب', 'b'],
  ['ت', 't'],
  ['ج', 'j'],
  ['ح', 'h'],
  ['خ', 'kh'],
  ['د', 'd'],
  ['ر', 'r'],
  ['ز', 'z'],
  ['س', 's'],
  ['ش', 'sh'],
  ['ص', 's'],
  ['ط', 't'],
  ['ع', "'"],
  ['غ', 'gh'],
  ['ف', 'f'],
  ['ق', 'q'],
  ['ك', 'k'],
  ['ل', 'l'],
  ['م', 'm'],
  ['ن', 'n'],
  ['ه', 'h'],
  ['و', 'w'],
  ['ي', 'y'],
];
const LONG: [string, string][] = [
  ['ا', 'a'],
  ['و', 'u'],
  ['ي', 'i'],
];
const SHORT = ['a', 'i', 'u', 'e', 'o'];

/** One Arabic-like word and its Latin transliteration (capitalized). */
function word(rand: () => number): [string, string] {
  const syllables = 2 + Math.floor(rand() * 2);
  let ar = '';
  let en = '';
  for (let s = 0; s < syllables; s++) {
    const [c, l] = CONSONANTS[Math.floor(rand() * CONSONANTS.length)];
    ar += c;
    en += l;
    if (rand() < 0.6) {
      const [v, lv] = LONG[Math.floor(rand() * LONG.length)];
      ar += v;
      en += lv;
    } else en += SHORT[Math.floor(rand() * SHORT.length)];
  }
  const [c, l] = CONSONANTS[Math.floor(rand() * CONSONANTS.length)];
  ar += c;
  en += l;
  en = en.replace(/^'/, '');
  return [ar, en.charAt(0).toUpperCase() + en.slice(1)];
}

const ORG_AR = ['شركة', 'مؤسسة', 'هيئة', 'مجموعة', 'وكالة', 'جمعية'];
const ORG_EN = ['Corporation', 'Foundation', 'Authority', 'Group', 'Agency', 'Society'];
const CUES_AR = ['الوزير', 'رئيس', 'شركة', 'مدينة'];
const CUES_EN = ['minister', 'president', 'company', 'city'];

/**
 * The infinite, deterministic sequence of synthetic entities, cut at `aliases` surface strings.
 * Every surface string is unique across the catalog, so term count == alias count exactly.
 */
let vocabulary: Set<string> | null = null;
/** Every lookup key the pages' words can produce (tokens and their clitic stems). */
function pageVocabulary(): Set<string> {
  vocabulary ??= lookupKeys(
    [...AR_WORDS, ...EN_WORDS, ...AR_TEMPLATES, ...EN_TEMPLATES, ...corpusSentences()].join('\n'),
  );
  return vocabulary;
}

const inVocabulary = (w: string) => [...lookupKeys(w)].some((k) => pageVocabulary().has(k));

export function syntheticCatalog(aliases: number, seed = 20240611): CatalogEntity[] {
  const rand = mulberry32(seed);
  const used = new Set<string>();
  const out: CatalogEntity[] = [];
  let count = 0;
  const fresh = (): [string, string] => {
    for (;;) {
      const w = word(rand);
      if (w[0].length >= 4 && !used.has(w[0]) && !used.has(w[1]) && !inVocabulary(w[0]) && !inVocabulary(w[1]))
        return w;
    }
  };
  for (let n = 0; count < aliases; n++) {
    const r = rand();
    const type: EntityType = r < 0.5 ? 'person' : r < 0.7 ? 'organization' : r < 0.9 ? 'place' : 'product';
    let arNames: string[];
    let enNames: string[];
    if (type === 'person') {
      const first = fresh();
      const last = fresh();
      arNames = [`${first[0]} ${last[0]}`, last[0]];
      enNames = [`${first[1]} ${last[1]}`, last[1]];
    } else if (type === 'organization') {
      const k = Math.floor(rand() * ORG_AR.length);
      const x = fresh();
      arNames = [`${ORG_AR[k]} ${x[0]}`];
      enNames = [`${x[1]} ${ORG_EN[k]}`];
      if (rand() < 0.5) {
        arNames.push(x[0]);
        enNames.push(x[1]);
      }
    } else {
      const x = fresh();
      arNames = [x[0]];
      enNames = [x[1]];
    }
    // Display names first (ar, en), then the rest, until the budget is spent.
    const surfaces = [arNames[0], enNames[0], ...arNames.slice(1), ...enNames.slice(1)].filter((s) => !used.has(s));
    const take = surfaces.slice(0, aliases - count);
    if (take.length === 0) continue;
    for (const s of take) used.add(s);
    count += take.length;
    const ar = take[0];
    const en = take[1] ?? take[0]; // only the very last entity may be cut to one surface
    const rest = take.slice(2);
    const e: CatalogEntity = {
      id: `${type}/synthetic-${n}`,
      type,
      names: { ar, en },
      aliases: {
        ar: rest.filter((s) => /[\u0600-\u06ff]/.test(s)),
        en: rest.filter((s) => !/[\u0600-\u06ff]/.test(s)),
      },
      gloss: { ar: `كيان تجريبي رقم ${n}`, en: `Synthetic entity ${n}` },
    };
    if (type === 'person' || type === 'product') e.transliterated = rand() < 0.4;
    // A few need evidence: their short form is listed ambiguous, with cue words.
    if (rest.length && rand() < 0.05) {
      e.ambiguous = rest.slice(0, 1);
      e.cues = { ar: CUES_AR.slice(0, 2), en: CUES_EN.slice(0, 2) };
    }
    out.push(e);
  }
  return out;
}

/** Surfaces of an entity as the catalog lists them (display names, then aliases). */
export function surfacesOf(e: CatalogEntity): string[] {
  const out: string[] = [];
  for (const name of Object.values(e.names)) if (typeof name === 'string') out.push(name);
  for (const list of Object.values(e.aliases)) if (list) out.push(...list);
  return out;
}

function termsOf(entities: CatalogEntity[]): { terms: string[]; termEntity: Record<string, string> } {
  const termEntity: Record<string, string> = {};
  const terms: string[] = [];
  for (const e of entities)
    for (const s of surfacesOf(e)) {
      if (s.trim() && !(s in termEntity)) {
        termEntity[s] = e.id;
        terms.push(s);
      }
    }
  return { terms, termEntity };
}

export function syntheticGazetteer(aliases: number): BenchGazetteer {
  const entities = syntheticCatalog(aliases);
  const t0 = performance.now();
  const gazetteer = buildGazetteer(entities);
  const buildMs = performance.now() - t0;
  return { id: `syn-${aliases}`, label: aliases.toLocaleString('en-US'), ...termsOf(entities), gazetteer, buildMs };
}

/** The real catalog as the extension ships it: the compiled index's gazetteer (with `related`). */
export function realGazetteer(entities: CatalogEntity[], index: { gazetteer: Gazetteer }): BenchGazetteer {
  const t0 = performance.now();
  buildGazetteer(entities);
  const buildMs = performance.now() - t0;
  return { id: 'real', label: 'real catalog', ...termsOf(entities), gazetteer: index.gazetteer, buildMs };
}

/**
 * Synthetic names that the generated pages use: entities from the head of the sequence, so they are
 * in every synthetic catalog (the 100-alias one included).
 */
export function pageNames(count = 100): { ar: string[]; en: string[]; arShort: string[]; enShort: string[] } {
  const entities = syntheticCatalog(count);
  const ar: string[] = [];
  const en: string[] = [];
  const arShort: string[] = [];
  const enShort: string[] = [];
  for (const e of entities) {
    if (e.ambiguous) continue;
    ar.push(e.names.ar);
    en.push(e.names.en);
    for (const a of e.aliases.ar ?? []) arShort.push(a);
    for (const a of e.aliases.en ?? []) enShort.push(a);
  }
  return { ar, en, arShort, enShort };
}
