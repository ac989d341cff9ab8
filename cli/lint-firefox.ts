// npm run lint:firefox — `web-ext lint` on the Firefox build, stricter than its exit code:
// errors fail, and so does every UNSAFE_* warning except one known, reviewed source: Preact's
// own support for `dangerouslySetInnerHTML` (its diff assigns `innerHTML = props.__html`), a prop
// our code never uses (tests/unit/manifest.test.ts checks the sources). Anything else unsafe fails.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const DIR = process.argv[2] ?? '.output/firefox-mv2';

interface Finding {
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

let raw: string;
try {
  raw = execFileSync('npx', ['web-ext', 'lint', '--source-dir', DIR, '--output', 'json'], { encoding: 'utf8' });
} catch (e) {
  // web-ext exits non-zero on errors but still prints its JSON report.
  raw = (e as { stdout?: string }).stdout ?? '';
}
const report = JSON.parse(raw) as { errors: Finding[]; warnings: Finding[]; notices: Finding[] };

function isPreactInnerHtml(f: Finding): boolean {
  if (!f.file || !f.line || f.column === undefined) return false;
  const line = readFileSync(join(DIR, f.file), 'utf8').split('\n')[f.line - 1] ?? '';
  const around = line.slice(Math.max(0, f.column - 200), f.column + 60);
  return /dangerouslySetInnerHTML/.test(around) && /innerHTML\s*=\s*\w+\.__html|innerHTML=``/.test(around);
}

const unsafe = report.warnings.filter((w) => w.code.startsWith('UNSAFE') && !isPreactInnerHtml(w));
const show = (f: Finding) => `  ${f.code} ${f.file ?? ''}:${f.line ?? ''}:${f.column ?? ''} ${f.message}`;

console.log(
  `web-ext lint ${DIR}: ${report.errors.length} errors, ${report.warnings.length} warnings ` +
    `(${report.warnings.length - unsafe.length - report.warnings.filter((w) => !w.code.startsWith('UNSAFE')).length} known Preact innerHTML), ${report.notices.length} notices`,
);
for (const w of report.warnings) console.log(show(w));
if (report.errors.length || unsafe.length) {
  console.error('web-ext lint failed:');
  for (const f of [...report.errors, ...unsafe]) console.error(show(f));
  process.exit(1);
}
