/**
 * A workshop's summary after it ends, in Chromium: the CSV download (UTF-8 with BOM, labels in the
 * UI language) and the printable page, in English and Arabic (mirrored, Arabic-Indic digits when
 * chosen); and a workshop left running when the app stopped, ended on the next start with a
 * translated note in the canvas's history. axe-core on the history and on the printable page.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, screenshot, switchLanguage, waitReady } from '../support/app-page';
import { launchChromium } from '../support/browser';
import { callServed, removeDir, startServe, tempDataDir, type Served } from '../support/serve';

let dataDir: string;
let browser: Browser;
let served: Served;
let page: Page;
let ended: { canvasId: string; workshopId: string };
let orphan: { canvasId: string; workshopId: string };

const note = (zoneKey: string, text: string) => ({ text, color: 'yellow', status: null, author: null, zoneKey, clusterId: null, x: null, y: null });

beforeAll(async () => {
  dataDir = tempDataDir();
  browser = await launchChromium();
  const first = await startServe(dataDir);
  const api = <T = { id: string }>(method: string, input: unknown) => callServed<T>(first, method, input);
  const canvas = await api('canvases.create', { templateId: 'empathy-map', title: 'Visa office visit' });
  const [queue, forms] = await api<{ id: string }[]>('notes.create', {
    canvasId: canvas.id,
    notes: [note('see', 'Queue of 40 people, طابور'), note('pains', 'Forms only in English'), note('pains', 'No shade outside')],
  });
  const workshop = await api('workshops.start', { canvasId: canvas.id });
  const vote = await api('workshops.startVote', { workshopId: workshop.id, title: 'Biggest pain', votesPerPerson: 2, onePerNote: false });
  for (const [voterName, noteId] of [['Amal', forms.id], ['Bek', forms.id], ['Dilnoza', queue.id]]) await api('workshops.voteOnBehalf', { voteSessionId: vote.id, noteId, voterName });
  await api('workshops.end', { id: workshop.id });
  ended = { canvasId: canvas.id, workshopId: workshop.id };
  // A second workshop is still running when the app stops: the next start ends it.
  const night = await api('canvases.create', { templateId: 'empathy-map', title: 'Night shift' });
  orphan = { canvasId: night.id, workshopId: (await api('workshops.start', { canvasId: night.id })).id };
  await first.stop();
  served = await startServe(dataDir);
  page = await (await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true })).newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(served.url);
  await waitReady(page, 'en');
});
afterAll(async () => {
  await browser?.close();
  await served?.stop();
  removeDir(dataDir);
});

const summaryCard = (id: string) => page.locator(`[data-summary="${id}"]`);

async function downloadCsv(id: string, name: string) {
  const [file] = await Promise.all([page.waitForEvent('download'), summaryCard(id).getByRole('button', { name }).click()]);
  return { name: file.suggestedFilename(), text: readFileSync((await file.path())!).toString('utf8') };
}

/** The printable page: opened from the history, axe-clean, and its print button reaches the browser's print. */
async function checkPrintable(linkName: string, printName: string, shot: string) {
  await summaryCard(ended.workshopId).getByRole('link', { name: linkName }).click();
  await page.locator('[data-summary-ready]').waitFor();
  expect(page.url()).toContain(`#/workshops/${ended.workshopId}/summary`);
  expect(await axeViolations(page)).toEqual([]);
  await screenshot(page, shot);
  await page.evaluate(() => {
    window.print = () => ((window as unknown as { printed?: number }).printed = 1);
  });
  await page.getByRole('button', { name: printName }).click();
  expect(await page.evaluate(() => (window as unknown as { printed?: number }).printed)).toBe(1);
  return page.locator('[data-summary-ready]').innerText();
}

describe('a workshop summary', () => {
  it('downloads as CSV and prints in English', async () => {
    await page.goto(`${served.origin}/#/canvases/${ended.canvasId}`);
    await summaryCard(ended.workshopId).getByText('3 participants').waitFor();
    const csv = await downloadCsv(ended.workshopId, 'Download CSV');
    expect(csv.name).toMatch(/^Visa-office-visit-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = csv.text.split('\r\n');
    expect(lines[0]).toBe('\uFEFFSection,Item,Value');
    expect(lines).toContain('Overview,Canvas,Visa office visit');
    expect(lines).toContain('Overview,Participants,3');
    expect(lines).toContain('Overview,How it ended,Ended by the facilitator.');
    expect(lines).toContain('Notes per zone,See,1');
    expect(lines).toContain('Notes per zone,Pains,2');
    expect(lines).toContain('Notes per zone,Who,0');
    expect(lines).toContain('Biggest pain,Votes cast,3');
    expect(lines).toContain('Biggest pain,No. 1: Forms only in English,2');
    expect(lines).toContain('Biggest pain,"No. 2: Queue of 40 people, طابور",1');
    expect(lines.at(-1)).toBe('');
    expect(await axeViolations(page)).toEqual([]);

    const printed = await checkPrintable('Printable page', 'Print', 'workshop-summary-print-en');
    expect(printed).toContain('Workshop summary');
    expect(printed).toContain('Visa office visit');
    expect(printed).toContain('3 participants');
    expect(printed).toContain('Pains: 2');
    expect(printed).toMatch(/Biggest pain\s+1\. Forms only in English \(2\)\s+2\. Queue of 40 people, طابور \(1\)/);
  });

  it('notes a workshop the restart ended, in the history', async () => {
    await page.goto(`${served.origin}/#/canvases/${orphan.canvasId}`);
    await summaryCard(orphan.workshopId).getByRole('alert').waitFor();
    expect(await summaryCard(orphan.workshopId).innerText()).toContain('This workshop ended because the app was restarted while it was running.');
    await page.locator('[data-facilitator]').getByRole('button', { name: 'Start a live workshop' }).waitFor();
    await screenshot(page, 'workshop-restart-note-en');
  });

  it('downloads and prints in Arabic, mirrored, with Arabic-Indic digits', async () => {
    await callServed(served, 'settings.update', { numerals: 'arab' });
    await switchLanguage(page, 'ar');
    await page.goto(`${served.origin}/#/canvases/${orphan.canvasId}`);
    await summaryCard(orphan.workshopId).getByText('انتهت هذه الورشة لأن التطبيق أُعيد تشغيله أثناء انعقادها.').waitFor();
    await screenshot(page, 'workshop-restart-note-ar');

    await page.goto(`${served.origin}/#/canvases/${ended.canvasId}`);
    await summaryCard(ended.workshopId).getByText('٣ مشاركين').waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'workshop-summary-history-ar');
    const csv = await downloadCsv(ended.workshopId, 'تنزيل CSV');
    const lines = csv.text.split('\r\n');
    expect(lines[0]).toBe('\uFEFFالقسم,البند,القيمة');
    expect(lines).toContain('نظرة عامة,المشاركون,3');
    expect(lines).toContain('الملاحظات في كل منطقة,نقاط الألم,2');
    // Counts stay numbers a spreadsheet can add up; a rank inside a label is text, in the lab's digits.
    expect(lines).toContain('Biggest pain,المرتبة ١: Forms only in English,2');

    const printed = await checkPrintable('صفحة للطباعة', 'طباعة', 'workshop-summary-print-ar');
    expect(printed).toContain('ملخص الورشة');
    expect(printed).toContain('٣ مشاركين');
    expect(printed).toContain('نقاط الألم: ٢');
  });
});
