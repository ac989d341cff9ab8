// npm run corpus -- build | stats | suggest: the seeds' own commands (cli/corpus.ts dispatches).
//   build    validate seeds/ and write generated/corpus/ (index.bin and text shards, atomically);
//            --seeds DIR compiles another folder (DIR/articles, and DIR/catalog.json or else the
//            shipped seeds/catalog.json), --out DIR writes elsewhere
//   stats    summarize the compiled index
//   suggest  list names in the articles that look like entities but are not in the catalog
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { compileCorpus, type CompiledCorpus } from '../compiler/compile';
import { encodeIndex } from '../compiler/encode-index';
import { GENERATED_INDEX_DIR, SEEDS_DIR, diskReader, readSeeds, writeIndexFiles } from '../compiler/seeds';
import { corpusStats, kib } from '../compiler/stats';
import { suggestNames } from '../compiler/suggest';
import { openCorpus } from '../engine/index/corpus';
import { INDEX_FILE, STORY_FILE } from '../engine/index/index-format';
import { createMatcher } from '../engine/match/matcher';

export const BUILD_USAGE = 'npm run corpus -- build [--seeds DIR] [--out DIR]';

export interface BuildOptions {
  /** The folder holding articles/ (and maybe catalog.json); seeds/ by default. */
  seeds: string;
  /** Where the index files go; generated/corpus by default (what the extension bundles). */
  out: string;
}

export function parseBuildArgs(args: string[]): BuildOptions {
  const options: BuildOptions = { seeds: SEEDS_DIR, out: GENERATED_INDEX_DIR };
  for (let i = 0; i < args.length; i++) {
    const key = args[i] === '--seeds' ? 'seeds' : args[i] === '--out' ? 'out' : null;
    if (!key) throw new Error(`unknown argument ${args[i]}\nusage: ${BUILD_USAGE}`);
    if (!args[i + 1]) throw new Error(`${args[i]} needs a folder\nusage: ${BUILD_USAGE}`);
    options[key] = args[++i];
  }
  return options;
}

function compile(dir = SEEDS_DIR): CompiledCorpus {
  // A folder of imported articles without its own catalog uses the shipped one.
  const catalog = existsSync(join(dir, 'catalog.json')) ? undefined : join(SEEDS_DIR, 'catalog.json');
  const seeds = readSeeds(dir, catalog);
  const total = seeds.articles.length;
  const started = Date.now();
  // Progress only on long builds, on stderr, so stdout stays machine-readable.
  return compileCorpus(seeds, {
    onProgress: (done) => {
      if (total >= 500 && (done % 500 === 0 || done === total)) {
        process.stderr.write(
          `\r  compiled ${done}/${total} articles (${((Date.now() - started) / 1000).toFixed(1)} s)`,
        );
        if (done === total) process.stderr.write('\n');
      }
    },
  });
}

export function runBuild(args: string[] = []): void {
  const { seeds, out } = parseBuildArgs(args);
  const compiled = compile(seeds);
  const files = encodeIndex(compiled);
  writeIndexFiles(out, files);
  rmSync('generated/corpus-index.json', { force: true }); // a version 1 index, if an old build left one
  const [index, story, ...shards] = files;
  const kinds = ['text', 'cards', 'articles'].map(
    (k) => `${shards.filter((f) => f.name.startsWith(`${k}-`)).length} ${k}`,
  );
  console.log(
    `corpus: ${compiled.articles.length} articles, ${compiled.entities.length} entities → ${out}/ ` +
      `(${INDEX_FILE} ${kib(index.bytes.length)}; story file ${kib(story.bytes.length)}; ` +
      `shards ${kinds.join(', ')}: ${kib(shards.reduce((n, f) => n + f.bytes.length, 0))})`,
  );
}

export async function runStats(): Promise<void> {
  if (!existsSync(join(GENERATED_INDEX_DIR, INDEX_FILE)))
    throw new Error(`${GENERATED_INDEX_DIR}/${INDEX_FILE} does not exist: run \`npm run corpus -- build\` first`);
  const corpus = await openCorpus(diskReader(GENERATED_INDEX_DIR));
  const size = (name: string) => statSync(join(GENERATED_INDEX_DIR, name)).size;
  console.log(
    corpusStats(corpus, {
      index: size(INDEX_FILE),
      story: readdirSync(GENERATED_INDEX_DIR)
        .filter((f) => STORY_FILE.test(f))
        .reduce((n, f) => n + size(f), 0),
      shards: [corpus.list, corpus.cards, corpus.texts].flatMap((s) => s.files()).reduce((n, f) => n + size(f), 0),
    }),
  );
}

export function runSuggest(): void {
  const compiled = compile();
  const matcher = createMatcher(compiled.gazetteer);
  const suggestions = suggestNames(compiled.articles, (t) => matcher.match(t));
  if (!suggestions.length) console.log('no candidate names outside the catalog');
  for (const s of suggestions)
    console.log(`${String(s.count).padStart(3)}  ${s.name}  (${s.reason}; ${s.articles.join(', ')})`);
}
