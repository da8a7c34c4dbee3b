import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../electron/core/dispatch';
import { ApiFailure } from '../../electron/shared/api/envelope';
import { makeCore, silentLogger, type TestCore } from '../support/core';

let test: TestCore;
beforeEach(() => (test = makeCore()));
afterEach(() => test.close());

describe('the dispatcher', () => {
  it('refuses host methods to workshop participants before validating or running anything', async () => {
    const before = test.snapshot();
    const result = await test.call('projects.create', { title: 'x' }, { role: 'participant', door: 'http' });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(test.snapshot()).toEqual(before);
  });

  it('shows participants only the methods they may call', async () => {
    const result = await test.call('app.methods', {}, { role: 'participant', door: 'http' });
    expect(result).toEqual({
      ok: true,
      value: ['app.methods', 'participant.join', 'participant.view', 'participant.status', 'participant.addNote', 'participant.editNote', 'participant.deleteNote', 'participant.vote', 'participant.unvote'],
    });
  });

  it('turns thrown failures into envelopes, and unexpected errors into "internal" without details', async () => {
    const errors: string[] = [];
    const dispatcher = createDispatcher(
      {
        'jobs.list': () => {
          throw new ApiFailure('conflict', 'busy');
        },
        'pillars.list': () => {
          throw new Error('disk on fire');
        },
      },
      { ...silentLogger, error: (message) => errors.push(message) },
    );
    const caller = { role: 'host', door: 'inprocess' } as const;
    expect(await dispatcher.dispatch('jobs.list', {}, caller)).toEqual({ ok: false, error: { code: 'conflict', message: 'busy' } });
    const internal = await dispatcher.dispatch('pillars.list', {}, caller);
    expect(internal).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(internal)).not.toContain('disk on fire');
    expect(errors).toEqual(['pillars.list failed']);
  });

  it('treats a missing input as an empty object', async () => {
    expect(await test.call('pillars.list', undefined)).toMatchObject({ ok: true });
  });

  it('does not treat inherited object keys as methods', async () => {
    expect(await test.call('constructor', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(await test.call('__proto__', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  });
});
