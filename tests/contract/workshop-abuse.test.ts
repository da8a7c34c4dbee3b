/**
 * The workshop server on 127.0.0.1 under hostile requests. Every one is refused or neutralised, and
 * a refused one writes nothing: the whole database is compared before and after.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Note } from '../../electron/shared/canvas/model';
import { MAX_PARTICIPANT_BODY } from '../../electron/core/workshops/lan-door';
import { callValue, makeCore, type TestCore } from '../support/core';
import { rawRequest, serveWorkshop } from '../support/workshop';

let test: TestCore;
let ws: Awaited<ReturnType<typeof serveWorkshop>>;
beforeEach(async () => {
  test = makeCore();
  ws = await serveWorkshop(test);
});
afterEach(() => test.close());

const note = { zoneKey: 'see', text: 'Long queue at the door' };
const errorOf = (body: string) => (JSON.parse(body) as { error: { code: string; issues?: { code: string }[] } }).error;

/** Runs `attempt`, which must be refused with `status`, and proves nothing was written. */
async function refusedWithoutWrites<R extends { status: number; body: string }>(status: number, attempt: () => Promise<R>): Promise<R> {
  const before = test.snapshot();
  const response = await attempt();
  expect(response.status, response.body).toBe(status);
  expect(test.snapshot()).toEqual(before);
  return response;
}

