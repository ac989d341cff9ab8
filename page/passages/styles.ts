// Styles of the passage-note UI (the "Add note" button, editor, note card, orphan list and undo
// toast), appended to the card stylesheet of the page's UiHost (page/start.ts): same closed shadow
// root, the same theme (components/theme.ts). The editor and note card reuse `.hs-card`; the rest
// get the theme's variables here. Sizes in px: `rem` in a shadow root follows the page's root font size.
import { FONT, themeVars } from '../../components/theme';

export const PASSAGE_CSS = /* css */ `
${themeVars('.hs-pbtn, .hs-orphans, .hs-ptoast')}
.hs-pbtn, .hs-orphans, .hs-ptoast {
  font: ${FONT};
  color: var(--fg);
  text-align: start;
  letter-spacing: normal;
  word-spacing: normal;
  text-transform: none;
}

.hs-pbtn {
  border: 1px solid var(--accent);
  background: var(--accent);
  color: var(--on-accent);
  border-radius: 999px;
  padding: 3px 12px;
  font-size: 13px;
  font-weight: 600;
  box-shadow: 0 4px 14px rgba(0, 0, 0, 0.25);
}

.hs-passage-card { width: 300px; }
.hs-quote {
  margin: 0 0 6px;
  padding-inline-start: 8px;
  border-inline-start: 3px solid var(--line);
  color: var(--muted);
  display: -webkit-box;
  -webkit-box-orient: vertical;
  -webkit-line-clamp: 3;
  line-clamp: 3;
  overflow: hidden;
  overflow-wrap: anywhere;
  white-space: pre-wrap;
}
.hs-title { font-size: 12px; font-weight: 600; color: var(--muted); margin-bottom: 6px; padding-inline-end: 28px; }

.hs-swatches { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 8px; align-items: center; }
.hs-swatch {
  width: 22px;
  height: 22px;
  border-radius: 50%;
  border: 2px solid transparent;
  padding: 0;
  box-shadow: inset 0 0 0 1px rgba(0, 0, 0, 0.2);
}
.hs-swatch[aria-pressed='true'] { border-color: var(--fg); }
.hs-swatch-yellow { background: var(--note-yellow); }
.hs-swatch-green { background: var(--note-green); }
.hs-swatch-blue { background: var(--note-blue); }
.hs-swatch-pink { background: var(--note-pink); }
.hs-swatch-purple { background: var(--note-purple); }
.hs-swatch-gray { background: var(--note-gray); }
.hs-dot { display: inline-block; width: 10px; height: 10px; border-radius: 50%; margin-inline-end: 6px; }

.hs-orphans, .hs-ptoast {
  position: fixed;
  bottom: 16px;
  inset-inline-start: 16px;
  max-width: min(360px, calc(100vw - 32px));
  background: var(--bg);
  border: 1px solid var(--line);
  border-radius: 8px;
  box-shadow: 0 8px 28px rgba(0, 0, 0, 0.2);
  padding: 8px 12px;
}
.hs-orphans[data-open='true'] { width: 360px; }
.hs-orphans-list {
  max-height: min(50vh, 360px);
  overflow-y: auto;
  overscroll-behavior: contain;
  margin-top: 6px;
}
.hs-orphans-head { display: flex; gap: 8px; align-items: center; padding-inline-end: 28px; }
/* Centred whatever the direction: physical left + translate. */
.hs-ptoast { inset-inline-start: auto; inset-inline-end: auto; left: 50%; transform: translateX(-50%); bottom: 64px; }
.hs-ptoast .hs-row { margin-top: 0; }
`;
