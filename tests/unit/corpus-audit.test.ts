// @vitest-environment node
// `npm run corpus -- audit`: counts on a collection we know, the judging TSVs' shape, seeded samples.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditor, mulberry32, sample, type Audit } from '../../compiler/audit';
import { formatAudit, precisionTsv, recallTsv, textLookup, type EntityNames } from '../../compiler/audit-report';
import { readCollection, recordText, type NewsRecord } from '../../compiler/collections';
import { compileCorpus } from '../../compiler/compile';
import { runAudit } from '../../cli/corpus-audit';
import { REAL_NEWS, hasRealNews, NO_REAL_NEWS } from './helpers/shared';

const entity = (id: string, type: string, ar: string, en: string, extra: object = {}) => ({
  id,
  type,
  names: { ar, en },
  gloss: { ar: 'وصف', en: 'gloss' },
  ...extra,
});
const CATALOG = [
  entity('place/iran', 'place', 'إيران', 'Iran'),
  entity('place/germany', 'place', 'ألمانيا', 'Germany'),
  entity('person/zarif', 'person', 'محمد جواد ظريف', 'Mohammad Javad Zarif', {
    aliases: { ar: ['ظريف'] },
    ambiguous: ['ظريف'],
  }),
];
const compiled = compileCorpus({
  catalog: { file: 'catalog.json', text: JSON.stringify({ version: 1, entities: CATALOG }) },
  articles: [],
});
const names: EntityNames = {
  ids: compiled.entities.map((e) => e.id),
  english: compiled.entities.map((e) => e.names.en),
};
const [IRAN, GERMANY, ZARIF] = ['place/iran', 'place/germany', 'person/zarif'].map((id) => names.ids.indexOf(id));

let dir: string;
let records: NewsRecord[];
const DAY = [
  {
    title: 'إيران وألمانيا',
    content: 'قال محمد جواد ظريف إن الإيرانيين يريدون الاتفاق مع إيران.\nوأكد ظريف ذلك.',
    date_extracted: '2015-07-21 00:00:00',
  },
  { title: 'ظريف', content: 'صفة لا اسم.', date_extracted: '2015-07-21 00:00:00' },
];

