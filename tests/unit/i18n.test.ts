import { describe, expect, it } from 'vitest';
import { STRINGS, countNoun, resolveLang } from '../../i18n/strings';

describe('interface strings', () => {
  it('exist in Arabic and English for every key, and none is empty', () => {
    expect(Object.keys(STRINGS.ar).sort()).toEqual(Object.keys(STRINGS.en).sort());
    for (const lang of ['ar', 'en'] as const)
      for (const [k, v] of Object.entries(STRINGS[lang])) expect(v, `${lang}.${k}`).not.toBe('');
  });

  it('count nouns by each language’s plural rules', () => {
    expect([1, 2, 42].map((n) => countNoun('en', 'articles', n))).toEqual(['article', 'articles', 'articles']);
    expect([1, 2, 3, 11, 100].map((n) => countNoun('ar', 'articles', n))).toEqual([
      'مقال',
      'مقالان',
      'مقالات',
      'مقالًا',
      'مقال',
    ]);
  });

  it('follow the browser language when set to automatic', () => {
    expect(resolveLang('auto', 'ar-EG')).toBe('ar');
    expect(resolveLang('auto', 'fr-FR')).toBe('en');
    expect(resolveLang('ar', 'en-US')).toBe('ar');
  });
});
