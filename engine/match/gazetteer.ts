// Catalog → Gazetteer: every name and alias becomes normalized token sequences with the flags the
// matcher needs (article, ambiguous, caseSensitive). All linguistic decisions about a name are taken
// here, at build time, so the matcher only compares keys.
import type { AliasEntry, CatalogEntity, CatalogPhrase, Gazetteer } from '../types';
import { normalizeKey } from '../text/normalize';
import { tokenStrings } from '../text/tokenize';
import { arabicSpellingVariants } from '../text/variants';

const ARTICLE = 'ال';
const MIN_STEM = 3;
const SHORT_ALIAS = 3;
const LATIN_LETTER = /\p{Script=Latin}/u;
const UPPER = /\p{Lu}/u;
const ACRONYM = /^(?:\p{Lu}\.?){2,}$/u;
// Arabic nisba adjectives end in ـية (normalized يه); a place name of that shape (السعودية, سورية)
// is read by the syntax around it (engine/match/nisba.ts).
const NISBA_END = 'يه';
const LETTER = /\p{L}/u;

function isArabicToken(t: string): boolean {
  const c = t.charCodeAt(0);
  return c >= 0x600 && c <= 0x6ff;
}

function firstLetter(s: string): string | undefined {
  for (const ch of s) if (LETTER.test(ch)) return ch;
  return undefined;
}

/** Surface strings of an entity in a stable order: display names, then aliases, language by language. */
function surfaces(e: CatalogEntity): string[] {
  const out: string[] = [];
  for (const name of Object.values(e.names)) if (typeof name === 'string') out.push(name);
  for (const list of Object.values(e.aliases)) if (list) out.push(...list);
  return out;
}

/** Normalized tokens of a per-language word list (cues, against), each once. */
function tokensOf(lists: Partial<Record<string, string[]>> | undefined): string[] {
  const out: string[] = [];
  for (const list of Object.values(lists ?? {})) {
    for (const word of list ?? []) for (const t of tokenStrings(normalizeKey(word))) if (!out.includes(t)) out.push(t);
  }
  return out;
}

export function buildGazetteer(
  entities: CatalogEntity[],
  related: Record<number, number[]> = {},
  phrases: CatalogPhrase[] = [],
): Gazetteer {
  const aliases: AliasEntry[] = [];
  const seen = new Set<string>();
  const cues: Record<number, string[]> = {};
  const against: Record<number, string[]> = {};

  const push = (entry: AliasEntry) => {
    const sig = `${entry.entity}\u0000${entry.tokens.join(' ')}\u0000${+!!entry.article}${+!!entry.stripped}${+!!entry.ambiguous}${+!!entry.caseSensitive}`;
    if (seen.has(sig)) return;
    seen.add(sig);
    aliases.push(entry);
  };

  entities.forEach((e, entity) => {
    const listedAmbiguous = new Set((e.ambiguous ?? []).map(normalizeKey));
    const listedClear = new Set((e.unambiguous ?? []).map(normalizeKey));
    const takesArticle = e.type !== 'person'; // rule 3: people never take the article

    const entry = (tokens: string[], listed: boolean, article: boolean, caseSensitive: boolean): AliasEntry => {
      const a: AliasEntry = { entity, tokens };
      if (article) a.article = true;
      const short = tokens.length === 1 && tokens[0].length <= SHORT_ALIAS;
      if (listed || (short && !listedClear.has(tokens.join(' ')))) a.ambiguous = true;
      if (caseSensitive) a.caseSensitive = true;
      if (e.since) a.since = e.since;
      return a;
    };
    const nisba = (tokens: string[]) => e.type === 'place' && tokens.length === 1 && tokens[0].endsWith(NISBA_END);

    const addArabic = (key: string, listed: boolean) => {
      const tokens = tokenStrings(key);
      if (tokens.length === 0) return;
      const whole = entry(tokens, listed, takesArticle, false);
      if (nisba(tokens)) whole.nisba = true;
      push(whole);
      // الكرملين is also keyed كرملين, reachable only through a reading that stripped ال / لل.
      const first = tokens[0];
      if (first.startsWith(ARTICLE) && first.length - ARTICLE.length >= MIN_STEM) {
        const bare = entry([first.slice(ARTICLE.length), ...tokens.slice(1)], listed, true, false);
        bare.stripped = true;
        if (whole.nisba) bare.nisba = true;
        push(bare);
      }
    };

    for (const surface of surfaces(e)) {
      const key = normalizeKey(surface);
      const tokens = tokenStrings(key);
      if (tokens.length === 0) continue;
      const listed = listedAmbiguous.has(key);
      if (isArabicToken(tokens[0])) {
        addArabic(key, listed);
        if (e.transliterated) for (const v of arabicSpellingVariants(tokens.join(' '))) addArabic(v, listed);
      } else {
        const letter = firstLetter(surface);
        const caseSensitive = letter !== undefined && LATIN_LETTER.test(letter) && UPPER.test(letter);
        const latin = entry(tokens, listed, false, caseSensitive);
        if (ACRONYM.test(surface)) latin.acronym = true;
        push(latin);
      }
    }

    const cueTokens = tokensOf(e.cues);
    if (cueTokens.length > 0) cues[entity] = cueTokens;
    const againstTokens = tokensOf(e.against);
    if (againstTokens.length > 0) against[entity] = againstTokens;
  });

  // Non-entity phrases come last: at equal length a real name of the same words wins.
  for (const p of phrases) {
    const key = normalizeKey(p.text);
    const tokens = tokenStrings(key);
    if (tokens.length === 0) continue;
    const first = tokens[0];
    push(isArabicToken(first) ? { entity: -1, tokens, article: true } : { entity: -1, tokens });
    if (isArabicToken(first) && first.startsWith(ARTICLE) && first.length - ARTICLE.length >= MIN_STEM) {
      push({ entity: -1, tokens: [first.slice(ARTICLE.length), ...tokens.slice(1)], article: true, stripped: true });
    }
  }

  const gaz: Gazetteer = {
    entityIds: entities.map((e) => e.id),
    entityTypes: entities.map((e) => e.type),
    aliases,
    cues,
    related,
  };
  if (Object.keys(against).length) gaz.against = against;
  return gaz;
}
