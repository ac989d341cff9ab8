import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { Page as PwPage } from 'playwright-core';
import { launch, type PageHandle, type Session } from '../harness/browsers';
import { describeEachBrowser } from '../harness/env';
import {
  addEntityNote,
  cardOpen,
  firefoxProfileWithAddon,
  hoverMention,
  launchChromiumProfile,
  launchFirefoxProfile,
  listNotes,
  removeDir,
  slotOf,
  sleep,
  waitForMarks,
  waitForProbe,
} from './lib';

// Where the reader's notes live and how long they last.
// G4: notes stay in the extension's own IndexedDB (written by the background): the news page's
//     IndexedDB, localStorage, sessionStorage, cookies and Cache Storage get nothing, even while the
//     card shows a note on that page.
// G6: a note survives a browser restart (same profile).
// G9: Chromium MV3: writes succeed after the service worker was stopped between them.

const base = inject('fixtureBaseUrl');
const LAVROV = 'person/sergey-lavrov';

async function waitUntil(ok: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!ok() && Date.now() < deadline) await sleep(100);
}

/** Everything a page can see of its own origin's storage. */
function pageStorage(page: PageHandle) {
  return page.evaluate(async () => ({
    idb: ((await indexedDB.databases()) ?? []).map((d) => d.name).sort(),
    localStorage: localStorage.length,
    sessionStorage: sessionStorage.length,
    cookie: document.cookie,
    caches: typeof caches === 'undefined' ? [] : await caches.keys(),
  }));
}

describeEachBrowser('G4/G9 notes storage', (kind) => {
  let session: Session;

  beforeAll(async () => {
    session = await launch(kind);
  });

  afterAll(async () => {
    await session?.close();
  });

  it("G4: a note shown on a news page lands in the extension's IndexedDB, never in the page's storage", async () => {
    const ext = await session.openExtensionPage('notes.html');
    const body = `G4 private note ${Date.now()}`;
    try {
      const note = await addEntityNote(ext, LAVROV, body);
      expect(note).toMatchObject({ kind: 'entity', entityId: LAVROV, body });
      // The test can see a Hashiya database where there is one: the extension's origin.
      const extDbs = await ext.evaluate(async () => ((await indexedDB.databases()) ?? []).map((d) => d.name));
      expect(extDbs).toContain('hashiya-notes');

      const news = await session.newPage(`${base}/news-en.html`);
      try {
        await waitForMarks(news);
        await hoverMention(news, 'Lavrov');
        // The card on this page shows the note: notes did reach the page's UI (through the background).
        const shown = await waitForProbe(news, (r) => slotOf(r, 'card').text.includes(body), 'note on the card');
        expect(cardOpen(shown)).toBe(true);
        expect(await pageStorage(news)).toEqual({
          idb: [],
          localStorage: 0,
          sessionStorage: 0,
          cookie: '',
          caches: [],
        });
      } finally {
        await news.close();
      }
    } finally {
      await ext.close();
    }
  });

  // Firefox MV2 runs a persistent background page: there is no service worker to stop.
  (kind === 'chromium' ? it : it.skip)(
    'G9: a write succeeds after the MV3 service worker was stopped; both notes are listed',
    async () => {
      const ext = await session.openExtensionPage('notes.html');
      try {
        const first = await addEntityNote(ext, LAVROV, 'G9 before the stop');
        const page = ext.raw as PwPage;
        const cdp = await page.context().newCDPSession(page);
        // Every running-status change of the extension's worker, in order (CDP ServiceWorker domain).
        const history: string[] = [];
        cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
          for (const v of versions) {
            if (v.scriptURL.startsWith(session.extensionOrigin) && history.at(-1) !== v.runningStatus) {
              history.push(v.runningStatus);
            }
          }
        });
        await cdp.send('ServiceWorker.enable');
        await waitUntil(() => history.length > 0);
        expect(history.at(-1), 'the extension worker runs before the stop').toBe('running');
        await cdp.send('ServiceWorker.stopAllWorkers');
        await waitUntil(() => history.at(-1) === 'stopped');
        expect(history.at(-1), 'the extension worker stopped').toBe('stopped');
        const stoppedAt = history.length;

        const second = await addEntityNote(ext, LAVROV, 'G9 after the stop');
        // The write itself woke the worker: it went through starting to running after the stop.
        expect(history.slice(stoppedAt)).toContain('running');
        const bodies = (await listNotes(ext)).filter((n) => n.id === first.id || n.id === second.id).map((n) => n.body);
        expect(bodies.sort()).toEqual(['G9 after the stop', 'G9 before the stop']);

        // The open notes page follows every write (guarantee 20) and asks the background again: let it
        // finish, or its requests would wake the worker right after the stop below.
        await ext.waitFor((id: string) => !!document.querySelector(`[data-note-id="${id}"]`), second.id);
        await sleep(1500);
        // Stopped again, a content script's requests wake it too: the card on a news page shows both notes.
        await cdp.send('ServiceWorker.stopAllWorkers');
        await waitUntil(() => history.at(-1) === 'stopped');
        expect(history.at(-1)).toBe('stopped');
        const news = await session.newPage(`${base}/news-en.html`);
        try {
          await waitForMarks(news);
          await hoverMention(news, 'Lavrov');
          await waitForProbe(
            news,
            (r) => ['G9 before the stop', 'G9 after the stop'].every((b) => slotOf(r, 'card').text.includes(b)),
            'both notes on the card',
          );
        } finally {
          await news.close();
        }
        await cdp.detach();
      } finally {
        await ext.close();
      }
    },
  );
});

describeEachBrowser('G6 notes survive a browser restart', (kind) => {
  it('G6: a note added before quitting is listed after relaunching on the same profile', async () => {
    const body = `G6 survives a restart ${Date.now()}`;
    if (kind === 'chromium') {
      const profile = await mkdtemp(join(tmpdir(), 'hashiya-e2e-g6-'));
      try {
        const first = await launchChromiumProfile(profile);
        let id: string;
        let origin: string;
        try {
          origin = first.extensionOrigin;
          const ext = await first.open(`${origin}/notes.html`);
          id = (await addEntityNote(ext, LAVROV, body)).id;
          expect((await listNotes(ext)).map((n) => n.id)).toContain(id);
        } finally {
          await first.close();
        }
        const second = await launchChromiumProfile(profile);
        try {
          expect(second.extensionOrigin, 'same extension id after the restart').toBe(origin);
          const ext = await second.open(`${second.extensionOrigin}/notes.html`);
          const notes = await listNotes(ext);
          expect(notes.filter((n) => n.id === id).map((n) => n.body)).toEqual([body]);
        } finally {
          await second.close();
        }
      } finally {
        await removeDir(profile);
      }
    } else {
      // Installed the way a reader has it (an add-on in the profile, not a temporary one, which
      // Firefox removes together with its storage when it quits).
      const profile = await firefoxProfileWithAddon();
      try {
        const first = await launchFirefoxProfile(profile);
        let id: string;
        try {
          const ext = await first.openExtensionPage('notes.html');
          id = (await addEntityNote(ext, LAVROV, body)).id;
          expect((await listNotes(ext)).map((n) => n.id)).toContain(id);
        } finally {
          await first.close();
        }
        const second = await launchFirefoxProfile(profile);
        try {
          const ext = await second.openExtensionPage('notes.html');
          const notes = await listNotes(ext);
          expect(notes.filter((n) => n.id === id).map((n) => n.body)).toEqual([body]);
        } finally {
          await second.close();
        }
      } finally {
        await removeDir(profile);
      }
    }
  }, 120_000);
});
