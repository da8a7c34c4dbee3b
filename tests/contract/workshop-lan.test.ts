/** The workshop server as a participant's browser uses it: join link and QR code, live events, the end. */
import { createServer, type AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hostHeader } from '../../electron/core/workshops/lan';
import type { NetworkInterface } from '../../electron/shared/workshop/model';
import { callValue, makeCore, type TestCore } from '../support/core';
import { serveWorkshop } from '../support/workshop';

let test: TestCore;
beforeEach(() => (test = makeCore()));
afterEach(() => test.close());

/** Reads event names from a participant's event stream as they arrive. */
async function eventStream(port: number, token: string) {
  const controller = new AbortController();
  const response = await fetch(`http://127.0.0.1:${port}/api/events`, { headers: { Authorization: `Bearer ${token}` }, signal: controller.signal });
  expect(response.status).toBe(200);
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  return {
    /** Resolves with the next event's name and data (a signal, not a timeout); 'closed' when the stream ends. */
    async nextWithData(): Promise<{ name: string; data: string }> {
      for (;;) {
        const match = /event: (\w+)\ndata: (.*)\n\n/.exec(buffer);
        if (match) {
          buffer = buffer.slice(match.index + match[0].length);
          return { name: match[1], data: match[2] };
        }
        const { value, done } = await reader.read();
        if (done) return { name: 'closed', data: '' };
        buffer += value;
      }
    },
    async next(): Promise<string> {
      return (await this.nextWithData()).name;
    },
    close: () => controller.abort(),
  };
}

