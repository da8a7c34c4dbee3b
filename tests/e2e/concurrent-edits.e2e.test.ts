/**
 * Two people on one record: this page (the browser) and a colleague on another door (the HTTP API
 * here). A form saves only the fields its user changed, so a colleague's change to another field is
 * never written back over; while the user types, the record changing elsewhere keeps their words and
 * shows the rest as stored, and a change to the very field they are typing in is flagged; after a
 * save the app tidied, the form follows the record again; locking a protocol seals what is stored, not what the page loaded. A
 * gate decision taken while a colleague moved the project is refused in words. A measurement typed for a KPI deleted elsewhere says the record is gone. A page whose event stream
 * broke reads everything again when it reconnects. A participant's double tap on Add adds one note, and on a vote casts one vote.
 */
import type { Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Note } from '../../electron/shared/canvas/model';
import { openApp } from '../support/app-page';
import { callServed } from '../support/serve';

let app: Awaited<ReturnType<typeof openApp>>;
let page: Page;

const api = <T = { id: string }>(method: string, input: unknown) => callServed<T>(app.served, method, input);
const open = async (hash: string, heading: string) => {
  await page.goto(`${app.served.origin}/#/${hash}`);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
};

beforeAll(async () => {
  app = await openApp();
  page = app.page;
});
afterAll(() => app?.close());

describe('a form open while a colleague edits the same record', () => {
  it('keeps what the user is typing, shows the rest as stored, and saves only what the user changed', async () => {
    const project = await api('projects.create', { title: 'Queue for kindergartens', summary: 'First summary' });
    await open(`projects/${project.id}`, 'Queue for kindergartens');
    const summary = page.getByRole('textbox', { name: 'Summary' });
    await summary.fill('Parents see their place in the queue');
    await api('projects.update', { id: project.id, patch: { title: 'Kindergarten queue online' } });
    await page.getByRole('heading', { level: 1, name: 'Kindergarten queue online' }).waitFor();
    await expect.poll(() => page.getByRole('textbox', { name: 'Title' }).inputValue()).toBe('Kindergarten queue online');
    expect(await summary.inputValue()).toBe('Parents see their place in the queue');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').getByText('Saved').waitFor();
    const stored = await api<{ title: string; summary: string }>('projects.get', { id: project.id });
    expect(stored).toMatchObject({ title: 'Kindergarten queue online', summary: 'Parents see their place in the queue' });
  });

  it('warns when a colleague changed a field the user is changing too, and saving keeps the user’s version', async () => {
    const project = await api('projects.create', { title: 'Permits in a day', summary: 'One form for three offices' });
    await open(`projects/${project.id}`, 'Permits in a day');
    const summary = page.getByRole('textbox', { name: 'Summary' });
    await summary.fill('One form, one visit');
    await api('projects.update', { id: project.id, patch: { summary: 'One form for four offices' } });
    const warning = page.getByRole('status').filter({ hasText: 'Someone changed this record elsewhere while you were editing it' });
    await warning.waitFor();
    expect(await summary.inputValue()).toBe('One form, one visit');
    await page.getByRole('button', { name: 'Save' }).click();
    await warning.waitFor({ state: 'detached' });
    expect(await api<{ summary: string }>('projects.get', { id: project.id })).toMatchObject({ summary: 'One form, one visit' });
  });

  it('follows the record again after a save the app tidied (trimmed), so a later change elsewhere shows', async () => {
    const project = await api('projects.create', { title: 'Clinic queue' });
    await open(`projects/${project.id}`, 'Clinic queue');
    const summary = page.getByRole('textbox', { name: 'Summary' });
    await summary.fill('Numbers by SMS   ');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').getByText('Saved').waitFor();
    await expect.poll(() => summary.inputValue()).toBe('Numbers by SMS');
    await api('projects.update', { id: project.id, patch: { summary: 'Numbers by SMS and by phone' } });
    await expect.poll(() => summary.inputValue()).toBe('Numbers by SMS and by phone');
  });

  it('does not write back a field it did not touch, even when it was opened before the change', async () => {
    const challenge = await api('challenges.create', { title: 'Visa queues', context: 'Mornings are busy' });
    await open(`challenges/${challenge.id}`, 'Visa queues');
    // The colleague's change reaches the page first; then the user edits another field and saves.
    await api('challenges.update', { id: challenge.id, patch: { context: 'Mornings and Fridays are busy' } });
    await expect.poll(() => page.getByRole('textbox', { name: 'Context' }).inputValue()).toBe('Mornings and Fridays are busy');
    await page.getByRole('textbox', { name: 'Challenge' }).fill('Visa office queues');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { level: 1, name: 'Visa office queues' }).waitFor();
    expect(await api<{ context: string }>('challenges.get', { id: challenge.id })).toMatchObject({ context: 'Mornings and Fridays are busy' });
  });

  it('locks the protocol as stored, with a colleague’s draft edits in it', async () => {
    const project = await api('projects.create', { title: 'Clinic appointments' });
    const { pilot } = await api<{ pilot: { id: string } }>('pilots.create', { projectId: project.id, title: 'SMS reminders', primaryOutcome: 'Missed appointments' });
    await open(`pilots/${pilot.id}`, 'SMS reminders');
    await page.getByRole('form', { name: 'Protocol' }).getByRole('textbox', { name: 'Primary outcome' }).waitFor();
    await api('pilots.update', { id: pilot.id, patch: { primaryOutcome: 'Share of missed appointments', plannedSampleSize: 500 } });
    await expect.poll(() => page.getByRole('textbox', { name: 'Primary outcome' }).inputValue()).toBe('Share of missed appointments');
    await page.getByRole('button', { name: 'Lock protocol' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Lock protocol' }).click();
    await page.getByText(/^Protocol locked on /).waitFor();
    const { pilot: locked } = await api<{ pilot: { lockedProtocol: { primaryOutcome: string; plannedSampleSize: number } } }>('pilots.get', { id: pilot.id });
    expect(locked.lockedProtocol).toMatchObject({ primaryOutcome: 'Share of missed appointments', plannedSampleSize: 500 });
  });

  it('keeps a pilot decision’s fields a colleague set while the user changes another one', async () => {
    const project = await api('projects.create', { title: 'Birth registration online' });
    const { pilot } = await api<{ pilot: { id: string } }>('pilots.create', { projectId: project.id, title: 'Hospital kiosks' });
    await api('pilots.decide', { pilotId: pilot.id, decision: 'adapt', conditions: 'Two hospitals first', decidedOn: '2026-10-01' });
    await open(`pilots/${pilot.id}`, 'Hospital kiosks');
    const form = page.getByRole('form', { name: 'Decision' });
    const conditions = form.getByRole('textbox', { name: 'Conditions' });
    await expect.poll(() => conditions.inputValue()).toBe('Two hospitals first');
    await api('pilots.decide', { pilotId: pilot.id, decision: 'adapt', conditions: 'Two hospitals, then the region', decidedOn: '2026-10-01' });
    await expect.poll(() => conditions.inputValue()).toBe('Two hospitals, then the region');
    await form.getByRole('radio', { name: 'Scale' }).check();
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByRole('status').getByText('Saved').waitFor();
    const { pilot: decided } = await api<{ pilot: { decision: { decision: string; conditions: string } } }>('pilots.get', { id: pilot.id });
    expect(decided.decision).toMatchObject({ decision: 'scale', conditions: 'Two hospitals, then the region' });
    // Tidied by the app (trimmed) when saved, the field follows the record, with no warning of a colleague.
    await conditions.fill('Three regions   ');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => conditions.inputValue()).toBe('Three regions');
    expect(await page.getByText('Someone changed this record elsewhere while you were editing it', { exact: false }).count()).toBe(0);
  });
});

