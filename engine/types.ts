// Shared shapes of the recognition engine. Framework-free: used by the compiler (Node), the CLI,
// the background and the content script alike.

export type EntityType = 'person' | 'organization' | 'place' | 'product' | 'event' | 'other';
export const ENTITY_TYPES: readonly EntityType[] = ['person', 'organization', 'place', 'product', 'event', 'other'];

export type Lang = 'ar' | 'en';

/** One entity of the curated catalog (seeds/catalog.json), as validated by the compiler. */
export interface CatalogEntity {
  /** Stable id, `type/slug` in lowercase ASCII, e.g. `person/sergey-lavrov`. Never reused. */
  id: string;
  type: EntityType;
  /** Display names: Arabic and English at least. */
  names: Record<Lang, string> & Record<string, string>;
  /** Further surface forms per language (spelling variants, short forms). Display names are aliases too. */
  aliases: Partial<Record<string, string[]>>;
  /** Aliases (any language, as written in names/aliases) that are also common words or very short:
   *  they link only with evidence on the page. Aliases of ≤ 3 letters are ambiguous without being listed. */
  ambiguous?: string[];
  /** Words that, just before an ambiguous alias, are evidence for this entity (وزير, وكالة, app …). */
  cues?: Partial<Record<string, string[]>>;
  /** Transliterated foreign name: the compiler generates Arabic spelling variants (غ/ج/ك, long vowels). */
  transliterated?: boolean;
  /** One-line description per language. */
  gloss: Record<Lang, string>;
}

/**
 * One alias as the matcher consumes it: already normalized and split into tokens at build time.
 * `article`: the first token may carry the Arabic article (ال/لل) — places and organizations, never people.
 * `ambiguous`: needs evidence (see matcher). `caseSensitive`: a Latin proper name whose page form must be
 * capitalized the same way (Signal the app vs signal the word).
 */
export interface AliasEntry {
  entity: number; // index into the entity table
  tokens: string[]; // normalized tokens
  article?: boolean;
  ambiguous?: boolean;
  caseSensitive?: boolean;
}

/** The matcher's whole input: what the content script receives to recognize a page. */
export interface Gazetteer {
  entityIds: string[];
  /** Type per entity index (marks are styled per type). */
  entityTypes: EntityType[];
  aliases: AliasEntry[];
  /** Normalized cue tokens per entity index (evidence for ambiguous aliases). */
  cues: Record<number, string[]>;
  /** Entity indexes that co-occur in the corpus, per entity index (evidence, and "related"). */
  related: Record<number, number[]>;
}

/** A recognized mention in a text: UTF-16 offsets into the original (un-normalized) text. */
export interface Mention {
  entity: number;
  entityId: string;
  start: number;
  end: number;
  /** The original text [start, end), clitics included. */
  surface: string;
}
