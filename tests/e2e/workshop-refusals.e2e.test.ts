/**
 * Refusals a workshop screen must put into words. A facilitator's room control refused by core shows
 * its translated message, in English and Arabic: the workshop is ended from another door (the HTTP API) while this page has not heard of
 * it yet, then the facilitator starts the timer. The page's event stream is held for this (never
 * answered), and so is any reading of the workshop list until the click has landed (a panel that
 * mounts late reads it again), so the page stays behind deterministically instead of racing them.
 * The message stays once the bar catches up and shows the workshop as ended. axe-core on the bar.
 * A participant's page that missed the end (its stream held the same way) is told, on its next
 * request, that the workshop is over; and an edit on a note changed meanwhile is refused as stale,
 * in words, keeping the draft with the note as it now is shown above it; saved again, knowingly, it
 * replaces the current text.
 */
import type { BrowserContext, Page, Route } from 'playwright-core';
import type { Note } from '../../electron/shared/canvas/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, openApp, screenshot, switchLanguage, uiWords, waitReady } from '../support/app-page';
import { callServed } from '../support/serve';

let app: Awaited<ReturnType<typeof openApp>>;
let page: Page;
let canvasId: string;

const api = (method: string, input: unknown) => callServed<{ id: string }>(app.served, method, input);
const controls = () => page.locator('[data-facilitator]');

/** Readings of the workshop list held while the page must stay behind; `release` lets them through. */
const heldLists: Route[] = [];
let holdingLists = false;
function releaseLists() {
  holdingLists = false;
  for (const route of heldLists.splice(0)) void route.continue();
}

/** A running workshop this page has read, then ended elsewhere without the page hearing of it. */
async function endedBehindThePage(language: 'en' | 'ar', running: string) {
  const workshop = await api('workshops.start', { canvasId });
  await page.goto(`${app.served.origin}/#/canvases/${canvasId}`);
  await page.reload();
  await waitReady(page, language);
  await controls().getByRole('heading', { name: running }).waitFor();
  holdingLists = true;
  await api('workshops.end', { id: workshop.id });
}

/** Clicks a room control while the page is behind, then lets the page read the list again. */
async function clickBehind(name: string) {
  await controls().getByRole('button', { name }).click();
  releaseLists();
}

beforeAll(async () => {
  app = await openApp();
  page = app.page;
  canvasId = (await api('canvases.create', { templateId: 'empathy-map', title: 'Visa office visit' })).id;
  // Held, never answered: the page learns nothing from core's events in this file.
  await page.route('**/api/events', () => {});
  await page.route('**/api/call/workshops.list', (route) => (holdingLists ? void heldLists.push(route) : void route.continue()));
});
afterAll(() => app?.close());

describe("a refused room control", () => {
  it('shows its message in English and the bar catches up', async () => {
    await endedBehindThePage('en', 'Live workshop running');
    await clickBehind('Start timer');
    const alert = controls().getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe('This workshop has ended, or the link is no longer valid.');
    await controls().getByRole('button', { name: 'Start a live workshop' }).waitFor();
    expect(await alert.isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'workshop-refused-en');
  });

  it('shows it in Arabic', async () => {
    await switchLanguage(page, 'ar');
    await endedBehindThePage('ar', 'ورشة مباشرة جارية');
    await clickBehind('تشغيل المؤقت');
    const alert = controls().getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe('انتهت هذه الورشة، أو لم يعد الرابط صالحًا.');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'workshop-refused-ar');
  });
});

