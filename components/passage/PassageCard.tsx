import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { dirOf, t, type UiLang } from '../../i18n/page-strings';
import type { NoteColor, PassageNote } from '../../notes/model';
import { formatDate } from '../card/CorpusMentions';
import { colorLabel } from './ColorSwatches';
import { errorText, PassageEditor } from './PassageEditor';

// The note of a highlighted passage: its text, color and date, with Edit and Delete (the layer
// offers Undo). Text only: the body is the reader's own words, never markup. Like the entity card:
// unpinned it is a `role="tooltip"` preview that never takes focus; pinned (click, Enter, the
// keyboard command, or any interaction) it is a non-modal dialog that receives focus.

export interface PassageCardProps {
  lang: UiLang;
  note: PassageNote;
  pinned: boolean;
  onSave(body: string, color: NoteColor): Promise<void>;
  onDelete(): Promise<void>;
  onClose(): void;
  /** True while the editor is open: the layer must not light-dismiss a draft. */
  onEditing(editing: boolean): void;
}

export function PassageCard({ lang, note, pinned, onSave, onDelete, onClose, onEditing }: PassageCardProps) {
  const [editing, setEditing] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = root.current;
    const active = (el?.getRootNode() as Document | ShadowRoot | undefined)?.activeElement;
    if (pinned && el && !el.contains(active ?? null)) el.focus({ preventScroll: true });
  }, [pinned]);
  const [error, setError] = useState<string | null>(null);

  const edit = (on: boolean) => {
    setEditing(on);
    setError(null);
    onEditing(on);
  };

  async function remove() {
    setError(null);
    try {
      await onDelete();
    } catch (e) {
      setError(errorText(lang, e));
    }
  }

  return (
    <div
      ref={root}
      class="hs-card hs-passage-card"
      role={pinned ? 'dialog' : 'tooltip'}
      aria-modal={pinned ? 'false' : undefined}
      tabIndex={pinned ? -1 : undefined}
      aria-label={t(lang, 'passageNote')}
      dir={dirOf(lang)}
      lang={lang}
    >
      <button type="button" class="hs-close" aria-label={t(lang, 'close')} onClick={onClose}>
        ×
      </button>
      <p class="hs-title">
        <span class={`hs-dot hs-swatch-${note.color}`} title={colorLabel(lang, note.color)} aria-hidden="true" />
        {t(lang, 'passageNote')}
      </p>
      {editing ? (
        <PassageEditor
          lang={lang}
          initialBody={note.body}
          initialColor={note.color}
          onSave={async (body, color) => {
            await onSave(body, color);
            edit(false);
          }}
          onCancel={() => edit(false)}
        />
      ) : (
        <>
          {error && (
            <p class="hs-error" role="alert">
              {error}
            </p>
          )}
          <p class="hs-note-body" dir="auto">
            {note.body || t(lang, 'noBody')}
          </p>
          <div class="hs-row">
            <span class="hs-date">{formatDate(note.updated, lang)}</span>
            <button type="button" class="hs-btn hs-quiet" onClick={() => edit(true)}>
              {t(lang, 'edit')}
            </button>
            <button type="button" class="hs-btn hs-quiet" onClick={() => void remove()}>
              {t(lang, 'delete')}
            </button>
          </div>
        </>
      )}
    </div>
  );
}
