// `npm run bench` (or `npm run bench -- --smoke`): Hashiya against mark.js and a scan-only floor in
// headless Chromium, plus hover card, pointer lookup, bundle size, corpus scale and recognition
// quality. Progress goes to stderr; the report to stdout, its last line the one-line summary.
// Full runs write bench/RESULTS.md; smoke runs only print.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import os from 'node:os';
import { compileCorpus } from '../compiler/compile';
import { encodeIndex } from '../compiler/encode-index';
import { readSeeds } from '../compiler/seeds';
import { parseCatalog } from '../compiler/catalog';
import { CONFIG, elapsed, log, ONLY, REAL, ROOT, SMOKE } from './config';
import { HTML, JSON_TYPE, serve, serveIndex, startServer } from './server';
import { bundle, codeVersion, contentScriptSize } from './bundling';
import { browser, call, launch, open, tab } from './driver';
import { measureMatrix, pageFacts, warmUp } from './matrix';
import { quality } from './scoring';
import { corpusRows } from './corpus-load';
import { marksCss } from '../components/theme';
import { realGazetteer, syntheticGazetteer, type BenchGazetteer } from './gazetteers';
import { generatePage } from './pages';
import { storyLines, storyScale } from './story';
import { measureRealPages, readRealPages, renderRealPages, withRealSection, type RealPagesRun } from './real-pages';
import { launchFirefox } from './driver-firefox';
import { notesAtScale, renderNotesScale } from './notes-scale';
import { render } from './report/render';
import { summarize, summaryLine } from './report/summary';
import type { CardFigures, Results } from './report/types';
import type { CardResult } from './browser/card';

