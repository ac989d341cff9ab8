import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { buildGazetteer } from '../../engine/match/gazetteer';
import { createMatcher, pageEvidence } from '../../engine/match/matcher';
import type { CatalogEntity, Mention } from '../../engine/types';
import { htmlToText } from '../../cli/html';

const entity = (e: Omit<CatalogEntity, 'gloss' | 'aliases'> & Partial<CatalogEntity>): CatalogEntity => ({
  aliases: {},
  gloss: { ar: '', en: '' },
  ...e,
});

const CATALOG: CatalogEntity[] = [
  entity({
    id: 'person/sergey-lavrov',
    type: 'person',
    names: { ar: 'سيرغي لافروف', en: 'Sergey Lavrov' },
    aliases: { ar: ['لافروف'], en: ['Lavrov'] },
    transliterated: true,
  }),
  entity({
    id: 'person/mohammad-javad-zarif',
    type: 'person',
    names: { ar: 'محمد جواد ظريف', en: 'Mohammad Javad Zarif' },
    aliases: { ar: ['ظريف'], en: ['Zarif'] },
    ambiguous: ['ظريف'],
    cues: { ar: ['وزير', 'الخارجية', 'نظيره'] },
  }),
  entity({ id: 'organization/tass', type: 'organization', names: { ar: 'تاس', en: 'TASS' }, cues: { ar: ['وكالة'] } }),
  entity({
    id: 'product/telegram',
    type: 'product',
    names: { ar: 'تلغرام', en: 'Telegram' },
    ambiguous: ['Telegram'],
    cues: { en: ['app', 'messenger'] },
    transliterated: true,
  }),
  entity({
    id: 'product/signal',
    type: 'product',
    names: { ar: 'سيغنال', en: 'Signal' },
    ambiguous: ['Signal'],
    cues: { en: ['app', 'messenger'] },
    transliterated: true,
  }),
  entity({ id: 'place/russia', type: 'place', names: { ar: 'روسيا', en: 'Russia' } }),
  entity({ id: 'organization/kremlin', type: 'organization', names: { ar: 'الكرملين', en: 'Kremlin' } }),
  entity({
    id: 'person/vladimir-putin',
    type: 'person',
    names: { ar: 'فلاديمير بوتين', en: 'Vladimir Putin' },
    aliases: { ar: ['بوتين'] },
  }),
];

const gaz = buildGazetteer(CATALOG);
const matcher = createMatcher(gaz);
const ids = (text: string) => matcher.match(text).map((m) => m.entityId);
const surfaces = (text: string) => matcher.match(text).map((m) => m.surface);

describe('buildGazetteer', () => {
  const entries = (id: string) => {
    const e = gaz.entityIds.indexOf(id);
    return gaz.aliases.filter((a) => a.entity === e);
  };
  it('keys names and aliases in every language, normalized and tokenized', () => {
    const lavrov = entries('person/sergey-lavrov').map((a) => a.tokens.join(' '));
    expect(lavrov).toEqual(
      expect.arrayContaining(['سيرغي لافروف', 'لافروف', 'sergey lavrov', 'lavrov', 'سيرجي لافروف']),
    );
    expect(gaz.entityTypes[gaz.entityIds.indexOf('place/russia')]).toBe('place');
  });
  it('keeps الكرملين and adds كرملين, reachable only with the article stripped; people never take it', () => {
    const kremlin = entries('organization/kremlin');
    expect(kremlin).toContainEqual({ entity: 6, tokens: ['الكرملين'], article: true });
    expect(kremlin).toContainEqual({ entity: 6, tokens: ['كرملين'], article: true, stripped: true });
    expect(ids('قال الكرملين وللكرملين')).toEqual(['organization/kremlin', 'organization/kremlin']);
    expect(ids('قال كرملين')).toEqual([]);
    expect(entries('place/russia')).toContainEqual({ entity: 5, tokens: ['روسيا'], article: true });
    for (const a of entries('person/sergey-lavrov')) expect(a.article).toBeUndefined();
  });
  it('flags ambiguous (listed or ≤ 3 letters) and case-sensitive Latin aliases', () => {
    expect(entries('person/mohammad-javad-zarif').find((a) => a.tokens.join(' ') === 'ظريف')?.ambiguous).toBe(true);
    expect(entries('organization/tass').find((a) => a.tokens[0] === 'تاس')?.ambiguous).toBe(true);
    expect(entries('organization/tass').find((a) => a.tokens[0] === 'tass')).toEqual({
      entity: 2,
      tokens: ['tass'],
      caseSensitive: true,
      acronym: true,
    });
    expect(entries('product/signal').find((a) => a.tokens[0] === 'signal')).toMatchObject({
      ambiguous: true,
      caseSensitive: true,
    });
  });
  it('normalizes cues, is deterministic and free of duplicates', () => {
    expect(gaz.cues[1]).toEqual(['وزير', 'الخارجيه', 'نظيره']);
    expect(buildGazetteer(CATALOG)).toEqual(gaz);
    const sigs = gaz.aliases.map((a) => JSON.stringify(a));
    expect(new Set(sigs).size).toBe(sigs.length);
    expect(gaz.related).toEqual({});
  });
});

