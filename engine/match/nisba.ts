/**
 * Country name or nisba adjective? السعودية is Saudi Arabia in «تسلمت السعودية» and "Saudi" in
 * «الطائرة السعودية»; سورية is Syria in «الحدود مع سورية» and "Syrian" in «مصادر سورية». The letters
 * are the same, so the words around them decide. Design note:
 *
 * An Arabic adjective follows the noun it describes and agrees with it in definiteness: a definite
 * noun takes a definite adjective (الحدود السورية), an indefinite one an indefinite adjective
 * (مصادر سورية). A name, by contrast, stands after a verb, a preposition or a particle, opens a
 * sentence or a headline, is the second term of a construct (موقف السعودية: "Saudi Arabia's
 * position" — the first term is indefinite in form), or is one item of a list. The rules S0–S6, in
 * order (the first that applies decides; docs/arabic-matching.md §8; each has its own tests in
 * tests/unit/nisba.test.ts):
 *
 *   S0  the page writes the name with the article and the country's name has none, or the
 *       other way round (السورية for سورية, سعودية for السعودية)                   → adjective
 *   S1  a preposition attached to the word (بالسعودية, للسعودية, لسورية)         → name
 *   S2  nothing before it in its clause (text start, after . ، : « ( or a line)   → name
 *   S3  before a sector (السعودية للتموين، للكهرباء: a company's name)              → adjective
 *       و/ف attached (والسعودية): an adjective only when the word before is an
 *       adjective of the same shape («المصرية والسعودية», «قوات تركية وسورية»)      → name otherwise
 *   S4  after غير ("non-": «الأسر السعودية وغير السعودية»)                         → adjective
 *       after a preposition, particle or conjunction written apart (في، مع، بين، أن، إلى)
 *                                                                                 → name
 *   S5  definite (السعودية): after a definite word (الحدود، للسوق) it agrees with  → adjective
 *       after «مدينة جدة», «شركة زين» (a kind of place or body and its name),
 *       or right after a kind of body («مجموعة السعودية»)                          → adjective
 *       after any other word (a verb, or the first term of a construct)          → name
 *   S6  indefinite (سورية): before الصنع، الأصل، الجنسية، المنشأ ("Syrian-made")     → adjective
 *       after a verb in the feminine past (بدأت، تسلمت)                            → name
 *       before و + a word not shaped like an adjective (سورية والعراق: a list)     → name
 *       before و + an adjective of the same shape (سورية ولبنانية)                  → adjective
 *       after a word made definite by a pronoun (رأسها) or a plural construct
 *       (فلسطينيي): an indefinite adjective cannot follow it                     → name
 *       after a feminine noun (سيدة، طائرة), a feminine plural (قوات) or a common
 *       broken plural (مصادر، عناصر): the nouns an indefinite سورية describes     → adjective
 *       after any other word (إعمار سورية, يشمل سورية: a construct or a verb)      → name
 *
 * Page evidence (the country named elsewhere) does not override these: «الحدود السورية» describes
 * the border even on a page about Syria.
 */
import type { PreparedText } from './matcher';

export type NisbaReading = 'name' | 'adjective';

/** Prepositions, particles and conjunctions written as separate words, normalized (إلى → الي). */
// prettier-ignore
const FUNCTION_WORDS = new Set([
  'في', 'الي', 'من', 'مع', 'عن', 'علي', 'بين', 'حول', 'نحو', 'ضد', 'لدي', 'عبر', 'تجاه', 'مثل', 'داخل',
  'خارج', 'قرب', 'عند', 'منذ', 'حتي', 'دون', 'سوي', 'لان', 'كان', 'ان', 'بان', 'وان', 'لكن',
  'ولكن', 'او', 'ام', 'ثم', 'بل', 'اما', 'لا', 'ما', 'لم', 'لن', 'قد', 'هل', 'اذا', 'لو', 'كما',
  'حيث', 'اي', 'كل', 'بعض', 'فيما', 'بينما', 'عندما', 'ازاء', 'بحق', 'لصالح', 'امام', 'خلف',
  'فوق', 'تحت', 'وراء', 'بعد', 'قبل', 'و', 'ف',
]);

/** Words that begin with ال without being definite nouns: إلى، التي، الذي، إلا، الآن (normalized). */
// prettier-ignore
const NOT_DEFINITE = new Set(['الي', 'التي', 'الذي', 'الذين', 'اللذين', 'اللتين', 'اللاتي', 'اللواتي', 'الا', 'الان', 'اليه', 'اليها', 'اليهم', 'الينا', 'اليك']);

/** Kinds of place or body named before a proper name: «مدينة جدة السعودية» describes Jeddah,
 *  «شركة زين السعودية» is the name of a company. */
// prettier-ignore
const KINDS = new Set([
  'مدينه', 'منطقه', 'محافظه', 'بلده', 'قريه', 'ميناء', 'مطار', 'جزيره', 'ولايه', 'اقليم', 'مخيم', 'حي', 'بلدات', 'مدن', 'قري',
  'شركه', 'مجموعه', 'بنك', 'مصرف', 'برنامج', 'مؤسسه', 'جمعيه', 'مستشفي', 'جامعه', 'فندق',
]);

