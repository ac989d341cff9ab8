// The popup's requests to the background: entity names for the page summary, and turning
// Hashiya on or off for a site outside the news list (extension pages only: a content script
// must never be able to widen where scripts run).
import { onMessage, type EntitySummary } from '../messaging/protocol';
import type { Corpus } from '../engine/index/corpus';
import { openedCorpus } from './corpus';
import { assertExtensionPage, assertFromExtension } from './senders';
import { disableSite, enableSite } from './sites';
import { parseRequest } from './validate';

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
    const { ids } = parseRequest('getEntities', data);
    const map = entitySummaries(await openedCorpus());
    return ids.flatMap((id) => map.get(id) ?? []);
  });

  onMessage('enableSite', async ({ data, sender }) => {
    assertExtensionPage(sender);
    return enableSite(parseRequest('enableSite', data).origin);
  });

  onMessage('disableSite', async ({ data, sender }) => {
    assertExtensionPage(sender);
    await disableSite(parseRequest('disableSite', data).host);
  });
}
