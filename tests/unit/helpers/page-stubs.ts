// What happy-dom lacks for the page layer, kept as small as the code needs: the CSS Custom
// Highlight API (a Highlight is a set of ranges; CSS.highlights a map from name to Highlight) and
// an IntersectionObserver the test drives by hand (no layout here: the test says what is near).
// Plus a small gazetteer served the way the background serves it (engine/match/alias-lookup.ts).
import { vi } from 'vitest';
import { buildGazetteer } from '../../../engine/match/gazetteer';
import { createAliasIndex } from '../../../engine/match/alias-lookup';
import type { CatalogEntity } from '../../../engine/types';
import { createRecognizer, type Recognizer } from '../../../page/marks/recognizer';

export class FakeHighlight extends Set<AbstractRange> {
  priority = 0;
}

export class FakeIntersectionObserver {
  static all: FakeIntersectionObserver[] = [];
  observed = new Set<Element>();
  constructor(
    private callback: IntersectionObserverCallback,
    readonly options?: IntersectionObserverInit,
  ) {
    FakeIntersectionObserver.all.push(this);
  }
  observe(el: Element) {
    this.observed.add(el);
  }
  unobserve(el: Element) {
    this.observed.delete(el);
  }
  disconnect() {
    this.observed.clear();
  }
  takeRecords() {
    return [];
  }
  /** Reports `els` as near the viewport (or not), as the browser would after a layout. A box-less
   *  element (display: contents) is reported as not intersecting with an empty box. */
  report(els: Element[], isIntersecting: boolean, boxless = false) {
    const box = boxless
      ? { top: 0, left: 0, width: 0, height: 0 }
      : { top: isIntersecting ? 10 : 5000, left: 0, width: 500, height: 20 };
    const entries = els
      .filter((el) => this.observed.has(el))
      .map((target) => ({ target, isIntersecting, boundingClientRect: box }) as unknown as IntersectionObserverEntry);
    if (entries.length) this.callback(entries, this as unknown as IntersectionObserver);
  }
}

/** A browser's ResizeObserver reports each observed element's size once after observe(), at the
 *  next frame; happy-dom's never reports. This one does, a timer of 16 ms later. */
export class ReportingResizeObserver {
  private timers: ReturnType<typeof setTimeout>[] = [];
  constructor(private callback: ResizeObserverCallback) {}
  observe(target: Element) {
    const entry = { target } as ResizeObserverEntry;
    this.timers.push(setTimeout(() => this.callback([entry], this as unknown as ResizeObserver), 16));
  }
  unobserve() {}
  disconnect() {
    this.timers.forEach(clearTimeout);
  }
}

/** Installs the stubs; returns the highlight registry (CSS.highlights). */
export function stubHighlightApi(): Map<string, FakeHighlight> {
  const registry = new Map<string, FakeHighlight>();
  vi.stubGlobal('Highlight', FakeHighlight);
  vi.stubGlobal('CSS', { highlights: registry });
  return registry;
}

export function stubIntersectionObserver(): typeof FakeIntersectionObserver {
  FakeIntersectionObserver.all = [];
  vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver);
  return FakeIntersectionObserver;
}

/** The text of every range registered under each highlight name (sorted), for comparing what is painted. */
export function painted(registry: Map<string, FakeHighlight>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, h] of registry) {
    const texts = [...h].map((r) => (r as Range).toString()).sort();
    if (texts.length) out[name] = texts;
  }
  return out;
}

const entity = (e: Omit<CatalogEntity, 'gloss' | 'aliases'> & Partial<CatalogEntity>): CatalogEntity => ({
  aliases: {},
  gloss: { ar: '', en: '' },
  ...e,
});

export const CATALOG: CatalogEntity[] = [
  entity({
    id: 'person/sergey-lavrov',
    type: 'person',
    names: { ar: 'سيرغي لافروف', en: 'Sergey Lavrov' },
    aliases: { ar: ['لافروف'], en: ['Lavrov'] },
  }),
  entity({ id: 'place/moscow', type: 'place', names: { ar: 'موسكو', en: 'Moscow' } }),
  entity({ id: 'place/geneva', type: 'place', names: { ar: 'جنيف', en: 'Geneva' } }),
  entity({ id: 'organization/kremlin', type: 'organization', names: { ar: 'الكرملين', en: 'Kremlin' } }),
];

/** A page recognizer whose alias lookups are answered from CATALOG, as the background would. */
export function smallRecognizer(): Recognizer {
  const index = createAliasIndex(buildGazetteer(CATALOG));
  return createRecognizer(async (keys, crowded) => JSON.parse(JSON.stringify(index.lookup(keys, crowded))));
}
