import { t, tf, dirOf, type UiLang } from '../../i18n/page-strings';
import type { PassageNote } from '../../notes/model';

// Passage notes whose text is no longer found on the page: never dropped silently. A small status
// box in the bottom corner on the inline-start side (the same-story notice takes the other corner)
// that expands to each note's quote and body; it can be dismissed for this page view.

export interface OrphanListProps {
  lang: UiLang;
  orphans: PassageNote[];
  open: boolean;
  onToggle(): void;
  onDismiss(): void;
  onDelete(id: string): void;
}

export function OrphanList({ lang, orphans, open, onToggle, onDismiss, onDelete }: OrphanListProps) {
  const listId = 'hs-orphans-list';
  return (
    <div class="hs-orphans" role="status" dir={dirOf(lang)} lang={lang} data-open={open ? 'true' : 'false'}>
      <button type="button" class="hs-close" aria-label={t(lang, 'dismiss')} onClick={onDismiss}>
        ×
      </button>
      <div class="hs-orphans-head">
        <span>{tf(lang, 'orphansCount', { n: orphans.length })}</span>
        <button type="button" class="hs-btn" aria-expanded={open} aria-controls={listId} onClick={onToggle}>
          {t(lang, open ? 'hide' : 'show')}
        </button>
      </div>
      {open && (
        <div id={listId} class="hs-orphans-list">
          <p class="hs-status">{t(lang, 'orphansHint')}</p>
          <ul>
            {orphans.map((n) => (
              <li class="hs-note" key={n.id} data-note-id={n.id}>
                <p class="hs-quote" dir="auto">
                  {n.target.quote.exact}
                </p>
                <p class="hs-note-body" dir="auto">
                  {n.body || t(lang, 'noBody')}
                </p>
                <div class="hs-row">
                  <button type="button" class="hs-btn hs-quiet" onClick={() => onDelete(n.id)}>
                    {t(lang, 'delete')}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
