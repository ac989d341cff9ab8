// Selection → "Add note": a small button near the end of the reader's selection (or the
// `note-selection` command) opens an editor (text + color); saving maps the selection to offsets in
// the mark session's joined page text and stores quote + position selectors (anchoring/selectors.ts
// `describe`). The button waits for the selection to settle; Esc hides it for that selection.
import type { VirtualElement } from '@floating-ui/dom';
import { sendMessage } from '../../messaging/protocol';
import { describe } from '../../anchoring/selectors';
import { readPageMeta } from '../../engine/text/page-meta';
import { LIMITS, type NoteColor, type PassageNote, type PassageTarget } from '../../notes/model';
import type { MarkSession } from '../marks/session';
import type { UiHost } from '../card/host';
import { endAnchor } from '../card/anchor';
import { trustedOnly } from '../trusted';
import { offsetsOfRange, passageUrl, readableSelection, type TextOffsets } from './offsets';

export interface SelectionOptions {
  doc: Document;
  root: Element;
  host: UiHost;
  /** After the last selectionchange/pointerup/keyup before the button is shown or hidden, ms. */
  settleMs: number;
  trustedEventsOnly: boolean;
  /** The button or the editor changed. */
  onChange(): void;
  /** The editor opened: no note card beside it. */
  onEditor(): void;
  onSaved(note: PassageNote): void;
}

export interface EditorState {
  key: number;
  range: Range;
  anchor: VirtualElement;
  /** The page text the offsets refer to, as it was when the editor opened. */
  text: string;
  offsets: TextOffsets;
}

export type SelectionButton = ReturnType<typeof createSelectionButton>;

export function createSelectionButton(session: Pick<MarkSession, 'pageText'>, opts: SelectionOptions) {
  const { doc, root, host } = opts;
  let button: { range: Range; anchor: VirtualElement } | null = null;
  let editor: EditorState | null = null;
  let editorKey = 0;
  // The selection the reader dismissed (Esc, saved, cancelled): no button for it again.
  let suppressed: Range | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const current = () => readableSelection(doc, root, (n) => host.contains(n));

  function check() {
    if (editor) return;
    const range = current();
    if (!range || (suppressed && sameRange(suppressed, range))) {
      if (!range) suppressed = null;
      if (button) {
        button = null;
        opts.onChange();
      }
      return;
    }
    suppressed = null;
    if (button && sameRange(button.range, range)) return;
    const copy = range.cloneRange();
    button = { range: copy, anchor: endAnchor(copy) };
    opts.onChange();
  }

  function openEditor(range: Range) {
    const page = session.pageText();
    const offsets = offsetsOfRange(page, range);
    if (!offsets) return;
    if (offsets.end - offsets.start > LIMITS.quote) {
      let end = offsets.start + LIMITS.quote; // the longest quote a note may store
      const c = page.text.charCodeAt(end - 1);
      if (c >= 0xd800 && c <= 0xdbff) end--; // never split a surrogate pair
      offsets.end = end;
    }
    const copy = range.cloneRange();
    editor = { key: ++editorKey, range: copy, anchor: endAnchor(copy), text: page.text, offsets };
    button = null;
    opts.onEditor();
    opts.onChange();
  }

  async function save(body: string, color: NoteColor) {
    const e = editor;
    if (!e) return;
    const { quote, position } = describe(e.text, e.offsets.start, e.offsets.end);
    const target: PassageTarget = {
      url: passageUrl(readPageMeta(doc).canonical, location.href),
      title: doc.title.slice(0, LIMITS.title),
      quote,
      position,
    };
    // Throws StorageFullError (and others) to the editor, which keeps the draft and says why.
    const note = await sendMessage('addNote', { url: location.href, note: { kind: 'passage', target, body, color } });
    if (editor === e) {
      suppressed = e.range;
      editor = null;
    }
    if (note.kind === 'passage') opts.onSaved(note);
    opts.onChange();
  }

  function onEvent(e: Event) {
    if (e.type !== 'selectionchange' && host.contains(e.target as Node | null)) return;
    clearTimeout(timer);
    timer = setTimeout(check, opts.settleMs);
  }

  function onKeyDown(e: KeyboardEvent) {
    if (e.key !== 'Escape' || !button || host.contains(e.target as Node | null)) return;
    suppressed = button.range;
    button = null;
    opts.onChange();
  }

  const listeners: [string, EventListener, AddEventListenerOptions][] = [
    ['selectionchange', onEvent, { passive: true }],
    ['pointerup', onEvent, { capture: true, passive: true }],
    ['keyup', onEvent, { capture: true, passive: true }],
    ['keydown', onKeyDown as EventListener, { capture: true }],
  ];
  for (const l of listeners) l[1] = trustedOnly(l[1], opts.trustedEventsOnly);
  for (const [type, fn, o] of listeners) doc.addEventListener(type, fn, o);

  return {
    button: () => button,
    editor: () => editor,
    /** The `note-selection` command: the editor for the current selection, straight away. */
    noteSelection(): boolean {
      const range = editor ? null : current();
      if (range) openEditor(range);
      return !!range;
    },
    press() {
      if (button) openEditor(button.range);
    },
    save,
    cancel() {
      if (editor) suppressed = editor.range;
      editor = null;
      opts.onChange();
    },
    destroy() {
      for (const [type, fn, o] of listeners) doc.removeEventListener(type, fn, o);
      clearTimeout(timer);
    },
  };
}

function sameRange(a: Range, b: Range): boolean {
  try {
    return a.compareBoundaryPoints(Range.START_TO_START, b) === 0 && a.compareBoundaryPoints(Range.END_TO_END, b) === 0;
  } catch {
    return false;
  }
}
