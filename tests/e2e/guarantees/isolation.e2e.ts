import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { GECKO_ID, launch, type PageHandle, type Session } from '../harness/browsers';
import { describeEachBrowser } from '../harness/env';
import { FIXTURES_DIR, putRoute } from '../harness/server';
import {
  cardOpen,
  hoverMention,
  mentionKeys,
  probe,
  readMarks,
  sleep,
  slotOf,
  waitForMarks,
  waitForProbe,
} from './lib';

// G3: the page can neither read nor drive Hashiya's UI. The UI lives in a closed shadow root, and
// nothing the page can forge — window messages, CustomEvents named like our messages or like WXT's
// internal events, untrusted (isTrusted=false) pointer, click and key events — opens, closes or
// changes anything. G15: nothing is injected into iframes, same-origin ones included.

const base = inject('fixtureBaseUrl');

/** What a forged-event test compares before and after: UI slots, mentions, scroll and focus. */
async function state(page: PageHandle) {
  const r = await probe(page);
  const page_ = await page.evaluate(() => ({
    scrollY: Math.round(window.scrollY),
    active: document.activeElement?.nodeName ?? null,
    hosts: document.querySelectorAll('hashiya-ui').length,
  }));
  return {
    ui: (r?.ui ?? []).map((s) => `${s.slot}:${s.text.trim() ? 'shown' : '-'}`).sort(),
    card: slotOf(r, 'card').text.trim() || null,
    mentions: await mentionKeys(page),
    ...page_,
  };
}

/** Center of the first visible mark with `text`. */
async function markCenter(page: PageHandle, text: string) {
  const mark = (await readMarks(page)).find((m) => m.text === text && m.rect);
  if (!mark?.rect) throw new Error(`no visible mark "${text}"`);
  return { x: mark.rect.x + mark.rect.width / 2, y: mark.rect.y + mark.rect.height / 2 };
}

/** news-en.html with a page script that records every window message from its first line on. */
const LISTENING = '/guarantees/news-en-listening.html';

