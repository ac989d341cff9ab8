// The corpus reader: every corpus article with its entities marked exactly as on a news page (the
// same mark session and hover card), and an index of all entities. A new user can try Hashiya here
// without visiting any site. Routes: #article=<id>, #entity=<id>.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { sendMessage, type ArticleView, type CorpusOverview } from '../messaging/protocol';
import type { Settings } from '../settings/settings';
import { t, typeLabel, type UiLang } from '../i18n/strings';
import { useSettings } from './use-settings';
import { formatDate } from './card/CorpusMentions';
import { ENTITY_TYPES } from '../engine/types';
import { attachMarks } from '../page/reader-marks';
import './reader.css';

type Route = { article?: string; entity?: string };

function readRoute(): Route {
  const params = new URLSearchParams(location.hash.slice(1));
  return { article: params.get('article') ?? undefined, entity: params.get('entity') ?? undefined };
}

export function ReaderPage() {
  const [overview, setOverview] = useState<CorpusOverview | null>(null);
  const [route, setRoute] = useState<Route>(readRoute);
  const { settings, lang } = useSettings();
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    sendMessage('getCorpusOverview').then(setOverview, (e: Error) => setError(e.message));
    const onHash = () => setRoute(readRoute());
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);

  if (error) return <p role="alert">{error}</p>;
  if (!overview || !settings) return <p aria-busy="true">…</p>;
  const articleId = route.article ?? (route.entity ? undefined : overview.articles[0]?.id);

  return (
    <div class="reader">
      <nav class="reader-nav" aria-label={t(lang, 'corpusReader')}>
        <h1>
          {t(lang, 'appName')} · {t(lang, 'corpusReader')}
        </h1>
        <ul class="article-list">
          {overview.articles.map((a) => (
            <li key={a.id}>
              <a
                href={`#article=${encodeURIComponent(a.id)}`}
                aria-current={a.id === articleId ? 'page' : undefined}
                lang={a.lang}
                dir="auto"
              >
                {a.title}
              </a>
              {a.date && <small> · {formatDate(a.date, lang)}</small>}
            </li>
          ))}
        </ul>
        <EntityIndex overview={overview} lang={lang} selected={route.entity} />
      </nav>
      <main class="reader-main">
        {articleId ? (
          <Article id={articleId} lang={lang} settings={settings} />
        ) : (
          <EntityDetail overview={overview} id={route.entity!} lang={lang} />
        )}
      </main>
    </div>
  );
}

function Article({ id, lang, settings }: { id: string; lang: UiLang; settings: Settings }) {
  const [article, setArticle] = useState<ArticleView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const body = useRef<HTMLDivElement>(null);

  useEffect(() => {
    setArticle(null);
    sendMessage('getArticle', { articleId: id }).then(setArticle, (e: Error) => setError(e.message));
  }, [id]);

  useEffect(() => {
    if (!article || !body.current) return;
    return attachMarks(body.current, settings, lang);
  }, [article, settings.markStyle, settings.types.join(), lang]);

  if (error) return <p role="alert">{error}</p>;
  if (!article) return <p aria-busy="true">…</p>;
  const [title, ...paragraphs] = article.text.split('\n');
  return (
    <article lang={article.lang} dir="auto" ref={body} data-testid="reader-article">
      <h2>{title}</h2>
      <p class="meta">
        {[article.date && formatDate(article.date, lang), article.source, article.url].filter(Boolean).join(' · ')}
      </p>
      {paragraphs.map((p, i) => (
        <p key={i}>{p}</p>
      ))}
    </article>
  );
}

function EntityIndex({ overview, lang, selected }: { overview: CorpusOverview; lang: UiLang; selected?: string }) {
  const groups = useMemo(
    () =>
      ENTITY_TYPES.map((type) => ({
        type,
        entities: overview.entities.filter((e) => e.type === type && e.count > 0).sort((a, b) => b.count - a.count),
      })).filter((g) => g.entities.length),
    [overview],
  );
  return (
    <section class="entity-index" aria-label={t(lang, 'entities')}>
      {groups.map((g) => (
        <div key={g.type}>
          <h2>{typeLabel(lang, g.type)}</h2>
          <ul>
            {g.entities.map((e) => (
              <li key={e.id}>
                <a href={`#entity=${encodeURIComponent(e.id)}`} aria-current={e.id === selected ? 'page' : undefined}>
                  {e.names[lang] ?? e.names.en}
                </a>{' '}
                <small>({e.count})</small>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

function EntityDetail({ overview, id, lang }: { overview: CorpusOverview; id: string; lang: UiLang }) {
  const entity = overview.entities.find((e) => e.id === id);
  if (!entity) return <p role="alert">{id}</p>;
  const other: UiLang = lang === 'ar' ? 'en' : 'ar';
  return (
    <section data-testid="reader-entity">
      <h2>
        {entity.names[lang]} <small lang={other}>{entity.names[other]}</small>
      </h2>
      <p>
        {typeLabel(lang, entity.type)} — {entity.gloss[lang] ?? entity.gloss.en}
      </p>
      <h3>{t(lang, 'inCorpus')}</h3>
      <ul>
        {entity.articleIds.map((a) => {
          const article = overview.articles.find((x) => x.id === a);
          return (
            <li key={a}>
              <a href={`#article=${encodeURIComponent(a)}`} dir="auto">
                {article?.title ?? a}
              </a>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
