import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import { describe as describeText } from '../../anchoring/selectors';
import { NoteStore, StorageFullError } from '../../notes/store';
import { csvCell, exportNotes, toCsv, toMarkdown, toWebAnnotation, ANNO_CONTEXT } from '../../notes/export';
import { importNotes, ImportError, parseNotesFile } from '../../notes/import';
import type { Note } from '../../notes/model';

const PAGE = 'في جنيف قال لافروف إن المحادثات كانت "مفيدة", لكن لا اتفاق بعد.';
let n = 0;
let store: NoteStore;
let seeded: Note[];

beforeEach(async () => {
  let t = Date.parse('2025-03-01T10:00:00.000Z');
  store = new NoteStore(`notes-export-test-${++n}`, { now: () => new Date((t += 1000)) });
  const start = PAGE.indexOf('قال لافروف');
  const { quote, position } = describeText(PAGE, start, start + 'قال لافروف إن المحادثات'.length);
  await store.add({
    kind: 'passage',
    target: { url: 'https://www.aljazeera.net/news/2025/3/1/geneva', title: 'محادثات [جنيف]', quote, position },
    body: 'سطر أول\nسطر "ثان", مع فاصلة',
    tags: ['روسيا', 'جنيف'],
    color: 'blue',
  });
  await store.add({
    kind: 'entity',
    entityId: 'person/sergey-lavrov',
    body: '=HYPERLINK("http://evil.example")',
    tags: ['@mention'],
  });
  await store.add({ kind: 'entity', entityId: 'organization/un', body: '', tags: [] });
  seeded = await store.listAll();
});

afterEach(async () => {
  vi.restoreAllMocks();
  await store.db.delete();
});

describe('Web Annotation export', () => {
  it('is an AnnotationCollection of W3C Annotations', async () => {
    const file = await exportNotes(store, 'jsonld', new Date('2025-03-02T00:00:00Z'));
    expect(file.filename).toBe('hashiya-notes-2025-03-02.jsonld');
    const doc = JSON.parse(file.text);
    expect(doc['@context']).toContain(ANNO_CONTEXT);
    expect(doc).toMatchObject({ type: 'AnnotationCollection', total: 3, first: { type: 'AnnotationPage' } });
    // Newest first: the UN note, the Lavrov note, then the passage note.
    const [, entity, passage] = doc.first.items;
    expect(passage).toMatchObject({
      id: `urn:uuid:${seeded[2].id}`,
      type: 'Annotation',
      motivation: 'commenting',
      body: [
        { type: 'TextualBody', value: 'سطر أول\nسطر "ثان", مع فاصلة', format: 'text/plain', purpose: 'commenting' },
        { type: 'TextualBody', value: 'روسيا', purpose: 'tagging' },
        { type: 'TextualBody', value: 'جنيف', purpose: 'tagging' },
      ],
      target: {
        source: 'https://www.aljazeera.net/news/2025/3/1/geneva',
        selector: [
          { type: 'TextQuoteSelector', exact: 'قال لافروف إن المحادثات', prefix: 'في جنيف ' },
          { type: 'TextPositionSelector', start: 8 },
        ],
      },
      'hashiya:note': { color: 'blue', title: 'محادثات [جنيف]' },
    });
    expect(entity.target).toBe('urn:hashiya:entity:person/sergey-lavrov');
    expect(await store.lastExport()).toBe('2025-03-02T00:00:00.000Z');
  });

  it('round-trips: export → wipe → import gives back the same notes', async () => {
    const file = await exportNotes(store, 'jsonld');
    await store.wipe();
    expect(await store.listAll()).toEqual([]);
    expect(await importNotes(store, file.text)).toEqual({ added: 3, skipped: 0 });
    expect(await store.listAll()).toEqual(seeded);
    // Search terms are rebuilt on import.
    expect(await store.search('لافروف')).toEqual([seeded[2]]);
    expect(await store.search('lavrov')).toEqual([seeded[1]]);
    // Importing the same file again skips every note by id and changes nothing.
    expect(await importNotes(store, file.text)).toEqual({ added: 0, skipped: 3 });
    expect(await store.listAll()).toEqual(seeded);
  });

  it('imports a bare array of annotations too, skipping ids repeated inside the file', async () => {
    const items = toWebAnnotation(seeded, '2025-03-02T00:00:00.000Z').first.items;
    await store.wipe();
    expect(await importNotes(store, JSON.stringify([...items, items[0]]))).toEqual({ added: 3, skipped: 1 });
    expect(await store.listAll()).toEqual(seeded);
  });
});

describe('Markdown export', () => {
  it('groups notes under their page or entity, quotes the passage, lists tags', () => {
    const md = toMarkdown(seeded, '2025-03-02T00:00:00.000Z');
    expect(md).toContain('# Hashiya notes');
    expect(md).toContain('3 notes');
    expect(md).toContain('## [محادثات \\[جنيف\\]](https://www.aljazeera.net/news/2025/3/1/geneva)');
    expect(md).toContain('> قال لافروف إن المحادثات');
    expect(md).toContain('سطر أول\nسطر "ثان", مع فاصلة');
    expect(md).toContain('*#روسيا #جنيف · blue · updated ');
    expect(md).toContain('## Entity `person/sergey-lavrov`');
    expect(md.indexOf('organization/un')).toBeLessThan(md.indexOf('person/sergey-lavrov')); // newest first
  });
});

