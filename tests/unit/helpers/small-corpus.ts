// A two-entity catalog (Lavrov, Moscow) as a seed file, for tests that compile a small corpus of
// their own articles (background cards, corpus stages).
export const enc = (s: string) => new TextEncoder().encode(s);

export const LAVROV_CATALOG = {
  file: 'catalog.json',
  text: JSON.stringify({
    version: 1,
    entities: [
      {
        id: 'person/sergey-lavrov',
        type: 'person',
        names: { ar: 'سيرغي لافروف', en: 'Sergey Lavrov' },
        aliases: { ar: ['لافروف'] },
        gloss: { ar: 'و', en: 'g' },
      },
      { id: 'place/moscow', type: 'place', names: { ar: 'موسكو', en: 'Moscow' }, gloss: { ar: 'و', en: 'g' } },
    ],
  }),
};
