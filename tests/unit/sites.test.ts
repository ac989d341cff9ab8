import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';
import { DEFAULT_SETTINGS, getSettings, settingsItem, updateSettings } from '../../settings/settings';
import { classifySite, hostOfPattern } from '../../settings/sites';

// Site enabling in the background: what reaches browser.scripting and browser.permissions, and
// what ends up in the settings. fakeBrowser implements neither API: both are in-memory fakes here.

type Handler = (msg: { data: unknown; sender: Browser.runtime.MessageSender }) => unknown;
const handlers = vi.hoisted(() => new Map<string, Handler>());
vi.mock('../../messaging/protocol', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../messaging/protocol')>()),
  onMessage: (type: string, handler: Handler) => {
    handlers.set(type, handler);
    return () => handlers.delete(type);
  },
}));
vi.mock('../../background/corpus', () => ({
  openedCorpus: async () => ({
    entities: [
      { id: 'person/sergey-lavrov', type: 'person', names: { ar: 'سيرغي لافروف', en: 'Sergey Lavrov' }, gloss: {} },
      { id: 'place/moscow', type: 'place', names: { ar: 'موسكو', en: 'Moscow' }, gloss: {} },
    ],
  }),
}));

const { disableSite, enableSite, restoreSites, scriptId, watchSitePermissions } =
  await import('../../background/sites');
const { registerSiteHandlers } = await import('../../background/site-handlers');

