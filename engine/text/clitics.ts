// Proclitic readings of a normalized Arabic token (rules 1–4 of docs/arabic-matching.md). Readings are
// candidate lookups, not analyses: the gazetteer decides which one names something.

export interface CliticReading {
  stem: string;
  /** Code units of the token consumed by the stripped proclitic(s). */
  prefixLength: number;
  /** The stripped part carried the article (ال / لل): only aliases flagged `article` may match. */
  article: boolean;
}

// Longest first, so وال is tried before و and the reading that takes the article comes first.
// prettier-ignore
const PROCLITICS = [
  'وبال', 'فبال', 'وكال', 'فكال', 'ولل', 'فلل', 'وال', 'فال', 'بال', 'كال', 'لل', 'ال',
  'وب', 'فب', 'وك', 'فك', 'ول', 'فل', 'و', 'ف', 'ب', 'ك', 'ل',
];
const PROCLITIC_ARTICLE = PROCLITICS.map((p) => p.includes('ال') || p.endsWith('لل'));
const MIN_STEM = 3;

function isArabic(c: number): boolean {
  return c >= 0x600 && c <= 0x6ff;
}

export function cliticReadings(token: string): CliticReading[] {
  // Whole token first: لافروف, بوتين, فلاديمير keep their first letter.
  const out: CliticReading[] = [{ stem: token, prefixLength: 0, article: false }];
  if (token.length <= MIN_STEM || !isArabic(token.charCodeAt(0))) return out;
  const add = (stem: string, prefixLength: number, article: boolean) => {
    for (const r of out) if (r.stem === stem && r.article === article) return;
    out.push({ stem, prefixLength, article });
  };
  for (let p = 0; p < PROCLITICS.length; p++) {
    const clitic = PROCLITICS[p];
    if (token.length - clitic.length < MIN_STEM || !token.startsWith(clitic)) continue;
    const rest = token.slice(clitic.length);
    add(rest, clitic.length, PROCLITIC_ARTICLE[p]);
    // لل is also ل + a word that itself begins with ل: للافروف = ل + لافروف (no article). The
    // doc's "rest starts with ل" holds for ل + rest by construction, so the reading is always offered.
    if (clitic.endsWith('لل')) add('ل' + rest, clitic.length - 1, false);
  }
  return out;
}
