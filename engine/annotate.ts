// Text → what Hashiya knows about it: entity mentions and story matches, against a compiled
// index. Used by `npm run annotate` and the evaluation tests; the extension runs the same steps
// split between content script (matching, features) and background (story scores).
import type { Corpus } from './index/corpus';
import { detectLang } from './text/lang';
import { createMatcher } from './match/matcher';
import { recognizeText } from './match/recognize-text';
import { extractFeatures, scoreStories, storyContext, type StoryContext } from './story/story';
import type { EntityType } from './types';

export interface AnnotatedMention {
  entityId: string;
  label: string;
  type: EntityType;
  surface: string;
  start: number;
  end: number;
}

export interface AnnotatedStory {
  articleId: string;
  title: string;
  score: number;
  sameStory: boolean;
}

export interface Annotation {
  stories: AnnotatedStory[];
  mentions: AnnotatedMention[];
}

/** How many story matches a caller gets: the best few, not the whole corpus. */
const MAX_STORIES = 10;

export function createAnnotator(corpus: Corpus) {
  const matcher = createMatcher(corpus.gazetteer);
  let ctx: Promise<StoryContext> | null = null; // the story file is read for the first text only
  return async (text: string, published?: string | null, title?: string | null): Promise<Annotation> => {
    const found = recognizeText(matcher, text, published ?? null);
    const features = extractFeatures(
      text,
      detectLang(text),
      found.map((m) => m.entity),
      published,
      title ?? undefined,
    );
    const stories = await Promise.all(
      scoreStories(
        features,
        await (ctx ??= corpus.stories().then((t) => storyContext(t, corpus.gazetteer.entityTypes))),
      )
        .slice(0, MAX_STORIES)
        .map(async (s) => {
          const article = await corpus.article(s.article);
          return { articleId: article.id, title: article.title, score: s.score, sameStory: s.sameStory };
        }),
    );
    const mentions = found.map((m) => {
      const e = corpus.entities[m.entity];
      return { entityId: e.id, label: e.names.en, type: e.type, surface: m.surface, start: m.start, end: m.end };
    });
    return { stories, mentions };
  };
}
