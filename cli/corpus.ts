// npm run corpus -- build | stats | suggest | import | audit
//   build, stats, suggest  the seeds and the compiled index (cli/corpus-build.ts); build [--seeds DIR] [--out DIR]
//   import                 real collections → article files (cli/corpus-import.ts)
//   audit                  the recognizer over a real collection (cli/corpus-audit.ts)
import { CollectionError } from '../compiler/collections';
import { SeedError, SeedErrors } from '../compiler/errors';
import { runBuild, runStats, runSuggest } from './corpus-build';
import { runAudit } from './corpus-audit';
import { runImport } from './corpus-import';

async function main(command: string | undefined, args: string[]): Promise<void> {
  switch (command) {
    case 'build':
      return runBuild(args);
    case 'stats':
      return runStats();
    case 'suggest':
      return runSuggest();
    case 'import':
      return runImport(args);
    case 'audit':
      return runAudit(args);
    default:
      console.error(
        'usage: npm run corpus -- build [--seeds DIR] [--out DIR] | stats | suggest | import <path>… | audit <path>…',
      );
      process.exit(2);
  }
}

main(process.argv[2], process.argv.slice(3)).catch((e: unknown) => {
  if (e instanceof CollectionError) {
    console.error(`corpus: ${e.message}\nnothing was written.`);
  } else if (e instanceof SeedErrors || e instanceof SeedError) {
    console.error(`corpus: the seeds have problems; nothing was written.\n${e.message}`);
  } else {
    console.error(`corpus: ${(e as Error).message}`);
  }
  process.exit(1);
});
