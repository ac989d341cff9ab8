// What the background builds on the opened index (engine/index/corpus.ts) before it answers a page's
// alias lookups and story matches: the alias index pages look their vocabulary up in, and the story
// context same-story matching scores against. The reader and the cards read the opened index alone
// (background/corpus.ts keeps the two stages apart). Free of extension APIs, so the benchmark
// measures exactly this path in a plain page.
import { createAliasIndex } from '../engine/match/alias-lookup';
import type { Corpus } from '../engine/index/corpus';
import { storyContext, type StoryContext } from '../engine/story/story';

export interface ReadyCorpus {
  corpus: Corpus;
  aliases: ReturnType<typeof createAliasIndex>;
  stories: StoryContext;
}

export function readyCorpus(corpus: Corpus): ReadyCorpus {
  return {
    corpus,
    aliases: createAliasIndex(corpus.gazetteer),
    stories: storyContext(corpus.stories, corpus.gazetteer.entityTypes),
  };
}