describe('the workshop server refuses', () => {
  it('a request without a token, with a wrong token, or with the host API token', async () => {
    await refusedWithoutWrites(401, () => ws.call('participant.addNote', note));
    await refusedWithoutWrites(401, () => ws.call('participant.addNote', note, 'A'.repeat(43)));
    await refusedWithoutWrites(401, () => ws.call('participant.addNote', note, 'test-token-0123456789abcdef'));
    await refusedWithoutWrites(401, () => rawRequest(ws.serving.port, { path: '/api/events', headers: { Host: ws.host } }));
  });

  it('a join with the wrong secret', async () => {
    const response = await refusedWithoutWrites(401, () => ws.call('participant.join', { secret: 'B'.repeat(24), displayName: 'Mallory' }));
    expect(errorOf(response.body).issues?.[0].code).toBe('workshop_ended');
  });

  it('a revoked token, once the workshop has ended, even on the next workshop of the same canvas', async () => {
    const { token } = await ws.join('Amal');
    expect((await ws.call('participant.addNote', note, token)).status).toBe(200);
    await callValue(test, 'workshops.end', { id: ws.workshop.id });
    // Ending stopped the server; a new workshop gets its own.
    await expect(ws.call('participant.view', { language: 'en' }, token)).rejects.toThrow(/ECONNREFUSED/);
    const next = await callValue<{ id: string }>(test, 'workshops.start', { canvasId: ws.canvas.id });
    const serving = await callValue<{ port: number }>(test, 'workshops.serve', { workshopId: next.id, address: '127.0.0.1' });
    const host = `127.0.0.1:${serving.port}`;
    const response = await refusedWithoutWrites(401, () =>
      rawRequest(serving.port, {
        method: 'POST',
        path: '/api/call/participant.addNote',
        headers: { Host: host, 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(note),
      }),
    );
    expect(errorOf(response.body).issues?.[0].code).toBe('workshop_ended');
  });

  it('a foreign Origin, Sec-Fetch-Site: cross-site, and a Host that is not the published one', async () => {
    const { token } = await ws.join('Amal');
    await refusedWithoutWrites(403, () => ws.call('participant.addNote', note, token, { Origin: 'http://evil.example' }));
    await refusedWithoutWrites(403, () => ws.call('participant.addNote', note, token, { 'Sec-Fetch-Site': 'cross-site' }));
    await refusedWithoutWrites(403, () => ws.call('participant.addNote', note, token, { Host: 'evil.example', Origin: 'http://evil.example' }));
    await refusedWithoutWrites(403, () => ws.call('participant.addNote', note, token, { Host: `localhost:${ws.serving.port}`, Origin: `http://localhost:${ws.serving.port}` }));
    await refusedWithoutWrites(403, () => rawRequest(ws.serving.port, { path: '/api/events', headers: { Host: ws.host, Origin: 'http://evil.example', Authorization: `Bearer ${token}` } }));
    await refusedWithoutWrites(403, () => rawRequest(ws.serving.port, { path: '/api/events', headers: { Host: 'rebound.example', Authorization: `Bearer ${token}` } }));
  });

  it('a page asked for under another name for this computer, with what to do instead in the visitor’s language and no address', async () => {
    const uzbek = await refusedWithoutWrites(421, () => rawRequest(ws.serving.port, { path: '/join', headers: { Host: `localhost:${ws.serving.port}`, 'Accept-Language': 'de-DE, uz-UZ;q=0.8, ru;q=0.5' } }));
    expect(uzbek.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(uzbek.headers['content-security-policy']).toBeDefined();
    expect(uzbek.body).toContain('<html lang="uz" dir="ltr">');
    expect(uzbek.body).toContain('Moderator koʻrsatgan havolani oching yoki QR kodni skanerlang.');
    expect(uzbek.body).not.toContain(ws.host);
    const arabic = await refusedWithoutWrites(421, () => rawRequest(ws.serving.port, { path: '/', headers: { Host: 'rebound.example', 'Accept-Language': 'ar-AE' } }));
    expect(arabic.body).toContain('<html lang="ar" dir="rtl">');
    const unknown = await refusedWithoutWrites(421, () => rawRequest(ws.serving.port, { path: '/join', headers: { Host: 'rebound.example' } }));
    expect(unknown.body).toContain('Open the join link or scan the QR code the facilitator shows.');
  });

  it('an oversized body, declared or not, and JSON nested too deep', async () => {
    const { token } = await ws.join('Amal');
    const big = { ...note, text: 'x'.repeat(MAX_PARTICIPANT_BODY) };
    await refusedWithoutWrites(413, () => ws.call('participant.addNote', big, token));
    await refusedWithoutWrites(413, () =>
      rawRequest(ws.serving.port, {
        method: 'POST',
        path: '/api/call/participant.addNote',
        headers: { Host: ws.host, 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, 'Transfer-Encoding': 'chunked' },
        body: JSON.stringify(big),
      }),
    );
    await refusedWithoutWrites(400, () =>
      rawRequest(ws.serving.port, {
        method: 'POST',
        path: '/api/call/participant.addNote',
        headers: { Host: ws.host, 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: '['.repeat(50) + ']'.repeat(50),
      }),
    );
    // A note longer than a note may be is refused by the schema, like over IPC.
    await refusedWithoutWrites(400, () => ws.call('participant.addNote', { ...note, text: 'y'.repeat(5001) }, token));
  });

  it('a flood beyond the rate limit: the excess is refused with 429 and writes nothing', async () => {
    const { token } = await ws.join('Amal');
    const results = await Promise.all(Array.from({ length: 80 }, (_, i) => ws.call('participant.addNote', { ...note, text: `flood ${i}` }, token)));
    const accepted = results.filter((r) => r.status === 200).length;
    const limited = results.filter((r) => r.status === 429).length;
    expect(accepted + limited).toBe(80);
    expect(limited).toBeGreaterThan(0);
    const stored = (test.snapshot().canvas_notes as { text: string }[]).filter((n) => n.text.startsWith('flood'));
    expect(stored).toHaveLength(accepted);
  });

  it('a participant calling host-only methods, whatever the input', async () => {
    const { token } = await ws.join('Amal');
    const attempts: [string, unknown][] = [
      ['projects.create', { title: 'Injected' }],
      ['canvases.get', { id: ws.canvas.id }],
      ['canvases.list', {}],
      ['notes.create', { canvasId: ws.canvas.id, notes: [{ text: 'x', zoneKey: 'see' }] }],
      ['workshops.end', { id: ws.workshop.id }],
      ['workshops.setPrivate', { id: ws.workshop.id, on: false }],
      ['settings.update', { language: 'ar' }],
      ['backups.create', {}],
      ['portfolio.export', { format: 'csv', language: 'en' }],
      ['lab.loadSample', {}],
    ];
    for (const [method, input] of attempts) {
      const response = await refusedWithoutWrites(403, () => ws.call(method, input, token));
      expect(errorOf(response.body).code).toBe('forbidden');
    }
    await refusedWithoutWrites(404, () => ws.call('no.such', {}, token));
  });

  it("a participant changing someone else's note or a note of another canvas", async () => {
    const amal = await ws.join('Amal');
    const bek = await ws.join('Bek');
    const mine = JSON.parse((await ws.call('participant.addNote', note, amal.token)).body) as { value: Note };
    await refusedWithoutWrites(403, () => ws.call('participant.editNote', { id: mine.value.id, baseVersion: 1, text: 'hijacked' }, bek.token));
    await refusedWithoutWrites(403, () => ws.call('participant.deleteNote', { id: mine.value.id, baseVersion: 1 }, bek.token));
    const other = await callValue<{ id: string }>(test, 'canvases.create', { templateId: 'empathy-map', title: 'Private canvas' });
    const [foreign] = await callValue<Note[]>(test, 'notes.create', { canvasId: other.id, notes: [{ text: 'Secret', zoneKey: 'see' }] });
    await refusedWithoutWrites(403, () => ws.call('participant.editNote', { id: foreign.id, baseVersion: 1, text: 'x' }, amal.token));
    const view = JSON.parse((await ws.call('participant.view', { language: 'en' }, amal.token)).body) as { value: { notes: Note[] } };
    expect(view.value.notes.map((n) => n.text)).not.toContain('Secret');
  });

  it('script in a note: stored as the text it is, answered as JSON under a strict CSP', async () => {
    const { token } = await ws.join('<b>Amal</b>');
    const text = '<img src=x onerror="alert(1)"><script>alert(1)</script>';
    const response = await ws.call('participant.addNote', { ...note, text }, token);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    const stored = test.snapshot().canvas_notes as { text: string; author: string }[];
    expect(stored.find((n) => n.text === text)?.author).toBe('<b>Amal</b>');
  });

  it('paths that are not the participant page: no host UI, no directory listing, no traversal', async () => {
    for (const path of ['/', '/assets/', '/api/', '/api/methods', '/index.html', '/../package.json', '/%2e%2e/package.json', '/projects']) {
      const response = await rawRequest(ws.serving.port, { path, headers: { Host: ws.host } });
      expect(response.status, path).toBe(404);
      expect(response.body).not.toMatch(/<a href|Index of/i);
    }
  });
});
