/**
 * Issue 8's walk in Chromium: create a pilot on a project, lock its protocol, import measurements
 * from a CSV with two bad rows (errors shown, nothing stored), fix and import, see the analysis,
 * score the rubric with two assessors, decide to scale, produce the report in English, Arabic and
 * both side by side; axe-core on every screen. Also: the charter links its theory of change, and
 * after the lock a KPI's target changes only through an amendment with a reason.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Measurement } from '../../electron/shared/domain/pilots';
import { axeViolations, fillDate, openApp, screenshot, switchLanguage, uiWords } from '../support/app-page';
import { callServed, type Served } from '../support/serve';

let app: Awaited<ReturnType<typeof openApp>>;
let page: Page;
let served: Served;
let projectId: string;
let pilotId: string;
let tocId: string;
const PROJECT = 'Kindergarten queue — طابور الروضة';
const PILOT = 'SMS queue in Chilonzor';

const api = <T>(method: string, input: unknown) => callServed<T>(served, method, input);

/** Six months, the intervention from April: days waited fall and service improves in the pilot district only. */
const MONTHS = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'];
const DAYS = { pilot: [41, 40, 42, 33, 29, 26], comparison: [40, 41, 40, 39, 40, 38] };
const SERVED = { pilot: [50, 52, 49, 70, 75, 80], comparison: [51, 50, 50, 52, 51, 53] };
const GOOD_ROWS = MONTHS.flatMap((m, i) => [
  `Days waited,pilot,${m},${DAYS.pilot[i]},,`,
  `Days waited,comparison,${m},${DAYS.comparison[i]},,`,
  `Served on time,pilot,${m},,${SERVED.pilot[i]},100`,
  `Served on time,comparison,${m},,${SERVED.comparison[i]},100`,
]);
const HEADER = 'indicator,group,period,value,successes,trials';
const BAD_CSV = [HEADER, ...GOOD_ROWS.slice(0, 5), 'Days waited,pilot,2026-07,2O,,', ...GOOD_ROWS.slice(5, 9), 'Days waited,comparison,2027-01,39,,', ...GOOD_ROWS.slice(9)].join('\n');
const GOOD_CSV = [HEADER, ...GOOD_ROWS].join('\n');

/** The files core keeps for import dialogs (electron/core/services/pilots/import-files.ts). */
const importFiles = () => (existsSync(join(served.dataDir, 'imports')) ? readdirSync(join(served.dataDir, 'imports')) : []);

const section = (name: string) => page.getByRole('region', { name, exact: true });

async function choose(scope: ReturnType<Page['getByRole']> | Page, label: string, option: string | RegExp) {
  await scope.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', typeof option === 'string' ? { name: option, exact: true } : { name: option }).click();
}

async function addKpi(fields: { name: string; unit: string; kind: string; direction: string; baseline: string; target: string; threshold: string; refusedThreshold?: string }) {
  await section('KPIs').getByRole('button', { name: 'Add KPI' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: 'KPI' }).fill(fields.name);
  await dialog.getByRole('textbox', { name: 'Unit' }).fill(fields.unit);
  await choose(dialog, 'Kind', fields.kind);
  await choose(dialog, 'Better when', fields.direction);
  await dialog.getByRole('textbox', { name: 'Baseline value' }).fill(fields.baseline);
  await dialog.getByRole('textbox', { name: 'Target' }).fill(fields.target);
  if (fields.refusedThreshold) {
    // Refused under its field before anything is sent; the rest of the form stays as typed.
    await dialog.getByRole('textbox', { name: 'Success threshold' }).fill(fields.refusedThreshold);
    await dialog.getByRole('button', { name: 'Add KPI' }).click();
    await dialog.getByText(/^Not a number\. Write digits only/).waitFor();
    expect(await dialog.getByRole('textbox', { name: 'Baseline value' }).inputValue()).toBe(fields.baseline);
  }
  await dialog.getByRole('textbox', { name: 'Success threshold' }).fill(fields.threshold);
  await dialog.getByRole('button', { name: 'Add KPI' }).click();
  await dialog.waitFor({ state: 'detached' });
  await section('KPIs').getByRole('rowheader', { name: new RegExp(fields.name) }).waitFor();
}

