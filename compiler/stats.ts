import type { CorpusIndex } from '../engine/index-format';

/** A maintainer's summary of the compiled index: sizes, coverage, the busiest entities. */
export function corpusStats(index: CorpusIndex, bytes: number): string {
  const lines: string[] = [];
  const byLang = new Map<string, number>();
  for (const a of index.articles) byLang.set(a.lang, (byLang.get(a.lang) ?? 0) + 1);
  lines.push(`index version ${index.version}, ${(bytes / 1024).toFixed(1)} KiB`);
  lines.push(`articles: ${index.articles.length} (${[...byLang].map(([l, n]) => `${l} ${n}`).join(', ')})`);
  const byType = new Map<string, number>();
  for (const e of index.entities) byType.set(e.type, (byType.get(e.type) ?? 0) + 1);
  lines.push(`entities: ${index.entities.length} (${[...byType].map(([t, n]) => `${t} ${n}`).join(', ')})`);
  lines.push(
    `aliases: ${index.gazetteer.aliases.length} (${index.gazetteer.aliases.filter((a) => a.ambiguous).length} ambiguous)`,
  );
  const counts = index.mentions.map((m, e) => [e, m.length] as const).filter(([, n]) => n > 0);
  lines.push(
    `mentions: ${counts.reduce((s, [, n]) => s + n, 0)} of ${counts.length} entities; ${index.entities.length - counts.length} entities never mentioned`,
  );
  lines.push(`sentences kept: ${index.sentences.length}; co-occurring pairs: ${index.cooccurrence.length}`);
  lines.push('most mentioned:');
  for (const [e, n] of [...counts].sort((a, b) => b[1] - a[1]).slice(0, 10)) {
    const ent = index.entities[e];
    lines.push(`  ${String(n).padStart(4)}  ${ent.id}  ${ent.names.ar} / ${ent.names.en}`);
  }
  return lines.join('\n');
}
