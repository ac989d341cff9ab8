import { dirOf, t, type UiLang } from '../../i18n/page-strings';
import { formatDate } from '../card/CorpusMentions';

// "This page tells the same story as a corpus article": a small status message in the bottom corner
// on the inline-end side (bottom-right in English, bottom-left in Arabic, through `inset-inline-end`
// and the notice's own `dir`). It never takes focus; the reader may open or dismiss it.

export interface SameStoryNoticeProps {
  lang: UiLang;
  title: string;
  date: string | null;
  onOpen(): void;
  onDismiss(): void;
}

export function SameStoryNotice({ lang, title, date, onOpen, onDismiss }: SameStoryNoticeProps) {
  const when = formatDate(date, lang);
  return (
    <div class="hs-notice" role="status" dir={dirOf(lang)} lang={lang}>
      <button type="button" class="hs-close" aria-label={t(lang, 'dismiss')} onClick={onDismiss}>
        ×
      </button>
      <p class="hs-notice-label">{t(lang, 'sameStory')}</p>
      <p class="hs-notice-title" dir="auto">
        {title}
      </p>
      {when && (
        <time class="hs-date" dateTime={date ?? undefined}>
          {when}
        </time>
      )}
      <div class="hs-row">
        <button type="button" class="hs-btn hs-primary" onClick={onOpen}>
          {t(lang, 'openInReader')}
        </button>
      </div>
    </div>
  );
}
