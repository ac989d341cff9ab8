import { useEffect, useRef } from 'preact/hooks';
import type { EntityCard, EntitySummary } from '../../messaging/protocol';
import { dirOf, t, typeLabel, type UiLang } from '../../i18n/page-strings';
import { CorpusMentions } from './CorpusMentions';
import { CardNotes, type CardNote } from './CardNotes';

// The hover card. Unpinned it is a `role="tooltip"` preview that never takes focus; pinned (click,
// Enter, tap) it is a non-modal dialog that receives focus. The dialog's label is referenced by id,
// which works because the heading lives in the same shadow root (ids cannot cross a shadow root).

export type { CardNote };

export const CARD_NAME_ID = 'hashiya-card-name';
export const MAX_RELATED = 6;

export interface HoverCardProps {
  /** null while loading. */
  card: EntityCard | null;
  /** The card could not be loaded (shown instead of the loading line). */
  failed?: boolean;
  lang: UiLang;
  pinned: boolean;
  notes: CardNote[];
  onOpenArticle(articleId: string): void;
  onOpenEntity(entityId: string): void;
  onAddNote(body: string): Promise<void>;
  onEditNote(id: string, body: string): Promise<void>;
  onDeleteNote(id: string): Promise<void>;
  onUndoDelete(): Promise<void>;
  onDisableSite?: () => void;
  onClose(): void;
}

const other = (lang: UiLang): UiLang => (lang === 'ar' ? 'en' : 'ar');

/** The value in the UI language, else in the other one, else any. */
function pick(values: Record<string, string>, lang: UiLang): [string, string] | null {
  for (const l of [lang, other(lang), ...Object.keys(values)]) if (values[l]) return [l, values[l]];
  return null;
}

export function nameOf(e: EntitySummary, lang: UiLang): string {
  return pick(e.names, lang)?.[1] ?? e.id;
}

export function HoverCard(props: HoverCardProps) {
  const { card, lang, pinned } = props;
  const root = useRef<HTMLDivElement>(null);

  // Focus moves in on pin (and on mount when opened pinned); a tooltip never takes focus.
  useEffect(() => {
    if (pinned) root.current?.focus({ preventScroll: true });
  }, [pinned]);

  return (
    <div
      ref={root}
      class="hs-card"
      dir={dirOf(lang)}
      lang={lang}
      role={pinned ? 'dialog' : 'tooltip'}
      aria-modal={pinned ? 'false' : undefined}
      aria-labelledby={pinned && card ? CARD_NAME_ID : undefined}
      aria-label={pinned && !card ? t(lang, 'appName') : undefined}
      aria-busy={card ? undefined : 'true'}
      tabIndex={pinned ? -1 : undefined}
    >
      {pinned && (
        <button type="button" class="hs-close" aria-label={t(lang, 'close')} onClick={props.onClose}>
          ×
        </button>
      )}
      {card ? <Body {...props} card={card} /> : <Loading lang={lang} failed={props.failed} />}
      {props.onDisableSite && (
        <div class="hs-footer">
          <button type="button" class="hs-btn hs-quiet" onClick={props.onDisableSite}>
            {t(lang, 'turnOffSite')}
          </button>
        </div>
      )}
    </div>
  );
}

function Loading({ lang, failed }: { lang: UiLang; failed?: boolean }) {
  return failed ? <p class="hs-error">{t(lang, 'loadFailed')}</p> : <p class="hs-status">{t(lang, 'loading')}</p>;
}

function Body(props: HoverCardProps & { card: EntityCard }) {
  const { card, lang } = props;
  const name = pick(card.names, lang);
  const alt = card.names[other(lang)];
  const gloss = pick(card.gloss, lang);
  const count = new Intl.NumberFormat(lang).format(card.mentionCount);
  return (
    <>
      <h2 id={CARD_NAME_ID} class="hs-name" lang={name?.[0]} dir="auto">
        {name?.[1] ?? card.id}
      </h2>
      {alt && alt !== name?.[1] && (
        <p class="hs-alt" lang={other(lang)} dir={dirOf(other(lang))}>
          {alt}
        </p>
      )}
      <p class="hs-type">{typeLabel(lang, card.type)}</p>
      {gloss && (
        <p class="hs-gloss" lang={gloss[0]} dir="auto">
          {gloss[1]}
        </p>
      )}
      <section class="hs-section">
        <h3>
          {t(lang, 'inCorpus')}
          {card.mentionCount > 0 && ` · ${count}`}
        </h3>
        <CorpusMentions
          lang={lang}
          mentions={card.mentions}
          articleCount={card.articleCount}
          onOpenArticle={props.onOpenArticle}
        />
      </section>
      {card.related.length > 0 && (
        <section class="hs-section">
          <h3>{t(lang, 'related')}</h3>
          <ul class="hs-chips">
            {card.related.slice(0, MAX_RELATED).map((r) => (
              <li key={r.id}>
                <button type="button" class="hs-chip" onClick={() => props.onOpenEntity(r.id)}>
                  {nameOf(r, lang)}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <CardNotes
        lang={lang}
        notes={props.notes}
        onAdd={props.onAddNote}
        onEdit={props.onEditNote}
        onDelete={props.onDeleteNote}
        onUndo={props.onUndoDelete}
      />
    </>
  );
}