describe('a gate decision taken while a colleague moved the project', () => {
  it('is refused, saying where the project is now', async () => {
    const project = await api('projects.create', { title: 'Registry by appointment' });
    await open(`projects/${project.id}`, 'Registry by appointment');
    await page.getByRole('button', { name: 'Gate decision…' }).click();
    const dialog = page.getByRole('dialog');
    await api('gates.decide', { projectId: project.id, decision: 'advance', rationale: 'Problem is clear', decidedByName: 'Dilnoza Karimova' });
    await dialog.getByRole('textbox', { name: 'Rationale' }).fill('The problem is clear to us too');
    await dialog.getByRole('textbox', { name: 'Name of who decided' }).fill('Aziz Rakhimov');
    await dialog.getByRole('button', { name: 'Record decision' }).click();
    await dialog.getByRole('alert').getByText('The project moved to stage 2 while this decision was being taken. Close this dialog to see it as it is now.').waitFor();
    expect(await api<unknown[]>('gates.history', { projectId: project.id })).toHaveLength(1);
  });
});

describe('a measurement typed for a KPI deleted elsewhere', () => {
  it('says the record is gone, not that the value is wrong', async () => {
    const project = await api('projects.create', { title: 'Queue at the registry' });
    const { pilot } = await api<{ pilot: { id: string } }>('pilots.create', { projectId: project.id, title: 'Online numbers', startsOn: '2026-01-01', endsOn: '2026-12-31' });
    const kpi = await api('pilots.addKpi', { pilotId: pilot.id, name: 'Minutes waited', kind: 'continuous' });
    await api('pilots.setMeasurement', { kpiId: kpi.id, group: 'pilot', period: '2026-02-01', value: 40 });
    // Held, never answered: the page does not hear of the deletion before the user types.
    await page.route('**/api/events', () => {});
    try {
      await page.goto(`${app.served.origin}/#/pilots/${pilot.id}`);
      await page.reload();
      const grid = page.getByRole('table', { name: 'Measurements of Minutes waited' });
      const comparison = grid.locator('tbody tr').first().getByRole('textbox').nth(1);
      await comparison.waitFor();
      await api('pilots.deleteKpi', { id: kpi.id });
      await comparison.fill('45');
      await comparison.press('Tab');
      await grid.getByRole('alert').getByText('This record does not exist any more. It may have been deleted.').waitFor();
    } finally {
      await page.unroute('**/api/events');
    }
  });
});

