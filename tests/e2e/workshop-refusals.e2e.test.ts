/**
 * A facilitator's room control refused by core shows its translated message, in English and
 * Arabic: the workshop is ended from another door (the HTTP API) while this page has not heard of
 * it yet, then the facilitator starts the timer. The page's event stream is held for this (never
 * answered), so the page stays behind deterministically instead of racing the `data.changed` event.
 * The message stays once the bar catches up and shows the workshop as ended. axe-core on the bar.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, openApp, screenshot, switchLanguage, waitReady } from '../support/app-page';
import { callServed } from '../support/serve';

let app: Awaited<ReturnType<typeof openApp>>;
let page: Page;
let canvasId: string;

const api = (method: string, input: unknown) => callServed<{ id: string }>(app.served, method, input);
const controls = () => page.locator('[data-facilitator]');

/** A running workshop this page has read, then ended elsewhere without the page hearing of it. */
async function endedBehindThePage(language: 'en' | 'ar', running: string) {
  const workshop = await api('workshops.start', { canvasId });
  await page.goto(`${app.served.origin}/#/canvases/${canvasId}`);
  await page.reload();
  await waitReady(page, language);
  await controls().getByRole('heading', { name: running }).waitFor();
  await api('workshops.end', { id: workshop.id });
}

beforeAll(async () => {
  app = await openApp();
  page = app.page;
  canvasId = (await api('canvases.create', { templateId: 'empathy-map', title: 'Visa office visit' })).id;
  // Held, never answered: the page learns nothing from core's events in this file.
  await page.route('**/api/events', () => {});
});
afterAll(() => app?.close());

describe("a refused room control", () => {
  it('shows its message in English and the bar catches up', async () => {
    await endedBehindThePage('en', 'Live workshop running');
    await controls().getByRole('button', { name: 'Start timer' }).click();
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
    await controls().getByRole('button', { name: 'تشغيل المؤقت' }).click();
    const alert = controls().getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe('انتهت هذه الورشة، أو لم يعد الرابط صالحًا.');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'workshop-refused-ar');
  });
});
