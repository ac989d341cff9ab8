// npm run screenshots: how marks read on Arabic text, before and after the underline was tuned
// (`marksCss`, components/theme.ts), in real Chromium and Firefox, at 100% and 200%, on a light page, a dark page and
// in forced colors. Writes docs/screenshots/marks-ar.png (the README's before/after: Chromium,
// 200%, light) and every variant to .output/screenshots/. Not part of `npm test`, which must not
// write tracked files. The marks are registered here as the content script registers them (CSS
// Custom Highlights under the same names), styled by the extension's own marks stylesheet.
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import { EXECUTABLES } from '../e2e/harness/browsers';
import { MARK_COLORS, marksCss } from '../../components/theme';

const ROOT = resolve(import.meta.dirname, '../..');
const OUT = join(ROOT, '.output/screenshots');
const README_SHOT = join(ROOT, 'docs/screenshots/marks-ar.png');
const MARKS_CSS = marksCss();
// The rule marks had before (a 2px line, the browser's default ink skipping and offset): rendered
// under other highlight names so both rows sit on one page.
const BEFORE_CSS = (['person', 'place', 'organization'] as const)
  .map((t) => `::highlight(before-${t}) { text-decoration: underline solid rgb(${MARK_COLORS[t].join(', ')}) 2px; }`)
  .join('\n');

const TEXT =
  'قال وزير الخارجية الإيراني محمد جواد ظريف إن إيران مستعدة للحوار، وذلك بعد لقائه سيرغي لافروف في موسكو بحضور ممثل عن الأمم المتحدة.';
const NAMES: Array<[string, 'person' | 'place' | 'organization']> = [
  ['محمد جواد ظريف', 'person'],
  ['إيران', 'place'],
  ['سيرغي لافروف', 'person'],
  ['موسكو', 'place'],
  ['الأمم المتحدة', 'organization'],
];

type Theme = 'light' | 'dark' | 'forced';
function page(theme: Theme): string {
  const colors = theme === 'dark' ? 'background:#121212;color:#e8e8e8' : 'background:#fbfaf7;color:#1d1d1b';
  return `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><style>
    body { ${colors}; font-family: "DejaVu Sans", serif; font-size: 20px; line-height: 1.9; margin: 0; padding: 12px 16px; width: 640px; }
    h2 { font-size: 13px; font-family: sans-serif; margin: 4px 0 0; opacity: .7; direction: ltr; text-align: left; }
    p { margin: 0 0 6px; }
    ${MARKS_CSS}
    ${BEFORE_CSS}
  </style></head><body>
    <h2>Before</h2><p id="before">${TEXT}</p>
    <h2>After</h2><p id="after">${TEXT}</p>
  </body></html>`;
}

// Runs in the page: one range per name in each paragraph, under the "before" or the real names.
function mark(names: Array<[string, string]>): void {
  for (const [id, prefix, suffix] of [
    ['before', 'before-', ''],
    ['after', 'hashiya-', '-underline'],
  ]) {
    const node = document.getElementById(id)!.firstChild as Text;
    for (const [name, type] of names) {
      const at = node.data.indexOf(' ' + name) + 1; // the name itself, not inside الإيراني
      const range = new Range();
      range.setStart(node, at);
      range.setEnd(node, at + name.length);
      const key = prefix + type + suffix;
      const h = CSS.highlights.get(key) ?? new Highlight();
      h.add(range);
      CSS.highlights.set(key, h);
    }
  }
}

const VARIANTS: Array<{ theme: Theme; scale: 1 | 2 }> = [1, 2].flatMap((scale) =>
  (['light', 'dark', 'forced'] as const).map((theme) => ({ theme, scale: scale as 1 | 2 })),
);

async function shootChromium(): Promise<void> {
  const browser = await chromium.launch({
    executablePath: EXECUTABLES.chromium,
    headless: true,
    args: ['--no-sandbox'],
  });
  try {
    for (const { theme, scale } of VARIANTS) {
      const p = await browser.newPage({ viewport: { width: 680, height: 300 }, deviceScaleFactor: scale });
      if (theme === 'forced') await p.emulateMedia({ forcedColors: 'active' });
      await p.setContent(page(theme));
      await p.evaluate(mark, NAMES);
      const file = join(OUT, `marks-ar-chromium-${theme}-${scale}x.png`);
      await p.screenshot({ path: file });
      if (theme === 'light' && scale === 2) await p.screenshot({ path: README_SHOT });
      await p.close();
      console.log(file);
    }
  } finally {
    await browser.close();
  }
}

async function shootFirefox(forced: boolean, scale: 1 | 2): Promise<void> {
  // Forced colors and the zoom are Firefox preferences, set at launch (BiDi has no viewport scaling there).
  const prefs: Record<string, unknown> = { 'layout.css.devPixelsPerPx': String(scale) };
  if (forced) Object.assign(prefs, { 'browser.display.document_color_use': 2, 'ui.forcedColors': 1 });
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: EXECUTABLES.firefox,
    headless: true,
    defaultViewport: null,
    args: ['--width=1600', '--height=900'],
    extraPrefsFirefox: prefs,
  });
  try {
    for (const { theme } of VARIANTS.filter((v) => v.scale === scale && (v.theme === 'forced') === forced)) {
      const p = await browser.newPage();
      await p.setContent(page(theme));
      await p.evaluate(mark, NAMES);
      const file = join(OUT, `marks-ar-firefox-${theme}-${scale}x.png`) as `${string}.png`;
      await (await p.$('body'))!.screenshot({ path: file });
      await p.close();
      console.log(file);
    }
  } finally {
    await browser.close();
  }
}

mkdirSync(OUT, { recursive: true });
await shootChromium();
for (const scale of [1, 2] as const) {
  await shootFirefox(false, scale);
  await shootFirefox(true, scale);
}
