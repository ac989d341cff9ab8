// Keyboard reach: the `next-entity` command (rebindable in the browser's shortcut settings) moves
// through the marked mentions in document order, scrolls each into view and opens its card.
import type { PageMention } from './types';

export function createNavigator(mentions: () => PageMention[], open: (m: PageMention) => void) {
  let current = -1;

  function show(m: PageMention) {
    const el = m.range.startContainer.parentElement;
    el?.scrollIntoView({
      block: 'center',
      behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth',
    });
    open(m);
  }

  return {
    step(direction: 1 | -1) {
      const list = mentions();
      if (!list.length) return;
      current = (current + direction + list.length) % list.length;
      show(list[current]);
    },
    scrollTo(entityId: string) {
      const list = mentions();
      const i = list.findIndex((m) => m.entityId === entityId);
      if (i < 0) return;
      current = i;
      show(list[i]);
    },
  };
}
