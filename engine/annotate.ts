// Text → what Hashiya knows about it: entity mentions and story matches, against a compiled
// index. Used by `npm run annotate` and the evaluation tests; the extension runs the same steps
// split between content script (matching, features) and background (story scores).
import type { CorpusIndex } from './index-format';
import { detectLang } from './lang';
import { createMatcher } from './matcher';
import { documentFrequency, extractFeatures, scoreStories, type StoryContext } from './story';
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

export function storyContext(index: CorpusIndex): StoryContext {
  return {
    fingerprints: index.stories,
    entityTypes: index.gazetteer.entityTypes,
    documentFrequency: documentFrequency(index.stories, index.entities.length),
  };
}

/** How many story matches a caller gets: the best few, not the whole corpus. */
const MAX_STORIES = 10;

export function createAnnotator(index: CorpusIndex) {
  const matcher = createMatcher(index.gazetteer);
  const ctx = storyContext(index);
  return (text: string, published?: string | null): Annotation => {
    const found = matcher.match(text);
    const features = extractFeatures(
      text,
      detectLang(text),
      found.map((m) => m.entity),
      published,
    );
    const stories = scoreStories(features, ctx)
      .slice(0, MAX_STORIES)
      .map((s) => ({
        articleId: index.articles[s.article].id,
        title: index.articles[s.article].title,
        score: s.score,
        sameStory: s.sameStory,
      }));
    const mentions = found.map((m) => {
      const e = index.entities[m.entity];
      return { entityId: e.id, label: e.names.en, type: e.type, surface: m.surface, start: m.start, end: m.end };
    });
    return { stories, mentions };
  };
}