describe('token boundaries', () => {
  it('never matches inside a word', () => {
    expect(ids('نقلت وكالة التاسعة')).toEqual([]);
    expect(ids('منذ تأسيس وكالة تاس')).toEqual(['organization/tass']);
    expect(ids('الروسيات')).toEqual([]);
  });
});

describe('clitics', () => {
  it('matches names under proclitics and marks the whole word', () => {
    expect(surfaces('قال ولافروف')).toEqual(['ولافروف']);
    expect(surfaces('وبروسيا ولروسيا')).toEqual(['وبروسيا', 'ولروسيا']);
    expect(surfaces('بالنسبة لروسيا')).toEqual(['لروسيا']);
    expect(surfaces('مصدر للكرملين')).toEqual(['للكرملين']);
    expect(surfaces('والكرملين')).toEqual(['والكرملين']);
    expect(surfaces('قال الكرملين')).toEqual(['الكرملين']);
    expect(surfaces('للافروف')).toEqual(['للافروف']);
  });
  it('never gives a person the article', () => {
    expect(ids('اللافروف')).toEqual([]);
    expect(ids('والبوتين')).toEqual([]);
  });
  it('keeps the first letter of names that start like a proclitic', () => {
    expect(matcher.match('بوتين وفلاديمير بوتين')).toMatchObject([
      { entityId: 'person/vladimir-putin', start: 0, end: 5 },
      { entityId: 'person/vladimir-putin', start: 6, end: 21 },
    ]);
  });
});

describe('multi-word names', () => {
  it('prefers the longest alias and takes clitics only on the first token', () => {
    const text = 'وقّع وزير الخارجية الروسي وسيرغي لافروف، ومحمد جواد ظريف اتفاقية';
    const found = matcher.match(text);
    expect(found.map((m) => m.surface)).toEqual(['وسيرغي لافروف', 'ومحمد جواد ظريف']);
    expect(found[0].start).toBe(text.indexOf('وسيرغي'));
    expect(ids('سيرغي ولافروف')).toEqual(['person/sergey-lavrov']); // only لافروف: no clitic inside a name
    expect(surfaces('سيرغي ولافروف')).toEqual(['ولافروف']);
  });
  it('matches generated spelling variants', () => {
    expect(ids('سيرجي لافروف وتيليجرام')).toEqual(['person/sergey-lavrov', 'product/telegram']);
  });
});

describe('diacritics and tatweel', () => {
  it('marks a diacritized or stretched name whole', () => {
    expect(surfaces('قال لافْروف إن')).toEqual(['لافْروف']);
    expect(surfaces('حكومة بـوتـيـن')).toEqual(['بـوتـيـن']);
    expect(surfaces('قال لافروفُ إن')).toEqual(['لافروفُ']); // trailing mark belongs to the last letter
    expect(surfaces('قال لافروفـ، ثم')).toEqual(['لافروفـ']);
    expect(surfaces('لاف\u200cروف')).toEqual(['لاف\u200cروف']);
  });
  it('reads presentation forms', () => {
    expect(ids('\uFEDF\uFE8E\uFED3\uFEAE\uFEED\uFED1')).toEqual(['person/sergey-lavrov']);
  });
});