describe('the workshop server', () => {
  it('listens only on an address this machine has, and draws the join link as a QR code', async () => {
    const interfaces = await callValue<NetworkInterface[]>(test, 'workshops.interfaces', {});
    expect(interfaces).toContainEqual(expect.objectContaining({ address: '127.0.0.1', internal: true }));
    const ws = await serveWorkshop(test);
    expect(ws.serving.joinUrl).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${ws.serving.port}/join#[A-Za-z0-9_-]{24}$`));
    expect(ws.serving.qrSvg).toMatch(/^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(ws.serving.qrSvg).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
    expect(await callValue(test, 'workshops.serving', { workshopId: ws.workshop.id })).toEqual(ws.serving);
    for (const address of ['0.0.0.0', '203.0.113.7']) {
      const refused = await test.call('workshops.serve', { workshopId: ws.workshop.id, address });
      expect(refused.ok || refused.error.issues?.[0].code).toBe('unknown_reference');
    }
  });

  it('names the host as a browser sends it: without the port on port 80, which a browser leaves out', () => {
    expect(hostHeader('192.168.1.20', 80)).toBe('192.168.1.20');
    expect(hostHeader('192.168.1.20', 8080)).toBe('192.168.1.20:8080');
  });

  it('remembers the address and port it last opened on, for the next workshop; the UI cannot set them directly', async () => {
    expect(await callValue(test, 'settings.get', {})).toMatchObject({ workshopAddress: null, workshopPort: 0 });
    const free = await serveWorkshop(test);
    await callValue(test, 'workshops.end', { id: free.workshop.id });
    expect(await callValue(test, 'settings.get', {})).toMatchObject({ workshopAddress: '127.0.0.1', workshopPort: 0 });
    const canvas = await callValue<{ id: string }>(test, 'canvases.create', { templateId: 'empathy-map', title: 'Second visit' });
    const next = await callValue<{ id: string }>(test, 'workshops.start', { canvasId: canvas.id });
    const serving = await callValue<{ port: number }>(test, 'workshops.serve', { workshopId: next.id, address: '127.0.0.1', port: free.serving.port });
    expect(serving.port).toBe(free.serving.port);
    expect(await callValue(test, 'settings.get', {})).toMatchObject({ workshopAddress: '127.0.0.1', workshopPort: free.serving.port });
    // A port that could not be opened (another program has it) is not remembered.
    await callValue(test, 'workshops.end', { id: next.id });
    const other = createServer();
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    try {
      const canvasId = (await callValue<{ id: string }>(test, 'canvases.create', { templateId: 'empathy-map', title: 'Third visit' })).id;
      const third = await callValue<{ id: string }>(test, 'workshops.start', { canvasId });
      const taken = (other.address() as AddressInfo).port;
      expect(await test.call('workshops.serve', { workshopId: third.id, address: '127.0.0.1', port: taken })).toMatchObject({ ok: false, error: { issues: [{ code: 'port_unavailable' }] } });
    } finally {
      other.close();
    }
    expect(await callValue(test, 'settings.get', {})).toMatchObject({ workshopPort: free.serving.port });
    expect(await test.call('settings.update', { workshopPort: 8080 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it("signals every participant when a note is added, and tells them when the workshop ends", async () => {
    const ws = await serveWorkshop(test);
    const amal = await ws.join('Amal');
    const bek = await ws.join('Bek');
    const stream = await eventStream(ws.serving.port, bek.token);
    const added = ws.call('participant.addNote', { zoneKey: 'see', text: 'Queue' }, amal.token);
    // A participant's note reaches the others as the note itself, not as a signal to re-read.
    expect(await stream.next()).toBe('connected');
    expect(await stream.next()).toBe('notes');
    expect((await added).status).toBe(200);
    const view = JSON.parse((await ws.call('participant.view', { language: 'ar' }, bek.token)).body) as { value: { notes: { text: string }[]; zones: { title: string }[] } };
    expect(view.value.notes.map((n) => n.text)).toContain('Queue');
    expect(view.value.zones[0].title).toMatch(/[\u0600-\u06FF]/);

    await callValue(test, 'workshops.end', { id: ws.workshop.id });
    const seen: string[] = [];
    for (let e = await stream.next(); e !== 'closed'; e = await stream.next()) seen.push(e);
    expect(seen.at(-1)).toBe('ended');
    expect(await callValue(test, 'workshops.serving', { workshopId: ws.workshop.id })).toBeNull();
  });

  it("sends the facilitator's note edits and private mode's reveal to the room as notes, read from the board once", async () => {
    const ws = await serveWorkshop(test);
    const amal = await ws.join('Amal');
    const bek = await ws.join('Bek');
    const stream = await eventStream(ws.serving.port, bek.token);
    expect(await stream.next()).toBe('connected');

    await callValue(test, 'workshops.setPrivate', { id: ws.workshop.id, on: true });
    expect(await stream.next()).toBe('changed');
    const added = JSON.parse((await ws.call('participant.addNote', { zoneKey: 'see', text: 'Hidden for now' }, amal.token)).body) as { value: { id: string } };
    const [note] = await callValue<{ id: string; version: number }[]>(test, 'notes.update', {
      canvasId: ws.canvas.id,
      edits: [{ id: added.value.id, baseVersion: 1, patch: { text: 'Renamed by the facilitator' } }],
    });
    // Bek is not sent a note he may not see; the facilitator's edit is only a signal to him.
    expect(await stream.next()).toBe('changed');
    await callValue(test, 'workshops.setPrivate', { id: ws.workshop.id, on: false });
    const revealed = await stream.nextWithData();
    expect(revealed.name).toBe('notes');
    // Only what a phone shows and merges by: each field goes to every phone in the room.
    expect(JSON.parse(revealed.data)).toEqual({ notes: [{ id: note.id, zoneKey: 'see', text: 'Renamed by the facilitator', author: 'Amal', version: 2, hidden: false }], removed: [] });
    expect(await stream.next()).toBe('changed');

    await callValue(test, 'notes.delete', { canvasId: ws.canvas.id, notes: [{ id: note.id, baseVersion: 2 }] });
    const gone = await stream.nextWithData();
    expect(JSON.parse(gone.data)).toEqual({ notes: [], removed: [note.id] });
    stream.close();
  });
});
