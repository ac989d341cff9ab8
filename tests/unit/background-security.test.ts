// Guarantee 2: the background rejects privileged messages unless they come from an extension page,
// checks content-script messages for shape and for the sender's own page, and random payloads
// never throw unhandled and never write.
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { NoteStore } from '../../notes/store';
import { handlers } from './helpers/protocol-mock';

vi.mock('../../messaging/protocol', async () =>
  (await import('./helpers/protocol-mock')).protocolMock({ MAX_ENTITY_IDS: 5000 }),
);
vi.mock('../../background/corpus', async () => (await import('./helpers/background-corpus')).seedStages());

const ID = 'test-extension-id';
const PAGE = 'https://news.example/2021/zarif-lavrov';
const senders = {
  contentScript: { id: ID, url: PAGE, tab: { id: 7, url: PAGE }, frameId: 0 },
  extensionPage: { id: ID, url: `chrome-extension://${ID}/notes.html` },
  otherExtension: { id: 'someone-else', url: 'chrome-extension://someone-else/x.html' },
};

const PRIVILEGED: [string, unknown][] = [
  ['listNotes', {}],
  ['exportNotes', { format: 'jsonld' }],
  ['importNotes', { text: '[]' }],
  ['wipeNotes', undefined],
  ['notesMeta', undefined],
  ['notesHealth', undefined],
  ['notesPage', { limit: 10 }],
  ['notesFacets', undefined],
  ['getCorpusOverview', {}],
  ['getArticle', { articleId: '000_170d4d68c2385a85' }],
  ['enableSite', { origin: 'https://example.org' }],
  ['disableSite', { host: 'example.org' }],
];

const call = (type: string, data: unknown, sender: unknown) =>
  Promise.resolve().then(() => handlers.get(type)!({ data, sender }));
const store = () => new NoteStore();

beforeAll(async () => {
  const { registerHandlers } = await import('../../background/handlers');
  const { registerNoteHandlers } = await import('../../background/notes-handlers');
  const { registerSiteHandlers } = await import('../../background/site-handlers');
  registerHandlers();
  registerNoteHandlers();
  registerSiteHandlers();
});

beforeEach(async () => {
  fakeBrowser.reset();
  await store().wipe();
});

describe('privileged requests', () => {
  for (const [type, data] of PRIVILEGED) {
    it(`${type} is refused to a content script and to another extension`, async () => {
      await expect(call(type, data, senders.contentScript)).rejects.toThrow(/extension page/);
      await expect(call(type, data, senders.otherExtension)).rejects.toThrow();
    });
  }

  it('are answered for an extension page', async () => {
    await expect(call('listNotes', {}, senders.extensionPage)).resolves.toEqual([]);
    await expect(
      call('getArticle', { articleId: '000_170d4d68c2385a85' }, senders.extensionPage),
    ).resolves.toMatchObject({
      lang: 'ar',
    });
  });
});

describe('content-script requests', () => {
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

  it('may add an entity note and a passage note for its own page', async () => {
    await call(
      'addNote',
      { url: PAGE, note: { kind: 'entity', entityId: 'person/sergey-lavrov', body: 'x' } },
      senders.contentScript,
    );
    await call('addNote', { url: PAGE, note: passage(PAGE) }, senders.contentScript);
    expect(await store().listAll()).toHaveLength(2);
  });

  it('may not write a passage note for another page, nor claim another page URL', async () => {
    await expect(
      call('addNote', { url: PAGE, note: passage('https://other.example/') }, senders.contentScript),
    ).rejects.toThrow(/only write passage notes for itself/);
    await expect(
      call(
        'addNote',
        { url: 'https://other.example/', note: passage('https://other.example/') },
        senders.contentScript,
      ),
    ).rejects.toThrow(/does not match/);
    expect(await store().listAll()).toHaveLength(0);
  });

  it('may not edit or delete a passage note of another page', async () => {
    const other = await store().add(passage('https://other.example/') as never);
    await expect(
      call('updateNote', { url: PAGE, id: other.id, patch: { body: 'hijacked' } }, senders.contentScript),
    ).rejects.toThrow();
    await expect(call('deleteNote', { url: PAGE, id: other.id }, senders.contentScript)).rejects.toThrow();
    expect((await store().get(other.id))?.body).toBe('ملاحظة');
  });

  it('rejects malformed payloads with a clear error', async () => {
    await expect(call('getEntityCard', { entityId: 42 }, senders.contentScript)).rejects.toThrow();
    await expect(call('getEntityCard', { entityId: 'person/nobody' }, senders.contentScript)).rejects.toThrow(
      /unknown entity/,
    );
    await expect(
      call('matchStory', { url: PAGE, features: { lang: 'ar', entities: ['x'] } }, senders.contentScript),
    ).rejects.toThrow();
  });
});

describe('random payloads', () => {
  it('never throw unhandled and never write', async () => {
    const types = [...handlers.keys()];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...types),
        fc.anything({ withObjectString: true, withNullPrototype: true }),
        fc.constantFrom(senders.contentScript, senders.otherExtension),
        async (type, data, sender) => {
          // Resolves or rejects with an Error; a synchronous throw would escape `call`'s promise chain.
          const outcome = await call(type, data, sender).then(
            () => 'ok',
            (e: unknown) => (e instanceof Error ? 'error' : 'non-error'),
          );
          expect(outcome).not.toBe('non-error');
        },
      ),
      { numRuns: 400 },
    );
    expect(await store().listAll()).toHaveLength(0);
  });
});
