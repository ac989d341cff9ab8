// The background's corpus stages (background/corpus.ts) over the shipped seeds compiled in memory,
// for tests that mock that module: vi.mock('../../background/corpus', () => seedStages()).
import { compileCorpus } from '../../../compiler/compile';
import { openCompiled } from '../../../compiler/memory-index';
import { readSeeds } from '../../../compiler/seeds';
import { aliasIndexOf, storyContextOf } from '../../../background/ready-corpus';

export function seedStages() {
  const opened = openCompiled(compileCorpus(readSeeds()));
  const aliases = opened.then(aliasIndexOf);
  const stories = opened.then(storyContextOf);
  return {
    openedCorpus: () => opened,
    loadAliases: () => aliases,
    loadStories: async () => ({ corpus: await opened, stories: await stories }),
  };
}
