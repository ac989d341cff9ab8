import { useEffect, useRef, useState } from 'preact/hooks';
import { t, tf, type UiLang } from '../../i18n/page-strings';
import { formatDate } from './CorpusMentions';
import { draftKeys } from '../draft-keys';
import { noteErrorText } from '../notes/note-errors';

// "Your notes" on the card: list, add, edit, delete with undo. Note bodies are the reader's own
// text but still render as text only. A failed save never loses the draft: the reader's words stay
// in the textarea with the reason above it.

export interface CardNote {
  id: string;
  body: string;
  /** ISO date or instant of the last change. */
  updated: string;
}

export const UNDO_MS = 6000;
/** Notes shown at first (newest first); an entity may have hundreds, and a card must open in a frame. */
export const CARD_NOTES_SHOWN = 5;

interface Props {
  lang: UiLang;
  notes: CardNote[];
  onAdd(body: string): Promise<void>;
  onEdit(id: string, body: string): Promise<void>;
  onDelete(id: string): Promise<void>;
  onUndo(): Promise<void>;
}

const NEW = Symbol('new');

export function CardNotes({ lang, notes, onAdd, onEdit, onDelete, onUndo }: Props) {
  const [editing, setEditing] = useState<string | typeof NEW | null>(null);
  // The note as it was when its editing started: a later difference was made elsewhere.
  const [base, setBase] = useState<CardNote | null>(null);
  const [draft, setDraft] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // 0: no undo offered; each delete bumps it so a second delete restarts the window.
  const [undoToken, setUndoToken] = useState(0);
  const [cap, setCap] = useState(CARD_NOTES_SHOWN);
  const area = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (editing !== null) area.current?.focus();
  }, [editing]);

  useEffect(() => {
    if (!undoToken) return;
    const timer = setTimeout(() => setUndoToken(0), UNDO_MS);
    return () => clearTimeout(timer);
  }, [undoToken]);

  const failed = (e: unknown) => setError(noteErrorText(lang, e));

  function start(which: string | typeof NEW, text: string) {
    setEditing(which);
    setBase(which === NEW ? null : (notes.find((n) => n.id === which) ?? null));
    setDraft(text);
    setError(null);
  }

  function cancel() {
    setEditing(null);
    setBase(null);
    setDraft('');
    setError(null);
  }

  // Edited here while changed or deleted elsewhere (another tab, the notes page): say so and keep
  // the draft. Save is the reader's call: last write wins, and a deleted note is added back.
  const current = typeof editing === 'string' ? notes.find((n) => n.id === editing) : undefined;
  const gone = typeof editing === 'string' && !current;
  const conflict = busy
    ? null
    : gone
      ? 'deletedElsewhere'
      : current && base && (current.body !== base.body || current.updated !== base.updated)
        ? 'changedElsewhere'
        : null;

  async function save() {
    const body = draft.trim();
    if (!body || busy || editing === null) return;
    setBusy(true);
    try {
      await (editing === NEW || gone ? onAdd(body) : onEdit(editing, body));
      cancel();
    } catch (e) {
      failed(e); // the draft stays as typed
    } finally {
      setBusy(false);
    }
  }

  async function remove(id: string) {
    setError(null);
    try {
      await onDelete(id);
      setUndoToken((n) => n + 1);
    } catch (e) {
      failed(e);
    }
  }

  async function undo() {
    setUndoToken(0);
    try {
      await onUndo();
    } catch (e) {
      failed(e);
    }
  }

  const onKeyDown = draftKeys(
    () => draft,
    () => void save(),
    cancel,
  );

  const editor = (
    <div>
      {conflict && (
        <p class="hs-status" role="alert" data-testid="note-conflict">
          {t(lang, conflict)}
        </p>
      )}
      <textarea
        ref={area}
        value={draft}
        placeholder={t(lang, 'notePlaceholder')}
        aria-label={t(lang, 'noteLabel')}
        onInput={(e) => setDraft(e.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
      <div class="hs-row">
        <button type="button" class="hs-btn hs-primary" disabled={busy || !draft.trim()} onClick={save}>
          {t(lang, 'save')}
        </button>
        <button type="button" class="hs-btn" onClick={cancel}>
          {t(lang, 'cancel')}
        </button>
      </div>
    </div>
  );

  return (
    <section class="hs-section">
      <h3>{t(lang, 'yourNotes')}</h3>
      {error && (
        <p class="hs-error" role="alert">
          {error}
        </p>
      )}
      {notes.length ? (
        <ul>
          {notes
            .filter((n, i) => i < cap || n.id === editing)
            .map((n) => (
              <li class="hs-note" key={n.id}>
                {editing === n.id ? (
                  editor
                ) : (
                  <>
                    <p class="hs-note-body" dir="auto">
                      {n.body}
                    </p>
                    <div class="hs-row">
                      <span class="hs-date">{formatDate(n.updated, lang)}</span>
                      <button type="button" class="hs-btn hs-quiet" onClick={() => start(n.id, n.body)}>
                        {t(lang, 'edit')}
                      </button>
                      <button type="button" class="hs-btn hs-quiet" onClick={() => remove(n.id)}>
                        {t(lang, 'delete')}
                      </button>
                    </div>
                  </>
                )}
              </li>
            ))}
        </ul>
      ) : (
        editing !== NEW && <p class="hs-status">{t(lang, 'noNotes')}</p>
      )}
      {notes.length > cap && (
        <div class="hs-row">
          <button type="button" class="hs-btn hs-quiet" onClick={() => setCap((c) => c + 20)}>
            {tf(lang, 'showMore', { n: notes.length - cap })}
          </button>
        </div>
      )}
      {/* Always present so screen readers announce what appears in it. */}
      <div role="status">
        {undoToken > 0 && (
          <div class="hs-row">
            <span>{t(lang, 'deleted')}</span>
            <button type="button" class="hs-btn" onClick={undo}>
              {t(lang, 'undo')}
            </button>
          </div>
        )}
      </div>
      {editing === NEW || gone ? (
        editor
      ) : (
        <div class="hs-row">
          <button type="button" class="hs-btn" onClick={() => start(NEW, '')}>
            {t(lang, 'addNote')}
          </button>
        </div>
      )}
    </section>
  );
}
