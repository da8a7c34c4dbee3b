/**
 * The read-only viewer inside a bundle: index.html extracted with Info-ZIP `unzip` renders in
 * Chromium from the file itself with no network request and no console error, in the exporter's
 * language (Arabic right to left, English left to right), and the importer accepts a bundle carrying it.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { callValue, makeCore, type TestCore } from '../support/core';
import { addLabWork, exportTo, tempDir } from '../support/bundles';
import { SCREENSHOTS } from '../support/app-page';
import { removeDir } from '../support/serve';

let lab: TestCore;
let dir: string;
let browser: Browser;

beforeAll(async () => {
  lab = makeCore();
  await callValue(lab, 'lab.loadSample', {});
  await addLabWork(lab);
  dir = tempDir();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  lab.close();
  removeDir(dir);
});

describe.each([
  { language: 'ar' as const, dir: 'rtl', heading: /^المشاريع \(\d+\)$/, stage: 'المرحلة', canvases: /^اللوحات \(\d+\)$/, pilots: /^التجارب \(\d+\)$/, scale: 'التوسع' },
  { language: 'en' as const, dir: 'ltr', heading: /^Projects \(\d+\)$/, stage: 'Stage', canvases: /^Canvases \(\d+\)$/, pilots: /^Pilots \(\d+\)$/, scale: 'Scale' },
])('the bundle viewer in $language', ({ language, dir: direction, heading, stage, canvases, pilots, scale }) => {
  it('renders offline from the extracted file, without scripts, requests or errors', async () => {
    const file = join(dir, `${language}.ibtikar`);
    await exportTo(lab, file, { language, classification: 'confidential' });
    const html = execFileSync('unzip', ['-p', file, 'index.html']);
    const page = join(dir, `${language}-index.html`);
    writeFileSync(page, html);
    expect(html.toString()).not.toMatch(/<script|https?:\/\/|src=|href=/i);

    const context = await browser.newContext();
    const tab = await context.newPage();
    const requests: string[] = [];
    const problems: string[] = [];
    tab.on('request', (r) => requests.push(r.url()));
    tab.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    tab.on('pageerror', (e) => problems.push(e.message));
    await tab.goto(pathToFileURL(page).href);
    expect(await tab.locator('html').getAttribute('dir')).toBe(direction);
    expect(await tab.locator('html').getAttribute('lang')).toBe(language);
    await tab.getByRole('heading', { level: 2, name: heading }).waitFor();
    const projects = await callValue<{ items: { title: string }[] }>(lab, 'projects.list', {});
    for (const p of projects.items) await tab.getByRole('heading', { level: 3, name: p.title, exact: true }).waitFor();
    expect(await tab.getByText(stage, { exact: true }).count()).toBe(projects.items.length);
    // Canvases with their template and note count, pilots with their decision.
    await tab.getByRole('heading', { level: 2, name: canvases }).waitFor();
    const canvas = tab.locator('article', { has: tab.getByRole('heading', { level: 3, name: 'Queue service model', exact: true }) });
    await expect.poll(() => canvas.locator('dd').allTextContents()).toEqual(['Our service model', new Intl.NumberFormat(language === 'ar' ? 'ar-AE' : 'en-AE').format(2)]);
    await tab.getByRole('heading', { level: 2, name: pilots }).waitFor();
    const pilot = tab.locator('article', { has: tab.getByRole('heading', { level: 3, name: 'SMS queue in Chilonzor', exact: true }) });
    await expect.poll(() => pilot.locator('dd').allTextContents()).toEqual([scale]);
    await tab.screenshot({ path: join(SCREENSHOTS, `${language}-bundle-viewer.png`), fullPage: true });
    expect(requests).toEqual([pathToFileURL(page).href]);
    expect(problems).toEqual([]);
    await context.close();

    // The bundle carrying its viewer imports like any other.
    const other = makeCore();
    try {
      const preview = await other.core.bundles.previewFile(file);
      expect(preview.tables.find((t) => t.table === 'projects')?.new).toBe(projects.items.length);
      other.core.bundles.discard(preview.previewId);
    } finally {
      other.close();
    }
  });
});

it('escapes what people typed, so a title cannot become markup', async () => {
  const one = makeCore();
  try {
    await callValue(one, 'projects.create', { title: '<img src=x onerror=alert(1)> & "quotes"' });
    const file = join(dir, 'escape.ibtikar');
    await exportTo(one, file);
    const html = execFileSync('unzip', ['-p', file, 'index.html']).toString();
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;');
    expect(html).not.toContain('<img');
  } finally {
    one.close();
  }
});
