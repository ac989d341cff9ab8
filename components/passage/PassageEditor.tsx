import { useEffect, useRef, useState } from 'preact/hooks';
import { t, type UiLang } from '../../i18n/page-strings';
import { DEFAULT_COLOR, LIMITS, type NoteColor } from '../../notes/model';
import { ColorSwatches } from './ColorSwatches';
import { draftKeys } from '../draft-keys';
import { noteErrorText } from '../notes/note-errors';

// Writes or edits a passage note: textarea, color, Save/Cancel. A failed save never loses the draft:
// the text stays in the textarea with the reason above it (storage full has its own message).
// Ctrl/⌘+Enter saves; Esc closes an empty editor only (Cancel discards a written one).

export interface PassageEditorProps {
  lang: UiLang;
  quote?: string;
  initialBody?: string;
  initialColor?: NoteColor;
  onSave(body: string, color: NoteColor): Promise<void>;
  onCancel(): void;
}

export const errorText: (lang: UiLang, e: unknown) => string = noteErrorText;

export function PassageEditor({ lang, quote, initialBody = '', initialColor, onSave, onCancel }: PassageEditorProps) {
  const [body, setBody] = useState(initialBody);
  const [color, setColor] = useState<NoteColor>(initialColor ?? DEFAULT_COLOR);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const area = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    area.current?.focus({ preventScroll: true });
  }, []);

  async function save() {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await onSave(body.trim(), color);
    } catch (e) {
      setError(errorText(lang, e));
    } finally {
      setBusy(false);
    }
  }

  const onKeyDown = draftKeys(
    () => body,
    () => void save(),
    onCancel,
  );

  return (
    <div class="hs-passage-editor">
      {quote && (
        <p class="hs-quote" dir="auto">
          {quote}
        </p>
      )}
      {error && (
        <p class="hs-error" role="alert">
          {error}
        </p>
      )}
      <textarea
        ref={area}
        value={body}
        maxLength={LIMITS.body}
        placeholder={t(lang, 'notePlaceholder')}
        aria-label={t(lang, 'noteLabel')}
        dir="auto"
        onInput={(e) => setBody(e.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
      <ColorSwatches lang={lang} value={color} onChange={setColor} />
      <div class="hs-row">
        <button type="button" class="hs-btn hs-primary" disabled={busy} onClick={() => void save()}>
          {t(lang, 'save')}
        </button>
        <button type="button" class="hs-btn" onClick={onCancel}>
          {t(lang, 'cancel')}
        </button>
      </div>
    </div>
  );
}
