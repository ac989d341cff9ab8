import { useEffect, useRef, useState } from 'preact/hooks';
import { t, tf, type UiLang } from '../../i18n/strings';
import { hostOf, LIMITS, type Note, type NoteColor, type NotePatch } from '../../notes/model';
import { ColorSwatches, colorLabel } from '../passage/ColorSwatches';
import { errorText } from '../passage/PassageEditor';

// One note of the notes page: what it is about (an entity, or a passage with its quote and page),
// the body, tags and color; Edit (body, tags, color) and Delete (the page offers Undo). Everything is
// rendered as text; a link is made only for http(s) pages.

export interface NoteItemProps {
  lang: UiLang;
  note: Note;
  /** Display name of the note's entity (entity notes). */
  entityName?: string;
  onSave(patch: NotePatch): Promise<void>;
  onDelete(): Promise<void>;
  /** The note was deleted elsewhere while being edited here: shown from the page's copy, Save re-adds it. */
  gone?: boolean;
  /** Editing started (with the note as it was) or ended; the page keeps a deleted note's editor. */
  onEditing?(base: Note | null): void;
}

/** Changed by someone else since `base` (re-anchoring a passage is not a change to the reader). */
function differs(note: Note, base: Note): boolean {
  return (
    note.updated !== base.updated ||
    note.body !== base.body ||
    note.color !== base.color ||
    note.tags.join('\n') !== base.tags.join('\n')
  );
}

const dateTimeFormats = new Map<UiLang, Intl.DateTimeFormat>();

/** Local date and time of an ISO instant, in the interface language. */
export function formatDateTime(iso: string, lang: UiLang): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  let fmt = dateTimeFormats.get(lang);
  if (!fmt)
    dateTimeFormats.set(lang, (fmt = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' })));
  return fmt.format(d);
}

/** Tags typed as one line: split on Latin or Arabic commas, trimmed, empties and repeats dropped. */
export function parseTags(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(/[,،]/)) {
    const tag = raw.trim();
    if (tag && !out.includes(tag)) out.push(tag);
  }
  return out;
}

function webLink(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

export function NoteItem({ lang, note, entityName, onSave, onDelete, gone, onEditing }: NoteItemProps) {
  const [editing, setEditingState] = useState(false);
  // The note as it was when editing started: what the draft is based on.
  const [base, setBase] = useState<Note | null>(null);
  const [body, setBody] = useState(note.body);
  const [tags, setTags] = useState(note.tags.join(', '));
  const [color, setColor] = useState<NoteColor>(note.color);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const area = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (editing) area.current?.focus();
  }, [editing]);

  function setEditing(on: boolean) {
    setEditingState(on);
    setBase(on ? note : null);
    onEditing?.(on ? note : null);
  }

  function start() {
    setBody(note.body);
    setTags(note.tags.join(', '));
    setColor(note.color);
    setError(null);
    setEditing(true);
  }

  // Changed or deleted elsewhere while the reader types: say so, keep the draft. Saving is the
  // reader's choice and the last write wins; never while our own save is on its way back.
  const conflict =
    editing && !busy ? (gone ? 'deletedElsewhere' : base && differs(note, base) ? 'changedElsewhere' : null) : null;

  async function save() {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await onSave({ body: body.trim(), tags: parseTags(tags), color });
      setEditing(false);
    } catch (e) {
      setError(errorText(lang, e)); // the draft stays as typed
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    setError(null);
    try {
      await onDelete();
    } catch (e) {
      setError(errorText(lang, e));
    }
  }

  const link = note.kind === 'passage' ? webLink(note.target.url) : null;
  const site = note.kind === 'passage' ? hostOf(note.target.url) : '';
  const tagsId = `tags-${note.id}`;

  return (
    <li
      class="np-note"
      style={{ '--np-note-color': `var(--note-${note.color})` }}
      data-testid="note-item"
      data-note-id={note.id}
    >
      <div class="np-note-head">
        <span class={`np-dot np-swatch-${note.color}`} title={colorLabel(lang, note.color)} aria-hidden="true" />
        <span class="np-kind">{t(lang, note.kind === 'entity' ? 'kind_entity' : 'kind_passage')}</span>
        {note.kind === 'entity' ? (
          <span class="np-subject" dir="auto">
            {entityName ?? note.entityId}
          </span>
        ) : link ? (
          <a class="np-subject" href={link} target="_blank" rel="noopener noreferrer" dir="auto">
            {note.target.title || site || note.target.url}
          </a>
        ) : (
          <span class="np-subject" dir="auto">
            {note.target.title || note.target.url}
          </span>
        )}
        {site && <span class="np-site">{site}</span>}
      </div>
      {note.kind === 'passage' && (
        <blockquote class="np-quote" dir="auto">
          {note.target.quote.exact}
        </blockquote>
      )}
      {error && (
        <p class="np-error" role="alert">
          {error}
        </p>
      )}
      {conflict && (
        <p class="np-banner" role="alert" data-testid="note-conflict">
          {t(lang, conflict)}
        </p>
      )}
      {editing ? (
        <div class="np-edit">
          <textarea
            ref={area}
            value={body}
            maxLength={LIMITS.body}
            aria-label={t(lang, 'noteLabel')}
            placeholder={t(lang, 'notePlaceholder')}
            dir="auto"
            onInput={(e) => setBody(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                void save();
              }
            }}
          />
          <label class="np-field" for={tagsId}>
            <span>{t(lang, 'tags')}</span>
            <input
              id={tagsId}
              type="text"
              value={tags}
              dir="auto"
              placeholder={t(lang, 'tagsHint')}
              onInput={(e) => setTags(e.currentTarget.value)}
            />
          </label>
          <ColorSwatches lang={lang} value={color} onChange={setColor} swatchClass="np-swatch" />
          <div class="np-row">
            <button type="button" class="np-btn np-primary" disabled={busy} onClick={() => void save()}>
              {t(lang, 'save')}
            </button>
            <button type="button" class="np-btn" onClick={() => setEditing(false)}>
              {t(lang, 'cancel')}
            </button>
          </div>
        </div>
      ) : (
        <>
          <p class="np-body" dir="auto">
            {note.body || t(lang, 'noBody')}
          </p>
          {note.tags.length > 0 && (
            <ul class="np-tags" aria-label={t(lang, 'tags')}>
              {note.tags.map((tag) => (
                <li key={tag} class="np-tag" dir="auto">
                  {tag}
                </li>
              ))}
            </ul>
          )}
          <div class="np-row">
            <time class="np-date" dateTime={note.updated}>
              {tf(lang, 'updatedAt', { date: formatDateTime(note.updated, lang) })}
            </time>
            <button type="button" class="np-btn np-quiet" onClick={start}>
              {t(lang, 'edit')}
            </button>
            <button type="button" class="np-btn np-quiet" onClick={() => void remove()}>
              {t(lang, 'delete')}
            </button>
          </div>
        </>
      )}
    </li>
  );
}
