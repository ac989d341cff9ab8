// Passage notes are painted as CSS Custom Highlights, one per note color, named
// `hashiya-passage-<color>` (styled by `marksCss` in components/theme.ts): no element is added to the page.
// Firefox content scripts must never iterate `CSS.highlights` or a Highlight (the Xray wrapper's
// iterator throws), so every range is tracked here, in our own maps, and removed one by one.
import type { NoteColor } from '../../notes/model';

export const PASSAGE_HIGHLIGHT_PREFIX = 'hashiya-passage-';

export const passageHighlightName = (color: NoteColor) => `${PASSAGE_HIGHLIGHT_PREFIX}${color}`;

/** Above entity marks (0) and the "noted" mark (1): the reader's own passage wins where they overlap. */
const PRIORITY = 2;

const supported = () => typeof Highlight === 'function' && typeof CSS !== 'undefined' && !!CSS.highlights;

export class PassageHighlights {
  private byColor = new Map<NoteColor, Highlight>();
  private byNote = new Map<string, { color: NoteColor; range: Range }>();

  /** Paints `range` for note `id` (replacing what that note had). */
  set(id: string, color: NoteColor, range: Range): void {
    this.remove(id);
    this.byNote.set(id, { color, range });
    if (!supported()) return;
    let h = this.byColor.get(color);
    if (!h) {
      h = new Highlight();
      h.priority = PRIORITY;
      this.byColor.set(color, h);
      CSS.highlights.set(passageHighlightName(color), h);
    }
    h.add(range);
  }

  remove(id: string): void {
    const had = this.byNote.get(id);
    if (!had) return;
    this.byNote.delete(id);
    this.byColor.get(had.color)?.delete(had.range);
  }

  /** The painted range of note `id`. */
  range(id: string): Range | undefined {
    return this.byNote.get(id)?.range;
  }

  /** Note ids with their ranges (our own map: safe to iterate everywhere). */
  entries(): [string, Range][] {
    return [...this.byNote].map(([id, v]) => [id, v.range]);
  }

  clear(): void {
    for (const id of [...this.byNote.keys()]) this.remove(id);
    if (supported()) for (const color of this.byColor.keys()) CSS.highlights.delete(passageHighlightName(color));
    this.byColor.clear();
  }
}
