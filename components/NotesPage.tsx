import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { MAX_ENTITY_IDS, sendMessage, type EntitySummary } from '../messaging/protocol';
import { dirOf, t, tf, type UiLang } from '../i18n/strings';
import type { Note, NoteFilter, NotePatch } from '../notes/model';
import { UNDO_MS } from './card/CardNotes';
import { NoteItem } from './notes/NoteItem';
import { NoteFilters } from './notes/NoteFilters';
import { ExportImport } from './notes/ExportImport';
import { PersistNotice } from './notes/PersistNotice';
import { ShowMore } from './notes/ShowMore';
import { useNotesList } from './notes/use-notes-list';
import type { NotesHealth } from '../notes/store';
import './notes.css';
import { useSettings } from './use-settings';

// The notes page (notes.html): every note, newest first; search (the background's Arabic-aware term
// index) and filters; edit and delete with undo; export and import. The background owns the
// database: every change goes through a message, and the list is queried again after each write and
// whenever the page becomes visible (notes may have been added on a news page meanwhile).
// Arabic or English interface (RTL) following the language setting; light and dark.

const SEARCH_DELAY_MS = 200;

function displayName(entity: EntitySummary | undefined, lang: UiLang): string | undefined {
  if (!entity) return undefined;
  return entity.names[lang] ?? entity.names.en ?? Object.values(entity.names)[0];
}

