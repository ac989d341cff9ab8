// @vitest-environment node
// Guarantees 1, 5 and 18: the permissions are the reviewed list, no eval / new Function / remote
// code, extension pages connect nowhere, Firefox declares no data collection, and our sources
// never turn data into HTML.
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

// Strings only the E2E probe (page/test-probe.ts) has: its events and the selector it reads a card's
// label with. Release builds must contain none; the E2E build has them all.
const PROBE_MARKERS = ['hashiya:probe', 'hashiya:probe-result', 'h2, h3, [id]'];
const hasProbe = (dir: string) =>
  files(dir, /\.js$/).some((f) => PROBE_MARKERS.every((m) => readFileSync(f, 'utf8').includes(m)));

describe('release bundles', () => {
  const builds = ['.output/chrome-mv3', '.output/firefox-mv2'].filter((d) => existsSync(join(d, 'manifest.json')));

  it.runIf(builds.length > 0)('contain no eval, new Function, remote scripts or the E2E probe', () => {
    for (const dir of builds) {
      const scripts = files(dir, /\.js$/);
      expect(scripts.length).toBeGreaterThan(2);
      for (const f of scripts) {
        const code = readFileSync(f, 'utf8');
        expect(code, f).not.toMatch(/\beval\s*\(|new Function\s*\(|importScripts\s*\(/);
        for (const marker of PROBE_MARKERS) expect(code, f).not.toContain(marker);
      }
      for (const f of files(dir, /\.html$/)) {
        expect(readFileSync(f, 'utf8'), f).not.toMatch(/<script[^>]+src=["']?(?:https?:)?\/\//i);
      }
    }
  });

  const testBuilds = ['.output/test/chrome-mv3', '.output/test/firefox-mv2'].filter((d) =>
    existsSync(join(d, 'manifest.json')),
  );
  it.runIf(testBuilds.length > 0)('the E2E builds do contain the probe (so the check above can fail)', () => {
    for (const dir of testBuilds)
      expect(hasProbe(dir), `${dir} (an old E2E build? HASHIYA_TEST_HOSTS=1 npx wxt build)`).toBe(true);
  });
});

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
