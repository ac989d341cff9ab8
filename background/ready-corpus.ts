// What the background holds before it answers anything: the opened index (engine/corpus.ts), the
// alias index pages look their vocabulary up in, and the story context same-story matching scores
// against. Free of extension APIs, so the benchmark measures exactly this path in a plain page.
import { createAliasIndex } from '../engine/alias-lookup';
import { openCorpus, type Corpus } from '../engine/corpus';
import type { ReadFile } from '../engine/index-format';
import { storyContext, type StoryContext } from '../engine/story';

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
