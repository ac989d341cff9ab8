// npm run corpus -- build | stats | suggest
//   build    validate seeds/ and write generated/corpus-index.json (atomically)
//   stats    summarize the compiled index
//   suggest  list names in the articles that look like entities but are not in the catalog
import { existsSync, readFileSync, statSync } from 'node:fs';
import { compileCorpus } from '../compiler/compile';
import { SeedError, SeedErrors } from '../compiler/errors';
import { INDEX_FILE, readSeeds, writeAtomically } from '../compiler/seeds';
import { corpusStats } from '../compiler/stats';
import { suggestNames } from '../compiler/suggest';
import { createMatcher } from '../engine/matcher';
import type { CorpusIndex } from '../engine/index-format';

function compile(): CorpusIndex {
  const seeds = readSeeds();
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

function main(command: string | undefined): void {
  switch (command) {
    case 'build': {
      const index = compile();
      const json = JSON.stringify(index);
      writeAtomically(INDEX_FILE, json);
      console.log(
        `corpus: ${index.articles.length} articles, ${index.entities.length} entities → ${INDEX_FILE} (${(Buffer.byteLength(json) / 1024).toFixed(1)} KiB)`,
      );
      return;
    }
    case 'stats': {
      if (!existsSync(INDEX_FILE))
        throw new Error(`${INDEX_FILE} does not exist: run \`npm run corpus -- build\` first`);
      const index = JSON.parse(readFileSync(INDEX_FILE, 'utf8')) as CorpusIndex;
      console.log(corpusStats(index, statSync(INDEX_FILE).size));
      return;
    }
    case 'suggest': {
      const index = compile();
      const matcher = createMatcher(index.gazetteer);
      const suggestions = suggestNames(index.articles, (t) => matcher.match(t));
      if (!suggestions.length) console.log('no candidate names outside the catalog');
      for (const s of suggestions)
        console.log(`${String(s.count).padStart(3)}  ${s.name}  (${s.reason}; ${s.articles.join(', ')})`);
      return;
    }
    default:
      console.error('usage: npm run corpus -- build | stats | suggest');
      process.exit(2);
  }
}

try {
  main(process.argv[2]);
} catch (e) {
  if (e instanceof SeedErrors || e instanceof SeedError) {
    console.error(`corpus: the seeds have problems; nothing was written.\n${e.message}`);
  } else {
    console.error(`corpus: ${(e as Error).message}`);
  }
  process.exit(1);
}
