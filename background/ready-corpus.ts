// What the background builds on the opened index (engine/index/corpus.ts) for pages: the alias index
// pages look their vocabulary up in, and the story context same-story matching scores against (its
// tables come from the story file, read on the first match). The reader and the cards read the
// opened index alone (background/corpus.ts keeps the stages apart). Free of extension APIs, so the
// benchmark measures exactly this path in a plain page.
import { createAliasIndex } from '../engine/match/alias-lookup';
import type { Corpus } from '../engine/index/corpus';
import { storyContext, type StoryContext } from '../engine/story/story';

export type AliasIndex = ReturnType<typeof createAliasIndex>;

export const aliasIndexOf = (corpus: Corpus): AliasIndex => createAliasIndex(corpus.gazetteer);

export async function storyContextOf(corpus: Corpus): Promise<StoryContext> {
  return storyContext(await corpus.stories(), corpus.gazetteer.entityTypes);
}
