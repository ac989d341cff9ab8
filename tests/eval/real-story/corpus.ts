// The real-story corpus, the same for the evaluation test and the fit's feature dump: the whole
// SaudiNewsNet July slice (../shared, evaluation only) minus the pages of every pair set, compiled as the
// build compiles seed files (one record, one article), and a page's story features as the
// extension extracts them.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readSaudiNewsNet, recordText, type NewsRecord } from '../../../compiler/collections/saudinewsnet';
import { compileCorpus } from '../../../compiler/compile';
import { openCompiled } from '../../../compiler/memory-index';
import { readSeeds } from '../../../compiler/seeds';
import type { Corpus } from '../../../engine/index/corpus';
import { detectLang } from '../../../engine/text/lang';
import { createMatcher } from '../../../engine/match/matcher';
import { extractFeatures, storyContext, type StoryContext } from '../../../engine/story/story';

export const DIR = '../shared/real-news/saudinewsnet-2015-07';

/** The labelled pair sets: the one the rules were tuned on, and two fresh ones nobody tuned on (README.md). */
export const PAIR_SETS = {
  tuned: 'tests/eval/real-story/pairs.json',
  fresh: 'tests/eval/real-story/pairs-fresh.json',
  fresh2: 'tests/eval/real-story/pairs-fresh2.json',
} as const;
export type PairSet = keyof typeof PAIR_SETS;

/** Every labelled pair's page, of every set: none of them is in the corpus. */
function allPages(): Set<string> {
  return new Set(
    Object.values(PAIR_SETS).flatMap((file) =>
      (JSON.parse(readFileSync(file, 'utf8')) as { pairs: { page: string }[] }).pairs.map((p) => p.page),
    ),
  );
}

/** A record's article id in the corpus. */
export const idOf = (r: NewsRecord) => `${r.file.replace(/\.json$/, '')}_${r.index}`;

export interface RealStoryCorpus {
  corpus: Corpus;
  ctx: StoryContext;
  /** Every record of the slice, by `file#index` (pairs name their members so). */
  byId: Map<string, NewsRecord>;
  features: (r: NewsRecord) => ReturnType<typeof extractFeatures>;
}

export async function realStoryCorpus(pages: ReadonlySet<string> = allPages()): Promise<RealStoryCorpus> {
  const records = readdirSync(DIR)
    .filter((f) => f.endsWith('.zip'))
    .sort()
    .flatMap((f) => readSaudiNewsNet(join(DIR, f)));
  const byId = new Map<string, NewsRecord>(records.map((r) => [`${r.file}#${r.index}`, r]));
  const enc = new TextEncoder();
  const articles = records
    .filter((r) => !pages.has(`${r.file}#${r.index}`) && r.title.trim() && r.content.trim())
    .map((r) => ({
      file: `${idOf(r)}.txt`,
      bytes: enc.encode(
        `---\nid: ${idOf(r)}\nlang: ar\n${r.date ? `date: ${r.date}\n` : ''}---\n${r.title.replace(/\s+/g, ' ')}\n${r.content}`,
      ),
    }));
  const corpus = await openCompiled(compileCorpus({ catalog: readSeeds().catalog, articles }));
  const ctx = storyContext(await corpus.stories(), corpus.gazetteer.entityTypes);
  const matcher = createMatcher(corpus.gazetteer);
  const features = (r: NewsRecord) => {
    const text = recordText(r);
    return extractFeatures(
      text,
      detectLang(text),
      matcher.match(text).map((m) => m.entity),
      r.date,
      r.title,
    );
  };
  return { corpus, ctx, byId, features };
}
