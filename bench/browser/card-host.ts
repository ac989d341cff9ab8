// A closed shadow host styled as the content script styles its UI, for timing card renders.
import { CARD_CSS } from '../../components/card/card.css';

export function makeHost(attached: boolean): { slot: HTMLElement; remove(): void } {
  const host = document.createElement('hashiya-ui');
  const shadow = host.attachShadow({ mode: 'closed' });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(CARD_CSS);
  shadow.adoptedStyleSheets = [sheet];
  const slot = document.createElement('div');
  shadow.append(slot);
  if (attached) document.documentElement.append(host);
  return { slot, remove: () => host.remove() };
}
