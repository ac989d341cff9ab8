// The curated entity catalog (seeds/catalog.json): parsed with positions (jsonc-parser) so every
// problem names its line, validated by a schema (valibot), then checked across entities
// (unique ids, an alias claimed by two entities of the same type is a catalog bug).
import { findNodeAtLocation, parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import * as v from 'valibot';
import { ENTITY_TYPES, type CatalogEntity, type CatalogPhrase } from '../engine/types';
import { normalizeKey } from '../engine/text/normalize';
import { SeedError, SeedErrors, lineOf } from './errors';

const Text = v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(200));
const PerLang = v.record(v.pipe(v.string(), v.regex(/^[a-z]{2,3}$/, 'language codes are like "ar", "en"')), Text);
const ListPerLang = v.record(
  v.pipe(v.string(), v.regex(/^[a-z]{2,3}$/, 'language codes are like "ar", "en"')),
  v.array(Text),
);
const Names = v.pipe(
  PerLang,
  v.check((n) => 'ar' in n && 'en' in n, 'needs an Arabic ("ar") and an English ("en") name'),
);

const Entity = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^[a-z]+\/[a-z0-9]+(?:-[a-z0-9]+)*$/, 'ids look like "person/sergey-lavrov"')),
  type: v.picklist(ENTITY_TYPES, `type is one of ${ENTITY_TYPES.join(', ')}`),
  names: Names,
  aliases: v.optional(ListPerLang, {}),
  ambiguous: v.optional(v.array(Text)),
  unambiguous: v.optional(v.array(Text)),
  cues: v.optional(ListPerLang),
  against: v.optional(ListPerLang),
  transliterated: v.optional(v.boolean()),
  since: v.optional(
    v.pipe(
      v.string(),
      v.regex(
        /^\d{4}-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?$/,
        'since is a date like "2019-12" or "2019-12-31"',
      ),
    ),
  ),
  gloss: v.pipe(
    PerLang,
    v.check((g) => 'ar' in g && 'en' in g, 'needs a gloss in "ar" and "en"'),
  ),
});

const Phrase = v.strictObject({ text: Text, note: Text });

const Catalog = v.strictObject({
  version: v.literal(1, 'catalog version must be 1'),
  entities: v.array(Entity),
  /** Phrases that contain a name but name something else, not worth a card (engine/types.ts CatalogPhrase). */
  phrases: v.optional(v.array(Phrase), []),
});

export interface ParsedCatalog {
  entities: CatalogEntity[];
  phrases: CatalogPhrase[];
}

export function parseCatalog(file: string, text: string): ParsedCatalog {
  const parseErrors: ParseError[] = [];
  const tree = parseTree(text, parseErrors, { allowTrailingComma: false, disallowComments: true });
  if (parseErrors.length || !tree) {
    const e = parseErrors[0];
    throw new SeedError(
      file,
      e ? lineOf(text, e.offset) : 1,
      `invalid JSON: ${e ? printParseErrorCode(e.error) : 'empty file'}`,
    );
  }
  const data: unknown = JSON.parse(text);
  const lineAt = (path: (string | number)[]) => {
    for (let p = path; ; p = p.slice(0, -1)) {
      const node = findNodeAtLocation(tree, p);
      if (node) return lineOf(text, node.offset);
      if (!p.length) return 1;
    }
  };

  const result = v.safeParse(Catalog, data);
  if (!result.success) {
    throw new SeedErrors(
      result.issues.slice(0, 20).map((issue) => {
        const path = (issue.path ?? []).map((p) => p.key as string | number);
        const where = path.length ? `${path.join('.')}: ` : '';
        return new SeedError(file, lineAt(path), where + issue.message);
      }),
    );
  }

  const entities = result.output.entities as CatalogEntity[];
  const errors: SeedError[] = [];
  const ids = new Map<string, number>();
  const aliasOwner = new Map<string, string>();
  entities.forEach((entity, i) => {
    const at = (...path: (string | number)[]) => lineAt(['entities', i, ...path]);
    if (ids.has(entity.id))
      errors.push(new SeedError(file, at('id'), `duplicate id "${entity.id}" (first at entity ${ids.get(entity.id)})`));
    ids.set(entity.id, i);
    if (!entity.id.startsWith(entity.type + '/')) {
      errors.push(new SeedError(file, at('id'), `id "${entity.id}" must start with its type "${entity.type}/"`));
    }
    const own = new Set<string>();
    for (const name of allNames(entity)) {
      const key = normalizeKey(name);
      if (!key) {
        errors.push(new SeedError(file, at(), `name ${JSON.stringify(name)} has no letters`));
        continue;
      }
      own.add(key);
      const owner = aliasOwner.get(key + '|' + entity.type);
      if (owner && owner !== entity.id) {
        errors.push(new SeedError(file, at(), `alias "${name}" is claimed by both ${owner} and ${entity.id}`));
      }
      aliasOwner.set(key + '|' + entity.type, entity.id);
    }
    for (const list of ['ambiguous', 'unambiguous'] as const) {
      for (const [j, a] of (entity[list] ?? []).entries()) {
        if (!own.has(normalizeKey(a))) {
          errors.push(
            new SeedError(file, at(list, j), `${list} alias "${a}" is not one of the entity's names or aliases`),
          );
        }
      }
    }
  });
  const phrases = result.output.phrases;
  const phraseAt = new Map<string, number>();
  phrases.forEach((p, i) => {
    const key = normalizeKey(p.text);
    const at = lineAt(['phrases', i, 'text']);
    if (!key) errors.push(new SeedError(file, at, `phrase ${JSON.stringify(p.text)} has no letters`));
    else if (phraseAt.has(key)) errors.push(new SeedError(file, at, `phrase "${p.text}" is listed twice`));
    else if (ENTITY_TYPES.some((t) => aliasOwner.has(`${key}|${t}`)))
      errors.push(new SeedError(file, at, `phrase "${p.text}" is also an entity's name: list it in one place`));
    phraseAt.set(key, i);
  });
  if (errors.length) throw new SeedErrors(errors);
  return { entities: [...entities].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)), phrases };
}

export function allNames(entity: CatalogEntity): string[] {
  const out: string[] = [];
  for (const name of Object.values(entity.names)) out.push(name);
  for (const list of Object.values(entity.aliases)) out.push(...(list ?? []));
  return out;
}
