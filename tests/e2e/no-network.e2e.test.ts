/**
 * No telemetry and no outside requests (issue #7): every screen of the served app, filled with the
 * sample lab, in English and Arabic, while Chromium records every request the page makes. Anything
 * that does not go to the app's own origin fails the test, fonts and icons included.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECORDS, SIMPLE } from '../../renderer/src/app/router';
import { launchChromium } from '../support/browser';
import { callServed, removeDir, startServe, tempDataDir, type Served } from '../support/serve';
import { waitReady, switchLanguage } from '../support/app-page';

/**
 * How to find (or, where the sample lab has none, make) one record of each kind the record screens
 * show; a new record screen needs a line here.
 */
const FIRST_ID: Record<keyof typeof RECORDS, { method: string; input?: unknown; pick: (value: unknown) => string }> = {
  projects: { method: 'projects.list', pick: (v) => (v as { items: { id: string }[] }).items[0].id },
  challenges: { method: 'challenges.list', pick: (v) => (v as { id: string }[])[0].id },
  ideas: { method: 'ideas.list', pick: (v) => (v as { items: { id: string }[] }).items[0].id },
  cohorts: { method: 'cohorts.list', pick: (v) => (v as { id: string }[])[0].id },
  canvases: { method: 'canvases.create', input: { templateId: 'business-model-canvas', title: 'Queue-free clinics' }, pick: (v) => (v as { id: string }).id },
};

let served: Served;
let dataDir: string;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let page: Page;
const requests: string[] = [];

async function visit(path: string) {
  await page.evaluate((hash) => (window.location.hash = hash), path);
  // Every screen names itself in one level-1 heading; waiting for it means the screen has rendered.
  await page.locator('main h1').first().waitFor();
  // …and when no progress indicator is left, its data (and whatever it loads with it) has arrived.
  await page.waitForFunction(() => !document.querySelector('[role="progressbar"]'));
}

beforeAll(async () => {
  dataDir = tempDataDir();
  served = await startServe(dataDir, ['--demo']);
  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
  page.setDefaultTimeout(10_000);
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(served.url);
  await waitReady(page, 'en');
});

afterAll(async () => {
  await browser?.close();
  await served?.stop();
  removeDir(dataDir);
});

describe('the served app makes no request outside its own origin', () => {
  it('knows how to open one record of every record screen', () => {
    expect(Object.keys(FIRST_ID).sort()).toEqual(Object.keys(RECORDS).sort());
  });

  for (const language of ['en', 'ar'] as const) {
    it(`on every screen in ${language === 'en' ? 'English' : 'Arabic'}`, async () => {
      await switchLanguage(page, language);
      const paths = Object.keys(SIMPLE);
      for (const [collection, { method, input, pick }] of Object.entries(FIRST_ID)) {
        paths.push(`/${collection}/${pick(await callServed(served, method, input))}`);
      }
      // The projector view follows a canvas.
      paths.push(paths.find((path) => path.startsWith('/canvases/'))!.replace('/canvases/', '/projector/'));
      // Pilot screens hang below a project; the sample lab has none, so one is made.
      const projectId = FIRST_ID.projects.pick(await callServed(served, 'projects.list'));
      const { pilot } = await callServed<{ pilot: { id: string } }>(served, 'pilots.create', { projectId, title: 'Queue-free clinics pilot' });
      paths.push(`/pilots/${pilot.id}`, `/pilots/${pilot.id}/report/ar+en`);
      paths.push(`/search/${encodeURIComponent('مدرسة')}`);
      for (const path of paths) await visit(path);

      const own = new URL(served.origin).origin;
      const foreign = requests.filter((url) => !url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== own);
      expect(foreign).toEqual([]);
      // The recording is real: the app's own requests (API calls, fonts) were seen.
      expect(requests.some((url) => url.includes('/api/call/'))).toBe(true);
    });
  }
});
