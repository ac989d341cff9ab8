import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { buildManifest } from './manifest/manifest';
import { TEST_HOSTS } from './manifest/sites';
import { INDEX_DIR, INDEX_FILE, indexFiles } from './engine/index/index-format';
import { unpackIndex } from './engine/index/index-container';
import { writeBuildStamp } from './manifest/build-stamp';
import { marksCss } from './components/theme';

// One codebase, two browsers: Chrome MV3 (service worker) and Firefox MV2 (event page).
// HASHIYA_TEST_HOSTS=1 builds the E2E variant into .output/test/: content scripts also run on
// the 127.0.0.1 fixture server. Release builds stay least-privilege.
const testHosts = process.env.HASHIYA_TEST_HOSTS === '1';
const INDEX = resolve('generated', INDEX_DIR);

// The marks' content-script stylesheet is written from the one theme (components/theme.ts) at build
// time: `import 'virtual:hashiya/marks.css'`. A path-like id ending in .css, so Vite treats it as CSS.
const MARKS_CSS_ID = 'virtual:hashiya/marks.css';
const MARKS_CSS_FILE = '/__hashiya-marks.css';
const marksCssPlugin = {
  name: 'hashiya-marks-css',
  resolveId: (id: string) => (id === MARKS_CSS_ID ? MARKS_CSS_FILE : undefined),
  load: (id: string) => (id === MARKS_CSS_FILE ? marksCss() : undefined),
};

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact(), marksCssPlugin],
    // Compile-time switch: the E2E probe (page/test-probe.ts) exists in test builds only.
    define: { __HASHIYA_TEST__: JSON.stringify(testHosts) },
  }),
  outDir: process.env.HASHIYA_OUT_DIR ?? (testHosts ? '.output/test' : '.output'),
  manifest: ({ browser }) => buildManifest(browser, testHosts),
  hooks: {
    'build:publicAssets': (_wxt, files) => {
      const index = join(INDEX, INDEX_FILE);
      if (!existsSync(index)) {
        throw new Error(`${index} is missing: run \`npm run corpus -- build\` first (npm run build does).`);
      }
      // Ship index.bin and exactly the shards it names (a damaged index fails the build here).
      const { head } = unpackIndex(readFileSync(index));
      for (const name of indexFiles(head)) {
        if (!existsSync(join(INDEX, name))) throw new Error(`${join(INDEX, name)} is missing: rebuild the corpus.`);
        files.push({ relativeDest: `${INDEX_DIR}/${name}`, absoluteSrc: join(INDEX, name) });
      }
    },
    // What this build was made from, for the release-bundle check (manifest/build-stamp.ts).
    'build:done': (wxt, output) => {
      const modules = output.steps.flatMap((step) =>
        step.chunks.flatMap((c) => (c.type === 'chunk' ? c.moduleIds : [])),
      );
      writeBuildStamp(wxt.config.root, wxt.config.outDir, modules);
    },
    'build:manifestGenerated': (_wxt, manifest) => {
      if (!testHosts) return;
      for (const script of manifest.content_scripts ?? []) script.matches = [...(script.matches ?? []), ...TEST_HOSTS];
    },
  },
  zip: {
    sourcesRoot: '.',
    excludeSources: ['.output/**', '.wxt/**', 'node_modules/**', 'coverage/**', '.cache/**', 'generated/**'],
  },
});
