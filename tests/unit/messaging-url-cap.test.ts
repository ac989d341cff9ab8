// One cap on page addresses for every message and for the notes themselves: a page whose address
// is long (tracking parameters, long slugs) and under the cap gets marks and keeps notes; an
// address over the cap is refused with an error that says so, and nothing is written.
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { NoteStore } from '../../notes/store';
import { LIMITS } from '../../notes/model';
import { MAX_URL_CHARS } from '../../messaging/schemas';
import { handlers } from './helpers/protocol-mock';

vi.mock('../../messaging/protocol', async () => (await import('./helpers/protocol-mock')).protocolMock());
vi.mock('../../background/corpus', async () => (await import('./helpers/background-corpus')).seedStages());

const ID = 'test-extension-id';
const pageOf = (length: number) => {
  const base = 'https://news.example/2021/zarif-lavrov?utm_source=';
  return base + 'x'.repeat(length - base.length);
};
const contentScript = (url: string) => ({ id: ID, url, tab: { id: 7, url }, frameId: 0 });
const call = (type: string, data: unknown, sender: unknown) =>
  Promise.resolve().then(() => handlers.get(type)!({ data, sender }));
const store = () => new NoteStore();
const noFeatures = {
  lang: 'ar',
  entities: [],
  dates: [],
  numbers: [],
  terms: [],
  shingles: [],
  vocabulary: [],
  title: [],
};
const passage = (url: string) => ({
  kind: 'passage',
  body: 'ملاحظة',
  target: {
    url,
    title: 't',
    quote: { type: 'TextQuoteSelector', exact: 'لافروف', prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start: 0, end: 6 },
  },
});

beforeAll(async () => {
  const { registerHandlers } = await import('../../background/handlers');
  const { registerNoteHandlers } = await import('../../background/notes-handlers');
  registerHandlers();
  registerNoteHandlers();
});

beforeEach(async () => {
  fakeBrowser.reset();
  await store().wipe();
});

describe('page addresses', () => {
  it('have one cap, for messages and stored notes alike', () => {
    expect(MAX_URL_CHARS).toBe(LIMITS.url);
    expect(MAX_URL_CHARS).toBeGreaterThanOrEqual(6000);
  });

  it('a page with a 6,000-character address gets marks and keeps and reads its notes', async () => {
    const page = pageOf(6000);
    expect(page).toHaveLength(6000);
    const sender = contentScript(page);
    // Marks: the aliases for the page's words, and the story lookup that carries the address.
    const batch = (await call('lookupAliases', { keys: ['لافروف'] }, sender)) as { aliases: unknown[] };
    expect(batch.aliases.length).toBeGreaterThan(0);
    // Rejects (and so fails the test) if the address is refused.
    await call('matchStory', { url: page, features: noFeatures }, sender);

    await call(
      'addNote',
      { url: page, note: { kind: 'entity', entityId: 'person/sergey-lavrov', body: 'entity note' } },
      sender,
    );
    await call('addNote', { url: page, note: passage(page) }, sender);
    const back = (await call(
      'notesForPage',
      { url: page, canonical: page, entityIds: ['person/sergey-lavrov'] },
      sender,
    )) as { entity: { body: string }[]; passages: { target: { url: string } }[] };
    expect(back.entity.map((n) => n.body)).toEqual(['entity note']);
    expect(back.passages).toHaveLength(1);
    expect(back.passages[0]!.target.url).toBe(page);
  });

  it('an address over the cap is refused with an error naming it, for marks and notes, and nothing is written', async () => {
    const page = pageOf(MAX_URL_CHARS + 1);
    const sender = contentScript(page);
    const tooLong = new RegExp(`url must be at most ${MAX_URL_CHARS} characters long`);
    await expect(call('matchStory', { url: page, features: noFeatures }, sender)).rejects.toThrow(
      new RegExp(`^matchStory: ${tooLong.source}`),
    );
    await expect(call('hello', { url: page }, sender)).rejects.toThrow(new RegExp(`^hello: ${tooLong.source}`));
    await expect(call('notesForPage', { url: page, entityIds: [] }, sender)).rejects.toThrow(tooLong);
    await expect(
      call('addNote', { url: page, note: { kind: 'entity', entityId: 'person/sergey-lavrov', body: 'x' } }, sender),
    ).rejects.toThrow(new RegExp(`^addNote: ${tooLong.source}`));
    // A short page address with a passage target over the cap: the store's own check says so.
    const short = pageOf(100);
    await expect(call('addNote', { url: short, note: passage(page) }, contentScript(short))).rejects.toThrow();
    expect(await store().listAll()).toHaveLength(0);
  });

  it('the cap is exact: an address of exactly the cap is accepted', async () => {
    const page = pageOf(MAX_URL_CHARS);
    await call('addNote', { url: page, note: passage(page) }, contentScript(page));
    expect(await store().listAll()).toHaveLength(1);
  });
});
