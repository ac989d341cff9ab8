import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  isTrailingMark,
  isWordUnit,
  normalize,
  normalizeKey,
  normalizeTokens,
  sourceOffset,
} from '../../engine/text/normalize';
import { tokenize } from '../../engine/text/tokenize';
import { longSuffixHash, suffixHash, tokenHash } from '../../engine/text/token-hash';

const norm = (s: string) => normalize(s).text;
const mapOf = (s: string) => Array.from(normalize(s).map);

describe('N1 Arabic combining marks are deleted', () => {
  it('tashkeel and Quranic marks in every listed range', () => {
    const marks = [0x610, 0x61a, 0x64b, 0x650, 0x65f, 0x670, 0x6d6, 0x6dc, 0x6df, 0x6e4, 0x6e7, 0x6e8, 0x6ea, 0x6ed];
    const more = [0x8ca, 0x8e1, 0x8e3, 0x8ff];
    for (const m of [...marks, ...more]) expect(norm('ب' + String.fromCharCode(m) + 'ت')).toBe('بت');
  });
  it('leaves neighbours of the ranges alone', () => {
    for (const c of [0x6dd, 0x6e5, 0x6e9, 0x8e2]) {
      const s = 'ب' + String.fromCharCode(c);
      expect(norm(s)).toBe(s);
    }
  });
  it('maps around deleted marks', () => {
    // لافْروف: sukun at 3
    const r = normalize('لافْروف');
    expect(r.text).toBe('لافروف');
    expect(Array.from(r.map)).toEqual([0, 1, 2, 4, 5, 6, 7]);
  });
});

describe('N2 tatweel', () => {
  it('is deleted with offsets kept', () => {
    const r = normalize('بـوتـيـن');
    expect(r.text).toBe('بوتين');
    expect(Array.from(r.map)).toEqual([0, 2, 3, 5, 7, 8]);
  });
});

describe('N3 invisible format characters', () => {
  it('are deleted, not turned into spaces', () => {
    for (const c of [0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0x61c, 0x202a, 0x202e, 0x2066, 0x2069, 0xfeff, 0xad]) {
      expect(norm('لاف' + String.fromCharCode(c) + 'روف')).toBe('لافروف');
    }
  });
  it('count as word units for the tokenizer', () => {
    expect(isWordUnit(0x200c)).toBe(true);
    expect(isWordUnit(0xad)).toBe(true);
  });
});

describe('N4–N8 letter folding', () => {
  it('N4 alef forms → ا', () => {
    expect(norm('أإآٱٲٳ')).toBe('اااااا');
    expect(norm('إيران')).toBe(norm('ايران'));
  });
  it('N5 ى → ي', () => expect(norm('نافالنى')).toBe('نافالني'));
  it('N6 ة → ه', () => expect(norm('الخارجية')).toBe('الخارجيه'));
  it('N7 ؤ → و, ئ → ي', () => {
    expect(norm('مؤتمر')).toBe('موتمر');
    expect(norm('رئيس')).toBe('رييس');
  });
  it('N8 Persian and Urdu forms', () => {
    expect(norm('ی')).toBe('ي');
    expect(norm('کگ')).toBe('كك');
    expect(norm('ڨ')).toBe('ق');
    expect(norm('لاڤروف')).toBe('لافروف');
    expect(norm('پ')).toBe('ب');
    expect(norm('چ')).toBe('ج');
    expect(norm('ھەۀہۃ')).toBe('ههههه');
    expect(norm('ایران')).toBe(norm('إيران'));
  });
});

