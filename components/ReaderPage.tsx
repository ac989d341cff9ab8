// The corpus reader: every corpus article with its entities marked exactly as on a news page (the
// same mark session and hover card), and an index of all entities. A new user can try Hashiya here
// without visiting any site. Routes: #article=<id>, #entity=<id>. Lists of articles are virtual
// (components/reader/VirtualList.tsx): a corpus may hold 15,000 of them.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { sendMessage, type ArticleSummary, type ArticleView, type CorpusOverview } from '../messaging/protocol';
import { searchArticles, titleTerms } from './reader/article-search';
import { useCorpusOverview } from './reader/overview';
import { VirtualList } from './reader/VirtualList';
import type { Settings } from '../settings/settings';
import { t, tf, typeLabel, type UiLang } from '../i18n/strings';
import { useSettings } from './use-settings';
import { formatDate } from './card/CorpusMentions';
import { ENTITY_TYPES } from '../engine/types';
import { attachMarks } from '../page/marks/reader-marks';
import './reader.css';

type Route = { article?: string; entity?: string };

function readRoute(): Route {
  const params = new URLSearchParams(location.hash.slice(1));
  return { article: params.get('article') ?? undefined, entity: params.get('entity') ?? undefined };
}

export function ReaderPage() {
  const { overview, error } = useCorpusOverview();
  const [route, setRoute] = useState<Route>(readRoute);
  const { settings, lang } = useSettings();

  useEffect(() => {
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
        <ArticleList overview={overview} lang={lang} current={articleId} />
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

/** Height of one title row in the virtual lists (reader.css cuts titles to one line). */
const ROW = 44;

function ArticleRow({ a, lang, current }: { a: ArticleSummary; lang: UiLang; current?: string }) {
  return (
    <>
      <a
        href={`#article=${encodeURIComponent(a.id)}`}
        aria-current={a.id === current ? 'page' : undefined}
        lang={a.lang}
        dir="auto"
      >
        {a.title}
      </a>
      <small>{[a.date && formatDate(a.date, lang), a.source].filter(Boolean).join(' · ')}</small>
    </>
  );
}

/** A row whose article is not here yet: the first answer holds only the first screen's (reader/overview.ts). */
const PendingRow = () => <span aria-busy="true">…</span>;

/** Every article, virtualized, with an Arabic-aware search over titles and sources. */
function ArticleList({ overview, lang, current }: { overview: CorpusOverview; lang: UiLang; current?: string }) {
  const [query, setQuery] = useState('');
  // Terms are computed on the first search, not at first paint (and again when the whole list arrives).
  const terms = useMemo(() => (query.trim() ? titleTerms(overview.articles) : null), [overview, !query.trim()]);
  // Without a query, row i is article i: no list of 15,000 positions.
  const shown = useMemo(() => (terms ? searchArticles(terms, query) : null), [terms, query]);
  const article = current ? overview.articles.findIndex((a) => a.id === current) : -1;
  const at = shown && article >= 0 ? shown.indexOf(article) : article;
  const count = shown ? shown.length : overview.articleCount;
  return (
    <section class="article-list">
      <input
        type="search"
        class="article-search"
        dir="auto"
        placeholder={t(lang, 'searchArticles')}
        aria-label={t(lang, 'searchArticles')}
        value={query}
        onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)}
      />
      <p class="article-count" aria-live="polite">
        {tf(lang, 'articleCount', { n: new Intl.NumberFormat(lang).format(count) })}
      </p>
      <VirtualList
        count={count}
        rowHeight={ROW}
        height="45vh"
        label={t(lang, 'corpusReader')}
        scrollTo={at}
        row={(i) => {
          const a = overview.articles[shown ? shown[i] : i];
          return a ? <ArticleRow a={a} lang={lang} current={current} /> : <PendingRow />;
        }}
      />
    </section>
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
      <VirtualList
        count={entity.articles.length}
        rowHeight={ROW}
        height="70vh"
        label={t(lang, 'inCorpus')}
        row={(i) => {
          const article = overview.articles[entity.articles[i]];
          return article ? <ArticleRow a={article} lang={lang} /> : <PendingRow />;
        }}
      />
    </section>
  );
}
