import { defineContentScript } from 'wxt/utils/define-content-script';
import { NEWS_SITES } from '../../manifest/sites';
import { startPage } from '../../page/start';
import '../../page/marks.css';

export default defineContentScript({
  matches: [...NEWS_SITES],
  runAt: 'document_idle',
  main(ctx) {
    return startPage(ctx);
  },
});
