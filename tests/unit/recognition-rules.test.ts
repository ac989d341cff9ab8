// The recognition rules issue 11 added, on the shipped catalog: each with a sentence where the
// name is meant and one where the same letters are not.
import { describe, expect, it } from 'vitest';
import { compileCorpus } from '../../compiler/compile';
import { readSeeds } from '../../compiler/seeds';
import { createMatcher, pageEvidence } from '../../engine/match/matcher';

const matcher = createMatcher(compileCorpus(readSeeds()).gazetteer);
const found = (text: string, published: string | null = null) =>
  matcher.match(text, pageEvidence(published)).map((m) => `${m.entityId} ${m.surface}`);

describe('recognition rules on the shipped catalog', () => {
  it('a name inside a longer known name is not a mention of the shorter one', () => {
    expect(found('ذكرت صحيفة «واشنطن بوست» أن')).toEqual(['organization/washington-post واشنطن بوست']);
    expect(found('في أميركا اللاتينية وأميركا الجنوبية')).toEqual([
      'place/latin-america أميركا اللاتينية',
      'place/south-america وأميركا الجنوبية',
    ]);
    expect(found('رئيس الاتحاد الأوروبي لكرة القدم')).toEqual(['organization/uefa الاتحاد الأوروبي لكرة القدم']);
    expect(found('The Washington Post reported from Washington')).toEqual([
      'organization/washington-post The Washington Post',
      'place/washington Washington',
    ]);
  });
  it('a listed non-entity phrase shadows the name and is never marked', () => {
    expect(found('القبائل في وسط أميركا')).toEqual([]);
    expect(found('the host of Good Morning America said')).toEqual([]);
    expect(found('He played his Trump cards well.')).toEqual([]);
    expect(found('the Copa America final')).toEqual([]);
  });
  it('a key made by removing the article needs the article on the page', () => {
    expect(found('أقر مجلس الدوما وصوّت الدوما')).toEqual([
      'organization/state-duma مجلس الدوما',
      'organization/state-duma الدوما',
    ]);
    expect(found('إن لم تزره دوماً لن يزورك، وهي ترفض الخسارة دوما')).toEqual([]);
  });
  it('an entity with a start date is not found on pages dated before it; undated pages get it', () => {
    expect(found('انتشار فيروس كورونا في المنطقة', '2015-07-21')).toEqual([]);
    expect(found('انتشار فيروس كورونا في المنطقة', '2020-03-01')).toEqual(['event/covid-19-pandemic فيروس كورونا']);
    expect(found('انتشار فيروس كورونا في المنطقة')).toEqual(['event/covid-19-pandemic فيروس كورونا']);
  });
  it('acronyms are written in capitals, not as currency, not in shouted text', () => {
    expect(found('the US said; Contact Us; Science of Us')).toEqual(['place/united-states US']);
    expect(found('it cost US$ 5 million')).toEqual([]);
    expect(found('CONTACT US | ABOUT US')).toEqual([]);
    expect(found('Un-angry voters met the UN envoy')).toEqual(['organization/united-nations UN']);
  });
  it('an acronym in capitals counts at a sentence start; dotted initials join a name', () => {
    expect(found('US cinema gunman had a violent past')).toEqual(['place/united-states US']);
    expect(found('meddling in the U.S. election, the U.N. said')).toEqual([
      'place/united-states U.S.',
      'organization/united-nations U.N.',
    ]);
    expect(found('Joseph R. Biden spoke')).toEqual(['person/joe-biden Joseph R. Biden']);
  });
  it('a capital is no evidence at a sentence start or in Title Case', () => {
    expect(found('Voters said Trump would win.')).toEqual(['person/donald-trump Trump']);
    expect(found('Trump Tower Opens Again')).toEqual([]);
    expect(found('Why The Trump Era Matters')).toEqual([]);
  });
  it('against-words veto the evidence for an ambiguous name', () => {
    expect(found('قالت قناة الجزيرة إن')).toEqual(['organization/al-jazeera الجزيرة']);
    expect(found('في مقاله بالزميلة "الجزيرة" أمس')).toEqual([]);
    expect(found('في شبه الجزيرة العربية')).toEqual([]);
  });
  it('a shadda on a short name makes it another word', () => {
    expect(found('وهو مصرّ على رأيه')).toEqual([]);
    expect(found('تسلمت مصر الطائرات')).toEqual(['place/egypt مصر']);
  });
});