export function NotesPage() {
  const { lang } = useSettings();
  const [input, setInput] = useState('');
  const [query, setQuery] = useState('');
  const [filter, setFilter] = useState<NoteFilter>({});
  const [entities, setEntities] = useState<Map<string, EntitySummary>>(new Map());
  const [deleted, setDeleted] = useState<Note | null>(null);
  const [health, setHealth] = useState<NotesHealth | null>(null);
  // Notes open in an editor, as they were when editing started: one deleted elsewhere meanwhile
  // stays on screen with its draft (NoteItem `gone`), so nothing the reader typed disappears.
  const [editingNotes, setEditingNotes] = useState<ReadonlyMap<string, Note>>(new Map());
  const editingRef = useRef(editingNotes);
  editingRef.current = editingNotes;
  const editingIds = useCallback(() => [...editingRef.current.keys()], []);
  const list = useNotesList(query, filter, editingIds);
  const { shown } = list;

  const dir = dirOf(lang);
  useEffect(() => {
    document.title = `${t(lang, 'appName')} — ${t(lang, 'notesPage')}`;
  }, [lang]);

  // A database from a newer Hashiya: read-only here, said once at the top (notes/newer-db.ts).
  useEffect(() => {
    sendMessage('notesHealth').then(setHealth, () => {});
  }, []);

  // Typing: query the index once the reader pauses.
  useEffect(() => {
    if (input === query) return;
    const timer = setTimeout(() => setQuery(input), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [input, query]);

  // A User Timing mark once a list is on screen (effects run after the paint): the notes-at-scale
  // benchmark reads first paint and search latency from it.
  useEffect(() => {
    if (shown) performance.mark?.('hashiya:notes-listed', { detail: { query: list.listedQuery, count: shown.length } });
  }, [shown]);

  // Names of the entities the notes are about (the list and the entity filter).
  useEffect(() => {
    const ids = new Set(list.facets.entityIds);
    for (const n of shown ?? []) if (n.kind === 'entity') ids.add(n.entityId);
    const missing = [...ids].filter((id) => !entities.has(id));
    if (!missing.length) return;
    let live = true;
    sendMessage('getEntities', { ids: missing.slice(0, MAX_ENTITY_IDS) }).then(
      (found) => {
        if (!live) return;
        setEntities((prev) => {
          const next = new Map(prev);
          for (const e of found) next.set(e.id, e);
          for (const id of missing) if (!next.has(id)) next.set(id, { id, type: 'other', names: {} });
          return next;
        });
      },
      () => {},
    );
    return () => {
      live = false;
    };
  }, [list.facets, shown]);

  useEffect(() => {
    if (!deleted) return;
    const timer = setTimeout(() => setDeleted(null), UNDO_MS);
    return () => clearTimeout(timer);
  }, [deleted]);

  const entityName = useCallback((id: string) => displayName(entities.get(id), lang) ?? id, [entities, lang]);
  const load = list.reload;

  const onEditing = useCallback((id: string, base: Note | null) => {
    setEditingNotes((prev) => {
      const next = new Map(prev);
      if (base) next.set(id, base);
      else next.delete(id);
      return next;
    });
  }, []);

  async function save(note: Note, patch: NotePatch, gone: boolean) {
    if (gone) {
      // Deleted elsewhere while edited here: the reader chose to keep it, as a new note.
      const common = { body: patch.body ?? note.body, tags: patch.tags ?? note.tags, color: patch.color ?? note.color };
      const again =
        note.kind === 'entity'
          ? { kind: 'entity' as const, entityId: note.entityId, ...common }
          : { kind: 'passage' as const, target: note.target, ...common };
      await sendMessage('addNote', { url: location.href, note: again });
    } else {
      const updated = await sendMessage('updateNote', { url: location.href, id: note.id, patch });
      if (!updated) throw new Error('that note no longer exists');
    }
    await load();
  }

  async function remove(note: Note) {
    const removed = await sendMessage('deleteNote', { url: location.href, id: note.id });
    if (removed) setDeleted(removed);
    await load();
  }

  async function undo() {
    const note = deleted;
    setDeleted(null);
    if (!note) return;
    try {
      await sendMessage('restoreNote', { url: location.href, note });
    } finally {
      await load();
    }
  }

  // Notes being edited that the list does not hold (deleted elsewhere, or scrolled past the page's
  // length by newer notes) go first: one keyed array, so an item moving keeps its editor state.
  const shownIds = new Set((shown ?? []).map((n) => n.id));
  const extra = [...editingNotes.values()]
    .filter((n) => !shownIds.has(n.id))
    .map((base) => {
      const gone = list.asked.has(base.id) && !list.pinned.has(base.id);
      return { note: gone ? base : (list.pinned.get(base.id) ?? base), gone };
    });
  const item = (note: Note, gone: boolean) => (
    <NoteItem
      key={note.id}
      lang={lang}
      note={note}
      gone={gone}
      entityName={note.kind === 'entity' ? entityName(note.entityId) : undefined}
      onSave={(patch) => save(note, patch, gone)}
      onDelete={() => remove(note)}
      onEditing={(base) => onEditing(note.id, base)}
    />
  );
  const empty = list.all === 0 ? t(lang, 'noNotes') : t(lang, 'noNotesMatch');
  const rest = shown ? list.total - shown.length : 0;

  return (
    <div class="np" dir={dir} lang={lang}>
      <header class="np-header">
        <h1>{t(lang, 'yourNotes')}</h1>
        {shown && <p class="np-muted">{tf(lang, 'noteCount', { n: list.total })}</p>}
      </header>
      {health?.newerVersion != null && (
        <div class="np-banner" role="alert" data-testid="newer-database">
          <p>{t(lang, 'newerDatabase')}</p>
          {health.unreadable > 0 && <p>{tf(lang, 'newerUnreadable', { n: health.unreadable })}</p>}
        </div>
      )}
      <PersistNotice lang={lang} className="np-banner" />
      <div class="np-layout">
        <main class="np-main">
          <NoteFilters
            lang={lang}
            query={input}
            onQuery={setInput}
            filter={filter}
            onFilter={setFilter}
            facets={list.facets}
            entityName={entityName}
          />
          {list.failed && (
            <p class="np-error" role="alert">
              {t(lang, 'listFailed')}{' '}
              <button type="button" class="np-btn" onClick={() => void load()}>
                {t(lang, 'retry')}
              </button>
            </p>
          )}
          {shown === null ? (
            !list.failed && <p class="np-muted">{t(lang, 'loading')}</p>
          ) : shown.length || extra.length ? (
            <>
              <ul class="np-list">
                {[...extra.map((x) => item(x.note, x.gone)), ...shown.map((note) => item(note, false))]}
              </ul>
              {rest > 0 && <ShowMore lang={lang} rest={rest} onMore={list.more} />}
            </>
          ) : (
            <p class="np-muted">{empty}</p>
          )}
        </main>
        <aside class="np-side">
          <ExportImport lang={lang} lastExport={list.lastExport} onChanged={() => void load()} />
        </aside>
      </div>
      <div class="np-toast-live" role="status">
        {deleted && (
          <div class="np-toast">
            <span>{t(lang, 'deleted')}</span>
            <button type="button" class="np-btn" onClick={() => void undo()}>
              {t(lang, 'undo')}
            </button>
          </div>
        )}
      </div>
    </div>
  );
}
