import { describe, expect, it } from 'vitest';
import { arabicSpellingVariants } from '../../engine/text/variants';
import { normalizeKey } from '../../engine/text/normalize';

const v = (s: string) => arabicSpellingVariants(normalizeKey(s));

describe('arabicSpellingVariants', () => {
  it('links the spellings of Telegram through غ⇄ج and the optional medial ي', () => {
    const forms = v('تلغرام');
    for (const f of ['تيليغرام', 'تليغرام', 'تيلغرام', 'تلجرام', 'تيليجرام']) expect(forms).toContain(f);
    // and back from any of them
    expect(v('تيليجرام')).toContain('تلغرام');
    expect(v('تيلغرام')).toContain('تيليغرام');
  });

  it('swaps غ and ج both ways', () => {
    expect(v('سيغنال')).toContain('سيجنال');
    expect(v('سيجنال')).toContain('سيغنال');
    expect(v('سيرغي')).toContain('سيرجي');
  });

  it('does not drop a vowel from short skeletons or insert one after an initial vowel', () => {
    expect(v('سيرغي')).not.toContain('سرغي');
    expect(v('أندريه').some((f) => f.startsWith('انيد'))).toBe(false);
  });

  it('lets a final ه after ي come and go', () => {
    expect(v('أندريه')).toContain('اندري');
    expect(v('أندري')).toContain('اندريه');
  });

  it('varies every token of a multi-word alias', () => {
    const forms = v('سيرغي لافروف');
    expect(forms).toContain('سيرجي لافروف');
    for (const f of forms) expect(f.split(' ')).toHaveLength(2);
  });

  it('excludes the input, has no duplicates, is bounded and deterministic', () => {
    for (const s of ['تلغرام', 'غريغوري غاغارين جورج', 'سيرغي لافروف', 'روسيا']) {
      const key = normalizeKey(s);
      const forms = arabicSpellingVariants(key);
      expect(forms).not.toContain(key);
      expect(new Set(forms).size).toBe(forms.length);
      expect(forms.length).toBeLessThanOrEqual(24);
      expect(arabicSpellingVariants(key)).toEqual(forms);
    }
    expect(v('روسيا')).toEqual([]);
    expect(v('غريغوري غاغارين جورج').length).toBe(24);
  });
});
