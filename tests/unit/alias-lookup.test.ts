// @vitest-environment node
// A page that fetches only the aliases its vocabulary can match must recognize exactly what the
// whole gazetteer would, and receive no alias it cannot use — also when common first words are
// crowded and their names are fetched by word pairs.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cliticReadings } from '../../engine/text/clitics';
import { compileCorpus } from '../../compiler/compile';
import { readSeeds } from '../../compiler/seeds';
import { createAliasIndex, lookupKeys, pairKey } from '../../engine/match/alias-lookup';
import { createMatcher, keyFilterBit, prepareText, SHORT_FILTER_MASK } from '../../engine/match/matcher';
import { createRecognizer } from '../../page/marks/recognizer';
import { htmlToText } from '../../cli/html';

const index = compileCorpus(readSeeds());
const full = createMatcher(index.gazetteer);
const pages = readdirSync('tests/eval/pages')
  .filter((f) => f.endsWith('.html'))
  .map((f) => htmlToText(readFileSync(`tests/eval/pages/${f}`, 'utf8')).text);
const key = (m: { entityId: string; start: number; end: number }) => `${m.entityId}@${m.start}-${m.end}`;

/** Recognizes `text` as a page does (visible part first, then the rest), counting what travels. */
async function recognize(text: string, aliasIndex: ReturnType<typeof createAliasIndex>, prime = true) {
  const requests: { keys: string[]; aliases: number }[] = [];
  const rec = createRecognizer(async (keys, crowded) => {
    const batch = aliasIndex.lookup(keys, crowded);
    requests.push({ keys, aliases: batch.aliases.length });
    return JSON.parse(JSON.stringify(batch));
  });
  if (prime) await rec.prime();
  const cut = text.indexOf('\n', text.length >> 1);
  const [head, tail] = cut > 0 ? [text.slice(0, cut), text.slice(cut)] : [text, ''];
  const p = prepareText(head);
  await rec.learn(rec.unseen(p), [p]);
  const q = prepareText(tail);
  await rec.learn(rec.unseen(q));
  return { rec, requests, again: [...rec.unseen(p), ...rec.unseen(q)] };
}

describe('alias lookup by page vocabulary', () => {
  const aliasIndex = createAliasIndex(index.gazetteer);

  it('recognizes on every evaluation page exactly what the whole gazetteer recognizes', async () => {
    for (const text of pages) {
      const { rec, requests, again } = await recognize(text, aliasIndex);
      expect(rec.match(text).map(key)).toEqual(full.match(text).map(key));
      // Asked once: a second look at the same text has nothing new to ask.
      expect(again).toEqual([]);
      expect(requests).toHaveLength(3); // the filter and crowded words, the visible part, the rest
    }
  });

  it('lets through every token that yields a key: a stem of four units or more by its last four, a shorter one by its suffix', () => {
    const letters = [...'ابتثجحدرسشصعغفقكلمنهوي'];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...letters), { minLength: 1, maxLength: 9 }),
        fc.constantFrom('', 'و', 'ف', 'ب', 'ل', 'ال', 'وال', 'بال', 'لل', 'ولل', 'وب', 'فك'),
        (stem, clitic) => {
          const token = clitic + stem.join('');
          const p = prepareText(token);
          expect(p.count).toBe(1);
          for (const { stem: key } of cliticReadings(token)) {
            const [long, bit] = keyFilterBit(key);
            expect(long ? p.longHashes[0] : p.hashes[0] & SHORT_FILTER_MASK).toBe(bit);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('sends only keys that pass the filter of the first answer, and finds the same without it', async () => {
    for (const text of pages) {
      const filtered = await recognize(text, aliasIndex);
      const unfiltered = await recognize(text, aliasIndex, false);
      const sent = (r: typeof filtered) => r.requests.flatMap((q) => q.keys);
      expect(sent(filtered).length).toBeLessThan(sent(unfiltered).length / 2);
      expect(filtered.rec.match(text).map(key)).toEqual(unfiltered.rec.match(text).map(key));
      expect(unfiltered.rec.match(text).map(key)).toEqual(full.match(text).map(key));
    }
  });

  it('tells apart two words whose identity hashes collide: the vocabulary compares their text', () => {
    // tokenHash hashes a word's length, first, second, middle and last three units: these share all of them.
    const [a, b] = ['الرسميه', 'الحسميه'];
    const p = prepareText(`${a} ${b}`);
    expect(p.ids[0]).toBe(p.ids[1]);
    expect(lookupKeys(`${a} ${b}`)).toEqual(new Set([...lookupKeys(a), ...lookupKeys(b)]));
    expect(lookupKeys(b).has(b)).toBe(true);
  });

  it('sends a page only aliases whose first word the page contains', () => {
    const text = 'قال وزير الخارجية الروسي سيرغي لافروف في موسكو';
    const keys = lookupKeys(text);
    const batch = aliasIndex.lookup(keys);
    expect(batch.aliases.length).toBeGreaterThan(0);
    expect(batch.aliases.length).toBeLessThan(index.gazetteer.aliases.length / 5);
    for (const a of batch.aliases) expect(keys.has(a.tokens[0])).toBe(true);
    expect(batch.entities.map(([, id]) => id)).toEqual(
      expect.arrayContaining(['person/sergey-lavrov', 'place/moscow']),
    );
  });
});

describe('crowded first words', () => {
  // The real catalog is small: a crowd of 1 makes every first word with two names crowded.
  const crowdedIndex = createAliasIndex(index.gazetteer, 1);
  const crowded = crowdedIndex.lookup([], true).crowded ?? [];

  it('exist in the catalog at this crowd size (the test would prove nothing otherwise)', () => {
    expect(crowded.length).toBeGreaterThan(0);
    expect(createAliasIndex(index.gazetteer).lookup([], true).crowded).toEqual([]);
  });

  it('still recognize on every evaluation page exactly what the whole gazetteer recognizes', async () => {
    for (const text of pages) {
      const { rec, requests, again } = await recognize(text, crowdedIndex);
      expect(rec.match(text).map(key)).toEqual(full.match(text).map(key));
      expect(again).toEqual([]);
      expect(requests.length).toBeGreaterThanOrEqual(2);
    }
  });

  it('send a multi-word name behind a crowded word only when the page holds its first two words', () => {
    const multi = index.gazetteer.aliases.filter((a) => a.tokens.length > 1 && crowded.includes(a.tokens[0]));
    expect(multi.length).toBeGreaterThan(0);
    const [first, second] = multi[0].tokens;
    const alone = crowdedIndex.lookup(lookupKeys(`${first} والمزيد`, crowded));
    expect(alone.aliases.filter((a) => a.tokens.length > 1 && a.tokens[0] === first)).toEqual([]);
    const keys = lookupKeys(`قال ${first} ${second} أمس`, crowded);
    expect(keys.has(pairKey(first, second))).toBe(true);
    expect(crowdedIndex.lookup(keys).aliases).toContainEqual(multi[0]);
    // Across a comma the two words are two names, not one: no pair.
    expect(lookupKeys(`${first}، ${second}`, crowded).has(pairKey(first, second))).toBe(false);
  });
});
