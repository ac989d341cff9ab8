// Where Hashiya may run, as the popup, the content script and the background all need to know it:
// pure helpers over URLs and match patterns, with no privileged call. The background's part
// (registering content scripts, permissions) is background/sites.ts.
import { browser } from 'wxt/browser';
import { MatchPattern } from 'wxt/utils/match-patterns';
import { NEWS_SITES } from '../manifest/sites';

/** The content script's files in the build, registered for a site the reader turned on. */
export const CONTENT_JS = 'content-scripts/content.js';
export const CONTENT_CSS = 'content-scripts/content.css';

/** What is requested and registered for a site: both schemes, any port, any path. */
export const sitePattern = (host: string) => `*://${host}/*`;

/** Where extensions may not run whatever they are granted: the browsers' add-on stores and the
 *  Mozilla domains Firefox restricts (extensions.webextensions.restrictedDomains). */
const RESTRICTED_HOSTS = new Set([
  'chromewebstore.google.com',
  'addons.mozilla.org',
  'accounts-static.cdn.mozilla.net',
  'accounts.firefox.com',
  'addons.cdn.mozilla.net',
  'content.cdn.mozilla.net',
  'discovery.addons.mozilla.org',
  'install.mozilla.org',
  'oauth.accounts.firefox.com',
  'profile.accounts.firefox.com',
  'support.mozilla.org',
  'sync.services.mozilla.com',
]);
const RESTRICTED_PATHS: [host: string, path: string][] = [
  ['chrome.google.com', '/webstore'],
  ['microsoftedge.microsoft.com', '/addons'],
];

export type SiteKind = 'news' | 'other' | 'unavailable';
export interface SiteInfo {
  /** news: the static content script runs there (settings.disabledHosts turns it off).
   *  other: any web site, opt-in with a permission. unavailable: extensions cannot run there. */
  kind: SiteKind;
  host: string;
  origin: string;
}

/** The static content script's patterns: the news list, plus whatever the built manifest adds
 *  (the E2E build also runs on 127.0.0.1). */
export function staticPatterns(): string[] {
  const patterns = new Set<string>(NEWS_SITES);
  try {
    for (const script of browser.runtime.getManifest().content_scripts ?? []) {
      for (const m of script.matches ?? []) patterns.add(m);
    }
  } catch {
    // No manifest to read (unit tests): the news list alone.
  }
  return [...patterns];
}

export function classifySite(url: string | undefined, patterns: readonly string[] = staticPatterns()): SiteInfo {
  const none: SiteInfo = { kind: 'unavailable', host: '', origin: '' };
  if (!url) return none;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return none;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return none;
  const host = u.hostname.toLowerCase();
  const site = { host, origin: u.origin };
  if (!host || RESTRICTED_HOSTS.has(host)) return { kind: 'unavailable', ...site };
  if (RESTRICTED_PATHS.some(([h, p]) => host === h && (u.pathname === p || u.pathname.startsWith(`${p}/`)))) {
    return { kind: 'unavailable', ...site };
  }
  const news = patterns.some((p) => {
    try {
      return new MatchPattern(p).includes(u);
    } catch {
      return false;
    }
  });
  return { kind: news ? 'news' : 'other', ...site };
}

// The host of a single-host match pattern (*://example.com/*, https://example.com/*); null for
// wildcard hosts (all sites, *.bbc.com) and anything else.
export function hostOfPattern(pattern: string): string | null {
  const m = /^(?:\*|https?):\/\/([^/*]+)\//.exec(pattern);
  return m ? m[1].toLowerCase() : null;
}