/** Broken plurals of things and groups that news describes as Syrian (feminine agreement). */
// prettier-ignore
const BROKEN_PLURALS = new Set(['مصادر', 'عناصر', 'مناطق', 'اطراف', 'قوي', 'اراض', 'مدن', 'قري', 'شركات', 'جهات', 'فصايل', 'مليشيات', 'اسلحه', 'طايرات']);

/** A body named «X السعودية»: «مجموعة السعودية», a listed company. */
const BODY_KINDS = new Set(['شركه', 'مجموعه', 'بنك', 'مصرف', 'مؤسسه', 'جمعيه', 'برنامج']);

/** «السعودية للتموين», «السعودية للكهرباء»: "Saudi … Company", named by its sector. */
// prettier-ignore
const SECTORS = new Set([
  'للكهرباء', 'للتموين', 'للطيران', 'للتطوير', 'للتدريب', 'للصناعات', 'للخدمات', 'للتسويق', 'للنقل',
  'للاتصالات', 'للتامين', 'للابحاث', 'للكيماويات', 'للاسمنت', 'للمعلومات', 'للفنادق', 'للتعدين',
  'للبتروكيماويات', 'للشحن', 'للنشر', 'للتقنيه', 'للطاقه', 'للمقاولات', 'للاسماك', 'للزجاج',
]);

/** Nouns an indefinite nisba annexes: «سورية الصنع» is "Syrian-made", not Syria. */
const OF_ORIGIN = new Set(['الصنع', 'الاصل', 'الجنسيه', 'المنشا', 'المولد', 'الهويه']);

const DEFINITE_PREFIXES = ['ال', 'وال', 'فال', 'بال', 'كال', 'لل', 'ولل', 'فلل', 'وبال', 'فبال', 'وكال', 'فكال'];
const NISBA_END = 'يه';

const isDefinite = (w: string) =>
  !NOT_DEFINITE.has(w) && DEFINITE_PREFIXES.some((p) => w.startsWith(p) && w.length - p.length >= 2);

/** Spaces and hyphens only between two tokens: the same clause. */
function sameClause(norm: string, from: number, to: number): boolean {
  for (let p = from; p < to; p++) {
    const c = norm.charCodeAt(p);
    if (c !== 0x20 && c !== 0x09 && c !== 0xa0 && c !== 0x2d) return false;
  }
  return true;
}

/**
 * How to read token `i` of `p`, which matched a nisba-shaped place name whose key without the
 * article is `core` (سعوديه, سوريه) and which is written with the article (`nameDefinite`:
 * السعودية) or without it (سورية).
 */
export function readNisba(p: PreparedText, i: number, core: string, nameDefinite: boolean): NisbaReading {
  const { norm, starts, ends } = p;
  const token = norm.slice(starts[i], ends[i]);
  const prefix = token.slice(0, token.length - core.length);
  const definiteName = prefix.endsWith('ال') || prefix.endsWith('لل');
  const clitics = prefix.endsWith('ال') ? prefix.slice(0, -2) : prefix.endsWith('لل') ? prefix.slice(0, -1) : prefix;
  // S0: the country's name has one form; the other is only ever the adjective (السورية, سعودية).
  if (definiteName !== nameDefinite) return 'adjective';
  // S1: ب ك ل attached.
  if (/[بكل]/.test(clitics)) return 'name';
  const prev = i > 0 && sameClause(norm, ends[i - 1], starts[i]) ? norm.slice(starts[i - 1], ends[i - 1]) : null;
  // S2: first word of its clause.
  if (prev === null) return 'name';
  const next =
    i + 1 < p.count && sameClause(norm, ends[i], starts[i + 1]) ? norm.slice(starts[i + 1], ends[i + 1]) : '';
  // S6 first part, before S3: «فسورية الصنع» is "Syrian-made" whatever is attached.
  if (!definiteName && OF_ORIGIN.has(next)) return 'adjective';
  // S3 first part: a company named by its sector, whatever comes before.
  if (definiteName && SECTORS.has(next)) return 'adjective';
  // S3: و / ف attached: coordinated with the word before.
  if (clitics) return prev.endsWith(NISBA_END) && isDefinite(prev) === definiteName ? 'adjective' : 'name';
  // S4: after a preposition, particle or conjunction; غير makes an adjective ("non-Saudi").
  if (prev === 'غير' || prev === 'وغير') return 'adjective';
  if (FUNCTION_WORDS.has(prev)) return 'name';
  if (definiteName) {
    // S5
    if (isDefinite(prev) || BODY_KINDS.has(prev)) return 'adjective';
    const before = i > 1 && sameClause(norm, ends[i - 2], starts[i - 1]) ? norm.slice(starts[i - 2], ends[i - 2]) : '';
    if (KINDS.has(before.replace(/^(?:و|ف|ب|ل)/, ''))) return 'adjective';
    return 'name';
  }
  // S6, the rest
  if (prev.length >= 3 && prev.length <= 7 && prev.endsWith('ت') && !prev.endsWith('ات')) return 'name';
  if (next.startsWith('و') && next.length > 3) return next.endsWith(NISBA_END) ? 'adjective' : 'name';
  if (prev.length >= 4 && (/(?:ها|هم|هما|كم|هن)$/.test(prev) || prev.endsWith('ي'))) return 'name';
  if (prev.endsWith('ه') || prev.endsWith('ات') || BROKEN_PLURALS.has(prev)) return 'adjective';
  return 'name';
}
