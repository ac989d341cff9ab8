// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { dateKeys, isoDateKeys } from '../../engine/text/dates';
import {
  REWRITE_THRESHOLD,
  extractFeatures,
  rewriteScore,
  scoreStories,
  scoreStory,
  storyContext,
  storyEvidence,
  type StoryEvidence,
} from '../../engine/story/story';
import { contentMatches } from '../../engine/story/story-content';
import { packStories } from '../../engine/story/story-table';
import { normalize } from '../../engine/text/normalize';
import { tokenStrings } from '../../engine/text/tokenize';
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

describe('same story by content (word shingles)', () => {
  // A corpus of real-looking briefs that name no catalog entity: the content path alone decides.
  const wire =
    'وصل الرئيس رمضان أحمد قاديروف رئيس جمهورية الشيشان إلى جدة صباح أمس لأداء مناسك العمرة.\n' +
    'وكان في استقباله لدى وصوله مطار الملك عبدالعزيز الدولي الأمير سعود بن عبدالله بن جلوي محافظ جدة وعدد من المسؤولين.\n' +
    'وأعرب الرئيس الشيشاني عن سعادته بزيارة المملكة وشكره لخادم الحرمين الشريفين على ما تقدمه المملكة من خدمات لضيوف الرحمن.\n' +
    'ومن المقرر أن يزور الرئيس الشيشاني المدينة المنورة بعد أداء العمرة ويلتقي عددا من المسؤولين في المنطقة.';
  const other =
    'أعلنت وزارة التجارة والصناعة بدء تطبيق الدليل الوطني للأنشطة الاقتصادية وفقا للترميز الصناعي الدولي.\n' +
    'وقالت الوزارة إن الترميز سيطبق كمرحلة أولى على السجلات التجارية للمؤسسات الفردية في جميع المناطق.\n' +
    'ويحتوي الترميز الوطني المعتمد في المملكة على أكثر من ألف نشاط اقتصادي مصنفة في مجموعات رئيسية وفرعية.';
  const corpus = [wire, other].map((t) => extractFeatures(t, 'ar', [], '2015-07-21'));
  const ctx = storyContext(packStories(corpus), []);
  const best = (text: string) => scoreStories(extractFeatures(text, 'ar', []), ctx)[0];

  it('flags a copy and a copy minus its first paragraph, with no catalog entity', () => {
    expect(best(wire)).toMatchObject({ article: 0, sameStory: true });
    const lead = wire.indexOf('\n') + 1;
    expect(best(wire.slice(lead))).toMatchObject({ article: 0, sameStory: true });
    // Inside a page: menus before, comments after.
    const page = `الرئيسية محليات رياضة اقتصاد\n${wire.slice(lead)}\nالتعليقات: شكرا على الخبر`;
    expect(best(page)).toMatchObject({ article: 0, sameStory: true });
  });

  it('does not flag a page that only shares a topic', () => {
    const s = best(
      'وصل رئيس وزراء باكستان إلى المدينة المنورة أمس في زيارة خاصة، وزار المسجد النبوي وصلى فيه، ثم غادر إلى مكة المكرمة لأداء العمرة.',
    );
    expect(s?.sameStory ?? false).toBe(false);
  });

  it('flags a rewrite of the same day by its rare words, not one of another week', () => {
    const brief =
      'أنقذ مسعف في هيئة الهلال الأحمر بالمدينة المنورة مواطنا من الغصة هاتفيا بعد اتصال ابنه بغرفة العمليات.';
    const ctx2 = storyContext(
      packStories([brief, wire, other].map((t) => extractFeatures(t, 'ar', [], '2015-07-31'))),
      [],
    );
    const rewrite =
      'مواطن تعرض لغصة أثناء تناوله الطعام في المدينة المنورة، فاتصل ابنه بغرفة العمليات، وأنقذه مسعف الهلال الأحمر هاتفيا.';
    const sameDay = scoreStories(extractFeatures(rewrite, 'ar', [], '2015-07-31'), ctx2)[0];
    expect(sameDay).toMatchObject({ article: 0, sameStory: true });
    const weekLater = scoreStories(extractFeatures(rewrite, 'ar', [], '2015-08-07'), ctx2)[0];
    expect(weekLater?.sameStory ?? false).toBe(false);
  });

  it('takes a rewrite among many look-alikes for a formula, and a year for no figure', () => {
    const e = (rank: number, headline = 1): StoryEvidence => ({
      ...storyEvidence(extractFeatures(wire, 'ar', [], '2015-07-21'), 0, ctx),
      words: 0.5,
      pageWords: 0.5,
      rareNumbers: 0,
      rank,
      titleInPage: headline,
      titles: headline,
    });
    expect(rewriteScore(e(0))).toBeGreaterThanOrEqual(REWRITE_THRESHOLD);
    expect(rewriteScore(e(100))).toBeLessThan(REWRITE_THRESHOLD);
    // The same wording under another headline: the formula's next instance, not this event.
    expect(rewriteScore(e(0, 0.3))).toBeLessThan(REWRITE_THRESHOLD);
    const page = (figure: string) =>
      storyEvidence(extractFeatures(`${wire} ${figure}`, 'ar', [], '2015-07-21'), 0, ctx).rareNumbers;
    const withFigures = storyContext(
      packStories([`${wire} 601 2015`, other].map((t) => extractFeatures(t, 'ar', [], '2015-07-21'))),
      [],
    );
    const rare = (figure: string) =>
      storyEvidence(extractFeatures(`${wire} ${figure}`, 'ar', [], '2015-07-21'), 0, withFigures).rareNumbers;
    expect(page('601')).toBe(0); // the article names no figure
    expect(rare('601')).toBe(1);
    expect(rare('2015')).toBe(0);
  });

  it("weighs the article's headline against the page's text and headline", () => {
    const headline = 'وصول الرئيس الشيشاني قاديروف إلى جدة لأداء العمرة';
    const titled = storyContext(
      packStories([
        extractFeatures(wire, 'ar', [], '2015-07-21', headline),
        extractFeatures(other, 'ar', [], '2015-07-21'),
      ]),
      [],
    );
    const evidence = (text: string, title?: string) =>
      storyEvidence(extractFeatures(text, 'ar', [], '2015-07-21', title), 0, titled);
    // Every word of the headline is in the text; most are in the page's headline too.
    const same = evidence(wire, 'قاديروف يصل إلى جدة لأداء العمرة');
    expect(same.titleInPage).toBeGreaterThan(0.6);
    expect(same.titles).toBeGreaterThan(0.6);
    const otherHeadline = evidence(wire, 'رئيس وزراء باكستان يصل إلى المدينة المنورة');
    expect(otherHeadline.titleInPage).toBe(same.titleInPage); // the same text
    expect(otherHeadline.titles).toBeLessThan(0.3);
    // No headline known: the text's share stands for both.
    const untitled = evidence(wire);
    expect(untitled.titles).toBe(untitled.titleInPage);
    // An article without a headline testifies nothing.
    expect(storyEvidence(extractFeatures(other, 'ar', [], '2015-07-21', headline), 1, titled).titles).toBe(0);
  });

  it('reads no article beyond the end of a damaged index', () => {
    const t = packStories(corpus);
    const damaged = {
      ...t,
      shingleArticles: t.shingleArticles.map(() => 99),
      wordArticles: t.wordArticles.map(() => 99),
    };
    expect(contentMatches(extractFeatures(wire, 'ar', []), damaged)).toEqual([]);
  });
});
