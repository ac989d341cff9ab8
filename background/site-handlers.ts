// The popup's requests to the background: entity names for the page summary, and turning
// Hashiya on or off for a site outside the news list (extension pages only: a content script
// must never be able to widen where scripts run).
import * as v from 'valibot';
import { MAX_ENTITY_IDS, onMessage, type EntitySummary } from '../messaging/protocol';
import type { Corpus } from '../engine/corpus';
import { loadCorpus } from './corpus';
import { assertExtensionPage, assertFromExtension } from './senders';
import { disableSite, enableSite } from './sites';

const Id = v.pipe(v.string(), v.maxLength(200));
const EntitiesRequest = v.object({ ids: v.pipe(v.array(Id), v.maxLength(MAX_ENTITY_IDS)) });
const Origin = v.pipe(
  v.string(),
  v.maxLength(2048),
  v.check((s) => {
    try {
      const u = new URL(s);
      return (u.protocol === 'http:' || u.protocol === 'https:') && u.origin === s;
    } catch {
      return false;
    }
  }, 'an http(s) origin'),
);
// A URL's hostname: DNS labels (punycode, lowercase) or a bracketed IPv6 address.
const Host = v.pipe(
  v.string(),
  v.maxLength(253),
  v.regex(/^(?:[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?)*|\[[0-9a-f:.]+\])$/),
);
const EnableRequest = v.object({ origin: Origin });
const DisableRequest = v.object({ host: Host });

let byId: { corpus: Corpus; map: Map<string, EntitySummary> } | null = null;
function entitySummaries(corpus: Corpus): Map<string, EntitySummary> {
  if (byId?.corpus !== corpus) {
    byId = { corpus, map: new Map(corpus.entities.map(({ id, type, names }) => [id, { id, type, names }])) };
  }
  return byId.map;
}

export function registerSiteHandlers(): void {
  onMessage('getEntities', async ({ data, sender }) => {
    assertFromExtension(sender);
    const { ids } = v.parse(EntitiesRequest, data);
    const map = entitySummaries((await loadCorpus()).corpus);
    return ids.flatMap((id) => map.get(id) ?? []);
  });

  onMessage('enableSite', async ({ data, sender }) => {
    assertExtensionPage(sender);
    return enableSite(v.parse(EnableRequest, data).origin);
  });

  onMessage('disableSite', async ({ data, sender }) => {
    assertExtensionPage(sender);
    await disableSite(v.parse(DisableRequest, data).host);
  });
}