describe("a participant's page that is out of date", () => {
  let phone: BrowserContext;
  let participant: Page;
  let workshopId: string;
  const section = (key: string) => participant.locator(`section[data-zone="${key}"]`);
  // A note on the page, not the form's field: React mirrors a controlled textarea's value into its
  // text, so the text alone would also find the field that is still being sent.
  const shown = (key: string, text: string) => section(key).locator('li').getByText(text, { exact: true });

  beforeAll(async () => {
    await switchLanguage(page, 'en');
    workshopId = (await api('workshops.start', { canvasId })).id;
    const { joinUrl } = await callServed<{ joinUrl: string }>(app.served, 'workshops.serve', { workshopId, address: '127.0.0.1' });
    phone = await app.browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-US' });
    participant = await phone.newPage();
    // The phone's stream says `connected` once (so it reads its view) and then nothing: its
    // reconnection is held, never answered, so it hears of no change until it asks.
    let streams = 0;
    await participant.route('**/api/events', (route) => {
      if (streams++ === 0) void route.fulfill({ status: 200, headers: { 'Content-Type': 'text/event-stream' }, body: 'event: connected\ndata: {}\n\n' });
    });
    await participant.goto(joinUrl);
    await waitReady(participant, 'en');
    await participant.getByRole('textbox', { name: 'Your name' }).fill('Amal');
    await participant.getByRole('button', { name: 'Join' }).click();
    await participant.getByRole('heading', { name: 'Visa office visit' }).waitFor();
  });
  afterAll(() => phone?.close());

  /**
   * The facilitator changes the note reading `text` to `meanwhile` while the phone still holds the
   * earlier version; the participant then edits it to `draft` and is refused as stale, in words.
   */
  async function staleEdit(text: string, meanwhile: string, draft: string) {
    const [note] = (await callServed<{ notes: Note[] }>(app.served, 'canvases.get', { id: canvasId })).notes.filter((n) => n.text === text);
    await callServed(app.served, 'notes.update', { canvasId, edits: [{ id: note.id, baseVersion: note.version, patch: { text: meanwhile } }] });
    await section('see').getByRole('button', { name: uiWords('en')('workshop.edit') }).click();
    await participant.getByRole('textbox', { name: 'Edit your note' }).fill(draft);
    await participant.getByRole('button', { name: 'Save' }).click();
    await participant.getByRole('alert').getByText(uiWords('en')('workshop.participant.stale')).waitFor();
    return note;
  }

  it('refuses a stale edit in words and shows the note as it now is', async () => {
    const form = section('see');
    await form.getByRole('textbox', { name: /^New note in/ }).fill('Long queue');
    await form.getByRole('button', { name: 'Add' }).click();
    await shown('see', 'Long queue').waitFor();
    await staleEdit('Long queue', 'Long queue at 8 am', 'Queue of 40');
    // Nothing typed is lost: the draft stays open, with the note as it now is shown above it.
    expect(await participant.getByRole('textbox', { name: 'Edit your note' }).inputValue()).toBe('Queue of 40');
    const now = section('see').getByRole('status').filter({ hasText: uiWords('en')('workshop.participant.nowReads') });
    await now.getByText('Long queue at 8 am', { exact: true }).waitFor();
    expect(await axeViolations(participant)).toEqual([]);
    await screenshot(participant, 'workshop-participant-stale-en');
    // Cancelling shows the note as it now is.
    await section('see').getByRole('button', { name: 'Cancel' }).click();
    await shown('see', 'Long queue at 8 am').waitFor();
    expect(await now.count()).toBe(0);
  });

  it('replaces a changed note only when saved again with its current text in view', async () => {
    const note = await staleEdit('Long queue at 8 am', 'Long queue at 9 am', 'Queue of 50');
    await section('see').getByRole('status').getByText('Long queue at 9 am', { exact: true }).waitFor();
    // The same in Arabic, mirrored, with the draft kept across the switch.
    const pick = async (from: 'en' | 'ar', to: 'en' | 'ar') => {
      await participant.getByRole('combobox', { name: uiWords(from)('language.label') }).click();
      await participant.getByRole('option', { name: uiWords(from)(`language.${to}`) }).click();
      await waitReady(participant, to);
    };
    await pick('en', 'ar');
    expect(await participant.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await section('see').getByRole('status').filter({ hasText: uiWords('ar')('workshop.participant.nowReads') }).getByText('Long queue at 9 am', { exact: true }).waitFor();
    expect(await participant.getByRole('textbox', { name: uiWords('ar')('workshop.participant.editNote') }).inputValue()).toBe('Queue of 50');
    expect(await axeViolations(participant)).toEqual([]);
    await screenshot(participant, 'workshop-participant-stale-ar');
    await pick('ar', 'en');
    // Saved again, knowingly: the participant's text replaces the current one.
    await participant.getByRole('button', { name: 'Save' }).click();
    // The draft closes once core has stored it (until then the field itself holds the words).
    await participant.getByRole('textbox', { name: 'Edit your note' }).waitFor({ state: 'detached' });
    await shown('see', 'Queue of 50').waitFor();
    const stored = (await callServed<{ notes: Note[] }>(app.served, 'canvases.get', { id: canvasId })).notes.find((n) => n.id === note.id);
    expect(stored?.text).toBe('Queue of 50');
  });

  it('is told the workshop is over on its next request', async () => {
    await api('workshops.end', { id: workshopId });
    const form = section('see');
    await form.getByRole('textbox', { name: /^New note in/ }).fill('One more');
    await form.getByRole('button', { name: 'Add' }).click();
    await participant.getByRole('alert').filter({ hasText: /^(This workshop has ended|The facilitator's computer cannot be reached)/ }).waitFor();
    expect(await axeViolations(participant)).toEqual([]);
    await screenshot(participant, 'workshop-participant-next-request-ended-en');
  });
});
