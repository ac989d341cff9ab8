import type { EntityType } from '../../engine/types';
import type { MarkStyle } from '../../settings/settings';

// Marks are CSS Custom Highlights: ranges painted by the browser, no element inserted, so the
// page's DOM text stays byte-for-byte what the site sent and Arabic letters keep joining.
// One highlight per (entity type or "noted") × mark style; the style lives in the highlight's
// name because the content-script stylesheet (`marksCss` in components/theme.ts) can only select highlights by name —
// switching style re-registers the same ranges under other names, without touching the page.

export const HIGHLIGHT_PREFIX = 'hashiya-';

export type MarkGroup = EntityType | 'noted';

export function highlightName(group: MarkGroup, style: MarkStyle): string {
  return `${HIGHLIGHT_PREFIX}${group}-${style}`;
}

export class Highlights {
  private groups = new Map<MarkGroup, Highlight>();

  constructor(private style: MarkStyle) {}

  add(group: MarkGroup, range: Range): void {
    let h = this.groups.get(group);
    if (!h) {
      h = new Highlight();
      // Notes outrank the type colour where both could apply.
      if (group === 'noted') h.priority = 1;
      this.groups.set(group, h);
      CSS.highlights.set(highlightName(group, this.style), h);
    }
    h.add(range);
  }

  delete(group: MarkGroup, range: Range): void {
    this.groups.get(group)?.delete(range);
  }

  setStyle(style: MarkStyle): void {
    if (style === this.style) return;
    for (const [group, h] of this.groups) {
      CSS.highlights.delete(highlightName(group, this.style));
      CSS.highlights.set(highlightName(group, style), h);
    }
    this.style = style;
  }

  clear(): void {
    for (const group of this.groups.keys()) CSS.highlights.delete(highlightName(group, this.style));
    this.groups.clear();
  }
}
