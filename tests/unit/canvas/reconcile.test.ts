/** Stale edits are refused, not half-applied; replicas agree on which copy wins. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Note } from '../../../electron/shared/canvas/model';
import { applyNoteEdit, normalisePlacement, reconcile, reconcileAll } from '../../../electron/shared/canvas/reconcile';

const note = (over: Partial<Note> = {}): Note => ({
  id: '01930000-0000-7000-8000-000000000001',
  canvasId: '01930000-0000-7000-8000-000000000002',
  zoneKey: 'segments',
  clusterId: null,
  text: 'Families',
  color: 'yellow',
  status: null,
  author: null,
  orderIndex: 'a0',
  x: null,
  y: null,
  version: 3,
  createdAt: '2026-11-28T09:00:00.000Z',
  updatedAt: '2026-11-28T09:00:00.000Z',
  ...over,
});

describe('applyNoteEdit', () => {
  it('applies a current edit and bumps the version', () => {
    const result = applyNoteEdit(note(), 3, { text: 'Parents', status: 'testing' }, '2026-11-28T10:00:00.000Z');
    expect(result).toEqual({ ok: true, value: note({ text: 'Parents', status: 'testing', version: 4, updatedAt: '2026-11-28T10:00:00.000Z' }) });
  });

  it('refuses a stale edit with the current note, changing nothing', () => {
    const current = note({ version: 5, text: 'Newer' });
    expect(applyNoteEdit(current, 3, { text: 'Older' }, '2026-11-28T10:00:00.000Z')).toEqual({ ok: false, code: 'stale', current });
    expect(applyNoteEdit(current, 6, { text: 'Future' }, '2026-11-28T10:00:00.000Z').ok).toBe(false);
  });

  it('keeps a note either in a zone or free, and leaves a cluster when it leaves the zone', () => {
    const inCluster = note({ clusterId: '01930000-0000-7000-8000-0000000000c1' });
    expect(normalisePlacement(inCluster, { zoneKey: 'channels' })).toEqual({ zoneKey: 'channels', clusterId: null, x: null, y: null });
    expect(normalisePlacement(inCluster, { zoneKey: null, x: 10, y: 20 })).toEqual({ zoneKey: null, clusterId: null, x: 10, y: 20 });
    expect(normalisePlacement(inCluster, { text: 'x' })).toEqual({ text: 'x' });
  });
});

describe('reconcile', () => {
  it('keeps the higher version, then the later update, then the greater text', () => {
    expect(reconcile(note({ version: 4 }), note({ version: 5, text: 'b' })).text).toBe('b');
    expect(reconcile(note({ updatedAt: '2026-11-28T11:00:00.000Z', text: 'late' }), note({ text: 'early' })).text).toBe('late');
    expect(reconcile(note({ text: 'a' }), note({ text: 'b' })).text).toBe('b');
  });

  it('gives every replica the same result whatever order copies arrive in', () => {
    const copy = fc.record({ version: fc.integer({ min: 1, max: 4 }), text: fc.constantFrom('a', 'b', 'c'), updatedAt: fc.constantFrom('2026-11-28T09:00:00.000Z', '2026-11-28T10:00:00.000Z') });
    fc.assert(
      fc.property(fc.array(copy, { minLength: 1, maxLength: 6 }), (copies) => {
        const notes = copies.map((c) => note(c));
        const forward = notes.reduce((a, b) => reconcile(a, b));
        const backward = [...notes].reverse().reduce((a, b) => reconcile(a, b));
        expect(backward).toEqual(forward);
      }),
    );
  });

  it('merges lists by id', () => {
    const other = note({ id: '01930000-0000-7000-8000-000000000009', text: 'other' });
    const merged = reconcileAll([note({ version: 2 }), other], [note({ version: 3, text: 'new' })]);
    expect(merged.map((n) => n.text)).toEqual(['new', 'other']);
  });
});
