// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { compileCorpus, type SeedFiles } from '../../compiler/compile';
import { SeedErrors, SeedError } from '../../compiler/errors';
import { parseArticle } from '../../compiler/articles';
import { sentenceAround, sentenceSpans } from '../../compiler/sentences';
import { readSeeds } from '../../compiler/seeds';

const enc = (s: string) => new TextEncoder().encode(s);

const entity = (id: string, type: string, ar: string, en: string, extra: object = {}) => ({
  id,
  type,
  names: { ar, en },
  gloss: { ar: 'وصف', en: 'gloss' },
  ...extra,
});

function seeds(entities: object[], articles: Record<string, string>): SeedFiles {
  return {
    catalog: { file: 'seeds/catalog.json', text: JSON.stringify({ version: 1, entities }, null, 2) },
    articles: Object.entries(articles).map(([file, text]) => ({ file: `seeds/articles/${file}`, bytes: enc(text) })),
  };
}

const LAVROV = entity('person/sergey-lavrov', 'person', 'سيرغي لافروف', 'Sergey Lavrov', {
  aliases: { ar: ['لافروف'] },
});
const RUSSIA = entity('place/russia', 'place', 'روسيا', 'Russia');
const ZARIF = entity('person/mohammad-javad-zarif', 'person', 'محمد جواد ظريف', 'Mohammad Javad Zarif', {
  aliases: { ar: ['ظريف'] },
  ambiguous: ['ظريف'],
});

function problems(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof SeedErrors) return e.errors.map((x) => x.message);
    if (e instanceof SeedError) return [e.message];
    throw e;
  }
  throw new Error('expected the seeds to be rejected');
}

describe('corpus compiler', () => {
  it('finds mentions, keeps their sentences and counts co-occurrence', () => {
    const index = compileCorpus(
      seeds([LAVROV, RUSSIA, ZARIF], {
        'a.txt': 'لافروف يزور روسيا\nقال وزير الخارجية سيرغي لافروف إن روسيا مستعدة. ثم التقى ظريف.',
      }),
    );
    const lavrov = index.entities.findIndex((e) => e.id === 'person/sergey-lavrov');
    const russia = index.entities.findIndex((e) => e.id === 'place/russia');
    expect(index.mentionCounts[lavrov]).toBe(2);
    expect(index.cardLines[lavrov]).toHaveLength(2);
    const [article, s0, s1, start, end] = index.cardLines[lavrov][1];
    const text = index.articles[article].text;
    expect(text.slice(start, end)).toBe('سيرغي لافروف');
    expect(text.slice(s0, s1)).toBe('قال وزير الخارجية سيرغي لافروف إن روسيا مستعدة.');
    const [a, b] = [lavrov, russia].sort((x, y) => x - y);
    expect(index.cooccurrence).toContainEqual([a, b, 1]);
    expect(index.gazetteer.related[lavrov]).toContain(russia);
  });

  it('is deterministic whatever order the files come in', () => {
    const files = { 'b.txt': 'روسيا اليوم\nلافروف في موسكو', 'a.txt': 'عنوان\nروسيا وظريف ولافروف' };
    const one = compileCorpus(seeds([RUSSIA, LAVROV, ZARIF], files));
    const reversed = seeds([ZARIF, LAVROV, RUSSIA], files);
    reversed.articles.reverse();
    expect(JSON.stringify(compileCorpus(reversed))).toBe(JSON.stringify(one));
    expect(one.articles.map((a) => a.id)).toEqual(['a', 'b']);
  });

  it('names file and line for invalid JSON', () => {
    const bad = seeds([LAVROV], { 'a.txt': 'عنوان\nنص' });
    bad.catalog.text = '{\n  "version": 1,\n  "entities": [\n    { "id": "x" ,, }\n  ]\n}';
    expect(problems(() => compileCorpus(bad))).toEqual([
      expect.stringMatching(/^seeds\/catalog\.json:4: invalid JSON/),
    ]);
  });

  it('names the line of a schema problem in the catalog', () => {
    const broken = { ...RUSSIA, type: 'planet' };
    const msgs = problems(() => compileCorpus(seeds([LAVROV, broken], { 'a.txt': 'عنوان\nنص' })));
    expect(msgs).toHaveLength(1);
    const lines = JSON.stringify({ version: 1, entities: [LAVROV, broken] }, null, 2).split('\n');
    const line = lines.findIndex((l) => l.includes('"planet"')) + 1;
    expect(msgs[0]).toBe(
      `seeds/catalog.json:${line}: entities.1.type: type is one of person, organization, place, product, event, other`,
    );
  });

  it('rejects duplicate ids, a missing English name, an alias shared by two entities', () => {
    const noEnglish = { ...RUSSIA, id: 'place/iran', names: { ar: 'إيران' } };
    const msgs = problems(() => compileCorpus(seeds([LAVROV, { ...LAVROV }, noEnglish], { 'a.txt': 'عنوان\nنص' })));
    expect(msgs.join('\n')).toMatch(/needs an Arabic \("ar"\) and an English \("en"\) name/);
    const twice = problems(() => compileCorpus(seeds([LAVROV, { ...LAVROV }], { 'a.txt': 'عنوان\nنص' })));
    expect(twice.join('\n')).toMatch(/duplicate id "person\/sergey-lavrov"/);
    const shared = entity('person/other', 'person', 'لافروف', 'Other');
    expect(problems(() => compileCorpus(seeds([LAVROV, shared], { 'a.txt': 'عنوان\nنص' }))).join('\n')).toMatch(
      /alias "لافروف" is claimed by both person\/sergey-lavrov and person\/other/,
    );
  });

  it('reports every bad article at once and writes nothing on error', () => {
    const msgs = problems(() =>
      compileCorpus(
        seeds([LAVROV], {
          'empty.txt': '\n\n',
          'binary.txt': 'abc\u0000def',
          'badmeta.txt': '---\ndate: 2021-02-30\n---\nعنوان\nنص',
          'unknown.txt': '---\nauthor: x\n---\nعنوان\nنص',
          'open.txt': '---\nid: x\nعنوان',
          'ok.txt': 'عنوان\nنص',
        }),
      ),
    );
    expect(msgs).toEqual([
      'seeds/articles/badmeta.txt:2: date: "2021-02-30" is not a real date in YYYY-MM-DD form',
      'seeds/articles/binary.txt:1: binary file (NUL byte): articles are UTF-8 text',
      'seeds/articles/empty.txt:1: article has no text',
      'seeds/articles/open.txt:1: header opened with --- is never closed',
      'seeds/articles/unknown.txt:2: unknown header key "author" (known: id, lang, date, source, url)',
    ]);
  });

  it('rejects two articles with one id', () => {
    const msgs = problems(() =>
      compileCorpus(
        seeds([LAVROV], { 'a.txt': '---\nid: same\n---\nعنوان\nنص', 'b.txt': '---\nid: same\n---\nعنوان\nنص' }),
      ),
    );
    expect(msgs).toEqual(['seeds/articles/b.txt:1: article id "same" is already used by seeds/articles/a.txt']);
  });

  it('rejects invalid UTF-8', () => {
    expect(() => parseArticle('x.txt', new Uint8Array([0xd8, 0x41, 0x0a, 0x41]))).toThrow('x.txt:1: not valid UTF-8');
  });

  it('takes metadata from the header and never invents it', () => {
    const a = parseArticle('seeds/articles/x.txt', enc('---\nlang: ar\n---\nالعنوان\n\nالفقرة الأولى\n'));
    expect(a).toMatchObject({ id: 'x', title: 'العنوان', lang: 'ar', date: null, source: null, url: null });
    expect(a.text).toBe('العنوان\nالفقرة الأولى');
    expect(parseArticle('y.txt', enc('Title\nBody text')).lang).toBe('en');
  });
});

