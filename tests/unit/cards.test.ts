// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { compileCorpus } from '../../compiler/compile';
import { openCompiled } from '../../compiler/memory-index';
import { entityCard, foldCopies } from '../../background/cards';
import { wireKey } from '../../engine/story/wire-copies';
import { enc, LAVROV_CATALOG } from './helpers/small-corpus';

const article = (date: string, body: string) => enc(`---\ndate: ${date}\n---\nعنوان ${date}\n${body}`);
const index = await openCompiled(
  compileCorpus({
    catalog: LAVROV_CATALOG,
    articles: [
      { file: 'a.txt', bytes: article('2020-01-01', 'قال لافروف في موسكو. ثم عاد لافروف.') },
      { file: 'b.txt', bytes: article('2021-06-01', 'التقى لافروف نظيره.') },
      { file: 'c.txt', bytes: article('2019-03-01', 'لافروف ولافروف في جملة واحدة.') },
    ],
  }),
);

describe('entity card', () => {
  it('puts the story the reader is on first, then the newest, one line per sentence, the mark on the name', async () => {
    const card = await entityCard(index, 'person/sergey-lavrov');
    expect(card.mentions.map((m) => m.date)).toEqual(['2021-06-01', '2020-01-01', '2020-01-01', '2019-03-01']);
    expect(card.mentionCount).toBe(5);
    for (const m of card.mentions) expect(m.sentence.slice(m.markStart, m.markEnd)).toMatch(/لافروف$/);
    const onStory = await entityCard(index, 'person/sergey-lavrov', 'c');
    expect(onStory.mentions[0].articleId).toBe('c');
    expect(card.related.map((r) => r.id)).toEqual(['place/moscow']);
  });

  it('shows what a full sort of every line would, for every story, from the lists cut at compile time', async () => {
    const lines = (n: number, word: string) => Array.from({ length: n }, (_, i) => `${word} لافروف ${i}.`).join(' ');
    const files = {
      'a.txt': article('2020-01-01', lines(7, 'قال')),
      'b.txt': article('2021-06-01', lines(2, 'زار')),
      'c.txt': article('2019-03-01', lines(1, 'التقى')),
      'd.txt': enc(`عنوان بلا تاريخ\n${lines(2, 'ذكر')}`),
      'e.txt': article('2021-06-01', lines(1, 'رأى')),
      'f.txt': article('2020-01-01', lines(3, 'كتب')),
    };
    const compiled = compileCorpus({
      catalog: LAVROV_CATALOG,
      articles: Object.entries(files).map(([file, bytes]) => ({ file, bytes })),
    });
    const corpus = await openCompiled(compiled);
    const e = compiled.entities.findIndex((x) => x.id === 'person/sergey-lavrov');
    const all = compiled.articleLines.flatMap((own, a) => {
      const out: number[][] = [];
      for (let i = 0; i < own.length; i += 5) if (own[i] === e) out.push([a, ...own.slice(i + 1, i + 5)]);
      return out;
    });
    const date = (a: number) => compiled.articles[a].date ?? '';
    for (const story of [-1, ...compiled.articles.keys()]) {
      const expected = [...all]
        .sort(
          (x, y) =>
            +(y[0] === story) - +(x[0] === story) || date(y[0]).localeCompare(date(x[0])) || x[0] - y[0] || x[1] - y[1],
        )
        .slice(0, 5)
        .map(([a, s0, s1, m0, m1]) => [
          compiled.articles[a].id,
          compiled.articles[a].text.slice(s0, s1),
          m0 - s0,
          m1 - s0,
        ]);
      const card = await entityCard(corpus, 'person/sergey-lavrov', compiled.articles[story]?.id);
      expect(
        card.mentions.map((m) => [m.articleId, m.sentence, m.markStart, m.markEnd]),
        `story ${story}`,
      ).toEqual(expected);
      expect(card.mentionCount).toBe(16);
    }
    // Cut: enough lines to fill a card whichever article is skipped, not all sixteen.
    expect(compiled.cardLines[e].length).toBeLessThan(all.length);
  });

  it('rejects an unknown entity', async () => {
    await expect(entityCard(index, 'person/nobody')).rejects.toThrow(/unknown entity/);
  });
});

