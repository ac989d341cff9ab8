// @vitest-environment node
// A page that fetches only the aliases its vocabulary can match must recognize exactly what the
// whole gazetteer would, and receive no alias it cannot use.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileCorpus } from '../../compiler/compile';
import { readSeeds } from '../../compiler/seeds';
import { createAliasIndex, lookupKeys } from '../../engine/alias-lookup';
import { createMatcher, prepareText } from '../../engine/matcher';
import { createRecognizer } from '../../page/recognizer';
import { htmlToText } from '../../cli/html';

const index = compileCorpus(readSeeds());
const full = createMatcher(index.gazetteer);
const aliasIndex = createAliasIndex(index.gazetteer);
const pages = readdirSync('tests/eval/pages')
  .filter((f) => f.endsWith('.html'))
  .map((f) => htmlToText(readFileSync(`tests/eval/pages/${f}`, 'utf8')).text);

describe('alias lookup by page vocabulary', () => {
  it('recognizes on every evaluation page exactly what the whole gazetteer recognizes', async () => {
    for (const text of pages) {
      const requests: string[][] = [];
      const rec = createRecognizer(async (keys) => {
        requests.push(keys);
        return JSON.parse(JSON.stringify(aliasIndex.lookup(keys)));
      });
      const prepared = prepareText(text);
      await rec.learn(rec.unseen(prepared));
      const key = (m: { entityId: string; start: number; end: number }) => `${m.entityId}@${m.start}-${m.end}`;
      expect(rec.match(text, undefined, prepared).map(key)).toEqual(full.match(text).map(key));
      // Asked once: a second look at the same text has nothing new to ask.
      expect(rec.unseen(prepared)).toEqual([]);
      expect(requests).toHaveLength(1);
    }
  });

  it('sends a page only aliases whose first word the page contains', () => {
    const text = 'قال وزير الخارجية الروسي سيرغي لافروف في موسكو';
    const batch = aliasIndex.lookup(lookupKeys(text));
    const keys = lookupKeys(text);
    expect(batch.aliases.length).toBeGreaterThan(0);
    expect(batch.aliases.length).toBeLessThan(index.gazetteer.aliases.length / 5);
    for (const a of batch.aliases) expect(keys.has(a.tokens[0])).toBe(true);
    expect(batch.entities.map(([, id]) => id)).toEqual(
      expect.arrayContaining(['person/sergey-lavrov', 'place/moscow']),
    );
  });
});
