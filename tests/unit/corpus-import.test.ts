// @vitest-environment node
// `npm run corpus -- import`: cleaning, skipping with reasons, duplicates, and nothing half written.
import {
  closeSync,
  ftruncateSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseArticle } from '../../compiler/articles';
import { CollectionError, MAX_FILE_BYTES, type NewsRecord } from '../../compiler/collections';
import { compileCorpus } from '../../compiler/compile';
import { SeedErrors } from '../../compiler/errors';
import { cleanUrl } from '../../compiler/import-clean';
import { planImport } from '../../compiler/import';
import { runImport } from '../../cli/corpus-import';
import { REAL_NEWS, hasRealNews, NO_REAL_NEWS } from './helpers/shared';

const rec = (over: Partial<NewsRecord>, index = 0): NewsRecord => ({
  file: 'day.json',
  index,
  date: '2015-07-21',
  source: 'okaz',
  url: 'http://okaz.com.sa/a',
  title: 'عنوان',
  content: 'نص الخبر',
  ...over,
});

describe('planImport', () => {
  it('cleans byte-order marks (in URLs too), stray whitespace and Arabic in URLs', () => {
    const plan = planImport(
      [
        rec({
          url: '\uFEFFhttp://www.alweeam.com.sa/348700/إخلاء-سبيل\u200E/',
          title: '\uFEFF  عنوان \n الخبر ',
          content: '\n\n  الفقرة   الأولى\t\n\n الفقرة الثانية \r\n',
          source: ' okaz ',
        }),
      ],
      [],
    );
    expect(plan.skipped).toEqual([]);
    expect(plan.files).toHaveLength(1);
    const a = parseArticle(plan.files[0].name, strToU8(plan.files[0].contents));
    expect(a).toMatchObject({
      title: 'عنوان الخبر',
      text: 'عنوان الخبر\nالفقرة الأولى\nالفقرة الثانية',
      date: '2015-07-21',
      source: 'okaz',
      url: 'http://www.alweeam.com.sa/348700/%D8%A5%D8%AE%D9%84%D8%A7%D8%A1-%D8%B3%D8%A8%D9%8A%D9%84/',
    });
    expect(a.id).toMatch(/^2015-07-21_[0-9a-f]{16}$/);
    expect(plan.cleanedRecords).toBe(1);
    expect([...plan.cleaned.keys()].sort()).toEqual([
      'byte-order mark',
      'invisible marks in url',
      'url percent-encoded',
      'whitespace',
    ]);
  });

  it('skips what cannot be cleaned, each with its reason, and keeps the rest', () => {
    const plan = planImport(
      [
        rec({ title: '', content: '  \n ' }, 0),
        rec({ title: '', content: 'نص بلا عنوان' }, 1),
        rec({ content: '' }, 2),
        rec({ url: 'http://okaz.com.sa/ok' }, 3),
      ],
      [{ file: 'day.json', index: 4, reason: 'not an object' }],
    );
    expect(plan.skipped.map((s) => [s.index, s.reason])).toEqual([
      [4, 'unreadable record'],
      [0, 'no text'],
      [1, 'no title'],
      [2, 'no text (title only)'],
    ]);
    expect(plan.files).toHaveLength(1);
  });

  it('drops what is not metadata instead of inventing it: a non-URL, an impossible date', () => {
    const plan = planImport([rec({ url: 'javascript:alert(1)', date: '2015-02-30' })], []);
    const a = parseArticle(plan.files[0].name, strToU8(plan.files[0].contents));
    expect([a.url, a.date]).toEqual([null, null]);
    expect([...plan.cleaned.keys()].sort()).toEqual([
      'date dropped (not a real date)',
      'url dropped (not an http(s) URL)',
    ]);
  });

  it('counts duplicates by id (own ids, the same URL, files already there) and by identical text', () => {
    const plan = planImport(
      [
        rec({ id: 'a/1', content: 'one' }, 0),
        rec({ id: 'a 1', content: 'two' }, 1), // same file-safe id
        rec({ url: 'http://x.com/same', content: 'three' }, 2),
        rec({ url: 'http://x.com/same', content: 'four' }, 3), // same URL, same derived id
        rec({ url: 'http://x.com/other', content: '  three ' }, 4), // same text once cleaned
        rec({ id: 'taken', content: 'five' }, 5),
        rec({ url: 'http://x.com/new', title: 'Old', content: 'Text' }, 6),
      ],
      [],
      [
        { id: 'TAKEN', text: 'x\ny' },
        { id: 'old', text: 'Old\nText' },
      ],
    );
    expect(plan.skipped.map((s) => [s.index, s.reason])).toEqual([
      [1, 'duplicate id'],
      [3, 'duplicate id'],
      [4, 'identical text'],
      [5, 'duplicate id'],
      [6, 'identical text'],
    ]);
    expect(plan.files.map((f) => f.name.replace(/_[0-9a-f]{16}/, '_#'))).toEqual(['a-1.txt', '2015-07-21_#.txt']);
  });

  it('keeps URLs that need nothing as they are', () => {
    expect(cleanUrl('https://example.com/a?b=1#c')).toBe('https://example.com/a?b=1#c');
    expect(cleanUrl('not a url')).toBeNull();
  });
});

