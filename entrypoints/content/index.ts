import { defineContentScript } from 'wxt/utils/define-content-script';
import { NEWS_SITES } from '../../manifest/sites';
import { startPage } from '../../page/start';
import { installTestProbe } from '../../page/test-probe';
import '../../page/marks.css';

export default defineContentScript({
  matches: [...NEWS_SITES],
  runAt: 'document_idle',
  main(ctx) {
    if (__HASHIYA_TEST__) installTestProbe();
    return startPage(ctx);
  },
});
