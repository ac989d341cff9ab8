// Calendar dates named in news text, in Arabic (Egyptian/Gulf and Levantine month names) and
// English, as `MM-DD` (day and month) and `YYYY-MM` keys. Input is normalized text
// (engine/text/normalize.ts: letters folded, digits ASCII, lowercase Latin).

const MONTH_NAMES: Record<string, number> = {
  // Gulf/Egyptian (transliterated) month names, normalized (أ→ا).
  يناير: 1,
  فبراير: 2,
  مارس: 3,
  ابريل: 4,
  مايو: 5,
  يونيو: 6,
  يوليو: 7,
  اغسطس: 8,
  سبتمبر: 9,
  اكتوبر: 10,
  نوفمبر: 11,
  ديسمبر: 12,
  // Levantine month names (two-word ones are handled below).
  شباط: 2,
  اذار: 3,
  نيسان: 4,
  ايار: 5,
  حزيران: 6,
  تموز: 7,
  اب: 8,
  ايلول: 9,
  // English.
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  may: 5,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

// "كانون الثاني" = January, "تشرين الأول" = October …: first word + second word.
const TWO_WORD_NAMES: Record<string, Record<string, number>> = {
  كانون: { الثاني: 1, الاول: 12 },
  تشرين: { الاول: 10, الثاني: 11 },
};

// Maps, not object lookups: every page token is looked up, and a token such as "constructor" must
// find nothing (an object's prototype would answer), and many distinct keys are slow on objects.
const MONTHS = new Map(Object.entries(MONTH_NAMES));
const TWO_WORD = new Map(Object.entries(TWO_WORD_NAMES).map(([k, v]) => [k, new Map(Object.entries(v))]));

function monthAt(tokens: string[], i: number): [month: number, width: number] | null {
  const t = tokens[i];
  if (t === undefined) return null;
  const two = TWO_WORD.get(t);
  if (two) {
    const m = two.get(tokens[i + 1] ?? '');
    return m ? [m, 2] : null;
  }
  const m = MONTHS.get(t) ?? MONTHS.get(t.startsWith('و') || t.startsWith('ف') || t.startsWith('ب') ? t.slice(1) : '');
  // "اب" and "may" are common words too: accept them only beside a day or a year (checked by caller).
  return m ? [m, 1] : null;
}

const pad = (n: number) => String(n).padStart(2, '0');
const isDay = (t: string | undefined) => !!t && /^\d{1,2}$/.test(t) && +t >= 1 && +t <= 31;
const isYear = (t: string | undefined) => !!t && /^(19|20)\d\d$/.test(t);

/** Date keys in a token stream: `d:MM-DD` for a day and month, `m:YYYY-MM` for a month and year. */
export function dateKeys(tokens: string[]): Set<string> {
  const keys = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    const hit = monthAt(tokens, i);
    if (!hit) continue;
    const [month, width] = hit;
    const before = tokens[i - 1];
    const after = tokens[i + width];
    const day = isDay(before) ? +before! : isDay(after) ? +after! : 0;
    let year = '';
    for (const j of [i + width, i + width + 1]) if (isYear(tokens[j])) year = tokens[j];
    if (!day && !year) continue;
    if (day) keys.add(`d:${pad(month)}-${pad(day)}`);
    if (year) keys.add(`m:${year}-${pad(month)}`);
  }
  return keys;
}

/** Keys of an ISO date (YYYY-MM-DD…), e.g. an article's publication date. */
export function isoDateKeys(iso: string | null | undefined): string[] {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : null;
  return m ? [`d:${m[2]}-${m[3]}`, `m:${m[1]}-${m[2]}`] : [];
}