async function rate(assessor: string, rating: string) {
  const rubric = section('Assessment (OECD DAC criteria)');
  await choose(rubric, 'Assessor', assessor);
  for (const criterion of ['Relevance', 'Coherence', 'Effectiveness', 'Efficiency', 'Impact', 'Sustainability']) {
    await rubric.getByRole('radiogroup', { name: criterion }).getByRole('radio', { name: rating }).check();
  }
  await rubric.getByRole('textbox', { name: 'Evidence for Effectiveness' }).fill(`${assessor}: waiting fell by a third in three months`);
  await rubric.getByRole('button', { name: 'Save ratings' }).click();
  await rubric.getByRole('columnheader', { name: assessor }).waitFor();
}

async function openReport(language: string) {
  await choose(page, 'Report language', language);
  await page.getByRole('link', { name: 'Evaluation report' }).click();
  await page.locator('[data-report-ready]').waitFor();
}

beforeAll(async () => {
  app = await openApp();
  ({ page, served } = app);
  await api('people.create', { name: 'Aziza Rahimova' });
  await api('people.create', { name: 'Bobur Aliev' });
  projectId = (await api<{ id: string }>('projects.create', { title: PROJECT, stage: 4 })).id;
  tocId = (await api<{ id: string }>('canvases.create', { templateId: 'theory-of-change', title: 'Queue theory of change', projectId, stage: 4 })).id;
  await api('canvases.create', { templateId: 'experiment-card', title: 'SMS experiment card', projectId: null, stage: null });
  const other = await api<{ id: string }>('projects.create', { title: 'Another project' });
  await api('canvases.create', { templateId: 'theory-of-change', title: 'Not this project', projectId: other.id, stage: 4 });
});

afterAll(() => app?.close());

