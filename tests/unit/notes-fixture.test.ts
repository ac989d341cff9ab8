import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { BUSY_ENTITY, generateNotes } from '../../bench/notes-fixture';
import { NoteSchema } from '../../notes/model';
import { toWebAnnotation } from '../../notes/export';
import { parseNotesFile } from '../../notes/import';

// The notes-at-scale benchmark's fixture is a valid export: every note passes the store's schema and
// the JSON-LD file round-trips through import's parser; it mixes kinds and languages as promised.
describe('notes fixture generator', () => {
  it('makes valid, mixed, deterministic notes', () => {
    const notes = generateNotes({ count: 2000, busy: 500, seed: 7 });
    expect(notes).toHaveLength(2000);
    for (const n of notes) expect(v.is(NoteSchema, n), JSON.stringify(n)).toBe(true);
    expect(new Set(notes.map((n) => n.id)).size).toBe(2000);
    expect(notes.filter((n) => n.kind === 'entity' && n.entityId === BUSY_ENTITY).length).toBeGreaterThanOrEqual(500);
    expect(notes.filter((n) => n.kind === 'passage').length).toBeGreaterThan(500);
    const arabic = notes.filter((n) => /[\u0600-\u06ff]/.test(n.body)).length;
    expect(arabic).toBeGreaterThan(600);
    expect(2000 - arabic).toBeGreaterThan(400);
    expect(generateNotes({ count: 50, seed: 7 })).toEqual(generateNotes({ count: 50, seed: 7 }));
    const text = JSON.stringify(toWebAnnotation(notes, '2026-01-01T00:00:00.000Z'));
    expect(parseNotesFile(text)).toEqual(notes);
  });
});
