// Shipping a page only the aliases it can match. Design note:
// A catalog of 100,000 aliases is megabytes of JSON; sending all of it to every page, and building
// the matcher from it there, would make each page pay for the catalog's size. Instead the content
// script sends the lookup keys its text can produce — each distinct token and its clitic-stripped
// stems, exactly the keys the matcher would look up — and the background answers with the aliases
// whose first token is one of them (built once per background lifetime). What a page receives
// grows with the page's vocabulary, not with the catalog. Entity numbers stay the index's global
// ones, so story features and "related" evidence need no translation.
import { cliticReadings } from './clitics';
import { prepareText, type PreparedText } from './matcher';
import type { AliasEntry, EntityType, Gazetteer } from './types';

/** The keys a prepared text can look up: distinct normalized tokens and their clitic stems. */
export function keysOf(p: PreparedText, into: Set<string> = new Set()): Set<string> {
  const seen = new Set<string>();
  for (let i = 0; i < p.count; i++) {
    const token = p.norm.slice(p.starts[i], p.ends[i]);
    if (seen.has(token)) continue;
    seen.add(token);
    const c = token.charCodeAt(0);
    if (c >= 0x600 && c <= 0x6ff) for (const r of cliticReadings(token)) into.add(r.stem);
    else into.add(token);
  }
  return into;
}

/** The keys `text` can look up. */
export function lookupKeys(text: string, into?: Set<string>): Set<string> {
  return keysOf(prepareText(text), into);
}

/** What the background sends a page: aliases and the entity facts they need, by global entity number. */
export interface AliasBatch {
  aliases: AliasEntry[];
  entities: [index: number, id: string, type: EntityType][];
  cues: Record<number, string[]>;
  related: Record<number, number[]>;
}

export function createAliasIndex(gaz: Gazetteer) {
  const byFirst = new Map<string, number[]>();
  gaz.aliases.forEach((a, i) => {
    const list = byFirst.get(a.tokens[0]);
    if (list) list.push(i);
    else byFirst.set(a.tokens[0], [i]);
  });
  return {
    /** The aliases whose first token is one of `keys`, with their entities. */
    lookup(keys: Iterable<string>): AliasBatch {
      const aliases: AliasEntry[] = [];
      const entities = new Set<number>();
      for (const key of keys) {
        for (const i of byFirst.get(key) ?? []) {
          aliases.push(gaz.aliases[i]);
          entities.add(gaz.aliases[i].entity);
        }
      }
      const batch: AliasBatch = { aliases, entities: [], cues: {}, related: {} };
      for (const e of [...entities].sort((a, b) => a - b)) {
        batch.entities.push([e, gaz.entityIds[e], gaz.entityTypes[e]]);
        if (gaz.cues[e]) batch.cues[e] = gaz.cues[e];
        if (gaz.related[e]) batch.related[e] = gaz.related[e];
      }
      return batch;
    },
  };
}

/** A page's growing gazetteer: batches merge in; entity numbers are global (arrays may have holes). */
export function emptyGazetteer(): Gazetteer {
  return { entityIds: [], entityTypes: [], aliases: [], cues: {}, related: {} };
}

export function mergeBatch(gaz: Gazetteer, batch: AliasBatch): Gazetteer {
  for (const [e, id, type] of batch.entities) {
    gaz.entityIds[e] = id;
    gaz.entityTypes[e] = type;
  }
  for (const a of batch.aliases) gaz.aliases.push(a); // no spread: a batch can exceed the argument limit
  Object.assign(gaz.cues, batch.cues);
  Object.assign(gaz.related, batch.related);
  return gaz;
}
