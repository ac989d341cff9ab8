// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { compileCorpus } from '../../compiler/compile';
import { entityCard } from '../../background/cards';

const enc = (s: string) => new TextEncoder().encode(s);
const catalog = {
  version: 1,
  entities: [
    {
      id: 'person/sergey-lavrov',
      type: 'person',
      names: { ar: 'سيرغي لافروف', en: 'Sergey Lavrov' },
      aliases: { ar: ['لافروف'] },
      gloss: { ar: 'و', en: 'g' },
    },
    { id: 'place/moscow', type: 'place', names: { ar: 'موسكو', en: 'Moscow' }, gloss: { ar: 'و', en: 'g' } },
  ],
};
const article = (date: string, body: string) => enc(`---\ndate: ${date}\n---\nعنوان ${date}\n${body}`);
const index = compileCorpus({
  catalog: { file: 'catalog.json', text: JSON.stringify(catalog) },
  articles: [
    { file: 'a.txt', bytes: article('2020-01-01', 'قال لافروف في موسكو. ثم عاد لافروف.') },
    { file: 'b.txt', bytes: article('2021-06-01', 'التقى لافروف نظيره.') },
    { file: 'c.txt', bytes: article('2019-03-01', 'لافروف ولافروف في جملة واحدة.') },
  ],
});

describe('entity card', () => {
  it('puts the story the reader is on first, then the newest, one line per sentence, the mark on the name', () => {
    const card = entityCard(index, 'person/sergey-lavrov');
    expect(card.mentions.map((m) => m.date)).toEqual(['2021-06-01', '2020-01-01', '2020-01-01', '2019-03-01']);
    expect(card.mentionCount).toBe(5);
    for (const m of card.mentions) expect(m.sentence.slice(m.markStart, m.markEnd)).toMatch(/لافروف$/);
    const onStory = entityCard(index, 'person/sergey-lavrov', 'c');
    expect(onStory.mentions[0].articleId).toBe('c');
    expect(card.related.map((r) => r.id)).toEqual(['place/moscow']);
  });

  it('rejects an unknown entity', () => {
    expect(() => entityCard(index, 'person/nobody')).toThrow(/unknown entity/);
  });
});
