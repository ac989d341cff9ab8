// @vitest-environment node
// Guarantees 1, 5 and 18: the permissions are the reviewed list, extension pages connect nowhere,
// Firefox declares no data collection, and our sources never turn data into HTML. What the built
// bundles contain (no eval, new Function, remote code or test probe) is tests/unit/bundle.test.ts.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildManifest, EXTENSION_PAGES_CSP } from '../../manifest/manifest';
import { NEWS_SITES } from '../../manifest/sites';

const REVIEWED_PERMISSIONS = ['storage', 'unlimitedStorage', 'scripting', 'activeTab'];

describe('manifest', () => {
  it('Chrome: the reviewed permissions, news hosts only, optional access to other sites, strict CSP', () => {
    const m = buildManifest('chrome', false) as Record<string, unknown>;
    expect(m.permissions).toEqual(REVIEWED_PERMISSIONS);
    expect(m.host_permissions).toEqual([...NEWS_SITES]);
    expect(m.optional_host_permissions).toEqual(['*://*/*']);
    expect(m.content_security_policy).toEqual({ extension_pages: EXTENSION_PAGES_CSP });
    expect(JSON.stringify(m)).not.toMatch(/<all_urls>|127\.0\.0\.1/);
  });

  it('Firefox: the same, plus a fixed id, min version 140 and no data collection', () => {
    const m = buildManifest('firefox', false) as Record<string, any>;
    expect(m.permissions).toEqual(REVIEWED_PERMISSIONS);
    expect(m.optional_permissions).toEqual(['*://*/*']);
    expect(m.content_security_policy).toBe(EXTENSION_PAGES_CSP);
    expect(m.browser_specific_settings.gecko).toEqual({
      id: 'hashiya@hashiya.example',
      strict_min_version: '140.0',
      data_collection_permissions: { required: ['none'] },
    });
  });

  it('only the E2E build adds the fixture host', () => {
    expect(JSON.stringify(buildManifest('chrome', true))).toContain('http://127.0.0.1/*');
  });

  it('extension pages may not connect anywhere but the extension itself', () => {
    const directives = Object.fromEntries(
      EXTENSION_PAGES_CSP.split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([k, ...v]) => [k, v]),
    );
    expect(directives['connect-src']).toEqual(["'self'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['default-src']).toEqual(["'self'"]);
  });
});

function files(dir: string, ext: RegExp): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p, ext) : ext.test(p) ? [p] : [];
  });
}

describe('our sources', () => {
  it('never assign HTML from data (innerHTML, outerHTML, insertAdjacentHTML, document.write, dangerouslySetInnerHTML)', () => {
    const roots = [
      'engine',
      'page',
      'components',
      'background',
      'entrypoints',
      'notes',
      'anchoring',
      'messaging',
      'settings',
      'i18n',
    ];
    const offenders: string[] = [];
    for (const root of roots) {
      for (const f of files(root, /\.(ts|tsx)$/)) {
        const code = readFileSync(f, 'utf8');
        if (
          /\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|document\.write\s*\(|dangerouslySetInnerHTML/.test(code)
        )
          offenders.push(f);
      }
    }
    expect(offenders).toEqual([]);
  });
});
