// Catalog → Gazetteer: every name and alias becomes normalized token sequences with the flags the
// matcher needs (article, ambiguous, caseSensitive). All linguistic decisions about a name are taken
// here, at build time, so the matcher only compares keys.
import type { AliasEntry, CatalogEntity, Gazetteer } from './types';
import { normalizeKey } from './normalize';
import { tokenStrings } from './tokenize';
import { arabicSpellingVariants } from './variants';

const ARTICLE = 'ال';
const MIN_STEM = 3;
const SHORT_ALIAS = 3;
const LATIN_LETTER = /\p{Script=Latin}/u;
const UPPER = /\p{Lu}/u;
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

export function buildGazetteer(entities: CatalogEntity[], related: Record<number, number[]> = {}): Gazetteer {
  const aliases: AliasEntry[] = [];
  const seen = new Set<string>();
  const cues: Record<number, string[]> = {};

  const push = (entry: AliasEntry) => {
    const sig = `${entry.entity}\u0000${entry.tokens.join(' ')}\u0000${+!!entry.article}${+!!entry.ambiguous}${+!!entry.caseSensitive}`;
    if (seen.has(sig)) return;
    seen.add(sig);
    aliases.push(entry);
  };

  entities.forEach((e, entity) => {
    const listedAmbiguous = new Set((e.ambiguous ?? []).map(normalizeKey));
    const takesArticle = e.type !== 'person'; // rule 3: people never take the article

    const entry = (tokens: string[], listed: boolean, article: boolean, caseSensitive: boolean): AliasEntry => {
      const a: AliasEntry = { entity, tokens };
      if (article) a.article = true;
      if (listed || (tokens.length === 1 && tokens[0].length <= SHORT_ALIAS)) a.ambiguous = true;
      if (caseSensitive) a.caseSensitive = true;
      return a;
    };

    const addArabic = (key: string, listed: boolean) => {
      const tokens = tokenStrings(key);
      if (tokens.length === 0) return;
      push(entry(tokens, listed, takesArticle, false));
      // الكرملين is also keyed كرملين, reachable only through a reading that stripped ال / لل.
      const first = tokens[0];
      if (first.startsWith(ARTICLE) && first.length - ARTICLE.length >= MIN_STEM) {
        push(entry([first.slice(ARTICLE.length), ...tokens.slice(1)], listed, true, false));
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
        push(entry(tokens, listed, false, caseSensitive));
      }
    }

    const cueTokens: string[] = [];
    for (const list of Object.values(e.cues ?? {})) {
      for (const cue of list ?? []) {
        for (const t of tokenStrings(normalizeKey(cue))) if (!cueTokens.includes(t)) cueTokens.push(t);
      }
    }
    if (cueTokens.length > 0) cues[entity] = cueTokens;
  });

  return { entityIds: entities.map((e) => e.id), entityTypes: entities.map((e) => e.type), aliases, cues, related };
}