describe('N9 digits', () => {
  it('Arabic-Indic and Persian digits become ASCII, 1:1', () => {
    const r = normalize('٢٠١٧ و۱۳۹۹');
    expect(r.text).toBe('2017 و1399');
    expect(Array.from(r.map)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });
});

describe('N10 presentation forms', () => {
  it('expands ligatures through the table, every output unit mapping to the ligature', () => {
    const r = normalize('ﻻ ﻷ');
    expect(r.text).toBe('لا لا');
    expect(Array.from(r.map)).toEqual([0, 0, 1, 2, 2, 3]);
  });
  it('folds contextual forms to base letters, with the other rules applied', () => {
    // ﻟﺎﻓﺮﻭﻑ: initial/medial/final forms of لافروف; ﺓ (FE93) is teh marbuta → ه
    expect(norm('\uFEDF\uFE8E\uFED3\uFEAE\uFEED\uFED1')).toBe('لافروف');
    expect(norm('\uFE93')).toBe('ه');
    expect(norm('\uFEF0')).toBe('ي'); // alef maksura final form → ي
  });
  it('deletes isolated mark forms instead of leaving a space', () => {
    expect(norm('ب\uFE70ت')).toBe('بت'); // fathatan isolated form = space + mark
    expect(norm('ب\uFE71ت')).toBe('بت'); // tatweel + fathatan
  });
});

describe('Latin', () => {
  it('case-folds and strips diacritics', () => {
    expect(norm('Zárif ÖSTERREICH Straße')).toBe('zarif osterreich straße');
    expect(norm('Łódź')).toBe('łodz');
    expect(norm('İstanbul')).toBe('istanbul');
  });
  it('decomposed diacritics give the same key as precomposed', () => {
    expect(norm('Ze\u0301')).toBe(norm('Zé'));
  });
  it('keeps Cyrillic letters distinct, only lowercased', () => {
    expect(norm('Йошкар')).toBe('йошкар');
  });
});

describe('normalizeKey', () => {
  it('collapses whitespace and trims', () => {
    expect(normalizeKey('  محمد\u00a0 جواد\n ظريف ')).toBe('محمد جواد ظريف');
    expect(normalizeKey(' Sergey   LAVROV ')).toBe('sergey lavrov');
  });
});

describe('offset map', () => {
  it('has length out+1 and ends at input length', () => {
    const s = 'وقّع وزير الخارجية الروسي سيرغي لافروف';
    const r = normalize(s);
    expect(r.map.length).toBe(r.text.length + 1);
    expect(r.map[r.text.length]).toBe(s.length);
  });
  it('keeps lone surrogates and a leading BOM-like unit as they are decoded', () => {
    expect(norm('\ud83dأ\ude00')).toBe('\ud83dا\ude00');
    expect(norm('أ\ufffd')).toBe('ا\ufffd');
    expect(norm('\ufeffأ')).toBe('ا');
  });
  it('is the identity on text that needs no change', () => {
    expect(mapOf('abc')).toEqual([0, 1, 2, 3]);
  });
  it('isTrailingMark: marks and tatweel yes, format chars and letters no', () => {
    expect(isTrailingMark(0x64f)).toBe(true);
    expect(isTrailingMark(0x640)).toBe(true);
    expect(isTrailingMark(0x200c)).toBe(false);
    expect(isTrailingMark(0x644)).toBe(false);
  });
});

// Random strings over the interesting alphabet: Arabic letters and marks, tatweel, joiners,
// presentation forms, Latin with diacritics, digits, surrogates (paired and lone), spaces.
const UNITS = [
  ...'ابتثجحخدذرزسشصضطظعغفقكلمنهويىةأإآؤئ',
  '\u064e',
  '\u0651',
  '\u0652',
  '\u0670',
  '\u0640',
  '\u200c',
  '\u200d',
  '\u200f',
  '\ufeff',
  '\u00ad',
  '\ufefb',
  '\ufef7',
  '\ufe70',
  '\ufe71',
  '\ufedf',
  '\ufdf2',
  '\ufc5e',
  ...'aZéÖß İ0٣۷',
  '\u0301',
  '\ud83d',
  '\ude00',
  ' ',
  '"',
  '«',
  '.',
  '\n',
];
const unitString = fc.array(fc.constantFrom(...UNITS), { maxLength: 60 }).map((a) => a.join(''));

describe('properties', () => {
  it('map is monotonic, in range, and sized out+1', () => {
    fc.assert(
      fc.property(unitString, (s) => {
        const { text, map } = normalize(s);
        expect(map.length).toBe(text.length + 1);
        expect(map[text.length]).toBe(s.length);
        for (let i = 0; i < text.length; i++) {
          expect(map[i]).toBeGreaterThanOrEqual(0);
          expect(map[i]).toBeLessThan(s.length);
          if (i > 0) expect(map[i]).toBeGreaterThanOrEqual(map[i - 1]);
        }
      }),
      { numRuns: 500 },
    );
  });
  it('every output unit comes from the input unit the map names', () => {
    fc.assert(
      fc.property(unitString, (s) => {
        const { text, map } = normalize(s);
        // Group output units by source offset: each group is exactly that unit normalized alone.
        let i = 0;
        while (i < text.length) {
          let j = i;
          while (j < text.length && map[j] === map[i]) j++;
          expect(text.slice(i, j)).toBe(normalize(s[map[i]]).text);
          i = j;
        }
        // And the units that produced nothing really normalize to nothing.
        const sources = new Set(Array.from(map.subarray(0, text.length)));
        for (let k = 0; k < s.length; k++) if (!sources.has(k)) expect(normalize(s[k]).text).toBe('');
      }),
      { numRuns: 500 },
    );
  });
  it('is idempotent', () => {
    fc.assert(
      fc.property(unitString, (s) => {
        expect(norm(norm(s))).toBe(norm(s));
      }),
      { numRuns: 300 },
    );
  });
});

describe('normalizeTokens (the page path: one pass)', () => {
  const separate = (s: string) => {
    const { text, map } = normalize(s);
    const { starts, ends, count } = tokenize(text);
    const hashes = Array.from(starts, (a, k) => suffixHash(text, a, ends[k]));
    const longHashes = Array.from(starts, (a, k) => longSuffixHash(text, a, ends[k]));
    const ids = Array.from(starts, (a, k) => tokenHash(text, a, ends[k]));
    return {
      text,
      map: Array.from(map),
      starts: Array.from(starts),
      ends: Array.from(ends),
      count,
      hashes,
      longHashes,
      ids,
    };
  };
  const fused = (s: string) => {
    const r = normalizeTokens(s);
    const arr = (a: ArrayLike<number>) => Array.from(a);
    return {
      text: r.text,
      map: Array.from({ length: r.text.length + 1 }, (_, i) => sourceOffset(r.shifts, i)),
      starts: arr(r.starts),
      ends: arr(r.ends),
      count: r.count,
      hashes: arr(r.hashes),
      longHashes: arr(r.longHashes),
      ids: arr(r.ids),
    };
  };
  it('gives what normalize, tokenize and the token hashes give, on random text', () => {
    fc.assert(
      fc.property(unitString, (s) => {
        expect(fused(s)).toEqual(separate(s));
      }),
      { numRuns: 1000 },
    );
  });
  it('on long texts, ligature expansions growing the buffers, and text that needs no change', () => {
    const long = 'وقّع وزير الخارجية الروسي سيرغي لافروف، Zárif ﻻ ﷲ. '.repeat(400);
    const ligatures = '\ufdf2\ufefb'.repeat(3000);
    for (const s of [long, ligatures, 'abc def', '', ' ', 'x']) expect(fused(s)).toEqual(separate(s));
  });
});
