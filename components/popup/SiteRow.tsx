import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendMessage } from '../../messaging/protocol';
import { t, type StringKey, type UiLang } from '../../i18n/strings';
import type { Settings } from '../../settings/settings';
import { CONTENT_CSS, CONTENT_JS, sitePattern, type SiteInfo } from '../../settings/sites';
import { Toggle } from './Toggle';

interface SiteRowProps {
  lang: UiLang;
  site: SiteInfo;
  settings: Settings;
  tabId: number | undefined;
  /** A content script of ours answers in the tab. */
  hasScript: boolean;
  /** Writes settings from their latest stored value. */
  change: (fn: (s: Settings) => Partial<Settings>) => void;
  /** The tab's state may have changed: ask it again. */
  onApplied: () => void;
}

/** Is Hashiya on for this site, per the kind of site. */
export function siteIsOn(site: SiteInfo, s: Settings): boolean {
  if (site.kind === 'news') return !s.disabledHosts.includes(site.host);
  if (site.kind === 'other') return s.enabledHosts.includes(site.host) && !s.disabledHosts.includes(site.host);
  return false;
}

/** "This site" on/off. News sites toggle settings.disabledHosts; any other site asks for its host
 *  permission and has the background register the content script; some pages are out of reach. */
export function SiteRow({ lang, site, settings, tabId, hasScript, change, onApplied }: SiteRowProps) {
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<StringKey | null>(null);
  const host = site.host;

  if (site.kind === 'unavailable') {
    return (
      <div class="row site">
        <span class="label">{t(lang, 'thisSite')}</span>
        <p class="hint" data-testid="site-unavailable">
          {t(lang, 'notAvailable')}
        </p>
      </div>
    );
  }

  const on = siteIsOn(site, settings);

  function toggleNews(next: boolean) {
    setNotice(null);
    change((s) => ({
      disabledHosts: next ? s.disabledHosts.filter((h) => h !== host) : [...new Set([...s.disabledHosts, host])],
    }));
  }

  // Starts running on the open page at once, when no instance of ours is there yet (otherwise
  // the one there follows the settings).
  async function applyNow() {
    if (tabId === undefined || hasScript) return onApplied();
    try {
      await browser.scripting.insertCSS({ target: { tabId }, files: [`/${CONTENT_CSS}` as const] });
      await browser.scripting.executeScript({ target: { tabId }, files: [`/${CONTENT_JS}` as const] });
      onApplied();
    } catch {
      setNotice('reloadToApply');
    }
  }

  function toggleOther(next: boolean) {
    setNotice(null);
    if (next) {
      // The permission request must start synchronously in the click handler (a user gesture):
      // nothing is awaited before it.
      const granted = browser.permissions.request({ origins: [sitePattern(host)] });
      setBusy(true);
      granted
        .then(async (ok) => {
          if (!ok) return setNotice('permissionDenied');
          if (!(await sendMessage('enableSite', { origin: site.origin }))) return setNotice('siteFailed');
          await applyNow();
        })
        .catch(() => setNotice('siteFailed'))
        .finally(() => setBusy(false));
    } else {
      setBusy(true);
      sendMessage('disableSite', { host })
        .then(() => {
          // A running content script stops with a reload (it no longer comes back after one).
          if (hasScript) setNotice('reloadToApply');
          onApplied();
        })
        .catch(() => setNotice('siteFailed'))
        .finally(() => setBusy(false));
    }
  }

  const hint = site.kind === 'news' ? t(lang, 'siteNews') : t(lang, on ? 'siteOtherOn' : 'siteOther');
  return (
    <div class="site" data-site-kind={site.kind}>
      <Toggle
        id="site-on"
        label={
          <>
            {t(lang, 'thisSite')} <bdi class="host">{host}</bdi>
          </>
        }
        checked={on}
        disabled={busy}
        hint={hint}
        onToggle={site.kind === 'news' ? toggleNews : toggleOther}
      />
      {on && (
        <Toggle
          id="whole-page"
          label={t(lang, 'wholePage')}
          checked={settings.wholePageHosts.includes(host)}
          hint={t(lang, 'wholePageHint')}
          onToggle={(next) =>
            change((s) => ({
              wholePageHosts: next
                ? [...new Set([...s.wholePageHosts, host])]
                : s.wholePageHosts.filter((h) => h !== host),
            }))
          }
        />
      )}
      {notice && (
        <p class="notice" role="status">
          {t(lang, notice)}
          {notice === 'reloadToApply' && tabId !== undefined && (
            <button
              type="button"
              class="link"
              onClick={() => {
                void browser.tabs.reload(tabId).then(() => window.close());
              }}
            >
              {t(lang, 'reload')}
            </button>
          )}
        </p>
      )}
    </div>
  );
}
