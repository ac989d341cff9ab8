import type { UserManifest } from 'wxt';
import pkg from '../package.json' with { type: 'json' };
import { NEWS_SITES, TEST_HOSTS } from './sites';

// Extension pages load only our own files and connect nowhere: Hashiya is offline by design.
export const EXTENSION_PAGES_CSP =
  "default-src 'self'; script-src 'self'; object-src 'none'; connect-src 'self'; img-src 'self' data:; " +
  "style-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

// The manifest is reviewed as a whole (tests/unit/manifest.test.ts snapshots it): any new
// permission must be added there on purpose.
export function buildManifest(browser: string, testHosts: boolean): UserManifest {
  const hosts = testHosts ? [...NEWS_SITES, ...TEST_HOSTS] : [...NEWS_SITES];
  const manifest: UserManifest = {
    name: 'Hashiya — حاشية',
    description: pkg.description,
    version: pkg.version,
    default_locale: undefined,
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 96: 'icon/96.png', 128: 'icon/128.png' },
    // activeTab: the popup may read the current tab's URL to offer "turn on for this site"; no warning.
    permissions: ['storage', 'unlimitedStorage', 'scripting', 'activeTab'],
    host_permissions: hosts,
    optional_host_permissions: browser === 'firefox' ? undefined : ['*://*/*'],
    action: { default_title: 'Hashiya', default_popup: 'popup.html' },
    commands: {
      'next-entity': {
        suggested_key: { default: 'Alt+Shift+J' },
        description: 'Go to the next marked entity and open its card',
      },
      'note-selection': {
        suggested_key: { default: 'Alt+Shift+N' },
        description: 'Add a note to the selected text',
      },
    },
  };
  if (browser === 'firefox') {
    (manifest as Record<string, unknown>).content_security_policy = EXTENSION_PAGES_CSP;
    // Firefox MV2 has no optional_host_permissions key: optional origins go in optional_permissions.
    (manifest as Record<string, unknown>).optional_permissions = ['*://*/*'];
    manifest.browser_specific_settings = {
      gecko: {
        id: 'hashiya@hashiya.example',
        // CSS Custom Highlight API: Firefox 140.
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      },
      // Firefox for Android reads data_collection_permissions from 142 on.
      gecko_android: { strict_min_version: '142.0' },
    } as UserManifest['browser_specific_settings'];
  } else {
    manifest.content_security_policy = { extension_pages: EXTENSION_PAGES_CSP };
    // Chrome 105 ships the Custom Highlight API; 116 is where MV3 service workers stay alive
    // during messaging long enough for our use.
    (manifest as Record<string, unknown>).minimum_chrome_version = '116';
  }
  return manifest;
}
