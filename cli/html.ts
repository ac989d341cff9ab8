// HTML → the text the content script would read (engine/text/dom-text.ts over a parsed document), plus
// the page's publication date. happy-dom parses; no script runs and nothing is fetched.
import { Window } from 'happy-dom';
import { collectText } from '../engine/text/dom-text';
import { readPageMeta } from '../engine/text/page-meta';

export function htmlToText(html: string): { text: string; published: string | null; title: string | null } {
  const window = new Window({
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      navigation: {
        disableMainFrameNavigation: true,
        disableChildFrameNavigation: true,
        disableChildPageNavigation: true,
      },
    },
  });
  try {
    const doc = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
    const { published, title } = readPageMeta(doc);
    return { text: collectText(doc.body).text, published, title };
  } finally {
    void window.happyDOM.close();
  }
}