describe('a page whose event stream broke', () => {
  it('reads everything again when the stream reconnects', async () => {
    // The first stream ends at once (as when serve restarts); the reconnection is held until the
    // colleague's change is made, so the page cannot hear of that change as an event.
    let streams = 0;
    let held: Route | undefined;
    await page.route('**/api/events', (route) => {
      streams++;
      if (streams === 1) void route.fulfill({ status: 200, headers: { 'Content-Type': 'text/event-stream' }, body: 'event: connected\ndata: {}\n\n' });
      else if (streams === 2) held = route;
      else void route.continue();
    });
    try {
      await api('projects.create', { title: 'Made before the page opened' });
      await page.goto(`${app.served.origin}/#/projects`);
      // A new document, so that its stream goes through the route.
      await page.reload();
      await page.getByRole('link', { name: 'Made before the page opened' }).waitFor();
      await expect.poll(() => held !== undefined).toBe(true);
      await api('projects.create', { title: 'Made while the stream was down' });
      await held!.continue();
      await page.getByRole('link', { name: 'Made while the stream was down' }).waitFor();
    } finally {
      await page.unroute('**/api/events');
    }
  });
});

describe('a participant on a phone', () => {
  it('adds one note for a double tap on Add, and casts one vote for a double tap on a vote', async () => {
    const canvas = await api('canvases.create', { templateId: 'empathy-map', title: 'Clinic visit' });
    const workshop = await api('workshops.start', { canvasId: canvas.id });
    const { joinUrl } = await api<{ joinUrl: string }>('workshops.serve', { workshopId: workshop.id, address: '127.0.0.1' });
    const phone = await app.browser.newContext({ viewport: { width: 390, height: 844 } });
    try {
      const participant = await phone.newPage();
      participant.setDefaultTimeout(10_000);
      await participant.goto(joinUrl);
      await participant.getByRole('textbox', { name: 'Your name' }).fill('Amal');
      await participant.getByRole('button', { name: 'Join' }).click();
      const see = participant.locator('section[data-zone="see"]');
      await see.getByRole('textbox', { name: /^New note in/ }).fill('Long queue');
      await see.getByRole('button', { name: 'Add' }).dblclick();
      await see.locator('li').getByText('Long queue', { exact: true }).waitFor();
      // A note added after the double tap is answered after any second add it sent.
      await see.getByRole('textbox', { name: /^New note in/ }).fill('Forms only in English');
      await see.getByRole('button', { name: 'Add' }).click();
      await see.locator('li').getByText('Forms only in English', { exact: true }).waitFor();
      const { notes } = await api<{ notes: Note[] }>('canvases.get', { id: canvas.id });
      expect(notes.filter((n) => n.text === 'Long queue')).toHaveLength(1);

      // Several votes per note are allowed here, so only the guard keeps a double tap to one vote.
      const vote = await api('workshops.startVote', { workshopId: workshop.id, title: 'Most urgent', votesPerPerson: 3 });
      const queue = see.locator('li').filter({ hasText: 'Long queue' });
      await participant.getByText('3 votes left').waitFor();
      await queue.getByRole('button', { name: /^Vote for this note/ }).dblclick();
      await participant.getByText('2 votes left').waitFor();
      // A deliberate second vote once the first is answered still counts.
      await queue.getByRole('button', { name: /^Vote for this note/ }).click();
      await participant.getByText('1 vote left').waitFor();
      const sessions = await api<{ id: string; votesCast: number }[]>('workshops.votes', { canvasId: canvas.id });
      expect(sessions.find((s) => s.id === vote.id)?.votesCast).toBe(2);
    } finally {
      await phone.close();
    }
  });
});
