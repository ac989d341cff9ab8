// Country name or nisba adjective (engine/match/nisba.ts): each rule with the sentences that show it, the
// name read as a name and the same letters read as an adjective.
import { describe, expect, it } from 'vitest';
import { prepareText } from '../../engine/match/matcher';
import { readNisba } from '../../engine/match/nisba';

/** How `word` (the first occurrence of it in `sentence`) is read as سعودية / سورية. */
function reading(sentence: string, word: string) {
  const p = prepareText(sentence);
  const target = prepareText(word).norm;
  let i = 0;
  while (i < p.count && p.norm.slice(p.starts[i], p.ends[i]) !== target) i++;
  if (i === p.count) throw new Error(`${word} is not a word of ${sentence}`);
  const saudi = target.endsWith('سعوديه');
  return readNisba(p, i, saudi ? 'سعوديه' : 'سوريه', saudi);
}

describe('nisba: name or adjective', () => {
  it('S0: the form the country is not named by is the adjective', () => {
    expect(reading('في الأراضي السورية', 'السورية')).toBe('adjective');
    expect(reading('وصلت إلى السورية', 'السورية')).toBe('adjective');
    expect(reading('علامة تجارية سعودية', 'سعودية')).toBe('adjective');
  });
  it('S1: a preposition attached makes a name', () => {
    expect(reading('الأوضاع بالسعودية', 'بالسعودية')).toBe('name');
    expect(reading('القنصل العام للسعودية', 'للسعودية')).toBe('name');
    expect(reading('انظر لسورية', 'لسورية')).toBe('name');
  });
  it('S2: the first word of a sentence, headline or clause is a name', () => {
    expect(reading('السعودية تطلق برنامجا', 'السعودية')).toBe('name');
    expect(reading('وقال «رويترز»، السعودية أكبر مصدر', 'السعودية')).toBe('name');
    expect(reading('العرب، والسعودية بشكل أخص', 'والسعودية')).toBe('name');
    expect(reading('الوضع:\nسورية تنزف', 'سورية')).toBe('name');
  });
  it('S3: و / ف attached is a name unless it joins an adjective of the same form', () => {
    expect(reading('دول الخليج والسعودية ومصر', 'والسعودية')).toBe('name');
    expect(reading('فوق العراق وسورية', 'وسورية')).toBe('name');
    expect(reading('الأراضي المصرية والسعودية', 'والسعودية')).toBe('adjective');
    expect(reading('قوات تركية وسورية', 'وسورية')).toBe('adjective');
  });
  it('S4: after a preposition, particle or conjunction it is a name; after غير an adjective', () => {
    expect(reading('الحدودية مع السعودية', 'السعودية')).toBe('name');
    expect(reading('يبدو أن السعودية ستظل', 'السعودية')).toBe('name');
    expect(reading('الحدود مع سورية', 'سورية')).toBe('name');
    expect(reading('وصل إلى السعودية', 'السعودية')).toBe('name');
    expect(reading('الأسر السعودية وغير السعودية', 'السعودية')).toBe('adjective');
    const p = prepareText('الأسر السعودية وغير السعودية');
    expect(readNisba(p, 3, 'سعوديه', true)).toBe('adjective');
  });
  it('S5: the definite name after a definite word is its adjective, after any other word a name', () => {
    expect(reading('وزارة الداخلية السعودية', 'السعودية')).toBe('adjective');
    expect(reading('فتح سوق الأسهم السعودية', 'السعودية')).toBe('adjective');
    expect(reading('دعم وتعزيز الكفاءات السعودية', 'السعودية')).toBe('adjective');
    expect(reading('في مدينة جدة السعودية', 'السعودية')).toBe('adjective');
    expect(reading('أعلنت شركة زين السعودية', 'السعودية')).toBe('adjective');
    expect(reading('وتراجع سهم مجموعة السعودية', 'السعودية')).toBe('adjective');
    expect(reading('ارتفعت أسهم كيان والسعودية للتموين', 'والسعودية')).toBe('adjective');
    expect(reading('عاد إلى السعودية للعلاج', 'السعودية')).toBe('name');
    expect(reading('موقف السعودية ثابت', 'السعودية')).toBe('name');
    expect(reading('التي أعلنتها السعودية', 'السعودية')).toBe('name');
    expect(reading('مناطق ومدن السعودية', 'السعودية')).toBe('name');
  });
  it('S6: the indefinite name is an adjective after the nouns it can describe, otherwise a name', () => {
    expect(reading('وعلى رأسها سورية', 'سورية')).toBe('name');
    expect(reading('مجموعة العمل من أجل فلسطينيي سورية', 'سورية')).toBe('name');
    expect(reading('أي حل لا بد أن يشمل سورية بحدودها', 'سورية')).toBe('name');
    expect(reading('والمتزوج من سيدة سورية علوية', 'سورية')).toBe('adjective');
    expect(reading('طائرات سورية قصفت', 'سورية')).toBe('adjective');
    expect(reading('السلطات المطلوبة لإيران سورية ولبنانية', 'سورية')).toBe('adjective');
    expect(reading('تحافظ على مناطق سورية حيوية', 'سورية')).toBe('adjective');
    expect(reading('وتسلمت سورية الشحنة', 'سورية')).toBe('name');
    expect(reading('كلفة إعمار سورية والعراق', 'سورية')).toBe('name');
    expect(reading('قالت مصادر سورية إن', 'سورية')).toBe('adjective');
    expect(reading('قوات سورية ولبنانية', 'سورية')).toBe('adjective');
    expect(reading('أما الحلويات فسورية الصنع', 'فسورية')).toBe('adjective');
  });
});
