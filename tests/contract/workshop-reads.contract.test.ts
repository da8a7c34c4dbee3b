/**
 * The workshop's facilitation is read on every participant request, so its parsed value is kept by
 * its stored text (workshops-repo.ts): the same text gives the same frozen value, a change is read
 * fresh, and a damaged row still fails on every read.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorkshopsRepo } from '../../electron/core/workshops/workshops-repo';
import type { Workshop } from '../../electron/shared/workshop/model';
import { callValue, makeCore, type TestCore } from '../support/core';

let test: TestCore;
beforeEach(() => (test = makeCore()));
afterEach(() => test.close());

describe('reading a workshop', () => {
  it('parses a facilitation text once, reads a change fresh, and refuses a damaged row every time', async () => {
    const canvas = await callValue<{ id: string }>(test, 'canvases.create', { templateId: 'empathy-map', title: 'Visa office visit' });
    const started = await callValue<Workshop>(test, 'workshops.start', { canvasId: canvas.id });
    const repo = createWorkshopsRepo(test.core.db);

    const first = repo.workshop(started.id)!.facilitation;
    expect(repo.workshop(started.id)!.facilitation).toBe(first);
    expect(Object.isFrozen(first) && Object.isFrozen(first.timer) && Object.isFrozen(first.lockedZones)).toBe(true);

    await callValue(test, 'workshops.lock', { id: started.id, all: false, zones: ['pains'] });
    expect(repo.workshop(started.id)!.facilitation.lockedZones).toEqual(['pains']);
    expect(first.lockedZones).toEqual([]);

    test.core.db.prepare('UPDATE workshops SET facilitation = ? WHERE id = ?').run(JSON.stringify({ ...first, lockedZones: 'pains' }), started.id);
    expect(() => repo.workshop(started.id)).toThrow();
    expect(() => repo.workshop(started.id)).toThrow();
  });
});