describe('runImport', () => {
  let dir: string;
  let out: string;
  const at = (name: string) => join(dir, name);
  const listing = () => readdirSync(dir).sort();
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'hashiya-import-'));
    out = at('articles');
    mkdirSync(out);
    writeFileSync(join(out, 'keep.txt'), 'Kept\nAlready here\n');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const run = (...args: string[]) => {
    const lines: string[] = [];
    runImport([...args, '--out', out], (l) => lines.push(l));
    return lines.join('\n');
  };

  it('imports good records, skips a record with no text, and a second run adds nothing', () => {
    const good = {
      source: 's',
      url: 'http://s.com/1',
      date_extracted: '2015-07-21 01:02:03',
      title: 'T1',
      content: 'B1',
    };
    writeFileSync(at('day.json'), JSON.stringify([good, { ...good, url: 'http://s.com/2', content: '' }]));
    writeFileSync(at('more.csv'), 'title,content,url\n"T2","B2\nline 2",http://s.com/3\n');
    const log = run(at('day.json'), at('more.csv'));
    expect(log).toMatch(/skipped day\.json#1: no text \(title only\)/);
    expect(log).toMatch(/3 records read, 2 imported into .*, 1 skipped/);
    const names = readdirSync(out).sort();
    expect(names).toHaveLength(3);
    const texts = names.map((n) => parseArticle(n, readFileSync(join(out, n))).text).sort();
    expect(texts).toEqual(['Kept\nAlready here', 'T1\nB1', 'T2\nB2\nline 2']);
    expect(listing()).toEqual(['articles', 'day.json', 'more.csv']); // no temporary folder left

    expect(run(at('day.json'), at('more.csv'))).toMatch(/0 imported[\s\S]*duplicates: 2 by id, 0 by identical text/);
    expect(readdirSync(out)).toHaveLength(3);
  });

  it('creates the target folder when it does not exist', () => {
    writeFileSync(at('a.jsonl'), JSON.stringify({ id: 'x1', title: 'T', content: 'B' }) + '\n');
    out = at('new/articles');
    run(at('a.jsonl'));
    expect(readdirSync(out)).toEqual(['x1.txt']);
  });

  const wholeFileErrors: [string, () => string, RegExp][] = [
    [
      'a truncated zip',
      () => {
        const z = zipSync({ 'd.json': strToU8(JSON.stringify([{ title: 'T', content: 'B' }]).repeat(40)) });
        writeFileSync(at('d.zip'), z.slice(0, z.length - 30));
        return at('d.zip');
      },
      /d\.zip: not a readable zip/,
    ],
    [
      'JSON that is not an array',
      () => (writeFileSync(at('o.json'), '{"title":"T"}'), at('o.json')),
      /o\.json: expected a JSON array/,
    ],
    [
      'a CSV without a title column',
      () => (writeFileSync(at('n.csv'), 'name,content\nx,y\n'), at('n.csv')),
      /n\.csv: no title column/,
    ],
    [
      'a file over 200 MB (sparse, nothing is read)',
      () => {
        const fd = openSync(at('big.jsonl'), 'w');
        ftruncateSync(fd, MAX_FILE_BYTES + 1024 * 1024);
        closeSync(fd);
        return at('big.jsonl');
      },
      /big\.jsonl: 201 MB is over the 200 MB limit/,
    ],
  ];
  for (const [what, make, message] of wholeFileErrors)
    it(`stops on ${what}, naming the file, and leaves the target as it was`, () => {
      writeFileSync(at('good.json'), JSON.stringify([{ title: 'T', content: 'B', url: 'http://g.com/1' }]));
      const bad = make();
      const before = listing();
      let error: unknown;
      try {
        run(at('good.json'), bad); // the good file is read first: still nothing of it is written
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(CollectionError);
      expect((error as CollectionError).file).toBe(bad);
      expect((error as Error).message).toMatch(message);
      expect(readdirSync(out)).toEqual(['keep.txt']);
      expect(listing()).toEqual(before);
    });
});

describe('corpus -- build', () => {
  it('names every bad article file at once (a URL with a byte-order mark, an impossible date)', () => {
    const enc = (s: string) => strToU8(s);
    let error: unknown;
    try {
      compileCorpus({
        catalog: { file: 'seeds/catalog.json', text: JSON.stringify({ version: 1, entities: [] }) },
        articles: [
          { file: 'seeds/articles/a.txt', bytes: enc('---\nurl: http://x.com/\uFEFFa b\n---\nT\nB') },
          { file: 'seeds/articles/b.txt', bytes: enc('---\ndate: 2015-13-01\n---\nT\nB') },
          { file: 'seeds/articles/c.txt', bytes: enc('T\nB') },
        ],
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SeedErrors);
    expect((error as SeedErrors).errors.map((e) => e.file)).toEqual(['seeds/articles/a.txt', 'seeds/articles/b.txt']);
  });
});

describe.skipIf(!hasRealNews)('import of real news (../shared)', () => {
  it('imports one day of SaudiNewsNet: every record imported or skipped with a reason, every file one the build reads', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hashiya-import-real-'));
    try {
      const lines: string[] = [];
      runImport([join(REAL_NEWS, '2015-07-23.zip'), '--out', join(dir, 'articles')], (l) => lines.push(l));
      const log = lines.join('\n');
      const [, read, imported, skipped] = /(\d+) records read, (\d+) imported into .*, (\d+) skipped/
        .exec(log)!
        .map(Number);
      const names = readdirSync(join(dir, 'articles'));
      expect(names.length).toBe(imported);
      expect(imported + skipped).toBe(read);
      expect(imported).toBeGreaterThan(0.9 * read);
      expect(lines.filter((l) => l.startsWith('skipped ')).length).toBe(skipped);
      for (const n of names) {
        const a = parseArticle(n, readFileSync(join(dir, 'articles', n)));
        expect(a.date).toBe('2015-07-23');
        if (a.url) expect(a.url).toMatch(/^https?:\/\/[\x21-\x7e]+$/);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
if (!hasRealNews) console.warn(NO_REAL_NEWS);