async function main() {
  if (process.argv.includes('--story')) {
    // Same story at 30,000 articles alone (Node, no browser): a quick way to this one figure.
    for (const line of storyLines(await storyScale())) process.stdout.write(`${line}\n`);
    return;
  }
  const started = new Date();
  const loadBefore = os.loadavg()[0];
  const t0 = performance.now();
  log(
    `bench: ${SMOKE ? 'smoke' : 'full'} run, ${CONFIG.runs} runs per figure, mark.js limit ${CONFIG.limitMs / 1000} s`,
  );
  const contentScript = REAL ? null : contentScriptSize(); // the real-pages table alone needs no build
  serve('/harness.js', 'text/javascript; charset=utf-8', await bundle('bench/browser/harness.ts'));
  serve('/background-worker.js', 'text/javascript; charset=utf-8', await bundle('bench/browser/background-worker.ts'));
  serve('/marks.css', 'text/css; charset=utf-8', marksCss());
  serve(
    '/blank.html',
    HTML,
    '<!doctype html><html><head><meta charset="utf-8"><script src="/harness.js"></script></head><body></body></html>',
  );

  // Real catalog and index, synthetic gazetteers.
  const seeds = readSeeds(join(ROOT, 'seeds'));
  const { entities } = parseCatalog(seeds.catalog.file, seeds.catalog.text);
  const realIndex = compileCorpus(seeds);
  serveIndex('/index/real/', encodeIndex(realIndex));
  const gazetteers: BenchGazetteer[] =
    !ONLY || ONLY.split(':')[1]?.split(',').includes('real') !== false ? [realGazetteer(entities, realIndex)] : [];
  for (const n of CONFIG.aliases) gazetteers.push(syntheticGazetteer(n));
  gazetteers.sort((a, b) => a.terms.length - b.terms.length);
  for (const g of gazetteers) {
    serve(`/gaz/${g.id}.json`, JSON_TYPE, JSON.stringify(g.gazetteer));
    serve(`/terms/${g.id}.json`, JSON_TYPE, JSON.stringify(g.terms));
  }
  log(
    `gazetteers: ${gazetteers.map((g) => `${g.label} (${g.gazetteer.aliases.length} entries)`).join(', ')} (${elapsed(t0)})`,
  );

  const pages = CONFIG.pages.map((p, i) => generatePage(p.id, p.lang, p.bytes, entities, 1000 + i));
  for (const p of pages) serve(`/page/${p.id}.html`, HTML, p.html);
  const realPages = ONLY ? [] : readRealPages();
  for (const p of realPages) serve(`/real/${p.id}.html`, HTML, p.html);
  const realRun = async (how: string) => {
    const real = gazetteers.find((g) => g.id === 'real')!;
    if (realPages.length) {
      await open(`/real/${realPages[0].id}.html`); // warm-up, discarded
      await call('hashiya', [`/gaz/${real.id}.json`, { pointer: false, scope: true }]);
    }
    const gazUrl = `/gaz/${real.id}.json`;
    const runs: RealPagesRun[] = [
      {
        browser: `Chromium ${browser.version()}`,
        longTasks: true,
        figs: await measureRealPages(realPages, CONFIG.runs, gazUrl, open, call, log),
      },
    ];
    const firefox = process.env.HASHIYA_FIREFOX ?? '/usr/bin/firefox-esr';
    if (realPages.length && existsSync(firefox)) {
      const ff = await launchFirefox(origin);
      try {
        await ff.open(`/real/${realPages[0].id}.html`); // warm-up, discarded
        await ff.call('hashiya', [gazUrl, { pointer: false, scope: true }]);
        const figs = await measureRealPages(realPages, CONFIG.runs, gazUrl, ff.open, ff.call, (l) =>
          log(`firefox ${l}`),
        );
        runs.push({ browser: `Firefox ${ff.version}`, longTasks: false, figs });
      } finally {
        await ff.close();
      }
    } else if (realPages.length) {
      if (process.env.CI === 'true')
        throw new Error(`real pages: no Firefox at ${firefox} (CI=true: a missing browser is a failure)`);
      log(`real pages, Firefox: skipped, no ${firefox}`);
    }
    return renderRealPages(runs, how);
  };

  const { server, origin } = await startServer();
  await launch(origin);
  try {
    await open('/blank.html');
    const isolated = await tab.evaluate('crossOriginIsolated');
    if (!isolated) log('warning: bench pages are not cross-origin isolated (coarse timer)');
    if (REAL) {
      const section = await realRun(
        `Measured on its own (\`npm run bench -- --real\`) at ${codeVersion()}, ${new Date().toISOString()}, ` +
          `${CONFIG.runs} runs per page (medians), load average ${os.loadavg()[0].toFixed(1)}.`,
      );
      await browser.close();
      server.close();
      const file = join(ROOT, 'bench/RESULTS.md');
      if (existsSync(file)) writeFileSync(file, withRealSection(readFileSync(file, 'utf8'), section));
      process.stdout.write(`${section}\n`);
      return;
    }
    const pageInfo = await pageFacts(pages);
    await warmUp(pages, gazetteers);
    log(`warm-up done (${elapsed(t0)})`);
    const cells = await measureMatrix(pages, gazetteers);
    if (ONLY) {
      await browser.close();
      server.close();
      return;
    }

    const realSection = await realRun(`Measured in this run, ${CONFIG.runs} runs per page (medians).`);

    // Hover card on the real index.
    const cards: CardFigures[] = [];
    await open('/blank.html');
    const realCard = await call<CardResult>('cardsFromUrl', ['/index/real/', Math.max(5, CONFIG.runs)]);
    cards.push({ label: `real index (${realIndex.articles.length} article)`, ...realCard });
    log(`hover card: ${realCard.medianMs.toFixed(2)} ms median, ${realCard.maxMs.toFixed(2)} ms max`);

    // Recognition quality.
    const qual = await quality(
      realIndex,
      gazetteers.find((g) => g.id === 'real')!,
    );
    log(`quality: ${qual.map((q) => `${q.who} ${q.tp}/${q.fp}/${q.fn}`).join(', ')}`);
    const { corpus, cards: bigCards } = await corpusRows(seeds.catalog, entities);
    cards.push(...bigCards);

    // Same story at corpus scale (Node): the real July slice topped up to 30,000 articles.
    const t = performance.now();
    const story = await storyScale(SMOKE ? 2_000 : 30_000, SMOKE ? 1 : CONFIG.runs);
    for (const line of storyLines(story)) log(line);
    log(`same story done (${elapsed(t)})`);

    const results: Results = {
      smoke: SMOKE,
      runs: CONFIG.runs,
      limitMs: CONFIG.limitMs,
      chromium: browser.version(),
      startedAt: started,
      elapsedMs: 0,
      code: codeVersion(),
      load: [loadBefore, os.loadavg()[0]],
      pages: pageInfo,
      cells,
      headline: CONFIG.headline,
      floorHeadline: CONFIG.floorHeadline,
      growth: CONFIG.growth,
      cards,
      bundle: contentScript!,
      corpus,
      quality: qual,
      story,
    };
    await browser.close();
    server.close();
    // Notes at scale: its own browser, on the built extension.
    const notesTable = renderNotesScale(await notesAtScale({ smoke: SMOKE, log }));
    results.elapsedMs = performance.now() - t0;
    const text = `${withRealSection(render(results), realSection)}\n\n${notesTable}`;
    if (!SMOKE) writeFileSync(join(ROOT, 'bench/RESULTS.md'), text + '\n');
    process.stdout.write(`${text}\n\n${summaryLine(summarize(results))}\n`);
  } catch (e) {
    await browser.close().catch(() => {});
    server.close();
    throw e;
  }
}

// `npm run bench -- --notes`: only the notes-at-scale table.
const entry = process.argv.includes('--notes')
  ? async () => process.stdout.write(`${renderNotesScale(await notesAtScale({ smoke: SMOKE, log }))}\n`)
  : main;

entry().catch((e) => {
  log(String(e?.stack ?? e));
  process.exit(1);
});
