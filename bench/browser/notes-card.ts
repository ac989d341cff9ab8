// The hover card of an entity with many notes (bench/notes-scale.ts): components/card/HoverCard
// rendered with Preact into an attached closed shadow root, style and layout forced — the
// main-thread work between the notes' arrival and the card on screen.
import { h, render } from 'preact';
import { HoverCard } from '../../components/card/HoverCard';
import { makeHost } from './card-host';
import type { CardNote } from '../../components/card/CardNotes';
import type { EntityCard } from '../../messaging/protocol';

const CARD: EntityCard = {
  id: 'person/sergey-lavrov',
  type: 'person',
  names: { ar: 'سيرغي لافروف', en: 'Sergey Lavrov' },
  gloss: { ar: 'وزير خارجية روسيا', en: 'Foreign minister of Russia' },
  mentions: [],
  mentionCount: 0,
  articleCount: 0,
  related: [],
};
const noop = async () => {};

function renderNotesCard(notes: CardNote[], reps: number): number[] {
  const host = makeHost(true);
  const slot = host.slot;
  const out: number[] = [];
  for (let r = 0; r < reps; r++) {
    render(null, slot);
    slot.getBoundingClientRect();
    const t0 = performance.now();
    render(
      h(HoverCard, {
        card: CARD,
        lang: 'ar',
        pinned: true,
        notes,
        onOpenArticle: () => {},
        onOpenEntity: () => {},
        onAddNote: noop,
        onEditNote: noop,
        onDeleteNote: noop,
        onUndoDelete: noop,
        onClose: () => {},
      }),
      slot,
    );
    slot.getBoundingClientRect(); // style + layout of what was rendered
    out.push(performance.now() - t0);
  }
  host.remove();
  return out.slice(1); // the first run compiles the code
}

(window as unknown as { renderNotesCard: typeof renderNotesCard }).renderNotesCard = renderNotesCard;
