// Per-pair evidence for fitting the same-story rules (tests/eval/real-story/pairs.json): builds the
// corpus as real-story.test.ts does (the whole slice minus the pages), then prints, per pair, the
// evidence the scorer sees for the page and its partner, as JSON Lines. The fit reads only the
// pairs whose page is dated 21–24 July; 25–31 July is held out.
// Run: npx tsx tests/eval/real-story/features.ts > pair-features.jsonl
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readSaudiNewsNet, recordText, type NewsRecord } from '../../../compiler/collections/saudinewsnet';
import { compileCorpus } from '../../../compiler/compile';
import { openCompiled } from '../../../compiler/memory-index';
import { readSeeds } from '../../../compiler/seeds';
import { detectLang } from '../../../engine/text/lang';
import { createMatcher } from '../../../engine/match/matcher';
import { extractFeatures, storyContext, storyEvidence } from '../../../engine/story/story';

const DIR = '../shared/real-news/saudinewsnet-2015-07';
const pairs = (
  JSON.parse(readFileSync('tests/eval/real-story/pairs.json', 'utf8')) as {
    pairs: { corpus: string; page: string; label: string }[];
  }
).pairs;
const records = readdirSync(DIR)
  .filter((f) => f.endsWith('.zip'))
  .sort()
  .flatMap((f) => readSaudiNewsNet(join(DIR, f)));
const byId = new Map<string, NewsRecord>(records.map((r) => [`${r.file}#${r.index}`, r]));
const idOf = (r: NewsRecord) => `${r.file.replace(/\.json$/, '')}_${r.index}`;
const pages = new Set(pairs.map((p) => p.page));
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
const ctx = storyContext(corpus.stories, corpus.gazetteer.entityTypes);
const matcher = createMatcher(corpus.gazetteer);
// Raw material for trying other weightings: the document frequencies of the distinctive words of
// the page, of the article, and of those they share; the same for figures.
const t = corpus.stories;
const find = (keys: Uint32Array, h: number) => {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keys[mid] < h) lo = mid + 1;
    else hi = mid;
  }
  return lo < keys.length && keys[lo] === h ? lo : -1;
};
const articleWords = new Map<number, number[]>();
for (let k = 0; k + 1 < t.wordOffsets.length; k++)
  for (let j = t.wordOffsets[k]; j < t.wordOffsets[k + 1]; j++) {
    const a = t.wordArticles[j];
    (articleWords.get(a) ?? articleWords.set(a, []).get(a)!).push(k);
  }
const numberDf = new Map<number, number>();
for (let i = 0; i < t.numbers.length; i++) numberDf.set(t.numbers[i], (numberDf.get(t.numbers[i]) ?? 0) + 1);
const termDf = new Map<number, number>();
for (let i = 0; i < t.termHashes.length; i++) termDf.set(t.termHashes[i], (termDf.get(t.termHashes[i]) ?? 0) + 1);
const N = t.articleLang.length;
const idf = (h: number) => Math.log((N + 1) / ((termDf.get(h) ?? 0) + 1));
function termEvidence(f: { vocabulary: number[]; terms: [number, number][] }, a: number) {
  const vocab = new Set(f.vocabulary);
  let share = 0;
  let all = 0;
  const art = new Map<number, number>();
  for (let k = t.termOffsets[a]; k < t.termOffsets[a + 1]; k++) {
    const h = t.termHashes[k];
    const w = idf(h);
    art.set(h, t.weights[t.termWeights[k]] * w);
    all += w;
    if (vocab.has(h)) share += w;
  }
  let dot = 0;
  let pn = 0;
  for (const [h, tf] of f.terms) {
    const w = tf * idf(h);
    pn += w * w;
    dot += w * (art.get(h) ?? 0);
  }
  const an = Math.hypot(...art.values());
  let pShare = 0;
  let pAll = 0;
  for (const [h] of f.terms) {
    pAll += idf(h);
    if (art.has(h)) pShare += idf(h);
  }
  return {
    termShare: all ? share / all : 0,
    termCos: pn && an ? dot / Math.sqrt(pn) / an : 0,
    pageTermShare: pAll ? pShare / pAll : 0,
  };
}
function raw(f: { vocabulary: number[]; numbers: string[]; terms: [number, number][] }, a: number) {
  const df = (k: number) => t.wordOffsets[k + 1] - t.wordOffsets[k];
  const pageKeys = f.vocabulary.map((h) => find(t.wordKeys, h)).filter((k) => k >= 0);
  const mine = new Set(articleWords.get(a) ?? []);
  const pageNums = new Set(f.numbers);
  const artNums: [string, number][] = [];
  for (let k = t.numberOffsets[a]; k < t.numberOffsets[a + 1]; k++)
    artNums.push([t.numberKeys[t.numbers[k]], numberDf.get(t.numbers[k]) ?? 0]);
  return {
    ...termEvidence(f, a),
    pageVocab: f.vocabulary.length,
    pageDf: pageKeys.map(df),
    articleDf: [...mine].map(df),
    sharedDf: pageKeys.filter((k) => mine.has(k)).map(df),
    sharedNumberDf: artNums.filter(([n]) => pageNums.has(n)).map(([, d]) => d),
    pageNumbers: f.numbers.length,
    articleNumbers: artNums.length,
  };
}
for (const p of pairs) {
  const r = byId.get(p.page)!;
  const text = recordText(r);
  const f = extractFeatures(
    text,
    detectLang(text),
    matcher.match(text).map((m) => m.entity),
    r.date,
  );
  const partner = corpus.articleNumber(idOf(byId.get(p.corpus)!));
  console.log(
    JSON.stringify({ ...p, day: +p.page.slice(8, 10), ...storyEvidence(f, partner, ctx), ...raw(f, partner) }),
  );
}
