// Sites outside the news list, turned on by the reader. There is no static <all_urls> content
// script: the popup asks for one site's optional host permission (it needs the click, a user
// gesture), then the background registers the content script for that site alone. Turning the
// site off unregisters it and gives the permission back.
//
// The pure helpers (classifySite, sitePattern, …) live in settings/sites.ts, shared with the popup
// and the content script.
import { browser } from 'wxt/browser';
import { getSettings, updateSettings } from '../settings/settings';
import { classifySite, CONTENT_CSS, CONTENT_JS, hostOfPattern, sitePattern } from '../settings/sites';

export const SCRIPT_ID_PREFIX = 'hashiya-site-';

export const scriptId = (host: string) => `${SCRIPT_ID_PREFIX}${host}`;

/** Whether the site's host permission is held (by its own grant or a broader one). */
export async function hasSitePermission(host: string): Promise<boolean> {
  for (const scheme of ['https', 'http']) {
    if (await browser.permissions.contains({ origins: [`${scheme}://${host}/*`] })) return true;
  }
  return false;
}

// One change at a time: the popup's request, the permission events and the startup check may
// overlap, and registering an id twice is an error.
let chain: Promise<unknown> = Promise.resolve();
function serial<T>(fn: () => Promise<T>): Promise<T> {
  const run = chain.then(fn, fn);
  chain = run.catch(() => {});
  return run;
}

async function registeredIds(): Promise<Set<string>> {
  const scripts = await browser.scripting.getRegisteredContentScripts();
  return new Set(scripts.map((s) => s.id).filter((id) => id.startsWith(SCRIPT_ID_PREFIX)));
}

async function register(host: string): Promise<void> {
  await browser.scripting.registerContentScripts([
    {
      id: scriptId(host),
      matches: [sitePattern(host)],
      js: [CONTENT_JS],
      css: [CONTENT_CSS],
      runAt: 'document_idle',
      // Chrome and Firefox (105+) both keep the registration across restarts; restoreSites()
      // covers the cases where it is lost anyway.
      persistAcrossSessions: true,
    },
  ]);
}

/**
 * Turns Hashiya on for the site of `origin` (http/https). The permission must already be granted
 * (requested by the popup); resolves false when it is not, or when the site is a news site (the
 * static content script already covers it) or one where extensions cannot run.
 */
export function enableSite(origin: string): Promise<boolean> {
  const site = classifySite(origin);
  if (site.kind !== 'other') return Promise.resolve(false);
  const { host } = site;
  return serial(async () => {
    if (!(await hasSitePermission(host))) return false;
    if (!(await registeredIds()).has(scriptId(host))) await register(host);
    const s = await getSettings();
    await updateSettings({
      enabledHosts: s.enabledHosts.includes(host) ? s.enabledHosts : [...s.enabledHosts, host],
      // "Turn off on this site" from a card adds the host here; turning it on again clears that.
      disabledHosts: s.disabledHosts.filter((h) => h !== host),
    });
    return true;
  });
}

/** Turns Hashiya off for a reader-enabled host: unregisters its script, removes the host
 *  permission it was given and forgets the host. Idempotent. */
export function disableSite(host: string): Promise<void> {
  host = host.toLowerCase();
  return serial(async () => {
    const id = scriptId(host);
    if ((await registeredIds()).has(id)) await browser.scripting.unregisterContentScripts({ ids: [id] });
    // Never a news site's permission: those are required (and removing them throws).
    if (classifySite(`https://${host}/`).kind === 'other') {
      const { origins = [] } = await browser.permissions.getAll();
      const own = origins.filter((o) => hostOfPattern(o) === host);
      if (own.length) {
        try {
          await browser.permissions.remove({ origins: own });
        } catch {
          // Already gone, or held another way: the script is unregistered either way.
        }
      }
    }
    const s = await getSettings();
    if (s.enabledHosts.includes(host)) await updateSettings({ enabledHosts: s.enabledHosts.filter((h) => h !== host) });
  });
}

/**
 * Makes registrations match settings.enabledHosts: re-registers what was lost (an update, a
 * browser that dropped them), forgets hosts whose permission the reader revoked in the browser's
 * own UI, and unregisters leftovers. Run whenever the background starts.
 */
export function restoreSites(): Promise<void> {
  return serial(async () => {
    const s = await getSettings();
    const registered = await registeredIds();
    const keep: string[] = [];
    for (const host of s.enabledHosts) {
      if (!(await hasSitePermission(host)) || classifySite(`https://${host}/`).kind !== 'other') continue;
      keep.push(host);
      if (!registered.has(scriptId(host))) await register(host);
    }
    const stale = [...registered].filter((id) => !keep.some((h) => scriptId(h) === id));
    if (stale.length) await browser.scripting.unregisterContentScripts({ ids: stale });
    if (keep.length !== s.enabledHosts.length) await updateSettings({ enabledHosts: keep });
  });
}

/**
 * Keeps sites in step with grants made or revoked outside the popup: the browser's own site-access
 * menus, the add-ons manager, or a popup that closed while the permission prompt was showing
 * (its follow-up request to the background never left).
 */
export function watchSitePermissions(): void {
  browser.permissions.onAdded.addListener((p) => {
    for (const o of p.origins ?? []) {
      const host = hostOfPattern(o);
      if (host) void enableSite(`https://${host}`).catch(() => {});
    }
  });
  browser.permissions.onRemoved.addListener((p) => {
    for (const o of p.origins ?? []) {
      const host = hostOfPattern(o);
      if (!host) continue;
      void (async () => {
        if ((await getSettings()).enabledHosts.includes(host) && !(await hasSitePermission(host)))
          await disableSite(host);
      })().catch(() => {});
    }
  });
}
