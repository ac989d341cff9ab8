import { t, typeLabel, type UiLang } from '../../i18n/strings';
import type { EntitySummary, PageSummary } from '../../messaging/protocol';
import { formatNumber } from './Preferences';

export type PageState =
  | { status: 'loading' }
  /** No content script of ours answers in the tab. */
  | { status: 'absent' }
  /** Ours is there but not marking (turned off, not an article…). */
  | { status: 'inactive' }
  | { status: 'ready'; summary: PageSummary; names: Map<string, EntitySummary> };

interface PageSectionProps {
  lang: UiLang;
  page: PageState;
  onEntity: (entityId: string) => void;
  onStory: (articleId: string) => void;
}

export function entityName(lang: UiLang, id: string, names: Record<string, string> | undefined): string {
  return names?.[lang] || names?.en || names?.ar || Object.values(names ?? {})[0] || id;
}

/** What the content script found on the current tab: its entities and the story match. */
export function PageSection({ lang, page, onEntity, onStory }: PageSectionProps) {
  return (
    <section class="page" aria-labelledby="page-heading">
      <h2 id="page-heading">{t(lang, 'onThisPage')}</h2>
      {page.status === 'loading' && <p class="muted">{t(lang, 'loading')}</p>}
      {(page.status === 'absent' || page.status === 'inactive') && (
        <p class="muted" data-testid="not-active">
          {t(lang, 'notActive')}
        </p>
      )}
      {page.status === 'ready' && <Found lang={lang} page={page} onEntity={onEntity} onStory={onStory} />}
    </section>
  );
}

function Found({
  lang,
  page,
  onEntity,
  onStory,
}: Omit<PageSectionProps, 'page'> & { page: Extract<PageState, { status: 'ready' }> }) {
  const entities = [...page.summary.entities].sort((a, b) => b.count - a.count);
  const story = page.summary.story;
  return (
    <>
      {entities.length === 0 ? (
        <p class="muted">{t(lang, 'nothingFound')}</p>
      ) : (
        <ul class="entities" data-testid="page-entities">
          {entities.map((e) => {
            const known = page.names.get(e.id);
            const name = entityName(lang, e.id, known?.names ?? e.names);
            return (
              <li key={e.id}>
                <button
                  type="button"
                  class={`entity type-${e.type}`}
                  data-entity-id={e.id}
                  title={t(lang, 'goToFirst')}
                  onClick={() => onEntity(e.id)}
                >
                  <bdi class="name">{name}</bdi>
                  <span class="type">{typeLabel(lang, e.type)}</span>
                  <span class="count" title={t(lang, 'mentionCount')}>
                    {formatNumber(lang, e.count)}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}

      <h3>{t(lang, 'storyMatch')}</h3>
      {story ? (
        <div class="story" data-testid="story-match">
          <p class="story-title">
            <bdi>{story.title}</bdi>
          </p>
          <p class="story-meta">
            <span>
              {t(lang, 'score')}: {formatNumber(lang, story.score, { style: 'percent', maximumFractionDigits: 0 })}
            </span>
            {story.sameStory && (
              <span class="badge" title={t(lang, 'sameStory')}>
                {t(lang, 'sameStoryBadge')}
              </span>
            )}
          </p>
          <button type="button" onClick={() => onStory(story.articleId)}>
            {t(lang, 'openInReader')}
          </button>
        </div>
      ) : (
        <p class="muted">{t(lang, 'noStory')}</p>
      )}
    </>
  );
}
