import type { VirtualElement } from '@floating-ui/dom';
import { dirOf, t, type UiLang } from '../../i18n/page-strings';
import type { NoteColor, PassageNote } from '../../notes/model';
import { Floating, type FloatingProps } from '../card/Floating';
import { OrphanList } from './OrphanList';
import { PassageCard } from './PassageCard';
import { PassageEditor } from './PassageEditor';

// Everything the passage-notes feature shows on a page, in the UiHost's 'passage' slot: the
// "Add note" button at the end of a selection, the editor for a new note, the card of a highlighted
// passage, the list of notes that could not be placed, and the undo toast after a delete. The page
// side (page/passages/attach.ts and its parts) owns the state; this only draws it.

export interface PassageLayerProps {
  lang: UiLang;
  button: { anchor: VirtualElement; onClick(): void } | null;
  editor: {
    key: number;
    anchor: VirtualElement;
    quote: string;
    onSave(body: string, color: NoteColor): Promise<void>;
    onCancel(): void;
  } | null;
  card: {
    anchor: VirtualElement;
    note: PassageNote;
    pinned: boolean;
    /** Fading out after it closed. */
    closing: boolean;
    /** The card dispatcher's events of a card's element (hold open, pin on interaction, Esc). */
    events: Omit<FloatingProps, 'anchor' | 'children'>;
    elRef(el: HTMLElement | null): void;
    onSave(body: string, color: NoteColor): Promise<void>;
    onDelete(): Promise<void>;
    onClose(): void;
    onEditing(editing: boolean): void;
  } | null;
  orphans: {
    list: PassageNote[];
    open: boolean;
    onToggle(): void;
    onDismiss(): void;
    onDelete(id: string): void;
  } | null;
  toast: { onUndo(): void } | null;
}

/** Keep the page's selection when our button is pressed: no focus move, no selection change. */
const keepSelection = (e: Event) => e.preventDefault();

export function PassageLayer({ lang, button, editor, card, orphans, toast }: PassageLayerProps) {
  const dir = dirOf(lang);
  return (
    <>
      {button && !editor && (
        <Floating anchor={button.anchor} placement="bottom" gap={6} dir={dir} lang={lang}>
          <button
            type="button"
            class="hs-pbtn"
            onPointerDown={keepSelection}
            onMouseDown={keepSelection}
            onClick={button.onClick}
          >
            {t(lang, 'addNote')}
          </button>
        </Floating>
      )}
      {editor && (
        <Floating key={`editor-${editor.key}`} anchor={editor.anchor}>
          <div class="hs-card hs-passage-card" role="dialog" aria-label={t(lang, 'passageNote')} dir={dir} lang={lang}>
            <p class="hs-title">{t(lang, 'passageNote')}</p>
            <PassageEditor lang={lang} quote={editor.quote} onSave={editor.onSave} onCancel={editor.onCancel} />
          </div>
        </Floating>
      )}
      {card && !editor && (
        <Floating
          key={`card-${card.note.id}`}
          anchor={card.anchor}
          closing={card.closing}
          elRef={card.elRef}
          {...card.events}
        >
          <PassageCard
            lang={lang}
            note={card.note}
            pinned={card.pinned}
            onSave={card.onSave}
            onDelete={card.onDelete}
            onClose={card.onClose}
            onEditing={card.onEditing}
          />
        </Floating>
      )}
      {orphans && orphans.list.length > 0 && (
        <OrphanList
          lang={lang}
          orphans={orphans.list}
          open={orphans.open}
          onToggle={orphans.onToggle}
          onDismiss={orphans.onDismiss}
          onDelete={orphans.onDelete}
        />
      )}
      <div class="hs-ptoast-live" role="status">
        {toast && (
          <div class="hs-ptoast" dir={dir} lang={lang}>
            <div class="hs-row">
              <span>{t(lang, 'deleted')}</span>
              <button type="button" class="hs-btn" onClick={toast.onUndo}>
                {t(lang, 'undo')}
              </button>
            </div>
          </div>
        )}
      </div>
    </>
  );
}
