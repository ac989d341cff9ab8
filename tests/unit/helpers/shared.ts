// ../shared (real news) is beside the repository on the project's machines, absent in a plain clone:
// tests that need it skip, saying why.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const REAL_NEWS = resolve(process.cwd(), '..', 'shared', 'real-news', 'saudinewsnet-2015-07');
export const hasRealNews = existsSync(join(REAL_NEWS, '2015-07-23.zip'));
export const NO_REAL_NEWS = `skipped: ${REAL_NEWS} is absent (../shared is not beside this clone)`;
