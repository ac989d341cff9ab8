import { defineContentScript } from 'wxt/utils/define-content-script';
import { NEWS_SITES } from '../../manifest/sites';
import { startPage } from '../../page/start';
import { installTestProbe } from '../../page/test-probe';
import 'virtual:hashiya/marks.css';

export default defineContentScript({
  matches: [...NEWS_SITES],
  // document_end, not document_idle: Firefox's idle waits for every subresource, third parties included.
  runAt: 'document_end',
  // WXT's legacy window.postMessage would tell every page our extension id.
  noScriptStartedPostMessage: true,
  // The lifetime comes from page/lifetime.ts, not WXT's context, which a page event can end.
  main() {
    // The E2E build's probe observes the page through startPage's hooks; release builds fold this away.
    return startPage(__HASHIYA_TEST__ ? installTestProbe() : undefined);
  },
});
