import type { CorpusMention } from '../../messaging/protocol';
import { t, tf, type UiLang } from '../../i18n/page-strings';

// "In the corpus": where the corpus mentions the entity. Corpus text is rendered as TEXT children
// (Preact makes text nodes of strings), never as HTML: the sentence is plain text and the mark is
// built from offsets, so nothing in the corpus can ever become markup on someone's page.

export const MAX_MENTIONS = 3;

const dateFormats = new Map<UiLang, Intl.DateTimeFormat>();

/** A corpus date (YYYY-MM-DD) or ISO instant, in the UI language; null stays null. */
export function formatDate(date: string | null | undefined, lang: UiLang): string | null {
  if (!date) return null;
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  // A bare day is a calendar date, not an instant: format it in UTC so no time zone shifts it.
  const d = day ? new Date(Date.UTC(+day[1], +day[2] - 1, +day[3])) : new Date(date);
  if (Number.isNaN(d.getTime())) return date;
  let fmt = dateFormats.get(lang);
  if (!fmt) dateFormats.set(lang, (fmt = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' })));
  return fmt.format(d);
}

/** `sentence` with [start, end) wrapped in <mark>; bad offsets leave the sentence unmarked. */
export function MarkedSentence({ text, start, end }: { text: string; start: number; end: number }) {
  const s = Math.max(0, Math.min(start, text.length));
  const e = Math.max(s, Math.min(end, text.length));
  if (e === s) return <>{text}</>;
  return (
    <>
      {text.slice(0, s)}
      <mark>{text.slice(s, e)}</mark>
      {text.slice(e)}
    </>
  );
}

interface Props {
  lang: UiLang;
  mentions: CorpusMention[];
  /** Articles that name the entity: those not shown are counted, never listed. */
  articleCount?: number;
  onOpenArticle(articleId: string): void;
}

/** Outlets shown by name on a wire-copy line; the rest are counted. */
const MAX_SOURCES = 4;

/** "Also in: SPA, Okaz, Al Riyadh +3": the other outlets that printed the same sentence. */
function Copies({ lang, of }: { lang: UiLang; of: CorpusMention }) {
  const copies = of.copies ?? [];
  if (!copies.length) return null;
  const names = [...new Set(copies.map((c) => c.source ?? c.title))];
  const shown = names.slice(0, MAX_SOURCES).join(lang === 'ar' ? '، ' : ', ');
  const more = names.length > MAX_SOURCES ? ` +${new Intl.NumberFormat(lang).format(names.length - MAX_SOURCES)}` : '';
  return (
    <p class="hs-copies" dir="auto">
      {`${t(lang, 'alsoIn')}: ${shown}${more}`}
    </p>
  );
}

/** Mentions grouped by article, in the order the background ranked them: a title once, its lines under it. */
function byArticle(mentions: CorpusMention[]): CorpusMention[][] {
  const groups = new Map<string, CorpusMention[]>();
  for (const m of mentions) {
    const list = groups.get(m.articleId);
    if (list) list.push(m);
    else groups.set(m.articleId, [m]);
  }
  return [...groups.values()];
}

export function CorpusMentions({ lang, mentions, articleCount = 0, onOpenArticle }: Props) {
  if (!mentions.length) return <p class="hs-status">{t(lang, 'notInCorpus')}</p>;
  const shown = mentions.slice(0, MAX_MENTIONS);
  const seen = new Set(shown.flatMap((m) => [m.articleId, ...(m.copies ?? []).map((c) => c.articleId)]));
  const rest = articleCount - seen.size;
  return (
    <>
      <ul>
        {byArticle(shown).map((group) => {
          const first = group[0];
          const date = formatDate(first.date, lang);
          return (
            <li class="hs-mention" key={first.articleId}>
              <button
                type="button"
                class="hs-link"
                lang={first.lang}
                dir="auto"
                onClick={() => onOpenArticle(first.articleId)}
              >
                {first.title}
              </button>
              {date && (
                <time class="hs-date" dateTime={first.date ?? undefined}>
                  {date}
                </time>
              )}
              {group.map((m, i) => (
                <div key={i}>
                  <p class="hs-sentence" lang={m.lang} dir="auto">
                    <MarkedSentence text={m.sentence} start={m.markStart} end={m.markEnd} />
                  </p>
                  <Copies lang={lang} of={m} />
                </div>
              ))}
            </li>
          );
        })}
      </ul>
      {rest > 0 && <p class="hs-more">{tf(lang, 'moreArticles', { n: new Intl.NumberFormat(lang).format(rest) })}</p>}
    </>
  );
}
