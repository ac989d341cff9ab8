// Number and table formatting shared by every section of the report.
import { readFileSync } from 'node:fs';
import os from 'node:os';

export const en = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

export function ms(n: number): string {
  if (!Number.isFinite(n)) return '–';
  if (n >= 1000) return `${en(n / 1000, 2)} s`;
  if (n >= 100) return `${en(n, 0)} ms`;
  if (n >= 10) return `${en(n, 1)} ms`;
  return `${en(n, 2)} ms`;
}

export const ratio = (n: number) => (Number.isFinite(n) ? `${en(n, 2)}×` : '–');
export const kb = (n: number) => (n >= 1_000_000 ? `${en(n / 1_000_000, 1)} MB` : `${en(n / 1000, 1)} kB`);

export function table(headers: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}

export function machine(chromium: string): string {
  let cpu = os.cpus()[0]?.model ?? 'unknown';
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) cpu = m[1].trim();
  } catch {
    // not Linux: os.cpus() has the model
  }
  return (
    `${cpu}, ${os.cpus().length} cores, ${en(os.totalmem() / 2 ** 30, 1)} GiB RAM, ${os.platform()} ${os.release()}; ` +
    `Node ${process.version}; Chromium ${chromium} (headless)`
  );
}
