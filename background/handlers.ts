import { browser } from 'wxt/browser';
import { onMessage } from '../messaging/protocol';
import { loadCorpus } from './corpus';
import { assertFromExtension } from './senders';
import * as v from 'valibot';

const HelloRequest = v.object({ url: v.pipe(v.string(), v.maxLength(8192)) });

export function registerHandlers(): void {
  onMessage('hello', async ({ data, sender }) => {
    assertFromExtension(sender);
    v.parse(HelloRequest, data);
    const index = await loadCorpus();
    return {
      version: browser.runtime.getManifest().version,
      indexVersion: index.version,
      articles: index.articles.length,
      entities: index.entities.length,
    };
  });

  onMessage('getGazetteer', async ({ sender }) => {
    assertFromExtension(sender);
    return (await loadCorpus()).gazetteer;
  });
}
