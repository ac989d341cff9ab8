import type { NoteColor } from '../notes/model';
import type { EntityType } from '../engine/types';

// The one palette of Hashiya's UI, light and dark, and the CSS custom properties every stylesheet
// reads: the hover card and same-story notice (components/card/card.css.ts), the passage-note UI
// (page/passages/styles.ts), the extension pages — popup, notes page, corpus reader — (installed
// by their entrypoints with `installTheme`), and the marks painted on news pages (the content-script stylesheet,
// whose colours `marksCss` writes). The accent is the card's #17604f, the one the README's card
// screenshots show (7.25:1 on the background, AAA for text; #1f6f5c gave 5.87:1); the pages had drifted to
// #1f6f5c.

export const PALETTE = {
  light: {
    bg: '#fdfcf8',
    fg: '#1d1b16',
    muted: '#625d51',
    accent: '#17604f',
    'on-accent': '#ffffff',
    line: '#ddd8cc',
    chip: '#f1eee6',
    mark: '#fbe7a1',
    danger: '#a4281b',
    focus: '#1f6fd1',
  },
  dark: {
    bg: '#1f1e1a',
    fg: '#ece8de',
    muted: '#aaa497',
    accent: '#6cc3a9',
    'on-accent': '#10231d',
    line: '#3d3a33',
    chip: '#2c2a25',
    mark: '#5e4c12',
    danger: '#ff8f80',
    focus: '#8ab4f8',
  },
} as const;

/** A passage note's colour: its swatch, its list border. */
export const NOTE_COLORS: Record<NoteColor, string> = {
  yellow: '#f5c518',
  green: '#34a853',
  blue: '#3b82f6',
  pink: '#ec4899',
  purple: '#8b5cf6',
  gray: '#8a8a8a',
};

/** Marks on news pages: one colour per entity type, and the "noted" mark (an entity with notes). */
export const MARK_COLORS: Record<EntityType | 'noted', [number, number, number]> = {
  person: [194, 65, 12],
  organization: [124, 58, 237],
  place: [14, 116, 144],
  product: [190, 24, 93],
  event: [180, 83, 9],
  other: [71, 85, 105],
  noted: [22, 163, 74],
};

/** A passage note's highlight on the page: a translucent background (text colour stays the page's). */
export const PASSAGE_TINTS: Record<NoteColor, string> = {
  yellow: 'rgba(250, 204, 21, 0.4)',
  green: 'rgba(34, 197, 94, 0.32)',
  blue: 'rgba(59, 130, 246, 0.32)',
  pink: 'rgba(236, 72, 153, 0.3)',
  purple: 'rgba(139, 92, 246, 0.32)',
  gray: 'rgba(120, 120, 120, 0.32)',
};

export const FONT =
  "400 14px/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans Arabic', Tahoma, sans-serif";

const vars = (p: Record<string, string>) =>
  Object.entries(p)
    .map(([k, v]) => `--${k}: ${v};`)
    .join(' ');

/** The palette as custom properties on `selector`, light, then dark when the reader prefers it. */
export function themeVars(selector: string): string {
  const notes = vars(Object.fromEntries(Object.entries(NOTE_COLORS).map(([k, v]) => [`note-${k}`, v])));
  return (
    `${selector} { color-scheme: light dark; ${vars(PALETTE.light)} ${notes} }\n` +
    `@media (prefers-color-scheme: dark) { ${selector} { ${vars(PALETTE.dark)} } }\n`
  );
}

/**
 * The extension pages' theme: the custom properties on :root, as a constructed stylesheet (the
 * pages' CSP allows no inline style). components/theme.css holds the rest of the base styles.
 */
export function installTheme(doc: Document): void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(themeVars(':root'));
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
}

const MARK_STYLES = ['underline', 'background', 'dotted'] as const;
const LINE_STYLES = ['underline', 'dotted'] as const;

/**
 * The content-script stylesheet of the marks: CSS Custom Highlights named
 * hashiya-<type|noted>-<style> (page/marks/highlights.ts) and hashiya-passage-<color>
 * (page/passages/highlights.ts). Only highlight pseudo-elements, nothing of the page's own
 * elements; a highlight can only be selected by its name, so every name is written out. Built into
 * the extension as `virtual:hashiya/marks.css` (wxt.config.ts).
 */
export function marksCss(): string {
  const groups = Object.keys(MARK_COLORS) as (keyof typeof MARK_COLORS)[];
  const hl = (group: string, style: string) => `::highlight(hashiya-${group}-${style})`;
  const names = (styles: readonly string[]) => groups.flatMap((g) => styles.map((s) => hl(g, s))).join(',\n');
  const rgb = (g: keyof typeof MARK_COLORS, alpha?: number) =>
    alpha === undefined ? `rgb(${MARK_COLORS[g].join(', ')})` : `rgba(${MARK_COLORS[g].join(', ')}, ${alpha})`;
  const rules = groups.map((g) => {
    // Notes get a double line.
    const line = (kind: 'solid' | 'double' | 'dotted') => `text-decoration: underline ${kind} ${rgb(g)} 2px;`;
    return (
      `${hl(g, 'underline')} { ${line(g === 'noted' ? 'double' : 'solid')} }\n` +
      `${hl(g, 'background')} { background-color: ${rgb(g, 0.2)}; }\n` +
      `${hl(g, 'dotted')} { ${line('dotted')} }`
    );
  });
  // Firefox (140 ESR) paints no text decoration on highlights, only backgrounds: there the line
  // styles also get a faint tint of their colour, so marks are never invisible.
  const firefox = groups.map(
    (g) => `${LINE_STYLES.map((s) => hl(g, s)).join(', ')} { background-color: ${rgb(g, 0.13)}; }`,
  );
  const passages = Object.entries(PASSAGE_TINTS).map(
    ([color, tint]) => `::highlight(hashiya-passage-${color}) { background-color: ${tint}; }`,
  );
  return [
    ...rules,
    // Arabic descenders (ي ر و ف ظ) reach the underline's default position and Chromium skips ink
    // there, which cut «إيران» down to a dash and «ظريف» into pieces: the line sits below them and
    // is never interrupted (docs/screenshots/marks-ar.png, made by `npm run screenshots`).
    `${names(LINE_STYLES)} {\n  text-underline-offset: 0.3em;\n  text-decoration-skip-ink: none;\n}`,
    `@supports (-moz-appearance: none) {\n${firefox.join('\n')}\n}`,
    // Forced colors (high contrast): the page's colours give way to the reader's, and Firefox drops
    // our tints with them. System colours are kept: marks read as the system's own text highlight.
    `@media (forced-colors: active) {\n${names(MARK_STYLES)} {\n  background-color: Mark;\n  color: MarkText;\n}\n}`,
    // Passage notes: translucent backgrounds only, so the page's own text colour stays and they read
    // on light and dark pages alike; text decoration is left to the entity marks they may overlap.
    ...passages,
  ].join('\n');
}