describeEachBrowser('G3 isolation: closed UI, forged events ignored', (kind) => {
  let session: Session;
  /** browser.runtime.id as the content script sees it (WXT derives event names from it). */
  let runtimeId: string;

  beforeAll(async () => {
    const html = (await readFile(join(FIXTURES_DIR, 'news-en.html'), 'utf8')).replace(
      '<head>',
      '<head><script>window.__seen = []; addEventListener("message", function (e) { try { __seen.push(JSON.stringify(e.data)); } catch (x) { __seen.push(String(e.data)); } });</script>',
    );
    await putRoute(base, LISTENING, html);
    session = await launch(kind);
    runtimeId = kind === 'chromium' ? session.extensionOrigin.split('//')[1] : GECKO_ID;
  });

  afterAll(async () => {
    await session?.close();
  });

  async function openNews(path = '/news-en.html'): Promise<PageHandle> {
    const page = await session.newPage(`${base}${path}`);
    await waitForMarks(page);
    await waitForProbe(page, (r) => r.mentions.length > 0, 'mentions on news-en');
    return page;
  }

  it('G3: with a card open the page sees a closed root: shadowRoot === null, no children, no card text', async () => {
    const page = await openNews();
    try {
      await hoverMention(page, 'Lavrov');
      const card = slotOf(await probe(page), 'card');
      expect(card.text.length, 'the probe reads the card from inside').toBeGreaterThan(20);
      const seen = await page.evaluate((cardText: string) => {
        const hosts = document.querySelectorAll('hashiya-ui');
        const host = hosts[0] as HTMLElement | undefined;
        let attachError: string | null = null;
        try {
          host?.attachShadow({ mode: 'open' });
        } catch (e) {
          attachError = (e as Error).name;
        }
        return {
          hosts: hosts.length,
          shadowRoot: host ? host.shadowRoot : 'no host',
          children: host?.childNodes.length ?? -1,
          attachError,
          // The card's words must not be readable anywhere in the page's DOM.
          leaked: (document.documentElement.textContent ?? '').includes(cardText.slice(0, 40)),
          innerHTML: host?.innerHTML ?? null,
        };
      }, card.text);
      expect(seen).toEqual({
        hosts: 1,
        shadowRoot: null,
        children: 0,
        // The host already has a (closed) shadow root: proof there is one the page cannot get.
        attachError: 'NotSupportedError',
        leaked: false,
        innerHTML: '',
      });
    } finally {
      await page.close();
    }
  });

  it('G3: forged window messages and CustomEvents named like our messages change nothing', async () => {
    const page = await openNews();
    try {
      const before = await state(page);
      expect(before.card).toBeNull();
      const entityId = before.mentions[0].split('|')[0];
      await page.evaluate((entityId: string) => {
        const now = Date.now();
        const messages = [
          { type: 'nextEntity', data: { direction: 1 }, id: 1, timestamp: now },
          { type: 'nextEntity', data: { direction: -1 }, id: 2, timestamp: now },
          { type: 'scrollToEntity', data: { entityId }, id: 3, timestamp: now },
          { type: 'noteSelection', id: 4, timestamp: now },
          { type: 'pageSummary', id: 5, timestamp: now },
        ];
        for (const m of messages) window.postMessage(m, '*');
        const names = [
          'nextEntity',
          'scrollToEntity',
          'noteSelection',
          'hashiya:nextEntity',
          'hashiya:open',
          'hashiya:card',
        ];
        for (const name of names) {
          for (const target of [window, document, document.body]) {
            target.dispatchEvent(
              new CustomEvent(name, {
                bubbles: true,
                detail: { type: name, data: { direction: 1, entityId }, id: 9, timestamp: now },
              }),
            );
          }
        }
      }, entityId);
      await sleep(1500);
      expect(await state(page)).toEqual(before);
    } finally {
      await page.close();
    }
  });

  it('G3: Hashiya posts nothing to the page window (no start message, no extension id)', async () => {
    const page = await openNews(LISTENING);
    try {
      await sleep(500);
      const seen = await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen);
      expect(seen).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it("G3: a forged WXT 'content-script-started' event does not stop Hashiya on the page", async () => {
    const page = await openNews(LISTENING);
    try {
      const before = await state(page);
      expect(before.mentions.length).toBeGreaterThan(0);
      // A page needs no knowledge of the extension: it replays the name WXT posted to it, or builds it.
      const leaked = await page.evaluate(() =>
        (window as unknown as { __seen: string[] }).__seen
          .map((m) => (JSON.parse(m) as { type?: string }).type ?? '')
          .find((t) => t.endsWith(':wxt:content-script-started')),
      );
      const name = leaked ?? `${runtimeId}:content:wxt:content-script-started`;
      await page.evaluate((name: string) => {
        document.dispatchEvent(
          new CustomEvent(name, { detail: { contentScriptName: 'content', messageId: 'forged' } }),
        );
      }, name);
      await sleep(1000);
      const after = await state(page);
      const marks = await readMarks(page);
      expect({ mentions: after.mentions, highlighted: marks.length }).toEqual({
        mentions: before.mentions,
        highlighted: before.mentions.length,
      });
    } finally {
      await page.close();
    }
  });

  it("G3: a forged WXT 'locationchange' event does not close the reader's card", async () => {
    const page = await openNews();
    try {
      await hoverMention(page, 'Lavrov');
      const open = await state(page);
      expect(open.card).not.toBeNull();
      await page.evaluate((runtimeId: string) => {
        window.dispatchEvent(new Event(`${runtimeId}:content:wxt:locationchange`));
      }, runtimeId);
      await sleep(800);
      expect((await state(page)).card).toBe(open.card);
    } finally {
      await page.close();
    }
  });

  /** Dispatches untrusted events of `types` on the element under (x, y), as a page script can. */
  function forge(page: PageHandle, at: { x: number; y: number }, types: string[]) {
    return page.evaluate(
      ({ x, y, types }: { x: number; y: number; types: string[] }) => {
        const target = document.elementFromPoint(x, y)!;
        const init = {
          bubbles: true,
          cancelable: true,
          composed: true,
          clientX: x,
          clientY: y,
          view: window,
          detail: 1,
        };
        for (const type of types) {
          const e = type.startsWith('pointer')
            ? new PointerEvent(type, { ...init, pointerType: 'mouse', isPrimary: true })
            : new MouseEvent(type, init);
          target.dispatchEvent(e);
        }
      },
      { ...at, types },
    );
  }

  it('G3: an untrusted pointermove over a mention opens no card', async () => {
    const page = await openNews();
    try {
      const before = await state(page);
      await forge(page, await markCenter(page, 'Lavrov'), ['pointerover', 'pointermove', 'mousemove']);
      await sleep(1200);
      expect(await state(page)).toEqual(before);
    } finally {
      await page.close();
    }
  });

  it('G3: an untrusted click on a mention pins no card', async () => {
    const page = await openNews();
    try {
      const before = await state(page);
      await forge(page, await markCenter(page, 'Lavrov'), [
        'pointerdown',
        'mousedown',
        'pointerup',
        'mouseup',
        'click',
      ]);
      await sleep(1200);
      expect(await state(page)).toEqual(before);
    } finally {
      await page.close();
    }
  });

  it('G3: untrusted shortcut / Enter / Tab keydowns change nothing', async () => {
    const page = await openNews();
    try {
      const before = await state(page);
      await page.evaluate(() => {
        for (const init of [
          { key: 'J', code: 'KeyJ', altKey: true, shiftKey: true },
          { key: 'N', code: 'KeyN', altKey: true, shiftKey: true },
          { key: 'Enter', code: 'Enter' },
          { key: 'Tab', code: 'Tab' },
        ]) {
          for (const t of [document, document.body])
            t.dispatchEvent(new KeyboardEvent('keydown', { ...init, bubbles: true, cancelable: true }));
        }
      });
      await sleep(1000);
      expect(await state(page)).toEqual(before);
    } finally {
      await page.close();
    }
  });

  it('G3: an untrusted Escape keydown does not close an open card', async () => {
    const page = await openNews();
    try {
      await hoverMention(page, 'Lavrov');
      const open = await state(page);
      expect(open.card).not.toBeNull();
      await page.evaluate(() => {
        const esc = { key: 'Escape', code: 'Escape', keyCode: 27, bubbles: true, cancelable: true, composed: true };
        document.body.dispatchEvent(new KeyboardEvent('keydown', esc));
      });
      await sleep(500);
      // The real pointer still rests on the mention: nothing trusted asks the card to close.
      expect((await state(page)).card).toBe(open.card);
    } finally {
      await page.close();
    }
  });

  it('G3: an untrusted click outside the card does not close it', async () => {
    const page = await openNews();
    try {
      await hoverMention(page, 'Lavrov');
      const open = await state(page);
      expect(open.card).not.toBeNull();
      await page.evaluate(() => {
        const r = document.querySelector('footer')!.getBoundingClientRect();
        document.querySelector('footer')!.dispatchEvent(
          new MouseEvent('click', {
            bubbles: true,
            cancelable: true,
            composed: true,
            clientX: r.x + 2,
            clientY: r.y + 2,
            detail: 1,
          }),
        );
      });
      await sleep(500);
      expect((await state(page)).card).toBe(open.card);
    } finally {
      await page.close();
    }
  });

  it('G3: the trusted Escape key does close the card (the checks above can see a close)', async () => {
    const page = await openNews();
    try {
      await hoverMention(page, 'Lavrov');
      await page.press('Escape');
      await waitForProbe(page, (r) => !cardOpen(r), 'trusted Escape closes the card');
    } finally {
      await page.close();
    }
  });

  it('G15: same-origin iframes (srcdoc and src) get no highlights, no UI host and no probe answer', async () => {
    const page = await session.newPage(`${base}/guarantees/iframes.html`);
    try {
      await waitForMarks(page);
      await waitForProbe(page, (r) => r.mentions.length > 0, 'top frame marked');
      await page.waitFor(() =>
        ['srcdoc', 'src'].every((id) => {
          const f = document.getElementById(id) as HTMLIFrameElement;
          return (
            f.contentDocument?.readyState === 'complete' && /Lavrov/.test(f.contentDocument.body?.textContent ?? '')
          );
        }),
      );
      await sleep(2500); // what a content script in the frames would need to mark them
      const frames = await page.evaluate(() =>
        ['srcdoc', 'src'].map((id) => {
          const f = document.getElementById(id) as HTMLIFrameElement;
          const w = f.contentWindow as (Window & typeof globalThis) | null;
          const doc = f.contentDocument!;
          let answered = false;
          w!.addEventListener('hashiya:probe-result', () => (answered = true));
          w!.dispatchEvent(new w!.Event('hashiya:probe'));
          return {
            id,
            names: [...w!.CSS.highlights.keys()].map(String),
            hosts: doc.querySelectorAll('hashiya-ui').length,
            answered,
            text: /Lavrov/.test(doc.body.textContent ?? ''),
          };
        }),
      );
      expect(frames).toEqual([
        { id: 'srcdoc', names: [], hosts: 0, answered: false, text: true },
        { id: 'src', names: [], hosts: 0, answered: false, text: true },
      ]);
      // The top frame's own marks never reach into the frames either.
      const top = await readMarks(page);
      expect(top.length).toBeGreaterThan(0);
      expect(top.every((m) => m.connected)).toBe(true);
      const inFrames = await page.evaluate(() => {
        let n = 0;
        for (const [name, h] of CSS.highlights) {
          if (!String(name).startsWith('hashiya-')) continue;
          for (const r of h as Iterable<AbstractRange>) if (r.startContainer.ownerDocument !== document) n++;
        }
        return n;
      });
      expect(inFrames).toBe(0);
    } finally {
      await page.close();
    }
  });
});
