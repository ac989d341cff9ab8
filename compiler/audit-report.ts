// An audit (compiler/audit.ts) → the plain-text report, the --json document, and the judging TSVs
// in the shape of ../shared/real-news/judged-2015-07 (ids P0…/R0…, 80 characters of context each
// side, tabs and line breaks shown as spaces).
import type { NewsRecord } from './collections/record';
import { recordText } from './collections/record';
import { oneLine, type Audit, type AuditCandidate, type AuditMark } from './audit';

export interface EntityNames {
  ids: string[];
  /** English display name per entity index (the precision sample names entities by it). */
  english: string[];
}

const top = (m: Map<string, number>, n: number) =>
  [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).slice(0, n);
const counts = (list: [string, number][]) => list.map(([w, n]) => `${w} ${n}`).join(', ') || '—';

export interface ReportOptions {
  /** Aliases shown (most marked first); all with --json. */
  aliases?: number;
  /** Unmarked words shown per entity. */
  words?: number;
}

export function formatAudit(audit: Audit, names: EntityNames, options: ReportOptions = {}): string {
  const mchar = audit.chars / 1e6;
  const out: string[] = [
    `audit: ${audit.articles} articles, ${mchar.toFixed(1)} Mchar; ${audit.marks.length} marks, ` +
      `${audit.candidates.length} unmarked candidates`,
    `recognizer: ${(audit.matchMs / 1000).toFixed(1)} s recognizing (normalize, match, decide), ${(mchar / (audit.matchMs / 1000)).toFixed(2)} Mchar/s`,
    '',
    `== Marked forms (${audit.aliases.size}), most marked first ==`,
  ];
  const aliases = [...audit.aliases.values()].sort((a, b) => b.count - a.count || (a.alias < b.alias ? -1 : 1));
  for (const s of aliases.slice(0, options.aliases ?? 60)) {
    const as = [...s.entities]
      .map(([e, n]) => (s.entities.size > 1 ? `${names.ids[e]} ${n}` : names.ids[e]))
      .join(', ');
    out.push(`${String(s.count).padStart(6)}  ${s.alias}  → ${as}`);
    out.push(`        left:  ${counts(top(s.left, 5))}`);
    out.push(`        right: ${counts(top(s.right, 5))}`);
    for (const c of s.contexts) out.push(`        … ${c} …`);
  }
  if (aliases.length > (options.aliases ?? 60))
    out.push(`  (${aliases.length - (options.aliases ?? 60)} more forms: --json lists all)`);
  out.push('', "== Unmarked words containing an entity's name, per entity ==");
  const order = audit.entities
    .map((s, e) => ({ e, s, total: [...s.unmarked.values()].reduce((a, b) => a + b, 0) }))
    .filter((x) => x.total > 0)
    .sort((a, b) => b.total - a.total || a.e - b.e);
  for (const { e, s, total } of order) {
    out.push(
      `${names.ids[e]} (${names.english[e]}): ${s.marks} marks, ${total} unmarked words (${s.unmarked.size} distinct)`,
    );
    const words = top(s.unmarked, options.words ?? 25);
    for (const [w, n] of words) out.push(`${String(n).padStart(6)}  ${w}`);
    if (s.unmarked.size > words.length) out.push(`        (${s.unmarked.size - words.length} more)`);
  }
  return out.join('\n');
}

export function auditJson(audit: Audit, names: EntityNames) {
  const obj = (m: Map<string, number>) => Object.fromEntries(top(m, m.size));
  return {
    articles: audit.articles,
    chars: audit.chars,
    marks: audit.marks.length,
    candidates: audit.candidates.length,
    matchMs: Math.round(audit.matchMs),
    aliases: [...audit.aliases.values()]
      .sort((a, b) => b.count - a.count || (a.alias < b.alias ? -1 : 1))
      .map((s) => ({
        alias: s.alias,
        count: s.count,
        entities: Object.fromEntries([...s.entities].map(([e, n]) => [names.ids[e], n])),
        left: obj(s.left),
        right: obj(s.right),
        contexts: s.contexts,
      })),
    entities: audit.entities.map((s, e) => ({ id: names.ids[e], marks: s.marks, unmarked: obj(s.unmarked) })),
  };
}

const SIDE = 80;

/** Looks a record's text up by file and index, for the contexts of sampled items. */
export function textLookup(records: readonly NewsRecord[]): (file: string, index: number) => string {
  const byKey = new Map(records.map((r) => [`${r.file}\u0000${r.index}`, r]));
  return (file, index) => {
    const r = byKey.get(`${file}\u0000${index}`);
    if (!r) throw new Error(`no record ${file}#${index}`);
    return recordText(r);
  };
}

function row(id: string, item: AuditMark | AuditCandidate, entity: string, text: string): string {
  const left = text.slice(Math.max(0, item.start - SIDE), item.start);
  const right = text.slice(item.end, item.end + SIDE);
  return [id, item.file, item.index, item.start, item.end, entity, left, text.slice(item.start, item.end), right]
    .map((v) => oneLine(String(v)))
    .join('\t');
}

export function precisionTsv(
  marks: readonly AuditMark[],
  names: EntityNames,
  text: (f: string, i: number) => string,
): string {
  const lines = ['id\tfile\tindex\tstart\tend\tentity\tleft\tMARKED\tright'];
  marks.forEach((m, i) => lines.push(row(`P${i}`, m, names.english[m.entity], text(m.file, m.index))));
  return lines.join('\n') + '\n';
}

export function recallTsv(
  items: readonly AuditCandidate[],
  names: EntityNames,
  text: (f: string, i: number) => string,
): string {
  const lines = ['id\tfile\tindex\tstart\tend\tentity\tleft\tWORD\tright'];
  items.forEach((c, i) => lines.push(row(`R${i}`, c, names.ids[c.entity], text(c.file, c.index))));
  return lines.join('\n') + '\n';
}
