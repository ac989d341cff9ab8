import type { EntityCard } from '../../messaging/protocol';

const CARD_CACHE = 64;

/** Cards by entity id: one request per entity in flight, recent ones kept for an instant re-show. */
export function cardCache(fetch: (id: string) => Promise<EntityCard>) {
  const inflight = new Map<string, Promise<EntityCard>>();
  const ready = new Map<string, EntityCard>();
  return {
    peek: (id: string) => ready.get(id) ?? null,
    get(id: string): Promise<EntityCard> {
      const have = ready.get(id);
      if (have) return Promise.resolve(have);
      let p = inflight.get(id);
      if (!p) {
        p = fetch(id).then((card) => {
          ready.set(id, card);
          if (ready.size > CARD_CACHE) ready.delete(ready.keys().next().value!);
          return card;
        });
        inflight.set(id, p);
        // Settled either way: a failure may be retried on the next hover.
        p.finally(() => inflight.delete(id)).catch(() => {});
      }
      return p;
    },
  };
}
