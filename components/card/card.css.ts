// Styles of everything Hashiya draws on a page (hover card and same-story notice), adopted by the
// closed shadow root as a constructed stylesheet (page/card/host.ts): a page's `style-src` CSP
// cannot block it and the page's selectors cannot reach inside.
//
// Sizes are in px on purpose: `rem` inside a shadow root follows the PAGE's root font size.
// `:host` declarations are !important because for important declarations the shadow tree's
// context wins over the page's, so a page rule such as `* { display: none !important }` cannot
// hide or move the host.

import { FONT, themeVars } from '../theme';

export const CARD_CSS = /* css */ `
:host {
  all: initial !important;
  display: block !important;
  position: fixed !important;
  top: 0 !important;
  left: 0 !important;
  width: 0 !important;
  height: 0 !important;
  margin: 0 !important;
  padding: 0 !important;
  border: 0 !important;
  overflow: visible !important;
  z-index: 2147483647 !important;
  visibility: visible !important;
  opacity: 1 !important;
  transform: none !important;
}

*, *::before, *::after { box-sizing: border-box; }

${themeVars('.hs-card, .hs-notice')}
.hs-card, .hs-notice {
  font: ${FONT};
  color: var(--fg);
  background: var(--bg);
  border: 1px solid var(--line);
  border-radius: 8px;
  box-shadow: 0 8px 28px rgba(0, 0, 0, 0.2);
  text-align: start;
  letter-spacing: normal;
  word-spacing: normal;
  text-transform: none;
}
@media (prefers-color-scheme: dark) {
  .hs-card, .hs-notice {
    box-shadow: 0 8px 28px rgba(0, 0, 0, 0.55);
  }
}

/* Positioned by Floating UI (left/top set from JS). Invisible and inert until placed, so it never
   flashes at the viewport corner; fades in 200 ms, out 150 ms. */
.hs-float {
  position: fixed;
  top: 0;
  left: 0;
  width: max-content;
  opacity: 0;
  pointer-events: none;
  transition: opacity 150ms ease-in;
}
.hs-float[data-state='open'] {
  opacity: 1;
  pointer-events: auto;
  transition: opacity 200ms ease-out;
}
@media (prefers-reduced-motion: reduce) {
  .hs-float, .hs-float[data-state='open'] { transition: none; }
}

.hs-card {
  position: relative;
  width: 320px;
  max-width: calc(100vw - 16px);
  max-height: min(70vh, 560px);
  overflow-y: auto;
  overscroll-behavior: contain;
  padding: 12px 14px;
}
.hs-card:focus { outline: none; }
.hs-card:focus-visible { outline: 2px solid var(--focus); outline-offset: 2px; }

h2, h3, p, ul, li { margin: 0; padding: 0; }
ul { list-style: none; }
button, textarea { font: inherit; color: inherit; letter-spacing: inherit; }
button { cursor: pointer; }
button:focus-visible, textarea:focus-visible { outline: 2px solid var(--focus); outline-offset: 2px; }

.hs-name { font-size: 17px; font-weight: 650; line-height: 1.3; padding-inline-end: 28px; }
.hs-alt { color: var(--muted); }
.hs-type { color: var(--muted); font-size: 12px; }
.hs-gloss { margin-top: 8px; }
.hs-status { color: var(--muted); }
.hs-error { color: var(--danger); }

.hs-section { margin-top: 12px; padding-top: 10px; border-top: 1px solid var(--line); }
.hs-section h3 { font-size: 12px; font-weight: 600; color: var(--muted); margin-bottom: 6px; }
.hs-mention + .hs-mention { margin-top: 10px; }
.hs-date { display: block; color: var(--muted); font-size: 12px; }
.hs-copies, .hs-more { color: var(--muted); font-size: 12px; margin-top: 2px; }
.hs-more { margin-top: 8px; }
.hs-sentence {
  margin-top: 2px;
  display: -webkit-box;
  -webkit-box-orient: vertical;
  -webkit-line-clamp: 7;
  line-clamp: 7;
  overflow: hidden;
  overflow-wrap: anywhere;
}
mark { background: var(--mark); color: inherit; border-radius: 2px; padding: 0 1px; }

.hs-link {
  border: 0;
  padding: 0;
  background: none;
  color: var(--accent);
  font-weight: 600;
  text-align: start;
  text-decoration: underline;
  text-underline-offset: 2px;
}
.hs-chips { display: flex; flex-wrap: wrap; gap: 6px; }
.hs-chip {
  border: 1px solid var(--line);
  background: var(--chip);
  border-radius: 999px;
  padding: 1px 10px;
  font-size: 13px;
}
.hs-btn {
  border: 1px solid var(--line);
  background: var(--chip);
  border-radius: 6px;
  padding: 3px 10px;
  font-size: 13px;
}
.hs-btn[disabled] { opacity: 0.6; cursor: default; }
.hs-primary { background: var(--accent); border-color: var(--accent); color: var(--on-accent); }
.hs-quiet { border-color: transparent; background: none; color: var(--muted); }
.hs-row { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 6px; align-items: center; }
.hs-close {
  position: absolute;
  top: 8px;
  inset-inline-end: 8px;
  width: 26px;
  height: 26px;
  border: 0;
  border-radius: 6px;
  background: none;
  color: var(--muted);
  font-size: 18px;
  line-height: 26px;
  padding: 0;
}

.hs-note { padding: 6px 0; }
.hs-note + .hs-note { border-top: 1px dashed var(--line); }
.hs-note-body { white-space: pre-wrap; overflow-wrap: anywhere; }
textarea {
  display: block;
  width: 100%;
  min-height: 72px;
  margin-top: 6px;
  padding: 6px 8px;
  background: var(--bg);
  border: 1px solid var(--line);
  border-radius: 6px;
  resize: vertical;
}
.hs-footer { margin-top: 12px; padding-top: 8px; border-top: 1px solid var(--line); }

.hs-notice {
  position: fixed;
  bottom: 16px;
  inset-inline-end: 16px;
  width: 300px;
  max-width: calc(100vw - 32px);
  padding: 10px 12px;
}
.hs-notice-label { font-size: 12px; color: var(--muted); padding-inline-end: 28px; }
.hs-notice-title { font-weight: 600; }
`;
