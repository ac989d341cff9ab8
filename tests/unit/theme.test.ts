import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MARK_COLORS, marksCss, PALETTE, PASSAGE_TINTS, themeVars } from '../../components/theme';
import { CARD_CSS } from '../../components/card/card.css';
import { PASSAGE_CSS } from '../../page/passages/styles';

// One theme (components/theme.ts): the palette is written once, and every stylesheet of the page
// UI, the extension pages and the marks reads it. The palette had drifted (#17604f vs #1f6f5c).

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? sources(p) : /\.(ts|tsx|css)$/.test(p) ? [p] : [];
  });
}

describe('one theme', () => {
  it('no stylesheet or component outside components/theme.ts writes a colour of its own', () => {
    const found: string[] = [];
    for (const f of ['components', 'page', 'entrypoints'].flatMap(sources)) {
      if (f === join('components', 'theme.ts')) continue;
      for (const m of readFileSync(f, 'utf8').matchAll(
        /#[0-9a-f]{6}\b|#[0-9a-f]{3}\b(?![-\w])|\brgba?\(\s*\d+\s*,\s*\d+\s*,\s*\d+\s*(?:\)|,\s*0?\.\d+\))/gi,
      )) {
        // Black shadows are no colour of the palette.
        if (!/^rgba\(0, 0, 0,/.test(m[0])) found.push(`${f}: ${m[0]}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('the card, the passage UI and the extension pages get the same custom properties', () => {
    for (const css of [CARD_CSS, PASSAGE_CSS, themeVars(':root')]) {
      expect(css).toContain(`--accent: ${PALETTE.light.accent};`);
      expect(css).toContain(`--accent: ${PALETTE.dark.accent};`);
      expect(css).toContain(`--muted: ${PALETTE.light.muted};`);
    }
    expect(PALETTE.light.accent).toBe('#17604f'); // the card's, as in the README screenshots
  });

  it('writes every mark style and passage colour, the noted mark double', () => {
    const css = marksCss();
    for (const [group, [r, g, b]] of Object.entries(MARK_COLORS)) {
      for (const style of ['underline', 'background', 'dotted'])
        expect(css).toContain(`::highlight(hashiya-${group}-${style})`);
      expect(css).toContain(`rgba(${r}, ${g}, ${b}, 0.2)`);
    }
    expect(css).toContain(
      `::highlight(hashiya-noted-underline) { text-decoration: underline double rgb(22, 163, 74) 2px; }`,
    );
    for (const [color, tint] of Object.entries(PASSAGE_TINTS)) {
      expect(css).toContain(`::highlight(hashiya-passage-${color}) { background-color: ${tint}; }`);
    }
  });

  const builds = ['.output/chrome-mv3', '.output/firefox-mv2'].filter((d) => existsSync(join(d, 'manifest.json')));
  it.runIf(builds.length > 0)('the built content script ships the marks stylesheet the theme writes', () => {
    for (const dir of builds) {
      const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
      const css = (manifest.content_scripts as { css?: string[] }[]).flatMap((c) => c.css ?? []);
      expect(css.length, dir).toBeGreaterThan(0);
      const shipped = css.map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
      expect(shipped, dir).toContain('hashiya-person-underline');
      expect(shipped, dir).toContain('hashiya-passage-yellow');
    }
  });
});
