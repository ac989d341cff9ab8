import { defineExtensionMessaging } from '@webext-core/messaging';
import type { EntityType, Gazetteer } from '../engine/types';
import type { PageFeatures } from '../engine/story';

// The one message contract between content scripts, extension pages and the background.
// Every request is validated in the background (background/validate.ts) before it is handled:
// these types describe the honest sender, not what actually arrives.

export interface Hello {
  /** Version of the extension that answered. */
  version: string;
  /** Version of the compiled corpus index. */
  indexVersion: number;
  articles: number;
  entities: number;
}

/** Where the corpus mentions an entity: one sentence of one article. */
export interface CorpusMention {
  articleId: string;
  title: string;
  date: string | null;
  lang: string;
  sentence: string;
  /** The mention inside `sentence` (UTF-16 offsets). */
  markStart: number;
  markEnd: number;
}

export interface EntitySummary {
  id: string;
  type: EntityType;
  names: Record<string, string>;
}

/** Everything a hover card shows about an entity, except the reader's notes. */
export interface EntityCard extends EntitySummary {
  gloss: Record<string, string>;
  /** Most relevant first: the current page's same-story article, then by date, newest first. */
  mentions: CorpusMention[];
  /** Total mentions in the corpus (`mentions` is capped). */
  mentionCount: number;
  related: EntitySummary[];
}

export interface StoryMatch {
  articleId: string;
  title: string;
  date: string | null;
  score: number;
  sameStory: boolean;
}

/** What the content script found on its page (the popup shows it). */
export interface PageSummary {
  active: boolean;
  entities: { id: string; type: EntityType; names: Record<string, string>; count: number }[];
  story: StoryMatch | null;
}

export interface ArticleView {
  id: string;
  title: string;
  lang: string;
  date: string | null;
  source: string | null;
  url: string | null;
  text: string;
}

export interface CorpusOverview {
  articles: Omit<ArticleView, 'text'>[];
  /** Every entity with the articles that mention it. */
  entities: (EntitySummary & { gloss: Record<string, string>; articleIds: string[]; count: number })[];
}

export interface ProtocolMap {
  // Any of our contexts → background.
  /** Liveness + what the background holds. */
  hello(data: { url: string }): Hello;
  /** The lookup tables a page is recognized with. */
  getGazetteer(): Gazetteer;
  getEntityCard(data: { entityId: string; storyArticleId?: string | null }): EntityCard;
  /** Scores the page against the corpus; the background also sets the tab's badge. */
  matchStory(data: { url: string; features: PageFeatures }): StoryMatch | null;
  openReader(data: { articleId?: string; entityId?: string }): void;

  // Extension pages → background.
  getCorpusOverview(): CorpusOverview;
  getArticle(data: { articleId: string }): ArticleView;

  // Background or popup → content script of a tab.
  pageSummary(): PageSummary;
  nextEntity(data: { direction: 1 | -1 }): void;
  scrollToEntity(data: { entityId: string }): void;
}

// The library logs every message to the console by default; a reader's console is not ours.
const noop = () => {};
const quiet = { debug: noop, log: noop, warn: noop, error: noop };

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>({ logger: quiet });