describe('ambiguity gate', () => {
  it('rejects an ambiguous alias without evidence', () => {
    expect(ids('كان رده ظريف جدا')).toEqual([]);
    expect(ids('قال تاس')).toEqual([]);
  });
  it('accepts a cue word among the 3 tokens before, also under clitics', () => {
    expect(ids('قال وزير ظريف')).toEqual(['person/mohammad-javad-zarif']);
    expect(ids('قال الوزير ظريف')).toEqual(['person/mohammad-javad-zarif']);
    expect(ids('وزير الخارجية الإيراني ظريف')).toEqual(['person/mohammad-javad-zarif']);
    expect(ids('ونقلت وكالة تاس')).toEqual(['organization/tass']);
    expect(ids('وزير قال إنه كان ظريف')).toEqual([]); // cue too far back
  });
  it('accepts a longer alias of the same entity elsewhere on the page', () => {
    expect(ids('ظريف في موسكو. محمد جواد ظريف')).toEqual([
      'person/mohammad-javad-zarif',
      'person/mohammad-javad-zarif',
    ]);
  });
  it('accepts quotation marks right around the mention', () => {
    expect(ids('ونقلت "تاس" عن')).toEqual(['organization/tass']);
    expect(ids('ونقلت «تاس» عن')).toEqual(['organization/tass']);
    expect(ids('ونقلت "تاس عن"')).toEqual([]);
  });
  it('accepts quotation marks with spaces inside them', () => {
    expect(ids('ونقلت « تاس » عن')).toEqual(['organization/tass']);
  });
  it('accepts a cue word just after the name', () => {
    expect(ids('Signal, the encrypted messenger, grew.')).toEqual(['product/signal']);
    expect(ids('Signal is weak here.')).toEqual([]);
  });
  it('does not join the words of a name across punctuation or lines', () => {
    expect(surfaces('التقى سيرغي لافروف')).toEqual(['سيرغي لافروف']);
    expect(surfaces('التقى سيرغي، لافروف')).toEqual(['لافروف']);
    expect(surfaces('فلاديمير\nبوتين')).toEqual(['بوتين']);
  });
  it('accepts a related entity named unambiguously on the page', () => {
    const tass = gaz.entityIds.indexOf('organization/tass');
    const russia = gaz.entityIds.indexOf('place/russia');
    const m = createMatcher(buildGazetteer(CATALOG, { [tass]: [russia] }));
    expect(m.match('قال تاس في روسيا').map((x) => x.entityId)).toEqual(['organization/tass', 'place/russia']);
    expect(m.match('قال تاس').map((x) => x.entityId)).toEqual([]);
  });
});

describe('English case', () => {
  it('needs the capital on case-sensitive aliases', () => {
    expect(ids('a weak signal on telegram lines')).toEqual([]);
    expect(ids('they met lavrov')).toEqual([]);
    expect(ids('They met Lavrov and LAVROV')).toEqual(['person/sergey-lavrov', 'person/sergey-lavrov']);
  });
  it('takes a capitalized ambiguous alias mid-sentence as a name', () => {
    expect(ids('They blocked the Signal app.')).toEqual(['product/signal']);
    expect(ids('Users moved to Telegram.')).toEqual(['product/telegram']);
  });
  it('does not take capitalization at a sentence start as evidence', () => {
    expect(ids('Signal is weak here.')).toEqual([]);
    expect(ids('It rained. Signal is weak.')).toEqual([]);
    expect(ids('Signal is weak. Users moved to the Signal app.')).toEqual(['product/signal']);
    expect(ids('“Signal” is blocked.')).toEqual(['product/signal']);
  });
});

