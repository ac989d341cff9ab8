import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { mountRoot, unmountRoot, waitForIn } from './helpers/preact-root';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';
import type { PageSummary } from '../../messaging/protocol';
import { DEFAULT_SETTINGS, getSettings, updateSettings } from '../../settings/settings';
import { ENTITY_TYPES } from '../../engine/types';
import { STRINGS } from '../../i18n/strings';

// The popup against the fake browser: controls write the settings item (which open tabs watch),
// "this site" takes the right path per kind of site, and the page section reflects the tab.

const send = vi.hoisted(() => vi.fn());
vi.mock('../../messaging/protocol', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../messaging/protocol')>()),
  sendMessage: send,
}));
const { Popup } = await import('../../components/Popup');

const TAB_ID = 42;
let tabUrl = 'https://www.bbc.com/news/world-1';
let summary: PageSummary | Error = new Error('Could not establish connection. Receiving end does not exist.');
const calls = (type: string) => send.mock.calls.filter(([t]) => t === type);

let root: HTMLElement;
let closeSpy: ReturnType<typeof vi.fn>;

beforeEach(() => {
  fakeBrowser.reset();
  send.mockReset();
  tabUrl = 'https://www.bbc.com/news/world-1';
  summary = new Error('Could not establish connection. Receiving end does not exist.');
  vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation(async () => [{ id: TAB_ID, url: tabUrl } as Browser.tabs.Tab]);
  send.mockImplementation(async (type: string, data: any) => {
    switch (type) {
      case 'hello':
        return { version: '0.1.0', indexVersion: 1, articles: 12, entities: 42 };
      case 'pageSummary':
        if (summary instanceof Error) throw summary;
        return summary;
      case 'getEntities':
        return (data.ids as string[]).flatMap((id) =>
          id === 'person/sergey-lavrov'
            ? [{ id, type: 'person', names: { ar: 'سيرغي لافروف', en: 'Sergey Lavrov' } }]
            : id === 'place/moscow'
              ? [{ id, type: 'place', names: { ar: 'موسكو', en: 'Moscow' } }]
              : [],
        );
      case 'enableSite':
        return true;
      default:
        return undefined;
    }
  });
  closeSpy = vi.fn();
  window.close = closeSpy as unknown as typeof window.close;
  root = mountRoot();
});

afterEach(() => {
  unmountRoot(root);
  vi.restoreAllMocks();
});

const waitFor = <T,>(fn: () => T | Promise<T>, what?: string, timeout = 2000) => waitForIn(root, fn, what, timeout);

async function mount() {
  await act(() => render(<Popup />, root));
  await waitFor(() => root.querySelector('[data-testid="corpus-status"]'), 'corpus status');
  await waitFor(() => root.querySelector('#enabled'), 'settings');
  await waitFor(() => !root.textContent?.includes(STRINGS.en.loading), 'page summary');
}

const $ = <E extends Element = HTMLElement>(sel: string) => {
  const el = root.querySelector<E>(sel);
  if (!el) throw new Error(`no ${sel} in:\n${root.innerHTML.slice(0, 1500)}`);
  return el;
};