/** In-memory scripting + permissions with the browsers' error behaviour for duplicate / unknown ids. */
function fakeApis(granted: string[] = []) {
  const scripts = new Map<string, Browser.scripting.RegisteredContentScript>();
  const origins = new Set(granted);
  type Listener = (p: { origins?: string[] }) => void;
  const listeners = { added: [] as Listener[], removed: [] as Listener[] };
  const covered = (o: string) => {
    const [, scheme, host] = /^(\w+|\*):\/\/([^/]+)\//.exec(o) ?? [];
    return [...origins].some((g) => {
      const [, gs, gh] = /^(\w+|\*):\/\/([^/]+)\//.exec(g) ?? [];
      return (gs === '*' || gs === scheme) && (gh === '*' || gh === host);
    });
  };
  const scripting = {
    registerContentScripts: vi.fn(async (list: Browser.scripting.RegisteredContentScript[]) => {
      for (const s of list) if (scripts.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
      for (const s of list) scripts.set(s.id, s);
    }),
    unregisterContentScripts: vi.fn(async (filter?: { ids?: string[] }) => {
      for (const id of filter?.ids ?? []) if (!scripts.has(id)) throw new Error(`Nonexistent script ID '${id}'`);
      for (const id of filter?.ids ?? [...scripts.keys()]) scripts.delete(id);
    }),
    getRegisteredContentScripts: vi.fn(async (filter?: { ids?: string[] }) =>
      [...scripts.values()].filter((s) => !filter?.ids || filter.ids.includes(s.id)),
    ),
  };
  const permissions = {
    contains: vi.fn(async (p: { origins?: string[] }) => (p.origins ?? []).every(covered)),
    getAll: vi.fn(async () => ({ permissions: ['storage', 'scripting'], origins: [...origins] })),
    remove: vi.fn(async (p: { origins?: string[] }) => {
      for (const o of p.origins ?? []) origins.delete(o);
      for (const l of listeners.removed) l(p);
      return true;
    }),
    onAdded: { addListener: (l: (p: { origins?: string[] }) => void) => listeners.added.push(l) },
    onRemoved: { addListener: (l: (p: { origins?: string[] }) => void) => listeners.removed.push(l) },
  };
  Object.assign(fakeBrowser, { scripting, permissions });
  return {
    scripts,
    origins,
    scripting,
    permissions,
    grant(o: string) {
      origins.add(o);
      for (const l of listeners.added) l({ origins: [o] });
    },
    revoke(o: string) {
      origins.delete(o);
      for (const l of listeners.removed) l({ origins: [o] });
    },
  };
}

const settle = () => new Promise((r) => setTimeout(r, 20));

beforeEach(() => {
  fakeBrowser.reset();
  handlers.clear();
});

describe('classifySite', () => {
  it('tells news sites, other sites and pages out of reach apart', () => {
    expect(classifySite('https://www.bbc.com/news/world-1').kind).toBe('news');
    expect(classifySite('https://aljazeera.net/').kind).toBe('news');
    expect(classifySite('https://notbbc.com/').kind).toBe('other');
    expect(classifySite('http://example.com:8080/a?b#c')).toEqual({
      kind: 'other',
      host: 'example.com',
      origin: 'http://example.com:8080',
    });
    for (const url of [
      'chrome://extensions/',
      'about:blank',
      'moz-extension://abc/popup.html',
      'chrome-extension://abc/reader.html',
      'file:///tmp/a.html',
      'https://chromewebstore.google.com/detail/x',
      'https://chrome.google.com/webstore/category/extensions',
      'https://addons.mozilla.org/en-US/firefox/',
      'https://microsoftedge.microsoft.com/addons/Microsoft-Edge-Extensions-Home',
      undefined,
      'not a url',
    ]) {
      expect(classifySite(url).kind, String(url)).toBe('unavailable');
    }
    expect(classifySite('https://chrome.google.com/other').kind).toBe('other');
  });

  it('reads single hosts from match patterns, never wildcards', () => {
    expect(hostOfPattern('*://example.com/*')).toBe('example.com');
    expect(hostOfPattern('https://Example.com/*')).toBe('example.com');
    expect(hostOfPattern('*://*/*')).toBeNull();
    expect(hostOfPattern('*://*.bbc.com/*')).toBeNull();
    expect(hostOfPattern('<all_urls>')).toBeNull();
  });
});

describe('enableSite', () => {
  it('registers the content script for the granted host and records the host', async () => {
    const apis = fakeApis(['*://example.com/*']);
    await updateSettings({ disabledHosts: ['example.com', 'other.org'] });

    expect(await enableSite('https://example.com')).toBe(true);

    expect(apis.scripting.registerContentScripts).toHaveBeenCalledTimes(1);
    expect(apis.scripting.registerContentScripts).toHaveBeenCalledWith([
      {
        id: 'hashiya-site-example.com',
        matches: ['*://example.com/*'],
        js: ['content-scripts/content.js'],
        css: ['content-scripts/content.css'],
        runAt: 'document_idle',
        persistAcrossSessions: true,
      },
    ]);
    const s = await getSettings();
    expect(s.enabledHosts).toEqual(['example.com']);
    // A card's "turn off on this site" is undone by turning the site on again.
    expect(s.disabledHosts).toEqual(['other.org']);
  });

  it('is idempotent: a second request does not register twice', async () => {
    const apis = fakeApis(['https://example.com/*']);
    expect(await enableSite('https://example.com')).toBe(true);
    expect(await enableSite('https://example.com')).toBe(true);
    expect(apis.scripting.registerContentScripts).toHaveBeenCalledTimes(1);
    expect((await getSettings()).enabledHosts).toEqual(['example.com']);
  });

  it('refuses without the permission, on news sites and on pages out of reach', async () => {
    const apis = fakeApis([]);
    expect(await enableSite('https://example.com')).toBe(false);
    expect(await enableSite('https://www.bbc.com')).toBe(false);
    expect(await enableSite('https://addons.mozilla.org')).toBe(false);
    expect(await enableSite('ftp://example.com')).toBe(false);
    expect(apis.scripting.registerContentScripts).not.toHaveBeenCalled();
    expect(await settingsItem.getValue()).toEqual(DEFAULT_SETTINGS);
  });
});

describe('disableSite', () => {
  it('unregisters the script, gives the permission back and forgets the host', async () => {
    const apis = fakeApis(['*://example.com/*', 'https://example.com/*', '*://keep.org/*']);
    await enableSite('https://example.com');
    await enableSite('https://keep.org');

    await disableSite('example.com');

    expect(apis.scripting.unregisterContentScripts).toHaveBeenCalledWith({ ids: ['hashiya-site-example.com'] });
    expect([...apis.scripts.keys()]).toEqual(['hashiya-site-keep.org']);
    expect(apis.permissions.remove).toHaveBeenCalledWith({ origins: ['*://example.com/*', 'https://example.com/*'] });
    expect([...apis.origins]).toEqual(['*://keep.org/*']);
    expect((await getSettings()).enabledHosts).toEqual(['keep.org']);
  });

  it('does not fail when nothing is registered, and never removes a news site permission', async () => {
    const apis = fakeApis(['*://*.bbc.com/*']);
    await updateSettings({ enabledHosts: ['www.bbc.com'] });
    await disableSite('www.bbc.com');
    expect(apis.scripting.unregisterContentScripts).not.toHaveBeenCalled();
    expect(apis.permissions.remove).not.toHaveBeenCalled();
    expect((await getSettings()).enabledHosts).toEqual([]);
  });
});

describe('restoreSites', () => {
  it('re-registers lost scripts, drops revoked hosts and leftovers', async () => {
    const apis = fakeApis(['*://a.com/*', '*://c.com/*']);
    await updateSettings({ enabledHosts: ['a.com', 'b.com', 'c.com'] });
    const reg = (id: string, host: string) =>
      apis.scripts.set(id, { id, matches: [`*://${host}/*`] } as Browser.scripting.RegisteredContentScript);
    reg(scriptId('c.com'), 'c.com');
    reg(scriptId('old.net'), 'old.net');
    reg('someone-else', 'x.org');

    await restoreSites();

    expect(apis.scripting.registerContentScripts).toHaveBeenCalledTimes(1);
    expect(apis.scripting.registerContentScripts.mock.calls[0][0][0].id).toBe('hashiya-site-a.com');
    expect(apis.scripting.unregisterContentScripts).toHaveBeenCalledWith({ ids: ['hashiya-site-old.net'] });
    expect([...apis.scripts.keys()].sort()).toEqual(['hashiya-site-a.com', 'hashiya-site-c.com', 'someone-else']);
    expect((await getSettings()).enabledHosts).toEqual(['a.com', 'c.com']);
  });
});

describe('site handlers', () => {
  const ext = (path: string): Browser.runtime.MessageSender => ({
    id: fakeBrowser.runtime.id,
    url: fakeBrowser.runtime.getURL(path as '/'),
  });
  const contentScript: Browser.runtime.MessageSender = {
    id: fakeBrowser.runtime.id,
    url: 'https://example.com/article',
    tab: { id: 3 } as Browser.tabs.Tab,
  };
  const call = (type: string, data: unknown, sender: Browser.runtime.MessageSender) =>
    Promise.resolve().then(() => handlers.get(type)!({ data, sender }));

  it('enables and disables sites for extension pages only, with validated input', async () => {
    const apis = fakeApis(['*://example.com/*']);
    registerSiteHandlers();
    await settle();

    await expect(call('enableSite', { origin: 'https://example.com' }, contentScript)).rejects.toThrow(
      /extension page/,
    );
    await expect(call('disableSite', { host: 'example.com' }, contentScript)).rejects.toThrow(/extension page/);
    await expect(call('enableSite', { origin: 'https://example.com/path' }, ext('/popup.html'))).rejects.toThrow();
    await expect(call('enableSite', { origin: 'javascript:alert(1)' }, ext('/popup.html'))).rejects.toThrow();
    await expect(call('disableSite', { host: 'a/b' }, ext('/popup.html'))).rejects.toThrow();
    expect(apis.scripting.registerContentScripts).not.toHaveBeenCalled();

    expect(await call('enableSite', { origin: 'https://example.com' }, ext('/popup.html'))).toBe(true);
    expect(apis.scripts.has('hashiya-site-example.com')).toBe(true);
    await call('disableSite', { host: 'example.com' }, ext('/popup.html'));
    expect(apis.scripts.size).toBe(0);
    expect((await getSettings()).enabledHosts).toEqual([]);
  });

  it('answers entity names by id from any of our contexts, bounded', async () => {
    fakeApis();
    registerSiteHandlers();
    const found = await call('getEntities', { ids: ['place/moscow', 'nope', 'person/sergey-lavrov'] }, contentScript);
    expect(found).toEqual([
      { id: 'place/moscow', type: 'place', names: { ar: 'موسكو', en: 'Moscow' } },
      { id: 'person/sergey-lavrov', type: 'person', names: { ar: 'سيرغي لافروف', en: 'Sergey Lavrov' } },
    ]);
    await expect(call('getEntities', { ids: Array(5001).fill('x') }, ext('/popup.html'))).rejects.toThrow();
    await expect(call('getEntities', { ids: [1, 2] }, ext('/popup.html'))).rejects.toThrow();
    await expect(call('getEntities', { ids: [] }, { id: 'another-extension' })).rejects.toThrow(/another extension/);
  });

  it('follows grants and revocations made outside the popup', async () => {
    const apis = fakeApis();
    watchSitePermissions();
    await settle();

    apis.grant('https://example.com/*');
    apis.grant('*://*/*'); // all sites at once is not a site
    await settle();
    expect([...apis.scripts.keys()]).toEqual(['hashiya-site-example.com']);
    expect((await getSettings()).enabledHosts).toEqual(['example.com']);

    // Still held through its own grant: stays on.
    apis.revoke('*://*/*');
    await settle();
    expect(apis.scripts.size).toBe(1);

    apis.revoke('https://example.com/*');
    await settle();
    expect(apis.scripts.size).toBe(0);
    expect((await getSettings()).enabledHosts).toEqual([]);
  });

  it('restores registrations when the background starts', async () => {
    const apis = fakeApis(['*://example.com/*']);
    await updateSettings({ enabledHosts: ['example.com'] });
    await restoreSites();
    await settle();
    expect(apis.scripts.has('hashiya-site-example.com')).toBe(true);
  });
});
