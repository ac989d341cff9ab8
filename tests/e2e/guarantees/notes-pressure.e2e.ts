import { afterAll, beforeAll, expect, it } from 'vitest';
import { launch, type PageHandle, type Session } from '../harness/browsers';
import { describeEachBrowser } from '../harness/env';
import { STRINGS, type UiLang } from '../../../i18n/strings';
import { addEntityNote, listNotes, sendFromExtensionPage, sleep } from './lib';

// G22: storage pressure in a real browser.
// - Persistence: the popup and the notes page ask for it; where the browser refuses (headless
//   Chromium does; Firefox grants it to an extension with unlimitedStorage), both say so, with what
//   it means, until the reader's "Got it" — then neither says it again. Where it is granted, no notice.
// - Quota: the test build's hook (background/test-quota.ts) makes IndexedDB refuse the next write
//   as a full disk does; the notes page's editor says storage is full and keeps the draft, nothing
//   is written, and the same Save works once there is room.

const LAVROV = 'person/sergey-lavrov';
const NOTICE = '[data-testid="persist-notice"]';

const langOf = (page: PageHandle) =>
  page.evaluate(() => (document.querySelector('[lang]')?.getAttribute('lang') ?? 'en') as UiLang);

/** Asks the test build's background to refuse the next `writes` notes writes as a full disk would. */
function refuseWrites(page: PageHandle, writes: number): Promise<unknown> {
  return page.evaluate(async (n: number) => {
    type Runtime = { runtime: { sendMessage(m: unknown): Promise<unknown> } };
    const g = globalThis as unknown as { browser?: Runtime; chrome: Runtime };
    return (g.browser ?? g.chrome).runtime.sendMessage({ type: 'hashiya-test:quota', writes: n });
  }, writes);
}

async function noticeShown(page: PageHandle): Promise<boolean> {
  await sleep(800); // the page asks the browser, then reads the stored dismissal
  return page.evaluate((sel: string) => !!document.querySelector(sel), NOTICE);
}

describeEachBrowser('G22 storage pressure', (kind) => {
  let session: Session;

  beforeAll(async () => {
    session = await launch(kind);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('G22: a refused persistence request is said once, in the popup and the notes page', async () => {
    const notes = await session.openExtensionPage('notes.html');
    const refused = !(await notes.evaluate(async () => {
      await navigator.storage.persist();
      return navigator.storage.persisted();
    }));
    if (kind === 'chromium') expect(refused, 'headless Chromium refuses persistence to an extension').toBe(true);
    const popup = await session.openExtensionPage('popup.html');
    expect(await noticeShown(popup)).toBe(refused);
    expect(await noticeShown(notes)).toBe(refused);
    if (refused) {
      const lang = await langOf(notes);
      expect(await notes.evaluate((sel: string) => document.querySelector(sel)!.textContent, NOTICE)).toContain(
        STRINGS[lang].notPersisted,
      );
      await notes.evaluate(
        (sel: string) => (document.querySelector(`${sel} button`) as HTMLButtonElement).click(),
        NOTICE,
      );
      expect(await noticeShown(notes)).toBe(false);
      await popup.reload();
      expect(await noticeShown(popup), 'the popup does not say it again').toBe(false);
      await notes.reload();
      expect(await noticeShown(notes), 'nor the notes page').toBe(false);
    }
    await popup.close();
    await notes.close();
  });

  it('G22: a write refused for lack of space keeps the draft and says why; the same Save works later', async () => {
    const page = await session.openExtensionPage('notes.html');
    try {
      const note = await addEntityNote(page, LAVROV, 'G22 stored text');
      const sel = `[data-testid="note-item"][data-note-id="${note.id}"]`;
      await page.waitFor((s: string) => !!document.querySelector(s), sel);
      await page.evaluate(
        (s: string) =>
          new Promise<void>((resolve) => {
            (document.querySelector(`${s} button.np-quiet`) as HTMLButtonElement).click(); // Edit
            setTimeout(() => {
              const area = document.querySelector(`${s} textarea`) as HTMLTextAreaElement;
              area.value = 'G22 draft written under pressure';
              area.dispatchEvent(new Event('input', { bubbles: true }));
              resolve();
            }, 50);
          }),
        sel,
      );

      const hook = await refuseWrites(page, 1);
      expect(hook).toEqual({ failing: 1 });
      const save = (s: string) =>
        page.evaluate(
          (x: string) => (document.querySelector(`${x} button.np-primary`) as HTMLButtonElement).click(),
          s,
        );
      await save(sel);

      const lang = await langOf(page);
      const alert = await page.waitFor(
        (s: string) => document.querySelector(`${s} [role="alert"]`)?.textContent ?? '',
        sel,
      );
      expect(alert).toBe(STRINGS[lang].storageFull);
      expect(
        await page.evaluate((s: string) => (document.querySelector(`${s} textarea`) as HTMLTextAreaElement).value, sel),
      ).toBe('G22 draft written under pressure');
      expect((await listNotes(page)).find((n) => n.id === note.id)?.body, 'nothing was written').toBe(
        'G22 stored text',
      );

      // The message channel carries the reason by name, for every caller.
      const url = await page.evaluate(() => location.href);
      expect(await refuseWrites(page, 1)).toEqual({ failing: 1 });
      const refused = await sendFromExtensionPage(page, 'addNote', {
        url,
        note: { kind: 'entity', entityId: LAVROV, body: 'G22 x' },
      });
      expect(refused.err?.name).toBe('StorageFullError');

      // Room again: the very same Save goes through with the reader's text.
      await save(sel);
      await page.waitFor((s: string) => !document.querySelector(`${s} textarea`), sel);
      expect((await listNotes(page)).find((n) => n.id === note.id)?.body).toBe('G22 draft written under pressure');
      expect((await listNotes(page)).map((n) => n.body)).not.toContain('G22 x');
    } finally {
      await page.close();
    }
  });
});
