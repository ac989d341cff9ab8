// What the background holds before it answers anything: the opened index (engine/index/corpus.ts), the
// alias index pages look their vocabulary up in, and the story context same-story matching scores
// against. Free of extension APIs, so the benchmark measures exactly this path in a plain page.
import { createAliasIndex } from '../engine/match/alias-lookup';
import { openCorpus, type Corpus } from '../engine/index/corpus';
import type { ReadFile } from '../engine/index/index-format';
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

export async function openReadyCorpus(read: ReadFile): Promise<ReadyCorpus> {
  return readyCorpus(await openCorpus(read));
}