describe('CSV export', () => {
  it('quotes per RFC 4180 and neutralizes formula injection', () => {
    const csv = toCsv(seeded);
    expect(csv.startsWith('\uFEFFid,kind,entity,url,title,quote,body,tags,color,created,updated\r\n')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(5); // header, 3 rows (one with an embedded LF, not CRLF), trailing ''
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(csv).toContain(`,'@mention,`);
    expect(csv).toContain('"سطر أول\nسطر ""ثان"", مع فاصلة"');
    expect(csv).toContain(',روسيا; جنيف,blue,');
  });

  it('cells starting with = + - @ get a leading apostrophe', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('=a,b')).toBe(`"'=a,b"`);
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a "b"')).toBe('"a ""b"""');
  });
});

describe('import rejects bad files whole, leaving stored notes untouched', () => {
  async function expectRejected(text: string, message: RegExp) {
    const before = await store.db.notes.toArray();
    const error = await importNotes(store, text).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as Error).message).toMatch(message);
    expect(await store.db.notes.toArray()).toEqual(before);
  }

  async function validFile(): Promise<{ text: string; doc: ReturnType<typeof toWebAnnotation> }> {
    const doc = toWebAnnotation(seeded, '2025-03-02T00:00:00.000Z');
    return { text: JSON.stringify(doc), doc };
  }

  /** A valid export of three NEW notes (other ids), so a rejection is the only reason nothing is added. */
  async function freshFile() {
    const { doc } = await validFile();
    doc.first.items.forEach((a, i) => (a.id = `urn:uuid:11111111-2222-4333-8444-55555555555${i}`));
    return doc;
  }

  it('malformed JSON', async () => {
    await expectRejected('{"type": "AnnotationCollection", items: [}', /not valid JSON/);
  });

  it('truncated JSON', async () => {
    const text = JSON.stringify(await freshFile());
    await expectRejected(text.slice(0, Math.floor(text.length / 2)), /not valid JSON/);
  });

  it('wrong types, naming the item and field', async () => {
    const doc = await freshFile();
    (doc.first.items[2].body[0] as { value: unknown }).value = 42;
    await expectRejected(JSON.stringify(doc), /^item 3: body\[0\]\.value must be a string\.$/);

    const doc2 = await freshFile();
    (doc2.first.items[1] as { created: unknown }).created = 'yesterday';
    await expectRejected(JSON.stringify(doc2), /^item 2: created must be an ISO 8601 time\.$/);

    const doc3 = await freshFile();
    (doc3.first.items[0]['hashiya:note'] as { color: string }).color = 'red';
    await expectRejected(JSON.stringify(doc3), /^item 1: hashiya:note\.color must be one of/);

    const doc4 = await freshFile();
    (doc4.first.items[0] as unknown as Record<string, unknown>).extra = 1;
    await expectRejected(JSON.stringify(doc4), /^item 1: extra is not an allowed field\.$/);

    const doc5 = await freshFile();
    delete (doc5.first.items[1] as Partial<(typeof doc5.first.items)[number]>).modified;
    await expectRejected(JSON.stringify(doc5), /^item 2: modified is missing\.$/);

    const doc6 = await freshFile();
    doc6.first.items[0].body[0].value = 'x'.repeat(20_001);
    await expectRejected(JSON.stringify(doc6), /^item 1: body\[0\]\.value must be at most 20000 characters long\.$/);

    await expectRejected(JSON.stringify({ hello: 'world' }), /Not a Hashiya notes file/);
    await expectRejected('42', /Not a Hashiya notes file/);
    await expectRejected('null', /Not a Hashiya notes file/);
  });

  it('a passage target with a javascript: URL', async () => {
    const doc = await freshFile();
    const target = doc.first.items[2].target as { source: string };
    target.source = 'javascript:alert(1)';
    await expectRejected(JSON.stringify(doc), /^item 3: .*must be a web page URL/);
  });

  it('a huge array', async () => {
    const doc = await freshFile();
    const one = doc.first.items[0];
    (doc.first as { items: unknown[] }).items = Array.from({ length: 50_001 }, () => one);
    await expectRejected(JSON.stringify(doc), /more than 50,000 notes/);
    await expectRejected(JSON.stringify(new Array(50_001).fill(0)), /more than 50,000 notes/);
  });

  it('a file laden with __proto__ / constructor / prototype keys', async () => {
    const doc = await freshFile();
    const text = JSON.stringify(doc).replace(
      '"type":"Annotation",',
      '"type":"Annotation","__proto__":{"polluted":true},',
    );
    await expectRejected(text, /forbidden key "__proto__"/);
    await expectRejected('{"constructor":{"prototype":{"x":1}}}', /forbidden key "(prototype|constructor)"/);
    await expectRejected('[{"a":{"b":{"prototype":1}}}]', /forbidden key "prototype"/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('one bad item among good ones: none of the good ones is added', async () => {
    const doc = await freshFile();
    (doc.first.items[1] as { type: string }).type = 'Note';
    await expectRejected(JSON.stringify(doc), /^item 2: type must be "Annotation"\.$/);
  });

  it('a quota error while writing rejects the whole import with StorageFullError', async () => {
    const before = await store.db.notes.toArray();
    vi.spyOn(store.db.notes, 'bulkAdd').mockRejectedValueOnce(new Dexie.QuotaExceededError('full'));
    const doc = await freshFile();
    await expect(importNotes(store, JSON.stringify(doc))).rejects.toBeInstanceOf(StorageFullError);
    expect(await store.db.notes.toArray()).toEqual(before);
  });

  it('parseNotesFile validates without touching the database', async () => {
    const { text } = await validFile();
    expect(parseNotesFile(text)).toEqual(seeded);
  });
});
