import type { EntityType } from '../engine/types';

/** A recognized mention on the live page: a DOM Range over the page's own text nodes. */
export interface PageMention {
  /** Stable within one page session. */
  id: number;
  entityId: string;
  type: EntityType;
  range: Range;
}

/** Finds marked mentions; implemented by the page's mark session (page/marks/session.ts). */
export interface MentionLocator {
  /** The mention under the viewport point (x, y), or null. Cheap enough for every pointer move. */
  at(x: number, y: number): PageMention | null;
  /** All mentions in document order. */
  all(): PageMention[];
  /** Mentions whose range lies inside `el` (focus of a link containing a name). */
  within(el: Element): PageMention[];
}
