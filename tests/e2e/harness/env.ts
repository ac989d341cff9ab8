import { existsSync } from 'node:fs';
import { describe } from 'vitest';
import { EXECUTABLES, type BrowserKind } from './browsers';

export const ALL_BROWSERS: readonly BrowserKind[] = ['chromium', 'firefox'];

let warned = false;

/**
 * The browsers to run the E2E suite in: the installed ones. Under CI=true a missing browser is an
 * error (a failure, never a silent skip); locally it is skipped with a warning.
 */
export function browsersToTest(): BrowserKind[] {
  const missing = ALL_BROWSERS.filter((k) => !existsSync(EXECUTABLES[k]));
  if (missing.length && process.env.CI === 'true') {
    throw new Error(
      `E2E: browser(s) not installed under CI: ${missing.map((k) => `${k} (${EXECUTABLES[k]})`).join(', ')}`,
    );
  }
  if (missing.length && !warned) {
    warned = true;
    console.warn(`E2E: skipping ${missing.map((k) => `${k} (no ${EXECUTABLES[k]})`).join(', ')}`);
  }
  return ALL_BROWSERS.filter((k) => !missing.includes(k));
}

/** One describe block per browser: `name [chromium]`, `name [firefox]`; missing browsers are describe.skip. */
export function describeEachBrowser(name: string, fn: (kind: BrowserKind) => void): void {
  const available = browsersToTest();
  for (const kind of ALL_BROWSERS) {
    (available.includes(kind) ? describe : describe.skip)(`${name} [${kind}]`, () => fn(kind));
  }
}
