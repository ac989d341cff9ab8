// @vitest-environment node
// Collection readers (compiler/collections): every format, and every whole-file problem named.
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CollectionError,
  MAX_FILE_BYTES,
  collectionFiles,
  readCollection,
  readCollectionFile,
  readSaudiNewsNet,
  recordText,
} from '../../compiler/collections';
import { htmlToText } from '../../cli/html';
import { REAL_NEWS, hasRealNews, NO_REAL_NEWS } from './helpers/shared';

let dir: string;
const at = (name: string) => join(dir, name);
const write = (name: string, data: string | Uint8Array) => {
  mkdirSync(join(at(name), '..'), { recursive: true });
  writeFileSync(at(name), data);
  return at(name);
};

const ARTICLES = [
  {
    source: 'aawsat',
    url: 'http://aawsat.com/a/1',
    date_extracted: '2015-07-21 10:02:11',
    title: 'عنوان أول',
    author: 'x',
    content: 'نص أول',
  },
  { source: 'okaz', url: 'http://okaz.com/b', date_extracted: '', title: 'Second', author: '', content: 'Body' },
];

function errorOf(fn: () => unknown): CollectionError {
  try {
    fn();
  } catch (e) {
    if (e instanceof CollectionError) return e;
    throw e;
  }
  throw new Error('no error');
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hashiya-collections-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('SaudiNewsNet JSON', () => {
  it('reads a plain array and the same array zipped, naming records by the JSON file and index', () => {
    const plain = write('day.json', JSON.stringify(ARTICLES));
    const zipped = write('day.zip', zipSync({ 'day.json': strToU8(JSON.stringify(ARTICLES)) }));
    for (const path of [plain, zipped]) {
      const { records, problems } = readCollectionFile(path);
      expect(problems).toEqual([]);
      expect(records).toEqual([
        {
          file: 'day.json',
          index: 0,
          date: '2015-07-21',
          source: 'aawsat',
          url: 'http://aawsat.com/a/1',
          title: 'عنوان أول',
          content: 'نص أول',
        },
        {
          file: 'day.json',
          index: 1,
          date: null,
          source: 'okaz',
          url: 'http://okaz.com/b',
          title: 'Second',
          content: 'Body',
        },
      ]);
    }
    expect(recordText(readSaudiNewsNet(zipped)[0])).toBe('عنوان أول\nنص أول');
  });

  it('reports a record that is not an object and reads the others', () => {
    const path = write('mixed.json', JSON.stringify([ARTICLES[0], 42, ARTICLES[1]]));
    const { records, problems } = readCollectionFile(path);
    expect(records.map((r) => r.index)).toEqual([0, 2]);
    expect(problems).toEqual([{ file: 'mixed.json', index: 1, reason: 'not an object' }]);
    expect(() => readSaudiNewsNet(path)).toThrow(/mixed\.json: record 1 is not an object/);
  });

  it('names the file of a truncated zip', () => {
    const bytes = zipSync({ 'day.json': strToU8(JSON.stringify(ARTICLES).repeat(50)) });
    const path = write('truncated.zip', bytes.slice(0, Math.floor(bytes.length / 2)));
    const e = errorOf(() => readCollectionFile(path));
    expect(e.file).toBe(path);
    expect(e.message).toMatch(/truncated\.zip: not a readable zip/);
  });

  it('names the file of JSON that is not an array, or not JSON', () => {
    expect(errorOf(() => readCollectionFile(write('obj.json', '{"title":"x"}'))).message).toMatch(
      /obj\.json: expected a JSON array of articles, found object/,
    );
    expect(errorOf(() => readCollectionFile(write('cut.json', '[{"title":'))).message).toMatch(
      /cut\.json: not valid JSON/,
    );
  });

  it('names a file over the size limit without reading it (sparse file)', () => {
    const path = at('huge.json');
    const fd = openSync(path, 'w');
    ftruncateSync(fd, MAX_FILE_BYTES + 1);
    closeSync(fd);
    expect(errorOf(() => readCollectionFile(path)).message).toMatch(/huge\.json: 200 MB is over the 200 MB limit/);
    rmSync(path);
  });

  it('names a file that is not UTF-8', () => {
    const path = write('latin1.json', new Uint8Array([0x5b, 0x22, 0xe9, 0x22, 0x5d])); // ["é"] in Latin-1
    expect(errorOf(() => readCollectionFile(path)).message).toMatch(/latin1\.json: not valid UTF-8/);
  });
});

describe('JSON Lines', () => {
  it('reads one object per line and reports the lines that are not', () => {
    const path = write(
      'a.jsonl',
      `${JSON.stringify(ARTICLES[0])}\n\n{"title": \n[1]\n${JSON.stringify(ARTICLES[1])}\n`,
    );
    const { records, problems } = readCollectionFile(path);
    expect(records.map((r) => [r.index, r.title])).toEqual([
      [0, 'عنوان أول'],
      [4, 'Second'],
    ]);
    expect(problems.map((p) => [p.index, p.reason.split(' (')[0]])).toEqual([
      [2, 'line 3 is not valid JSON'],
      [3, 'line 4 is not a JSON object'],
    ]);
  });
});

describe('CSV', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, and reports a short row', () => {
    const csv =
      '\uFEFFid,Title,text,date,url\n' +
      'a1,"Hello, world","first line\nsecond ""quoted"" line",2015-07-22,http://x.com/1\n' +
      'a2,short row\n' +
      'a3,عنوان,نص,,\n';
    const { records, problems } = readCollectionFile(write('a.csv', csv));
    expect(records).toEqual([
      {
        file: 'a.csv',
        index: 0,
        id: 'a1',
        date: '2015-07-22',
        source: '',
        url: 'http://x.com/1',
        title: 'Hello, world',
        content: 'first line\nsecond "quoted" line',
      },
      { file: 'a.csv', index: 2, id: 'a3', date: null, source: '', url: '', title: 'عنوان', content: 'نص' },
    ]);
    expect(problems).toEqual([{ file: 'a.csv', index: 1, reason: 'row ending on line 4 has 2 fields, the header 5' }]);
  });

  it('names a CSV without a title column, or with an unclosed quote', () => {
    expect(errorOf(() => readCollectionFile(write('notitle.csv', 'headline_text,content\nx,y\n'))).message).toMatch(
      /notitle\.csv: no title column in the header/,
    );
    expect(errorOf(() => readCollectionFile(write('open.csv', 'title,content\n"x,y\n'))).message).toMatch(
      /open\.csv: not readable as CSV \(Quote Not Closed/,
    );
  });
});