describe('the first corpus article', () => {
  const text = readFileSync('seeds/articles/000_170d4d68c2385a85.txt', 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
  const found = matcher.match(text);
  it('finds the people, places and products of the article', () => {
    const set = new Set(found.map((m) => m.entityId));
    for (const id of [
      'person/mohammad-javad-zarif',
      'person/sergey-lavrov',
      'place/russia',
      'product/signal',
      'product/telegram',
      'organization/tass',
      'person/vladimir-putin',
    ]) {
      expect(set.has(id), id).toBe(true);
    }
  });
  it('links the headline ظريف through the full name in the body', () => {
    expect(found[0]).toMatchObject({ entityId: 'person/mohammad-javad-zarif', start: 0, surface: 'ظريف' });
  });
  it('reports exact original offsets', () => {
    for (const m of found) expect(text.slice(m.start, m.end)).toBe(m.surface);
    expect(found.map((m) => m.surface)).toContain('وروسيا');
  });
});

// Random text over names, clitics, marks, joiners, quotes, sentence ends and surrogates.
const PIECES = [
  'لافروف',
  'سيرغي',
  'ظريف',
  'محمد جواد',
  'تاس',
  'روسيا',
  'الكرملين',
  'بوتين',
  'وزير',
  'وكالة',
  'و',
  'ب',
  'ل',
  'ال',
  'لل',
  'ف',
  'Signal',
  'signal',
  'Telegram',
  'the',
  'Lavrov',
  'app',
  ' ',
  ' ',
  ' ',
  '. ',
  '\n',
  '"',
  '«',
  '»',
  '،',
  '\u064e',
  '\u0651',
  '\u0640',
  '\u200c',
  '\u200d',
  '\ufeff',
  '\ufefb',
  '\ufedf',
  '\ud83d\ude00',
  '\ud83d',
  '\ude00',
  'é',
  '\u0301',
  '٣',
];
const pageText = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((a) => a.join(''));

describe('properties', () => {
  it('surfaces equal their slices, mentions are ordered and never overlap', () => {
    fc.assert(
      fc.property(fc.oneof(pageText, fc.string({ unit: 'binary', maxLength: 40 })), (text) => {
        const found = matcher.match(text);
        let last = 0;
        for (const m of found) {
          expect(m.surface).toBe(text.slice(m.start, m.end));
          expect(m.start).toBeGreaterThanOrEqual(last);
          expect(m.end).toBeGreaterThan(m.start);
          expect(m.end).toBeLessThanOrEqual(text.length);
          expect(m.entityId).toBe(gaz.entityIds[m.entity]);
          last = m.end;
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('scale', () => {
  // Speed is measured by `npm run bench`; here only that a large page gives the same answer as its parts.
  it('finds in 1 MB of text exactly the mentions of its parts', () => {
    const article = readFileSync('seeds/articles/000_170d4d68c2385a85.txt', 'utf8').replace(
      /^---\n[\s\S]*?\n---\n/,
      '',
    );
    const parts: string[] = [];
    for (let n = 0; n < 1_000_000; n += article.length + 1) parts.push(article);
    const big = parts.join('\n');
    const one = matcher.match(article);
    const found = matcher.match(big);
    expect(one.length).toBeGreaterThan(10);
    expect(found.length).toBe(one.length * parts.length);
    const last = found.slice(-one.length);
    const offset = big.length - article.length;
    expect(last.map((m) => [m.entityId, m.start - offset, m.end - offset])).toEqual(
      one.map((m) => [m.entityId, m.start, m.end]),
    );
  });
});

describe('a page matched in slices', () => {
  /** Matches `text` cut at `cuts`, sharing evidence, then settles the undecided mentions as page/marks/session.ts does. */
  function sliced(text: string, cuts: number[]) {
    const evidence = pageEvidence();
    const found = new Map<number, Mention>();
    const bounds = [0, ...cuts, text.length];
    for (let k = 0; k + 1 < bounds.length; k++) {
      const [start, end] = [bounds[k], bounds[k + 1]];
      const before = evidence.undecided.length;
      for (const m of matcher.match(text.slice(start, end), evidence))
        found.set(start + m.start, { ...m, start: start + m.start, end: start + m.end });
      for (const u of evidence.undecided.slice(before)) {
        u.mention.start += start;
        u.mention.end += start;
      }
    }
    for (const { mention } of matcher.decide(evidence)) found.set(mention.start, mention);
    return { mentions: [...found.values()].sort((a, b) => a.start - b.start), left: evidence.undecided };
  }

  it('settles an ambiguous name when a later slice names its entity', () => {
    const text = 'ظريف في موسكو.\nثم قال محمد جواد ظريف';
    const { mentions, left } = sliced(text, [text.indexOf('\n')]);
    expect(mentions.map((m) => m.surface)).toEqual(['ظريف', 'محمد جواد ظريف']);
    expect(left).toEqual([]);
  });

  it('leaves it undecided when nothing names it', () => {
    const text = 'كان رده ظريف.\nوقال آخرون غير ذلك';
    const { mentions, left } = sliced(text, [text.indexOf('\n')]);
    expect(mentions).toEqual([]);
    expect(left.map((u) => u.mention.surface)).toEqual(['ظريف']);
  });

  it('finds on the evaluation pages, cut at every paragraph, what one pass over each page finds', () => {
    for (const file of readdirSync('tests/eval/pages').filter((f) => f.endsWith('.html'))) {
      const text = htmlToText(readFileSync(`tests/eval/pages/${file}`, 'utf8')).text;
      const cuts = [...text.matchAll(/\n/g)].map((m) => m.index);
      const whole = matcher.match(text).map((m) => `${m.entityId}@${m.start}`);
      expect(
        sliced(text, cuts).mentions.map((m) => `${m.entityId}@${m.start}`),
        file,
      ).toEqual(whole);
    }
  });
});
