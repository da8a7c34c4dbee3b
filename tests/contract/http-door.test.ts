/**
 * What only the HTTP door has to defend: the token, Host and Origin checks, body limits, malformed
 * and deeply nested JSON, the method listing and the event stream. Every refusal writes nothing.
 */
import { request } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../electron/core/http/http-door';
import { makeCore, openHttpDoor, type TestCore } from '../support/core';

let test: TestCore;
let door: Awaited<ReturnType<typeof openHttpDoor>>;

beforeEach(async () => {
  test = makeCore();
  door = await openHttpDoor(test);
  await door.call('projects.create', { title: 'Existing' });
});
afterEach(async () => {
  await door.close();
  test.close();
});

/** node:http, because fetch will not let a test set Host or send a body it does not like. */
function raw(options: { method?: string; path: string; headers: Record<string, string>; body?: string | Buffer }) {
  const url = new URL(door.origin);
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, method: options.method ?? 'POST', path: options.path, headers: options.headers }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const auth = () => ({ Authorization: `Bearer ${door.token}`, 'Content-Type': 'application/json' });
const create = JSON.stringify({ title: 'Should not be stored' });

describe('the HTTP door refuses and writes nothing', () => {
  it.each([
    ['no token', () => ({ 'Content-Type': 'application/json' }), 401, 'unauthorized'],
    ['a wrong token', () => ({ ...auth(), Authorization: `Bearer ${'x'.repeat(door.token.length)}` }), 401, 'unauthorized'],
    ['a token of another length', () => ({ ...auth(), Authorization: 'Bearer short' }), 401, 'unauthorized'],
    ['a foreign Origin', () => ({ ...auth(), Origin: 'http://evil.example' }), 403, 'forbidden'],
    ['Sec-Fetch-Site: cross-site', () => ({ ...auth(), 'Sec-Fetch-Site': 'cross-site' }), 403, 'forbidden'],
    ['a Host that is not ours (DNS rebinding)', () => ({ ...auth(), Host: 'attacker.example:80' }), 403, 'forbidden'],
    ['a body that is not JSON', () => ({ ...auth(), 'Content-Type': 'text/plain' }), 400, 'bad_request'],
  ])('%s', async (_what, headers, status, code) => {
    const before = test.snapshot();
    const response = await raw({ path: '/api/call/projects.create', headers: headers(), body: create });
    expect(response.status).toBe(status);
    expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code } });
    expect(test.snapshot()).toEqual(before);
  });

  it('an oversized body, whatever Content-Length says', async () => {
    const before = test.snapshot();
    const huge = JSON.stringify({ title: 'x', summary: 'y'.repeat(MAX_BODY_BYTES) });
    const declared = await raw({ path: '/api/call/projects.create', headers: auth(), body: huge });
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body)).toMatchObject({ error: { code: 'payload_too_large' } });
    const chunked = await raw({ path: '/api/call/projects.create', headers: { ...auth(), 'Transfer-Encoding': 'chunked' }, body: huge });
    expect(chunked.status).toBe(413);
    expect(test.snapshot()).toEqual(before);
  });

  it('malformed and deeply nested JSON', async () => {
    const before = test.snapshot();
    for (const body of ['{"title": "x"', '[]]', '['.repeat(100_000) + ']'.repeat(100_000), '{"title":' + '{"a":'.repeat(70) + '1' + '}'.repeat(71)]) {
      const response = await raw({ path: '/api/call/projects.create', headers: auth(), body });
      expect(response.status).toBe(400);
      expect(JSON.parse(response.body).error.code).toBe('bad_request');
    }
    expect(test.snapshot()).toEqual(before);
  });

  it('a body that is not UTF-8 (a Windows code page), rather than storing replacement characters', async () => {
    const before = test.snapshot();
    const arabic1256 = Buffer.concat([Buffer.from('{"title":"'), Buffer.from([0xe3, 0xd1, 0xc7, 0xdf, 0xd2]), Buffer.from('"}')]);
    const response = await raw({ path: '/api/call/projects.create', headers: { ...auth(), 'Content-Type': 'application/json; charset=windows-1256' }, body: arabic1256 });
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(test.snapshot()).toEqual(before);
  });

  it('half of a surrogate pair sent as a JSON escape, in a value or a key, at any depth', async () => {
    const before = test.snapshot();
    for (const body of ['{"title":"Queue\\ud800 x"}', '{"title":"ok","summary":"\\udc00"}']) {
      const response = await door.post('projects.create', body);
      expect(response.status).toBe(400);
      expect(JSON.parse(await response.text())).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ code: 'broken_characters' }] } });
    }
    const nested = await door.post('notes.update', '{"canvasId":"00000000-0000-4000-8000-000000000000","edits":[{"id":"x","\\ud83d":1}]}');
    expect(JSON.parse(await nested.text())).toMatchObject({ error: { issues: [{ path: ['edits', 0, '\ud83d'], code: 'broken_characters' }] } });
    // A whole pair is a character like any other.
    expect((await door.post('projects.create', '{"title":"Queue \\ud83d\\ude00"}')).status).toBe(200);
    expect(test.snapshot().projects).toHaveLength(before.projects.length + 1);
  });

  it('an unknown method, a method name that is not valid percent-encoding, and an unknown route', async () => {
    expect((await raw({ path: '/api/call/projects.drop', headers: auth(), body: '{}' })).status).toBe(404);
    const broken = await raw({ path: '/api/call/projects.%E0%A4%A', headers: auth(), body: '{}' });
    expect(broken.status).toBe(404);
    expect(JSON.parse(broken.body)).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect((await raw({ method: 'GET', path: '/api/secrets', headers: auth() })).status).toBe(404);
  });

  it('prototype-pollution keys are refused as unknown fields, and nothing is polluted', async () => {
    const response = await door.post('projects.create', '{"title":"x","__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}');
    expect(response.status).toBe(400);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('the HTTP door describes itself', () => {
  it('lists every method with its access and its input as JSON Schema', async () => {
    const response = await fetch(`${door.origin}/api/methods`, { headers: auth() });
    const methods = (await response.json()) as { name: string; access: string; input: { type?: string; properties?: Record<string, unknown> } }[];
    const create = methods.find((m) => m.name === 'projects.create');
    expect(create?.access).toBe('host');
    expect(create?.input.properties).toHaveProperty('title');
    expect(methods.map((m) => m.name)).not.toContain('desktop.openDataFolder');
  });

  it('requires the token for the listing', async () => {
    expect((await fetch(`${door.origin}/api/methods`)).status).toBe(401);
  });

  it('pushes data.changed events to an open event stream', async () => {
    const controller = new AbortController();
    const response = await fetch(`${door.origin}/api/events`, { headers: auth(), signal: controller.signal });
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    await reader.read(); // the `connected` event: the subscription is in place
    await door.call('projects.create', { title: 'Pushed' });
    let text = '';
    while (!text.includes('\n\n') || !text.includes('data.changed')) text += (await reader.read()).value;
    expect(text).toMatch(/event: data\.changed\ndata: \{"area":"projects","id":"[0-9a-f-]{36}"\}/);
    controller.abort();
  });
});
