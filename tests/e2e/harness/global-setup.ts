import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startServer } from './server';

// Once per `vitest run --config vitest.e2e.config.ts`: compile the corpus index (when the CLI exists),
// build both E2E variants of the extension, start the fixture server and hand its URL to the tests
// (`inject('fixtureBaseUrl')`). HASHIYA_E2E_SKIP_BUILD=1 reuses the last .output/test build.

declare module 'vitest' {
  export interface ProvidedContext {
    fixtureBaseUrl: string;
  }
}

const ROOT = resolve(import.meta.dirname, '../../..');

function run(what: string, cmd: string, args: string[], env: Record<string, string> = {}): void {
  console.log(`\n[e2e setup] ${what}: ${cmd} ${args.join(' ')}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.error) throw new Error(`[e2e setup] ${what} could not start: ${r.error.message}`);
  if (r.status !== 0)
    throw new Error(`[e2e setup] ${what} failed (exit ${r.status ?? r.signal}): ${cmd} ${args.join(' ')}`);
  console.log(`[e2e setup] ${what} done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (process.env.HASHIYA_E2E_SKIP_BUILD === '1') {
    console.log('[e2e setup] HASHIYA_E2E_SKIP_BUILD=1: using the existing .output/test build');
  } else {
    if (existsSync(join(ROOT, 'cli/corpus.ts'))) {
      run('corpus index', 'npm', ['run', 'corpus', '--', 'build']);
    } else if (existsSync(join(ROOT, 'generated/corpus/index.bin'))) {
      console.log('[e2e setup] no cli/corpus.ts yet: keeping the existing generated/corpus/');
    } else {
      throw new Error('[e2e setup] neither cli/corpus.ts nor generated/corpus/index.bin exists');
    }
    run('chrome test build', 'npx', ['wxt', 'build'], { HASHIYA_TEST_HOSTS: '1' });
    run('firefox test build', 'npx', ['wxt', 'build', '-b', 'firefox'], { HASHIYA_TEST_HOSTS: '1' });
  }
  const server = await startServer();
  console.log(`[e2e setup] fixtures at ${server.baseUrl}`);
  project.provide('fixtureBaseUrl', server.baseUrl);
  return () => server.stop();
}
