// What each settled write of a NoteStore did, in order, so the in-memory search index
// (notes/term-rows.ts) can follow the writes one note at a time instead of reading ten thousand
// notes again after every edit. A write that failed, or touched many notes (import, wipe), is a
// `reset`: whoever follows the log starts over from the database.
import type { Note } from './model';

export type NoteChange =
  /** This note is now stored as it is (added, edited or restored). */
  | { put: Note }
  /** No note with this id is stored any more. */
  | { deleted: string }
  /** Nothing changed (an edit or delete of a note that was not there). */
  | { none: true }
  /** Unknown or bulk: read the database again. */
  | { reset: true };

/** Changes kept; a follower further behind than this starts over. */
const KEPT = 500;

export class WriteLog {
  /** Number of settled writes: bumped after the write's transaction is over (committed or failed). */
  generation = 0;
  private changes: NoteChange[] = [];

  record(change: NoteChange): void {
    this.changes.push(change);
    if (this.changes.length > KEPT) this.changes.splice(0, this.changes.length - KEPT);
    this.generation++;
  }

  /** The changes after `generation`, oldest first; null when one of them is a reset or they are forgotten. */
  since(generation: number): NoteChange[] | null {
    const behind = this.generation - generation;
    if (behind < 0 || behind > this.changes.length) return null;
    const out = this.changes.slice(this.changes.length - behind);
    return out.some((c) => 'reset' in c) ? null : out;
  }
}

/** The change a write method made, from its arguments and result (NoteStore's write methods). */
export function changeOf(method: string, args: readonly unknown[], result: unknown): NoteChange {
  switch (method) {
    case 'add':
    case 'update':
      return result ? { put: result as Note } : { none: true };
    case 'restore':
      return { put: args[0] as Note };
    case 'remove':
      return result ? { deleted: (result as Note).id } : { none: true };
    default:
      return { reset: true }; // addMissing, wipe
  }
}