describe('the shipped seeds', () => {
  it('compile, and every catalog entity of the first article is mentioned in it', () => {
    const index = compileCorpus(readSeeds());
    const first = index.articles.findIndex((a) => a.id === '000_170d4d68c2385a85');
    expect(first).toBeGreaterThanOrEqual(0);
    expect(index.articles[first]).toMatchObject({ lang: 'ar', date: '2021-01-26' });
    const mentioned = new Set(index.stories[first].entities.map((e) => index.entities[e].id));
    const names = [
      'Sergey Lavrov',
      'Mohammad Javad Zarif',
      'Russia',
      'Iran',
      'Moscow',
      'Signal',
      'Telegram',
      'Alexei Navalny',
      'Vladimir Putin',
      'TASS',
      'Andrei Klimov',
      'IFP News',
      'Roskomnadzor',
      'COVID-19 pandemic',
    ];
    for (const en of names) {
      const e = index.entities.find((x) => x.names.en === en);
      expect(e, `catalog has ${en}`).toBeDefined();
      expect(mentioned.has(e!.id), `${en} is found in the first article`).toBe(true);
    }
  });
});

describe('sentence spans', () => {
  it('splits on stops and lines, not inside quotes or numbers', () => {
    const text = 'قال: "هذا مهم. جدا". ثم غادر؟ نعم\nارتفع 3.5 بالمئة.';
    const parts = sentenceSpans(text).map(([s, e]) => text.slice(s, e));
    expect(parts).toEqual(['قال: "هذا مهم. جدا".', 'ثم غادر؟', 'نعم', 'ارتفع 3.5 بالمئة.']);
  });

  it('gives a name with a full stop inside the whole sentence around it', () => {
    const text = 'Talks ended. The U.S. envoy left St. Petersburg today. Then nothing.';
    const around = (name: string) => {
      const at = text.indexOf(name);
      const [s, e] = sentenceAround(sentenceSpans(text), at, at + name.length);
      return text.slice(s, e);
    };
    // The splitter cuts at every full stop; before, such names were left without a sentence (and off the cards).
    expect(around('U.S.')).toBe('The U.S.');
    expect(around('St. Petersburg')).toBe('envoy left St. Petersburg today.');
    expect(around('Talks')).toBe('Talks ended.');
  });
});