describe('folders of .txt and .html', () => {
  it('reads one article per file, walking folders in name order, skipping other files', () => {
    write('folder/b.txt', '\uFEFF\n  Title B\nPara 1\n\nPara 2\n');
    write(
      'folder/a.txt',
      '---\nid: my-id\ndate: 2021-01-26\nsource: Outlet\nurl: https://e.com/a\n---\nTitle A\nBody A',
    );
    write(
      'folder/sub/c.html',
      '<html><head><title>t</title></head><body><h1>Heading C</h1><p>Para C</p></body></html>',
    );
    write('folder/notes.md', 'ignored');
    expect(collectionFiles([at('folder')]).map((f) => f.slice(dir.length + 1))).toEqual([
      'folder/a.txt',
      'folder/b.txt',
      'folder/sub/c.html',
    ]);
    const { records, problems } = readCollection([at('folder')], { html: htmlToText });
    expect(problems).toEqual([]);
    expect(records.map((r) => [r.id, r.date, r.source, r.url, r.title, r.content.trim()])).toEqual([
      ['my-id', '2021-01-26', 'Outlet', 'https://e.com/a', 'Title A', 'Body A'],
      ['b', null, '', '', '  Title B', 'Para 1\n\nPara 2'],
      ['c', null, '', '', 'Heading C', 'Para C'],
    ]);
  });

  it('names a binary .txt and an unknown format given by name', () => {
    expect(errorOf(() => readCollectionFile(write('bin.txt', 'ab\u0000c'))).message).toMatch(/bin\.txt: binary file/);
    expect(errorOf(() => collectionFiles([write('x.md', '# x')])).message).toMatch(/x\.md: unknown format/);
    expect(errorOf(() => collectionFiles([at('missing')])).message).toMatch(/missing: no such file or folder/);
  });
});

describe.skipIf(!hasRealNews)('real news (../shared)', () => {
  it('reads one day of SaudiNewsNet whole', () => {
    const { records, problems } = readCollectionFile(join(REAL_NEWS, '2015-07-23.zip'));
    expect(problems).toEqual([]);
    expect(records.length).toBeGreaterThan(1000);
    expect(records.every((r) => r.file === '2015-07-23.json' && r.date === '2015-07-23')).toBe(true);
    expect(records.map((r) => r.index)).toEqual(records.map((_, i) => i));
  });
});
if (!hasRealNews) console.warn(NO_REAL_NEWS);
