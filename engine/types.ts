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
  /** Short aliases (≤ 3 letters) that real text shows are not common words (مصر): not ambiguous. */
  unambiguous?: string[];
  /** Words that, just before an ambiguous alias, are evidence for this entity (وزير, وكالة, app …). */
  cues?: Partial<Record<string, string[]>>;
  /** Words that, just before an ambiguous alias, say it names something else (صحيفة before الجزيرة:
   *  the Saudi newspaper, not the network): no evidence counts then. */
  against?: Partial<Record<string, string[]>>;
  /** Transliterated foreign name: the compiler generates Arabic spelling variants (غ/ج/ك, long vowels). */
  transliterated?: boolean;
  /** One-line description per language. */
  gloss: Record<Lang, string>;
  /** First day the names mean this entity (ISO "YYYY-MM-DD" or "YYYY-MM"): COVID-19 from December
   *  2019. A page dated earlier does not get it; an undated page does. */
  since?: string;
}

/** A phrase that contains an entity's name but names something else for which a card would be
 *  pointless ("وسط أميركا", "Contact Us" needs no entry: case rules handle it). It is matched like
 *  an alias and, being longer, shadows the name inside it, but it is never marked. */
export interface CatalogPhrase {
  text: string;
  /** Why it is listed: what the phrase means. */
  note: string;
}

/**
 * One alias as the matcher consumes it: already normalized and split into tokens at build time.
 * `article`: the first token may carry the Arabic article (ال/لل) — places and organizations, never people.
 * `ambiguous`: needs evidence (see matcher). `caseSensitive`: a Latin proper name whose page form must be
 * capitalized the same way (Signal the app vs signal the word).
 */
export interface AliasEntry {
  /** Index into the entity table; -1 for a non-entity phrase (CatalogPhrase): it shadows, never marks. */
  entity: number;
  tokens: string[]; // normalized tokens
  article?: boolean;
  /** A key made by removing the article from a name (كرملين from الكرملين): only a page token read
   *  with the article stripped reaches it, so bare كرملين, دوما or سعودية is not the name. */
  stripped?: boolean;
  ambiguous?: boolean;
  caseSensitive?: boolean;
  /** A Latin name written in capitals (US, UN, EU): the page must write it in capitals too. */
  acronym?: boolean;
  /** An Arabic place name with the shape of a nisba adjective (السعودية, سورية): marked only where
   *  the syntax makes it a name (engine/match/nisba.ts). */
  nisba?: boolean;
  /** The entity's `since` (see CatalogEntity). */
  since?: string;
}

/** The matcher's whole input: what the content script receives to recognize a page. */
export interface Gazetteer {
  entityIds: string[];
  /** Type per entity index (marks are styled per type). */
  entityTypes: EntityType[];
  aliases: AliasEntry[];
  /** Normalized cue tokens per entity index (evidence for ambiguous aliases). */
  cues: Record<number, string[]>;
  /** Normalized tokens per entity index that veto the evidence for its ambiguous aliases. */
  against?: Record<number, string[]>;
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
