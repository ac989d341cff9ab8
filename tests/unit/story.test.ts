// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { dateKeys, isoDateKeys } from '../../engine/dates';
import { extractFeatures, scoreStory, storyContext } from '../../engine/story';
import { packStories } from '../../engine/story-table';
import { normalize } from '../../engine/normalize';
import { tokenStrings } from '../../engine/tokenize';
import type { EntityType } from '../../engine/types';

const keys = (s: string) => [...dateKeys(tokenStrings(normalize(s).text))].sort();

describe('dates', () => {
  it('reads Arabic, Levantine and English dates', () => {
    expect(keys('اليوم الثلاثاء 26 يناير (كانون الثاني)')).toEqual(['d:01-26']);
    expect(keys('في 26 كانون الثاني 2021')).toEqual(['d:01-26', 'm:2021-01']);
    expect(keys('ديسمبر (كانون الأول) 2017، وأغسطس (آب) 2018')).toEqual(['m:2017-12', 'm:2018-08']);
    expect(keys('on January 26, 2021')).toEqual(['d:01-26', 'm:2021-01']);
    expect(keys('on 26 Jan')).toEqual(['d:01-26']);
    expect(keys('٢٦ يناير')).toEqual(['d:01-26']);
  });
  it('does not take common words for months without a day or year beside them', () => {
    expect(keys('you may go; الأب والابن')).toEqual([]);
  });
  it('reads ISO publication dates', () => {
    expect(isoDateKeys('2021-01-26T10:00:00Z')).toEqual(['d:01-26', 'm:2021-01']);
    expect(isoDateKeys(null)).toEqual([]);
  });
});

describe('story scoring', () => {
  // Entities: 0 Zarif, 1 Lavrov, 2 Navalny (people), 3 Russia, 4 Iran, 5 Moscow (places)
  const types: EntityType[] = ['person', 'person', 'person', 'place', 'place', 'place'];
  const article = extractFeatures(
    'وقع وزير الخارجية الروسي لافروف ونظيره الإيراني ظريف اتفاقية تعاون في الأمن السيبراني في موسكو يوم 26 يناير 2021، واعتقل 3000 شخص',
    'ar',
    [0, 1, 3, 4, 5],
    '2021-01-26',
  );
  const other = extractFeatures('محاكمة نافالني في موسكو يوم 2 فبراير', 'ar', [2, 3, 5], '2021-02-02');
  const ctx = storyContext(packStories([article, other]), types);

  it('matches a report of the same event in another language', () => {
    const page = extractFeatures(
      'Zarif and Lavrov signed a cyber security pact in Moscow on January 26',
      'en',
      [0, 1, 5, 3, 4],
    );
    const s = scoreStory(page, 0, ctx);
    expect(s.sameStory).toBe(true);
    expect(scoreStory(page, 1, ctx).sameStory).toBe(false);
  });

  it('does not call a page that shares only places and topic words the same story', () => {
    const page = extractFeatures('الأمن السيبراني في روسيا وإيران وموسكو اتفاقية تعاون', 'ar', [3, 4, 5]);
    expect(scoreStory(page, 0, ctx).sameStory).toBe(false);
  });

  it('counts another day against the story', () => {
    const sameNames = extractFeatures('التقى لافروف وظريف في موسكو يوم 5 مارس', 'ar', [0, 1, 5]);
    const s = scoreStory(sameNames, 0, ctx);
    const undated = scoreStory(extractFeatures('التقى لافروف وظريف في موسكو', 'ar', [0, 1, 5]), 0, ctx);
    expect(s.score).toBeLessThan(undated.score);
  });

  it('is deterministic', () => {
    const a = extractFeatures('نص عن لافروف وظريف', 'ar', [1, 0, 1]);
    const b = extractFeatures('نص عن لافروف وظريف', 'ar', [0, 1]);
    expect(a).toEqual(b);
    expect(a.entities).toEqual([0, 1]);
  });
});
