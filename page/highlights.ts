import type { EntityType } from '../engine/types';

// Marks are CSS Custom Highlights: ranges painted by the browser, no element inserted, so the
// page's DOM text stays byte-for-byte what the site sent and Arabic letters keep joining.
// One highlight per entity type (styled per type) plus one for entities with the reader's notes.

export const HIGHLIGHT_PREFIX = 'hashiya-';

export function highlightName(type: EntityType | 'noted'): string {
  return HIGHLIGHT_PREFIX + type;
}

export function setHighlights(groups: Map<string, Range[]>): void {
  clearHighlights();
  for (const [name, ranges] of groups) {
    if (ranges.length) CSS.highlights.set(name, new Highlight(...ranges));
  }
}

export function clearHighlights(): void {
  for (const name of [...CSS.highlights.keys()]) {
    if (String(name).startsWith(HIGHLIGHT_PREFIX)) CSS.highlights.delete(name);
  }
}
