import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { launch, type PageHandle, type Session } from '../harness/browsers';
import { describeEachBrowser } from '../harness/env';
import {
  addEntityNote,
  hoverMention,
  listNotes,
  sendFromExtensionPage,
  slotOf,
  waitForMarks,
  waitForProbe,
} from './lib';

// G20: two tabs of the notes page and a card on a news page work on the same note.
// - A write in one tab shows in the other without any reload or tab switch (the background
//   announces it), and on the open hover card of a news page.
// - An editor whose note changed underneath it says so and keeps the reader's unsaved text; its
//   Save is the last write and wins everywhere.
// - A note deleted underneath an editor stays on screen with the draft; Save brings the text back.

const base = inject('fixtureBaseUrl');
const LAVROV = 'person/sergey-lavrov';

const item = (id: string) => `[data-testid="note-item"][data-note-id="${id}"]`;

/** The note's text on a notes page ('' while it is not listed). */
function itemText(page: PageHandle, id: string): Promise<string> {
  return page.evaluate((sel: string) => document.querySelector(sel)?.textContent ?? '', item(id));
}

/** Opens the note's editor on a notes page and types `draft` (Preact listens to `input`). */
async function startEditing(page: PageHandle, id: string, draft: string): Promise<void> {
  await page.waitFor((sel: string) => !!document.querySelector(sel), item(id));
  await page.evaluate(
    ({ sel, draft }: { sel: string; draft: string }) => {
      const li = document.querySelector(sel)!;
      (li.querySelector('button.np-quiet') as HTMLButtonElement).click(); // Edit (Delete is the second)
      return new Promise<void>((resolve) =>
        setTimeout(() => {
          const area = li.querySelector('textarea')!;
          area.value = draft;
          area.dispatchEvent(new Event('input', { bubbles: true }));
          resolve();
        }, 50),
      );
    },
    { sel: item(id), draft },
  );
}

function editorState(page: PageHandle, id: string) {
  return page.evaluate((sel: string) => {
    const li = document.querySelector(sel);
    return {
      draft: li?.querySelector('textarea')?.value ?? null,
      conflict: li?.querySelector('[data-testid="note-conflict"]')?.textContent ?? null,
    };
  }, item(id));
}

async function clickSave(page: PageHandle, id: string): Promise<void> {
  await page.evaluate(
    (sel: string) => (document.querySelector(`${sel} button.np-primary`) as HTMLButtonElement).click(),
    item(id),
  );
}

describeEachBrowser('G20 two tabs and a card edit the same note', (kind) => {
  let session: Session;
  let a: PageHandle;
  let b: PageHandle;

  beforeAll(async () => {
    session = await launch(kind);
    a = await session.openExtensionPage('notes.html');
    b = await session.openExtensionPage('notes.html');
  });

  afterAll(async () => {
    await session?.close();
  });

  it('G20: live updates, a changed note keeps the draft and its Save wins', async () => {
    const note = await addEntityNote(a, LAVROV, 'G20 first words');
    // Tab B was open before the note existed and nobody touched it: the announcement updated it.
    await b.waitFor(
      (sel: string) => document.querySelector(sel)?.textContent?.includes('G20 first words'),
      item(note.id),
    );

    // A card on a news page shows the note, and follows a change made in a notes tab.
    const news = await session.newPage(`${base}/news-en.html`);
    try {
      await waitForMarks(news);
      await hoverMention(news, 'Lavrov');
      await waitForProbe(news, (r) => slotOf(r, 'card').text.includes('G20 first words'), 'note on the card');
      const url = await a.evaluate(() => location.href);
      const changed = await sendFromExtensionPage(a, 'updateNote', { url, id: note.id, patch: { body: 'G20 from A' } });
      expect(changed.res).toMatchObject({ body: 'G20 from A' });
      await waitForProbe(news, (r) => slotOf(r, 'card').text.includes('G20 from A'), 'the card follows tab A');

      // B edits; meanwhile A changes the same note: B says so and keeps what the reader typed.
      await startEditing(b, note.id, 'G20 typed in B');
      await sendFromExtensionPage(a, 'updateNote', { url, id: note.id, patch: { body: 'G20 A again' } });
      await b.waitFor((sel: string) => !!document.querySelector(`${sel} [data-testid="note-conflict"]`), item(note.id));
      expect((await editorState(b, note.id)).draft).toBe('G20 typed in B');
      await a.waitFor(
        (sel: string) => document.querySelector(sel)?.textContent?.includes('G20 A again'),
        item(note.id),
      );

      // B saves: the last write wins, in A, in the store and on the card.
      await clickSave(b, note.id);
      await a.waitFor(
        (sel: string) => document.querySelector(sel)?.textContent?.includes('G20 typed in B'),
        item(note.id),
      );
      expect((await listNotes(a)).find((n) => n.id === note.id)?.body).toBe('G20 typed in B');
      expect(await editorState(b, note.id)).toEqual({ draft: null, conflict: null });
      await waitForProbe(
        news,
        (r) => slotOf(r, 'card').text.includes('G20 typed in B'),
        'the card shows the last write',
      );
    } finally {
      await news.close();
    }
  });

  it('G20: a note deleted under an editor keeps the draft, and Save brings the text back', async () => {
    const note = await addEntityNote(a, LAVROV, 'G20 doomed');
    await startEditing(b, note.id, 'G20 rescued draft');
    const url = await a.evaluate(() => location.href);
    const removed = await sendFromExtensionPage(a, 'deleteNote', { url, id: note.id });
    expect(removed.res).toMatchObject({ id: note.id });
    await a.waitFor((sel: string) => !document.querySelector(sel), item(note.id));
    await b.waitFor((sel: string) => !!document.querySelector(`${sel} [data-testid="note-conflict"]`), item(note.id));
    expect((await editorState(b, note.id)).draft).toBe('G20 rescued draft');

    await clickSave(b, note.id);
    const back = await a.waitFor(() =>
      [...document.querySelectorAll('[data-testid="note-item"]')]
        .find((li) => li.textContent?.includes('G20 rescued draft'))
        ?.getAttribute('data-note-id'),
    );
    expect(back).not.toBe(note.id); // a new note: the old one stays deleted, the text is not lost
    const bodies = (await listNotes(a)).map((n) => n.body);
    expect(bodies).toContain('G20 rescued draft');
    expect(bodies).not.toContain('G20 doomed');
    expect(await itemText(b, note.id)).toBe('');
  });
});
