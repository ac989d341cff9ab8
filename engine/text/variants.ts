// Build-time Arabic spelling variants of transliterated foreign names (docs/arabic-matching.md §5).
// Conservative on purpose: every variant becomes an exact key, so a loose rule would turn common words
// into names. Runtime matching stays exact over these keys.

const GHAIN = 'غ';
const JEEM = 'ج';
const YEH = 'ي';
const HEH = 'ه';
const MAX_VARIANTS = 24;
const MAX_PER_TOKEN = 12;
const MAX_G_SITES = 3;
// Long-vowel insertion/removal only on tokens whose consonant skeleton is this long: سيرغي must not
// become سرغي, تلغرام may become تيليغرام.
const MIN_VOWEL_BASE = 5;

function isLongVowel(ch: string | undefined): boolean {
  return ch === 'ا' || ch === 'و' || ch === YEH || ch === 'ى';
}

function isConsonant(ch: string | undefined): boolean {
  return ch !== undefined && !isLongVowel(ch) && ch >= '\u0621' && ch <= '\u064a';
}

// A medial ي is optional after letter 0 and after letter 1 when consonants stand on both sides of it
// (تلغرام ⇄ تيلغرام ⇄ تليغرام ⇄ تيليغرام).
function vowelForms(token: string): string[] {
  let base = token;
  if (base[1] === YEH && isConsonant(base[0]) && isConsonant(base[2])) base = base[0] + base.slice(2);
  if (base[2] === YEH && isConsonant(base[1]) && isConsonant(base[3])) base = base.slice(0, 2) + base.slice(3);
  // Only an initial consonant cluster (تلغ…): inside the word a ي is as likely a real vowel (اندريه).
  if (base.length < MIN_VOWEL_BASE || !isConsonant(base[0]) || !isConsonant(base[1])) return [token];
  const slotB = isConsonant(base[2]);
  const forms = [token];
  for (const a of [false, true]) {
    for (const b of slotB ? [false, true] : [false]) {
      forms.push(base[0] + (a ? YEH : '') + base[1] + (b ? YEH : '') + base.slice(2));
    }
  }
  return forms;
}

// غ ⇄ ج at each site independently (Levantine سيغنال, Egyptian سيجنال).
function gForms(token: string): string[] {
  const sites: number[] = [];
  for (let i = 0; i < token.length && sites.length < MAX_G_SITES; i++) {
    if (token[i] === GHAIN || token[i] === JEEM) sites.push(i);
  }
  const forms: string[] = [];
  for (let mask = 0; mask < 1 << sites.length; mask++) {
    const chars = token.split('');
    sites.forEach((pos, bit) => {
      if (mask & (1 << bit)) chars[pos] = chars[pos] === GHAIN ? JEEM : GHAIN;
    });
    forms.push(chars.join(''));
  }
  return forms;
}

// Final ه after ي comes and goes: اندريه ⇄ اندري.
function finalForms(token: string): string[] {
  if (token.length >= 4 && token.endsWith(YEH + HEH)) return [token, token.slice(0, -1)];
  if (token.length >= 4 && token.endsWith(YEH) && isConsonant(token[token.length - 2])) return [token, token + HEH];
  return [token];
}

function tokenVariants(token: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const v of vowelForms(token)) {
    for (const g of gForms(v)) {
      for (const f of finalForms(g)) {
        if (seen.has(f)) continue;
        seen.add(f);
        out.push(f);
        if (out.length >= MAX_PER_TOKEN) return out;
      }
    }
  }
  return out;
}

/** Spelling variants of a normalized Arabic alias, token by token; input excluded, order stable. */
export function arabicSpellingVariants(normalizedAlias: string): string[] {
  const tokens = normalizedAlias.split(' ').filter((t) => t.length > 0);
  if (tokens.length === 0) return [];
  const perToken = tokens.map(tokenVariants);
  const out: string[] = [];
  const seen = new Set<string>([tokens.join(' ')]);
  // Odometer over the per-token lists, last token fastest: a deterministic order under the cap.
  const idx = new Array<number>(tokens.length).fill(0);
  for (;;) {
    const candidate = idx.map((k, t) => perToken[t][k]).join(' ');
    if (!seen.has(candidate)) {
      seen.add(candidate);
      out.push(candidate);
      if (out.length >= MAX_VARIANTS) return out;
    }
    let t = tokens.length - 1;
    while (t >= 0 && ++idx[t] === perToken[t].length) idx[t--] = 0;
    if (t < 0) return out;
  }
}