describe('a pilot evaluation from charter to report', () => {
  it('creates a pilot on the project and writes its charter', async () => {
    await page.goto(`${served.url.replace(/#.*$/, '')}#/projects/${projectId}`);
    await page.getByRole('heading', { level: 1, name: PROJECT }).waitFor();
    await page.getByRole('button', { name: 'New pilot' }).click();
    await page.getByRole('dialog').getByRole('textbox', { name: 'Pilot name' }).fill(PILOT);
    await page.getByRole('dialog').getByRole('button', { name: 'Create pilot' }).click();
    await page.getByRole('heading', { level: 1, name: PILOT }).waitFor();
    pilotId = /#\/pilots\/([0-9a-f-]{36})/.exec(page.url())![1];
    const charter = page.getByRole('form', { name: 'Charter' });
    await charter.getByRole('textbox', { name: 'Problem' }).fill('Parents do not know their place in the kindergarten queue.');
    await charter.getByRole('textbox', { name: 'Intervention' }).fill('An SMS each time the place moves.');
    await charter.getByRole('textbox', { name: 'Sites' }).fill('Chilonzor (pilot), Yunusobod (comparison)');
    await fillDate(charter, 'Observation starts', '2026-01-01');
    await fillDate(charter, 'Observation ends', '2026-12-31');
    await choose(charter, 'Owner', 'Aziza Rahimova');
    await charter.getByRole('button', { name: 'Save' }).click();
    await charter.getByRole('status').getByText('Saved').waitFor();

    // Linked canvases: the project's and stand-alone ones are offered, another project's are not.
    const links = page.getByRole('region', { name: 'Linked canvases' });
    await links.getByText('No canvases linked yet.').waitFor();
    await links.getByRole('combobox', { name: 'Canvas to link' }).click();
    expect(await page.getByRole('option').allInnerTexts()).toEqual(['Choose a canvas', 'Queue theory of change', 'SMS experiment card']);
    await page.getByRole('option', { name: 'Queue theory of change' }).click();
    await links.getByRole('button', { name: 'Link canvas' }).click();
    await choose(links, 'Canvas to link', 'SMS experiment card');
    await links.getByRole('button', { name: 'Link canvas' }).click();
    await links.getByText('(stand-alone)').waitFor();
    expect(await links.getByRole('link', { name: 'Queue theory of change' }).getAttribute('href')).toBe(`#/canvases/${tocId}`);
    await links.getByRole('button', { name: 'Unlink SMS experiment card' }).click();
    await links.getByRole('link', { name: 'SMS experiment card' }).waitFor({ state: 'detached' });
    await screenshot(page, 'en-pilot-charter-links');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('sizes the sample with the power helper (reference: R power.t.test and power.prop.test)', async () => {
    const helper = page.getByRole('region', { name: 'Sample size helper' });
    await helper.getByRole('status').getByText('64 per group (128 in all).').waitFor(); // d = 0.5, α 0.05, power 0.8: n = 63.77
    await helper.getByRole('textbox', { name: "Effect size (Cohen's d)" }).fill('٠٫٨');
    await helper.getByRole('status').getByText('26 per group (52 in all).').waitFor(); // d = 0.8: n = 25.52
    await choose(helper, 'Outcome', 'Rates (proportions)');
    await helper.getByRole('status').getByText('388 per group (776 in all).').waitFor(); // 0.5 vs 0.6: n = 387.3
    expect(await axeViolations(page)).toEqual([]);
  });

  it('locks the protocol, which then changes only by an amendment', async () => {
    const protocol = page.getByRole('form', { name: 'Protocol' });
    await choose(protocol, 'Design', 'Difference-in-differences');
    await protocol.getByRole('textbox', { name: 'Unit of analysis' }).fill('district-month');
    await protocol.getByRole('textbox', { name: 'Planned sample size' }).fill('12');
    await protocol.getByRole('textbox', { name: 'Primary outcome' }).fill('Days waited for a place');
    await fillDate(protocol, 'Intervention starts', '2026-04-01');
    await protocol.getByRole('button', { name: 'Lock protocol' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Lock protocol' }).click();
    await page.getByText(/^Protocol locked on/).waitFor();
    const detail = await api<{ pilot: { protocolHash: string; design: string } }>('pilots.get', { id: pilotId });
    expect(detail.pilot).toMatchObject({ design: 'difference_in_differences', protocolHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    await page.getByText(detail.pilot.protocolHash).waitFor();

    await page.getByRole('button', { name: 'Amend protocol…' }).click();
    const dialog = page.getByRole('dialog');
    // Typed in Arabic-Indic digits, read as 10 (a number field never turns unreadable text into "not set").
    await dialog.getByRole('textbox', { name: 'Planned sample size' }).fill('١٠');
    await dialog.getByRole('button', { name: 'Record amendment' }).click();
    await dialog.getByText('This field is required.').waitFor(); // a reason is required
    await dialog.getByRole('textbox', { name: 'Reason for the amendment' }).fill('Two districts merged their registers.');
    await dialog.getByRole('button', { name: 'Record amendment' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Two districts merged their registers.').waitFor();
    expect(await section('Protocol').getByRole('row', { name: /Planned sample size/ }).innerText()).toMatch(/12\s+10/);
  });

  it('keeps a KPI register', async () => {
    await addKpi({ name: 'Days waited', unit: 'days', kind: 'Continuous', direction: 'Lower is better', baseline: '40', target: '20', threshold: '30', refusedThreshold: '1,234' });
    // Typed in Arabic-Indic digits with the Arabic decimal separator: stored as 0.5.
    await addKpi({ name: 'Served on time', unit: 'share', kind: 'Rate', direction: 'Higher is better', baseline: '٠٫٥', target: '0.8', threshold: '0.65' });
    const stored = await api<{ name: string; baselineValue: number | null; successThreshold: number | null }[]>('pilots.kpis', { pilotId });
    expect(stored.map((k) => [k.name, k.baselineValue, k.successThreshold])).toEqual([['Days waited', 40, 30], ['Served on time', 0.5, 0.65]]);
    await screenshot(page, 'en-pilot');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('changes a KPI target after the lock only by an amendment with a reason', async () => {
    const kpis = section('KPIs');
    await kpis.getByText(/^The protocol is locked: targets, success thresholds/).waitFor();
    expect(await kpis.getByRole('button', { name: /^Delete / }).count()).toBe(0);
    await kpis.getByRole('button', { name: 'Edit Served on time' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Target' }).fill('0.85');
    await dialog.getByRole('button', { name: 'Record amendment' }).click();
    await dialog.getByText('This field is required.').waitFor();
    await screenshot(page, 'en-pilot-kpi-amendment');
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole('textbox', { name: 'Reason for the amendment' }).fill('The ministry asked for 85 % on time.');
    // Typing in the field takes the server's message away; the other fields keep nothing stale.
    await dialog.getByText('This field is required.').waitFor({ state: 'detached' });
    await dialog.getByRole('button', { name: 'Record amendment' }).click();
    await dialog.waitFor({ state: 'detached' });
    const protocol = section('Protocol');
    await protocol.getByText('The ministry asked for 85 % on time.').waitFor();
    expect(await protocol.getByText(/^Amendment 2,/).first().innerText()).toContain('KPI Served on time');
    expect(await kpis.getByRole('row', { name: /Served on time/ }).innerText()).toContain('0.85');
  });

  it('shows the two bad rows of a CSV and stores nothing, then imports the corrected file', async () => {
    // A file chosen and then cancelled is deleted from core's imports folder.
    await section('Measurements').getByRole('button', { name: 'Import from CSV or Excel…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('input[type=file]').setInputFiles({ name: 'measurements.csv', mimeType: 'text/csv', buffer: Buffer.from(BAD_CSV) });
    await dialog.getByText('measurements.csv: 26 rows.').waitFor();
    expect(importFiles()).toHaveLength(1);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(importFiles).toEqual([]);

    await section('Measurements').getByRole('button', { name: 'Import from CSV or Excel…' }).click();
    await dialog.locator('input[type=file]').setInputFiles({ name: 'measurements.csv', mimeType: 'text/csv', buffer: Buffer.from(BAD_CSV) });
    await dialog.getByText('measurements.csv: 26 rows.').waitFor();
    await dialog.getByRole('button', { name: 'Check file' }).click();
    await dialog.getByText('2 rows have errors. Nothing has been stored; correct the file and choose it again.').waitFor();
    const errors = dialog.getByRole('table', { name: 'Rows with errors' });
    expect(await errors.locator('tbody tr').allInnerTexts()).toEqual(['7\tvalue\tNot a number. Write digits only, with a dot or a comma before decimals and no thousands separator.\t2O', '12\tperiod\tOutside the pilot\'s dates.\t2027-01-01']);
    expect(await dialog.getByRole('button', { name: /^Import/ }).isDisabled()).toBe(true);
    await screenshot(page, 'en-pilot-import-errors');
    expect(await axeViolations(page)).toEqual([]);
    const kpis = await api<{ id: string; measurementCount: number }[]>('pilots.kpis', { pilotId });
    expect(kpis.map((k) => k.measurementCount)).toEqual([0, 0]);

    await dialog.locator('input[type=file]').setInputFiles({ name: 'measurements-fixed.csv', mimeType: 'text/csv', buffer: Buffer.from(GOOD_CSV) });
    await dialog.getByText('measurements-fixed.csv: 24 rows.').waitFor();
    expect(importFiles()).toHaveLength(1); // the file it replaced was discarded
    await dialog.getByRole('button', { name: 'Check file' }).click();
    await dialog.getByText('All 24 rows are ready to import.').waitFor();
    await dialog.getByRole('button', { name: 'Import 24 rows' }).click();
    await dialog.getByText('24 rows imported.').waitFor();
    expect(importFiles()).toEqual([]);
    await dialog.getByRole('button', { name: 'Close' }).click();
    expect((await api<{ measurementCount: number }[]>('pilots.kpis', { pilotId })).map((k) => k.measurementCount)).toEqual([12, 12]);

    // The same file again: the check says it would replace every value it stored, before anything is written.
    await section('Measurements').getByRole('button', { name: 'Import from CSV or Excel…' }).click();
    await dialog.locator('input[type=file]').setInputFiles({ name: 'measurements-fixed.csv', mimeType: 'text/csv', buffer: Buffer.from(GOOD_CSV) });
    await dialog.getByRole('button', { name: 'Check file' }).click();
    await dialog.getByText('Values already stored that this import replaces (same KPI, group, period and unit): 24.').waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('shows the analysis of each KPI with its tests, effect sizes and difference-in-differences', async () => {
    const analysis = section('Analysis');
    const days = analysis.getByRole('table', { name: 'Figures for Days waited' });
    await days.waitFor();
    expect(await days.getByRole('row', { name: /Change against baseline/ }).innerText()).toContain('-14 (-35%)');
    expect(await days.getByRole('row', { name: /Share of target reached/ }).innerText()).toContain('70%');
    expect(await days.getByRole('row', { name: /Compared with/ }).innerText()).toMatch(/^Compared with\s+the comparison group after the intervention \(observations: pilot \d+ \/ comparison \d+\)$/);
    expect(await days.getByRole('row', { name: /Difference-in-differences/ }).innerText()).toMatch(/-10\.33 \u2066?\[/);
    await analysis.getByText(/^The pilot group did better than the comparison group/).first().waitFor();
    const served = analysis.getByRole('table', { name: 'Figures for Served on time' });
    expect(await served.getByRole('row', { name: /Fisher's exact test/ }).innerText()).toMatch(/p < 0\.001/);
    expect(await served.getByRole('row', { name: /Risk ratio/ }).innerText()).toMatch(/1\.\d+ \u2066?\[/);
    await screenshot(page, 'en-pilot-analysis');
  });

  it('scores the DAC rubric with two assessors and decides to scale', async () => {
    await rate('Aziza Rahimova', 'Good');
    await rate('Bobur Aliev', 'Excellent');
    const decision = page.getByRole('form', { name: 'Decision' });
    await decision.getByRole('radio', { name: 'Scale' }).check();
    await decision.getByRole('textbox', { name: 'Conditions' }).fill('Budget for two more districts; keep the SMS wording.');
    await choose(decision, 'Evidence level the pilot supports', /^3 ·/);
    await decision.getByRole('button', { name: 'Save' }).click();
    await decision.getByRole('status').getByText('Saved').waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it("shows the pilot's decision at the project's next gate", async () => {
    await page.getByRole('link', { name: 'Back to the project' }).click();
    await page.getByRole('link', { name: PILOT }).waitFor();
    await page.getByRole('button', { name: 'Gate decision…' }).click();
    const note = page.getByRole('dialog').getByRole('alert', { name: 'Pilot decisions' });
    expect(await note.innerText()).toContain(`${PILOT}: Scale · 3`);
    await screenshot(page, 'en-pilot-gate');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('link', { name: PILOT }).click();
    await page.getByRole('heading', { level: 1, name: PILOT }).waitFor();
  });

  it('produces the report in English and in Arabic and English side by side', async () => {
    await openReport('English');
    await page.getByRole('heading', { level: 1, name: PILOT }).waitFor();
    await page.getByText('Budget for two more districts; keep the SMS wording.').waitFor();
    expect(await page.getByRole('table', { name: 'Charter' }).getByRole('row', { name: /Linked canvases/ }).innerText()).toContain('Queue theory of change');
    await page.getByText('The ministry asked for 85 % on time.').waitFor();
    await screenshot(page, 'en-pilot-report');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Back to the pilot' }).click();
    await openReport('Arabic and English side by side');
    const columns = page.locator('[data-report-ready] > article');
    expect(await columns.evaluateAll((els) => els.map((e) => [e.getAttribute('lang'), e.getAttribute('dir')]))).toEqual([
      ['ar-AE', 'rtl'],
      ['en-AE', 'ltr'],
    ]);
    await columns.first().getByText('تقرير تقييم التجربة الميدانية').waitFor();
    await screenshot(page, 'ar-en-pilot-report');
    expect(await axeViolations(page)).toEqual([]);
    // Two bodies on one page, yet no id twice (a label would point at the other language's heading).
    expect(await page.evaluate(() => [...document.querySelectorAll('[id]')].map((e) => e.id).filter((id, i, all) => all.indexOf(id) !== i))).toEqual([]);
    // Printed on A4 (about 718 px between the margins), neither language runs into the other.
    const viewport = page.viewportSize()!;
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 718, height: 1000 });
    try {
      expect(await columns.evaluateAll((els) => els.map((e) => e.scrollWidth - e.clientWidth))).toEqual([0, 0]);
      await screenshot(page, 'ar-en-pilot-report-a4');
    } finally {
      await page.emulateMedia({ media: 'screen' });
      await page.setViewportSize(viewport);
    }
  });

  it('works in Arabic: the pilot page and the Arabic report', async () => {
    await page.getByRole('link', { name: 'Back to the pilot' }).click();
    await switchLanguage(page, 'ar');
    await page.getByRole('heading', { level: 1, name: PILOT }).waitFor();
    await page.getByRole('table', { name: 'أرقام Days waited' }).waitFor();
    // The reading carries the whole p phrase once: "p < 0.001", never "p = < 0.001".
    const readings = (await page.getByRole('region', { name: 'التحليل' }).innerText()).replace(/[\u2066-\u2069]/g, '');
    expect(readings).toMatch(/p [<=] \d/);
    expect(readings).not.toMatch(/p = </);
    // The chart is not mirrored: months run left to right, the value axis stands on the left.
    const chart = page.getByRole('region', { name: 'التحليل' }).locator('svg:has(.MuiChartsAxis-directionX)').first();
    const months = await chart.locator('.MuiChartsAxis-directionX .MuiChartsAxis-tickLabel').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().x + e.getBoundingClientRect().width / 2));
    expect(months).toHaveLength(MONTHS.length);
    expect(months).toEqual([...months].sort((a, b) => a - b));
    const values = await chart.locator('.MuiChartsAxis-directionY .MuiChartsAxis-tickLabel').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().right));
    expect(Math.max(...values)).toBeLessThan(months[0]);
    // Every month's label lies inside the picture, and the baseline is named beneath it, not across the data lines.
    const picture = (await chart.boundingBox())!;
    expect(await chart.locator('.MuiChartsAxis-directionX .MuiChartsAxis-tickLabel').evaluateAll((els) => Math.max(...els.map((e) => e.getBoundingClientRect().right)))).toBeLessThanOrEqual(picture.x + picture.width);
    expect(await chart.getByText('خط الأساس').count()).toBe(0);
    const caption = (await page.getByRole('region', { name: 'التحليل' }).locator('div[dir="ltr"][inert] + div').first().getByText('خط الأساس', { exact: true }).boundingBox())!;
    expect(caption.y).toBeGreaterThan(picture.y + picture.height - 1);
    await screenshot(page, 'ar-pilot');
    expect(await axeViolations(page)).toEqual([]);
    await choose(page, 'لغة التقرير', 'العربية');
    await page.getByRole('link', { name: 'تقرير التقييم' }).click();
    await page.locator('[data-report-ready]').waitFor();
    await screenshot(page, 'ar-pilot-report');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('takes a measurement typed by hand in the grid, in Arabic-Indic digits, and refuses text', async () => {
    const w = uiWords('ar');
    await page.goto(`${served.url.split('#')[0]}#/pilots/${pilotId}`);
    const grid = section(w('pilot.measurements')).getByRole('table', { name: w('pilot.gridLabel', { name: 'Days waited' }) });
    const first = grid.locator('tbody tr').first().getByRole('textbox').first(); // January, pilot group
    await first.fill('ثلاثون');
    await first.press('Tab');
    await grid.getByRole('alert').getByText(w('validation.bad_number')).waitFor();
    const days = (await api<{ id: string }[]>('pilots.kpis', { pilotId }))[0].id;
    const january = async () => (await api<Measurement[]>('pilots.measurements', { kpiId: days })).find((m) => m.group === 'pilot' && m.period === '2026-01-01')?.value;
    expect(await january()).toBe(41);
    await first.fill('٣٢٫٥');
    await first.press('Tab');
    await expect.poll(january).toBe(32.5);
    await expect.poll(() => grid.getByRole('alert').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    // A value changed elsewhere (an import, another window) shows in the cell at once, so leaving the
    // cell does not write the old one back.
    await api('pilots.setMeasurement', { kpiId: days, group: 'pilot', period: '2026-01-01', value: 50 });
    await expect.poll(() => first.inputValue()).toMatch(/^(50|٥٠)$/);
    await first.focus();
    await first.press('Tab');
    expect(await january()).toBe(50);
    // Emptied, the cell's measurement is deleted.
    await first.fill('');
    await first.press('Tab');
    await expect.poll(january).toBeUndefined();
    await page.reload();
    expect(await grid.locator('tbody tr').first().getByRole('textbox').first().inputValue()).toBe('');

    // Enter in the new period's date adds it, and focus goes to its first cell, where the value is typed next.
    await fillDate(section(w('pilot.measurements')), w('pilot.newPeriod'), '2026-07-01', 'ar');
    await page.keyboard.press('Enter');
    const july = grid.locator('tr[data-period="2026-07-01"]');
    await july.waitFor();
    await expect.poll(() => july.getByRole('textbox').first().evaluate((e) => e === document.activeElement)).toBe(true);
    await page.keyboard.type('24');
    await page.keyboard.press('Tab');
    await expect.poll(async () => (await api<Measurement[]>('pilots.measurements', { kpiId: days })).find((m) => m.period === '2026-07-01')?.value).toBe(24);
  });
});