function auditOf(recs: NewsRecord[], options = {}): Audit {
  const auditor = createAuditor(compiled.gazetteer, options);
  recs.forEach(auditor.add);
  return auditor.audit;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hashiya-audit-'));
  mkdirSync(join(dir, 'c'));
  writeFileSync(join(dir, 'c', '2015-07-21.json'), JSON.stringify(DAY));
  writeFileSync(join(dir, 'c', 'note.txt'), 'محمد علي في برلين\nزار إيران أمس.');
  records = readCollection([join(dir, 'c')]).records;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('audit', () => {
  it('counts marks per marked form with their neighbours, and the unmarked words per entity', () => {
    const audit = auditOf(records);
    expect([audit.articles, audit.chars]).toEqual([3, records.reduce((n, r) => n + recordText(r).length, 0)]);
    const marked = audit.marks.map((m) => [m.index, m.surface, names.ids[m.entity]]);
    expect(marked).toEqual([
      [0, 'إيران', 'place/iran'],
      [0, 'وألمانيا', 'place/germany'],
      [0, 'محمد جواد ظريف', 'person/zarif'],
      [0, 'إيران', 'place/iran'],
      [0, 'ظريف', 'person/zarif'], // ambiguous, but the full name is on the page
      [0, 'إيران', 'place/iran'], // note.txt
    ]);
    // Every mark's offsets are in recordText.
    const text = textLookup(records);
    for (const m of audit.marks) expect(text(m.file, m.index).slice(m.start, m.end)).toBe(m.surface);

    const iran = audit.aliases.get('ايران')!;
    expect(iran.count).toBe(3);
    expect([...iran.entities]).toEqual([[IRAN, 3]]);
    expect(Object.fromEntries(iran.left)).toEqual({ مع: 1, زار: 1 });
    expect(Object.fromEntries(iran.right)).toEqual({ والمانيا: 1, واكد: 1, امس: 1 }); // neighbours across a full stop too
    expect(iran.contexts[0]).toBe('[إيران]\nوألمانيا\nقال محمد جواد ظريف إن الإيراني'.replace(/\n/g, ' '));
    expect(audit.aliases.get('والمانيا')!.count).toBe(1);

    // الإيرانيين holds Iran's name and is unmarked; the title «ظريف» of the second article has no
    // evidence and stays unmarked; محمد of the note is the first word of Zarif's full name.
    expect(Object.fromEntries(audit.entities[IRAN].unmarked)).toEqual({ الايرانيين: 1 });
    expect(Object.fromEntries(audit.entities[ZARIF].unmarked)).toEqual({ ظريف: 1, محمد: 1 });
    expect(audit.entities[GERMANY].unmarked.size).toBe(0);
    expect([IRAN, GERMANY, ZARIF].map((e) => audit.entities[e].marks)).toEqual([3, 1, 2]);
    expect(audit.candidates.map((c) => [c.word, names.ids[c.entity]])).toEqual([
      ['الإيرانيين', 'place/iran'],
      ['ظريف', 'person/zarif'],
      ['محمد', 'person/zarif'],
    ]);

    const report = formatAudit(audit, names);
    expect(report).toMatch(/^audit: 3 articles, 0\.0 Mchar; 6 marks, 3 unmarked candidates/);
    expect(report).toContain(
      '     3  ايران  → place/iran\n        left:  زار 1, مع 1\n        right: امس 1, واكد 1, والمانيا 1',
    );
    expect(report).toContain('person/zarif (Mohammad Javad Zarif): 2 marks, 2 unmarked words (2 distinct)');
  });

  it('with single-word names only, the first word of a longer name makes no candidate', () => {
    const audit = auditOf(records, { singleWordNames: true });
    expect(audit.candidates.map((c) => c.word)).toEqual(['الإيرانيين', 'ظريف']);
  });

  it('writes the judging TSVs in the shape of judged-2015-07', () => {
    const audit = auditOf(records);
    const text = textLookup(records);
    const p = precisionTsv(audit.marks, names, text).split('\n');
    expect(p[0]).toBe('id\tfile\tindex\tstart\tend\tentity\tleft\tMARKED\tright');
    expect(p.at(-1)).toBe('');
    const rows = p.slice(1, -1).map((l) => l.split('\t'));
    expect(rows.map((r) => r.length)).toEqual(audit.marks.map(() => 9));
    expect(rows.map((r) => r[0])).toEqual(audit.marks.map((_, i) => `P${i}`));
    expect(rows[2].slice(1, 6)).toEqual([
      '2015-07-21.json',
      '0',
      String(audit.marks[2].start),
      String(audit.marks[2].end),
      'Mohammad Javad Zarif',
    ]);
    // Left context: the 80 characters before the mark (here the whole start), line breaks as spaces.
    expect(rows[2][6]).toBe('إيران وألمانيا قال ');
    expect(rows[2][7]).toBe('محمد جواد ظريف');
    expect(rows[2][8]).toBe(' إن الإيرانيين يريدون الاتفاق مع إيران. وأكد ظريف ذلك.');

    const long = { ...records[0], title: 'x'.repeat(100), content: `${'أ\t'.repeat(60)}إيران${' ب'.repeat(60)}` };
    const r = recallTsv(
      [{ file: long.file, index: long.index, start: 221, end: 226, entity: IRAN, word: 'إيران' }],
      names,
      () => recordText(long),
    )
      .split('\n')[1]
      .split('\t');
    expect(r.slice(0, 6)).toEqual(['R0', '2015-07-21.json', '0', '221', '226', 'place/iran']);
    expect([r[6].length, r[7], r[8].length]).toEqual([80, 'إيران', 80]);
    expect(r[6]).not.toMatch(/[\t\n]/);
  });

  it('draws the same sample from the same seed, another from another, without repeats', () => {
    const items = Array.from({ length: 500 }, (_, i) => i);
    const a = sample(items, 50, 7);
    expect(sample(items, 50, 7)).toEqual(a);
    expect(sample(items, 50, 8)).not.toEqual(a);
    expect(new Set(a).size).toBe(50);
    expect(sample(items, 900, 1).sort((x, y) => x - y)).toEqual(items);
    const r = mulberry32(1);
    const draws = Array.from({ length: 1000 }, r);
    expect(draws.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(Math.abs(draws.reduce((s, x) => s + x, 0) / 1000 - 0.5)).toBeLessThan(0.05);
  });
});

describe('corpus -- audit (CLI, shipped catalog)', () => {
  const run = (...args: string[]) => {
    const out: string[] = [];
    runAudit(args, (l) => out.push(l));
    return out.join('\n');
  };

  it('--sample N --seed S --out DIR: the same files for the same seed; --skip-first leaves articles out', () => {
    const coll = join(dir, 'cli');
    mkdirSync(coll, { recursive: true });
    const day = Array.from({ length: 40 }, (_, i) => ({
      title: `خبر ${i}`,
      content: `قال وزير الخارجية الروسي سيرغي لافروف إن روسيا وإيران والصين تتفق. وزار الإيرانيون موسكو والروسية ${i}.`,
    }));
    writeFileSync(join(coll, 'day.json'), JSON.stringify(day));
    const a = join(dir, 'a');
    const b = join(dir, 'b');
    const c = join(dir, 'c2');
    expect(run(coll, '--sample', '10', '--seed', '3', '--out', a)).toMatch(/sample \(seed 3\): 10 marks/);
    run(coll, '--sample', '10', '--seed', '3', '--out', b);
    run(coll, '--sample', '10', '--seed', '4', '--out', c);
    for (const f of ['precision_items.tsv', 'recall_items.tsv']) {
      const text = readFileSync(join(a, f), 'utf8');
      expect(text.split('\n')).toHaveLength(12); // header, 10 items, final line break
      expect(readFileSync(join(b, f), 'utf8')).toBe(text);
      expect(readFileSync(join(c, f), 'utf8')).not.toBe(text);
    }
    expect(run(coll, '--skip-first', '30')).toMatch(/the first 30 articles left out\)\naudit: 10 articles/);
  });

  it('refuses --sample without --out, and unknown options', () => {
    expect(() => run(dir, '--sample', '5')).toThrow(/--sample needs --out DIR/);
    expect(() => run(dir, '--nope')).toThrow(/unknown option --nope/);
  });
});

describe.skipIf(!hasRealNews)('audit of real news (../shared)', () => {
  it('one day: marks lie on their surface, TSV headers are those of judged-2015-07', () => {
    const { records: day } = readCollection([join(REAL_NEWS, '2015-07-23.zip')]);
    const audit = auditOf(day);
    expect(audit.articles).toBe(day.length);
    const text = textLookup(day);
    for (const m of audit.marks) expect(text(m.file, m.index).slice(m.start, m.end)).toBe(m.surface);
    for (const [mine, judged] of [
      [precisionTsv(audit.marks.slice(0, 3), names, text), 'precision_items.tsv'],
      [recallTsv(audit.candidates.slice(0, 3), names, text), 'recall_items.tsv'],
    ]) {
      const theirs = readFileSync(join(REAL_NEWS, '..', 'judged-2015-07', judged), 'utf8');
      expect(mine.split('\n')[0]).toBe(theirs.split('\n')[0]);
    }
  });
});
if (!hasRealNews) console.warn(NO_REAL_NEWS);
