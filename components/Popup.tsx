import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { MAX_ENTITY_IDS, sendMessage, type EntitySummary, type Hello } from '../messaging/protocol';
import { countNoun, dirOf, resolveLang, t } from '../i18n/strings';
import { getSettings, updateSettings, watchSettings, type Settings } from '../settings/settings';
import { classifySite } from '../settings/sites';
import { Toggle } from './popup/Toggle';
import { TypePicker } from './popup/TypePicker';
import { Preferences, formatNumber } from './popup/Preferences';
import { SiteRow } from './popup/SiteRow';
import { PageSection, type PageState } from './popup/PageSection';
import { PersistNotice } from './notes/PersistNotice';
import './popup.css';

interface TabInfo {
  id?: number;
  url?: string;
}

// The toolbar popup: settings (written to the versioned settings item, which every open tab
// watches, so changes apply live), this site on/off, and what the current tab's content script
// found. Interface in Arabic (RTL) or English, following the language setting at once.
export function Popup() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [hello, setHello] = useState<Hello | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saveFailed, setSaveFailed] = useState(false);
  const [tab, setTab] = useState<TabInfo | null>(null);
  const [page, setPage] = useState<PageState>({ status: 'loading' });
  const writes = useRef<Promise<unknown>>(Promise.resolve());

  const lang = resolveLang(settings?.language ?? 'auto');
  const dir = dirOf(lang);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.documentElement.dir = dir;
  }, [lang, dir]);

  useEffect(() => {
    let watched = false;
    const unwatch = watchSettings((s) => {
      watched = true;
      setSettings(s);
    });
    getSettings().then(
      (s) => !watched && setSettings(s),
      () => setSettings(null),
    );
    sendMessage('hello', { url: location.href }).then(setHello, (e: Error) => setError(e.message));
    browser.tabs.query({ active: true, currentWindow: true }).then(
      ([active]) => setTab({ id: active?.id, url: active?.url }),
      () => setTab({}),
    );
    return unwatch;
  }, []);

  const refreshPage = useCallback(async (tabId: number | undefined) => {
    if (tabId === undefined) return setPage({ status: 'absent' });
    try {
      const summary = await sendMessage('pageSummary', undefined, tabId);
      if (!summary.active) return setPage({ status: 'inactive' });
      const ids = summary.entities.map((e) => e.id).slice(0, MAX_ENTITY_IDS);
      let names = new Map<string, EntitySummary>();
      if (ids.length) {
        try {
          names = new Map((await sendMessage('getEntities', { ids })).map((e) => [e.id, e]));
        } catch {
          // Ids stand in for names.
        }
      }
      setPage({ status: 'ready', summary, names });
    } catch {
      // No content script answers there (not a site Hashiya runs on, or not loaded yet).
      setPage({ status: 'absent' });
    }
  }, []);

  // Ask the tab on open, and again after a settings change (the content script applies it).
  useEffect(() => {
    if (!tab) return;
    const timer = setTimeout(() => void refreshPage(tab.id), page.status === 'loading' ? 0 : 300);
    return () => clearTimeout(timer);
  }, [tab, settings, refreshPage]);

  /** Applies a change at once on screen, then writes it over the latest stored settings, one write at a time. */
  const change = useCallback((fn: (s: Settings) => Partial<Settings>) => {
    setSettings((s) => (s ? { ...s, ...fn(s) } : s));
    writes.current = writes.current
      .then(async () => {
        await updateSettings(fn(await getSettings()));
        setSaveFailed(false);
      })
      .catch(() => setSaveFailed(true));
  }, []);
  const patch = useCallback((p: Partial<Settings>) => change(() => p), [change]);

  const site = useMemo(() => classifySite(tab?.url), [tab?.url]);

  function open(path: '/reader.html' | '/notes.html') {
    return (e: Event) => {
      e.preventDefault();
      void browser.tabs.create({ url: browser.runtime.getURL(path) }).then(() => window.close());
    };
  }

  function scrollTo(entityId: string) {
    if (tab?.id === undefined) return;
    sendMessage('scrollToEntity', { entityId }, tab.id).then(
      () => window.close(),
      () => void refreshPage(tab.id),
    );
  }

  function openStory(articleId: string) {
    void sendMessage('openReader', { articleId }).then(() => window.close());
  }

  return (
    <main class="popup" lang={lang} dir={dir} data-testid="popup">
      <header>
        <h1>{t(lang, 'appName')}</h1>
        {hello && (
          <p class="muted" data-testid="corpus-status">
            {formatNumber(lang, hello.articles)} {countNoun(lang, 'articles', hello.articles)} ·{' '}
            {formatNumber(lang, hello.entities)} {countNoun(lang, 'entities', hello.entities)}
          </p>
        )}
      </header>
      <PersistNotice lang={lang} className="notice" />
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {saveFailed && (
        <p role="alert" class="error">
          {t(lang, 'settingsFailed')}
        </p>
      )}

      {settings ? (
        <section class="settings" aria-labelledby="settings-heading">
          <h2 id="settings-heading" class="visually-hidden">
            {t(lang, 'settings')}
          </h2>
          <Toggle
            id="enabled"
            label={t(lang, 'on')}
            checked={settings.enabled}
            hint={settings.enabled ? undefined : t(lang, 'offEverywhere')}
            onToggle={(enabled) => patch({ enabled })}
          />
          {tab && (
            <SiteRow
              lang={lang}
              site={site}
              settings={settings}
              tabId={tab.id}
              hasScript={page.status === 'ready' || page.status === 'inactive'}
              change={change}
              onApplied={() => void refreshPage(tab.id)}
            />
          )}
          <TypePicker lang={lang} selected={settings.types} onChange={(types) => patch({ types })} />
          <Preferences lang={lang} settings={settings} onChange={patch} />
        </section>
      ) : (
        <p class="muted">{t(lang, 'loading')}</p>
      )}

      <PageSection lang={lang} page={page} onEntity={scrollTo} onStory={openStory} />

      <footer>
        <a href={browser.runtime.getURL('/reader.html')} onClick={open('/reader.html')}>
          {t(lang, 'corpusReader')}
        </a>
        <a href={browser.runtime.getURL('/notes.html')} onClick={open('/notes.html')}>
          {t(lang, 'notesPage')}
        </a>
      </footer>
    </main>
  );
}