describe('entity card at scale', () => {
  // One agency sentence printed by six outlets (punctuation and diacritics differ), and three others.
  const wire = (source: string, date: string, variant: string) =>
    enc(`---\ndate: ${date}\nsource: ${source}\n---\nعنوان ${source} ${date}\n${variant}`);
  const copies = [
    'وصل لافروف إلى موسكو صباح اليوم لإجراء محادثات.',
    'وصل لافروف إلى موسكو، صباح اليوم لإجراء محادثات!',
    'وَصَلَ لافروف إلى موسكو صباح اليوم لإجراء محادثات.',
    '«وصل لافروف إلى موسكو صباح اليوم لإجراء محادثات»',
    'وصل  لافروف إلى موسكو صباح اليوم لإجراء محادثات.',
    'وصل لافروف إلى موسكو صباح اليوم لإجراء محادثات.',
  ];
  const outlets = ['spa', 'okaz', 'alriyadh', 'aleqtisadiya', 'alweeam', 'sabq'];
  const compiled = compileCorpus({
    catalog: LAVROV_CATALOG,
    articles: [
      ...copies.map((c, i) => ({ file: `w${i}.txt`, bytes: wire(outlets[i], '2015-07-2' + (i % 3), c) })),
      { file: 'x1.txt', bytes: wire('okaz', '2015-07-19', 'انتقد لافروف القرار.') },
      { file: 'x2.txt', bytes: wire('alyaum', '2015-07-18', 'رد لافروف على الأسئلة.') },
      { file: 'x3.txt', bytes: wire('alyaum', '2015-07-17', 'غادر لافروف بعد اللقاء.') },
      { file: 'x4.txt', bytes: wire('alyaum', '2015-07-16', 'تحدث لافروف طويلا.') },
      { file: 'x5.txt', bytes: wire('alyaum', '2015-07-15', 'ابتسم لافروف.') },
      { file: 'x6.txt', bytes: wire('alyaum', '2015-07-14', 'صمت لافروف.') },
    ],
  });

  it('folds wire copies into one line with their sources, and counts the articles', async () => {
    const corpus = await openCompiled(compiled);
    const card = await entityCard(corpus, 'person/sergey-lavrov');
    expect(card.articleCount).toBe(12);
    expect(card.mentions).toHaveLength(5); // one wire line and four others, not six copies of one
    const [first, ...rest] = card.mentions;
    expect(first.copies?.map((c) => c.source).sort()).toEqual(outlets.filter((o) => o !== first.source).sort());
    expect(rest.map((m) => m.copies)).toEqual([undefined, undefined, undefined, undefined]);
    expect(rest.map((m) => m.date)).toEqual(['2015-07-19', '2015-07-18', '2015-07-17', '2015-07-16']);
  });

  it('puts the story first even when it is a wire copy, its outlets folded under it', async () => {
    const corpus = await openCompiled(compiled);
    const story = compiled.articles.findIndex((a) => a.source === 'alweeam');
    const card = await entityCard(corpus, 'person/sergey-lavrov', compiled.articles[story].id);
    expect(card.mentions[0].articleId).toBe(compiled.articles[story].id);
    expect(card.mentions[0].copies).toHaveLength(5);
    expect(card.mentions.filter((m) => m.sentence.includes('محادثات'))).toHaveLength(1);
  });
});

describe('wire keys and folding', () => {
  it('treat punctuation, spacing and diacritics as the same copy, other words as another sentence', () => {
    expect(wireKey('وصل لافروف، إلى موسكو!')).toBe(wireKey('وَصَلَ  لافروف إلى «موسكو»'));
    expect(wireKey('وصل لافروف إلى موسكو')).not.toBe(wireKey('وصل لافروف إلى جنيف'));
  });

  it('keep the first line of each sentence in its place, and stop at the card size', () => {
    const line = (article: number, sentence: string) => ({
      article,
      title: `t${article}`,
      date: null,
      source: `s${article}`,
      sentence,
      markStart: 0,
      markEnd: 1,
    });
    const folded = foldCopies([line(3, 'a b'), line(1, 'c'), line(2, 'a, b'), line(4, 'd'), line(5, 'c.')], 2);
    expect(folded.map((l) => [l.article, l.copies.map((c) => c.article)])).toEqual([
      [3, [2]],
      [1, [5]],
    ]);
  });
});