async function click(el: HTMLElement) {
  await act(() => el.click());
}
async function choose(el: HTMLSelectElement | HTMLInputElement, value: string) {
  await act(() => {
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

describe('Popup settings', () => {
  it('shows the corpus status', async () => {
    await mount();
    expect($('[data-testid="corpus-status"]').textContent).toMatch(/12 articles · 42 entities/);
  });

  it('On/off writes the settings item', async () => {
    await mount();
    const on = $<HTMLInputElement>('#enabled');
    expect(on.checked).toBe(true);
    await click(on);
    await waitFor(async () => !(await getSettings()).enabled, 'stored enabled=false');
    expect((await getSettings()).enabled).toBe(false);
    expect(root.textContent).toContain(STRINGS.en.offEverywhere);
  });

  it('a type checkbox updates settings.types, in catalog order', async () => {
    await mount();
    const place = $<HTMLInputElement>('input[name="types"][value="place"]');
    expect(place.checked).toBe(true);
    await click(place);
    let stored = await waitFor(async () => {
      const s = await getSettings();
      return s.types.includes('place') ? null : s;
    }, 'place unchecked in storage');
    expect(stored.types).toEqual(ENTITY_TYPES.filter((t) => t !== 'place'));

    await click($<HTMLInputElement>('input[name="types"][value="place"]'));
    stored = await waitFor(async () => {
      const s = await getSettings();
      return s.types.includes('place') ? s : null;
    }, 'place checked again');
    expect(stored.types).toEqual([...ENTITY_TYPES]);
  });

  it('mark style and hover delay write through, the delay kept in range', async () => {
    await mount();
    await choose($<HTMLSelectElement>('#mark-style'), 'dotted');
    await choose($<HTMLInputElement>('#hover-delay'), '800');
    await waitFor(async () => {
      const s = await getSettings();
      return s.markStyle === 'dotted' && s.hoverDelay === 800;
    }, 'style and delay stored');
    expect($('output').textContent).toBe('800 ms');
    const delay = $<HTMLInputElement>('#hover-delay');
    expect([delay.min, delay.max]).toEqual(['150', '2000']);
  });

  it('switching the language to Arabic turns the popup RTL at once and stores it', async () => {
    await mount();
    expect($('main').getAttribute('dir')).toBe('ltr');
    await choose($<HTMLSelectElement>('#ui-language'), 'ar');
    await waitFor(() => $('main').getAttribute('dir') === 'rtl', 'rtl');
    expect($('main').getAttribute('lang')).toBe('ar');
    expect(document.documentElement.dir).toBe('rtl');
    expect(document.documentElement.lang).toBe('ar');
    expect($('h1').textContent).toBe(STRINGS.ar.appName);
    expect($('label[for="hover-delay"]').textContent).toBe(STRINGS.ar.hoverDelay);
    await waitFor(async () => (await getSettings()).language === 'ar', 'stored');
    expect((await getSettings()).language).toBe('ar');

    await choose($<HTMLSelectElement>('#ui-language'), 'en');
    await waitFor(() => $('main').getAttribute('dir') === 'ltr', 'back to ltr');
  });

  it('follows changes made elsewhere (the settings item is watched)', async () => {
    await mount();
    await act(async () => {
      await updateSettings({ language: 'ar', enabled: false });
    });
    await waitFor(() => $('main').getAttribute('dir') === 'rtl', 'rtl from storage');
    expect($<HTMLInputElement>('#enabled').checked).toBe(false);
  });

  it('every control has a label', async () => {
    await mount();
    for (const el of root.querySelectorAll<HTMLElement>('input, select')) {
      const labelled =
        (el.id && root.querySelector(`label[for="${el.id}"]`)) || el.closest('label') || el.getAttribute('aria-label');
      expect(labelled, el.outerHTML).toBeTruthy();
    }
  });
});

describe('Popup: this site', () => {
  it('on a news site toggles settings.disabledHosts, no permission asked', async () => {
    const request = vi.fn();
    Object.assign(fakeBrowser, { permissions: { request } });
    await mount();
    expect($('[data-site-kind]').dataset.siteKind).toBe('news');
    expect(root.textContent).toContain(STRINGS.en.siteNews);
    const site = $<HTMLInputElement>('#site-on');
    expect(site.checked).toBe(true);
    await click(site);
    await waitFor(async () => (await getSettings()).disabledHosts.includes('www.bbc.com'), 'host disabled');
    expect((await getSettings()).disabledHosts).toEqual(['www.bbc.com']);
    expect(request).not.toHaveBeenCalled();

    await click($<HTMLInputElement>('#site-on'));
    await waitFor(async () => (await getSettings()).disabledHosts.length === 0, 'host enabled again');
  });

  it('"Mark the whole page" is per site, shown while the site is on', async () => {
    await mount();
    const whole = $<HTMLInputElement>('#whole-page');
    expect(whole.checked).toBe(false);
    expect(root.textContent).toContain(STRINGS.en.wholePageHint);
    await click(whole);
    await waitFor(async () => (await getSettings()).wholePageHosts.includes('www.bbc.com'), 'whole page on');
    expect((await getSettings()).wholePageHosts).toEqual(['www.bbc.com']);
    await click($<HTMLInputElement>('#whole-page'));
    await waitFor(async () => (await getSettings()).wholePageHosts.length === 0, 'whole page off');
    await click($<HTMLInputElement>('#site-on'));
    await waitFor(() => root.querySelector('#whole-page') === null, 'no whole-page switch while the site is off');
  });

  it('on another site asks for the permission inside the click, then has the background register', async () => {
    tabUrl = 'https://example.com/story';
    let resolveRequest!: (granted: boolean) => void;
    const request = vi.fn(() => new Promise<boolean>((r) => (resolveRequest = r)));
    const executeScript = vi.fn(async () => []);
    const insertCSS = vi.fn(async () => {});
    Object.assign(fakeBrowser, { permissions: { request }, scripting: { executeScript, insertCSS } });
    await mount();
    expect($('[data-site-kind]').dataset.siteKind).toBe('other');
    expect(root.textContent).toContain(STRINGS.en.siteOther);

    // Synchronously within the click: the user gesture is still there.
    $<HTMLInputElement>('#site-on').click();
    expect(request).toHaveBeenCalledWith({ origins: ['*://example.com/*'] });
    expect(calls('enableSite')).toHaveLength(0);

    await act(async () => resolveRequest(true));
    await waitFor(() => calls('enableSite').length === 1, 'enableSite sent');
    expect(calls('enableSite')[0][1]).toEqual({ origin: 'https://example.com' });
    // No script of ours answered in the tab: it is started there at once.
    await waitFor(() => executeScript.mock.calls.length === 1, 'injected');
    expect(executeScript).toHaveBeenCalledWith({ target: { tabId: TAB_ID }, files: ['/content-scripts/content.js'] });
    expect(insertCSS).toHaveBeenCalledWith({ target: { tabId: TAB_ID }, files: ['/content-scripts/content.css'] });
  });

  it('a refused permission registers nothing and says so', async () => {
    tabUrl = 'https://example.com/story';
    Object.assign(fakeBrowser, { permissions: { request: vi.fn(async () => false) } });
    await mount();
    await click($<HTMLInputElement>('#site-on'));
    await waitFor(() => root.textContent?.includes(STRINGS.en.permissionDenied), 'denied notice');
    expect(calls('enableSite')).toHaveLength(0);
    expect($<HTMLInputElement>('#site-on').checked).toBe(false);
  });

  it('turning an enabled site off asks the background to disable it', async () => {
    tabUrl = 'https://example.com/story';
    await updateSettings({ enabledHosts: ['example.com'] });
    const request = vi.fn();
    Object.assign(fakeBrowser, { permissions: { request } });
    await mount();
    const site = $<HTMLInputElement>('#site-on');
    expect(site.checked).toBe(true);
    expect(root.textContent).toContain(STRINGS.en.siteOtherOn);
    await click(site);
    await waitFor(() => calls('disableSite').length === 1, 'disableSite sent');
    expect(calls('disableSite')[0][1]).toEqual({ host: 'example.com' });
    expect(request).not.toHaveBeenCalled();
  });

  it('pages extensions cannot run on offer no switch', async () => {
    for (const url of ['chrome://extensions/', 'https://addons.mozilla.org/en-US/firefox/']) {
      tabUrl = url;
      await mount();
      expect($('[data-testid="site-unavailable"]').textContent).toBe(STRINGS.en.notAvailable);
      expect(root.querySelector('#site-on')).toBeNull();
      act(() => render(null, root));
    }
  });
});

describe('Popup: the current page', () => {
  it('says Hashiya is not active when no content script answers', async () => {
    await mount();
    expect(calls('pageSummary')[0]).toEqual(['pageSummary', undefined, TAB_ID]);
    expect($('[data-testid="not-active"]').textContent).toBe(STRINGS.en.notActive);
  });

  it('lists the entities found with their names, and scrolls to one on click', async () => {
    summary = {
      active: true,
      entities: [
        { id: 'place/moscow', type: 'place', names: {}, count: 1 },
        { id: 'person/sergey-lavrov', type: 'person', names: {}, count: 3 },
      ],
      story: { articleId: 'a-17', title: 'Lavrov in Tehran', date: '2025-01-02', score: 0.82, sameStory: true },
    };
    await mount();
    const items = await waitFor(() => {
      const list = root.querySelectorAll<HTMLButtonElement>('[data-testid="page-entities"] button');
      return list.length === 2 ? list : null;
    }, 'entity list');
    expect(calls('getEntities')[0][1]).toEqual({ ids: ['place/moscow', 'person/sergey-lavrov'] });
    // Most mentioned first.
    expect(items[0].dataset.entityId).toBe('person/sergey-lavrov');
    expect(items[0].textContent).toContain('Sergey Lavrov');
    expect(items[0].textContent).toContain('3');

    const story = $('[data-testid="story-match"]');
    expect(story.textContent).toContain('Lavrov in Tehran');
    expect(story.textContent).toContain('82%');
    expect(story.textContent).toContain(STRINGS.en.sameStoryBadge);

    await click(items[1]);
    await waitFor(() => calls('scrollToEntity').length === 1, 'scroll message');
    expect(calls('scrollToEntity')[0]).toEqual(['scrollToEntity', { entityId: 'place/moscow' }, TAB_ID]);
    await waitFor(() => closeSpy.mock.calls.length === 1, 'popup closed');

    await click(story.querySelector('button')!);
    await waitFor(() => calls('openReader').length === 1, 'open reader');
    expect(calls('openReader')[0][1]).toEqual({ articleId: 'a-17' });
  });

  it('names entities in Arabic when the interface is Arabic', async () => {
    await updateSettings({ language: 'ar' });
    summary = { active: true, entities: [{ id: 'place/moscow', type: 'place', names: {}, count: 2 }], story: null };
    await mount();
    const item = await waitFor(() => root.querySelector('[data-testid="page-entities"] button'), 'entity');
    expect(item.textContent).toContain('موسكو');
    expect(item.textContent).toContain(STRINGS.ar.type_place);
    expect(root.textContent).toContain(STRINGS.ar.noStory);
  });

  it('an inactive content script (turned off here) reads as not active', async () => {
    summary = { active: false, entities: [], story: null };
    await mount();
    expect($('[data-testid="not-active"]')).toBeTruthy();
  });

  it('opens the corpus reader and notes in tabs', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await mount();
    const links = root.querySelectorAll<HTMLAnchorElement>('footer a');
    expect([...links].map((a) => a.textContent)).toEqual([STRINGS.en.corpusReader, STRINGS.en.notesPage]);
    await click(links[0]);
    await click(links[1]);
    await waitFor(() => create.mock.calls.length === 2, 'tabs created');
    expect(create.mock.calls.map(([p]) => p.url)).toEqual([
      fakeBrowser.runtime.getURL('/reader.html'),
      fakeBrowser.runtime.getURL('/notes.html'),
    ]);
  });
});

it('defaults are what the popup starts from', async () => {
  await mount();
  expect(ENTITY_TYPES.every((t) => root.querySelector<HTMLInputElement>(`input[value="${t}"]`)?.checked)).toBe(true);
  expect($<HTMLSelectElement>('#mark-style').value).toBe(DEFAULT_SETTINGS.markStyle);
  expect(Number($<HTMLInputElement>('#hover-delay').value)).toBe(DEFAULT_SETTINGS.hoverDelay);
});
