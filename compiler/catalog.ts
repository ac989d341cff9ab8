// The curated entity catalog (seeds/catalog.json): parsed with positions (jsonc-parser) so every
// problem names its line, validated by a schema (valibot), then checked across entities
// (unique ids, an alias claimed by two entities of the same type is a catalog bug).
import { findNodeAtLocation, parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import * as v from 'valibot';
import { ENTITY_TYPES, type CatalogEntity } from '../engine/types';
import { normalizeKey } from '../engine/normalize';
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
  cues: v.optional(ListPerLang),
  transliterated: v.optional(v.boolean()),
  gloss: v.pipe(
    PerLang,
    v.check((g) => 'ar' in g && 'en' in g, 'needs a gloss in "ar" and "en"'),
  ),
});

const Catalog = v.strictObject({
  version: v.literal(1, 'catalog version must be 1'),
  entities: v.array(Entity),
});

export function parseCatalog(file: string, text: string): CatalogEntity[] {
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
    for (const [j, a] of (entity.ambiguous ?? []).entries()) {
      if (!own.has(normalizeKey(a))) {
        errors.push(
          new SeedError(file, at('ambiguous', j), `ambiguous alias "${a}" is not one of the entity's names or aliases`),
        );
      }
    }
  });
  if (errors.length) throw new SeedErrors(errors);
  return [...entities].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function allNames(entity: CatalogEntity): string[] {
  const out: string[] = [];
  for (const name of Object.values(entity.names)) out.push(name);
  for (const list of Object.values(entity.aliases)) out.push(...(list ?? []));
  return out;
}
