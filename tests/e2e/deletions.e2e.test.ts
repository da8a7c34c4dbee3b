/**
 * Deleting what other records hang on: a KPI is deleted only after a confirmation that says its
 * measurements go with it; a project's confirmation says its pilots go with it and its canvases and
 * ideas stay; a person the app refuses to delete (they rated a pilot) is told why in the dialog.
 * English and Arabic, axe-core on the dialogs.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, openApp, screenshot, switchLanguage, uiWords } from '../support/app-page';
import { callServed } from '../support/serve';

let app: Awaited<ReturnType<typeof openApp>>;
let page: Page;
let projectId: string;
let pilotId: string;
let kpiId: string;

const api = <T = { id: string }>(method: string, input: unknown) => callServed<T>(app.served, method, input);
const dialog = () => page.getByRole('dialog');

beforeAll(async () => {
  app = await openApp();
  page = app.page;
  projectId = (await api('projects.create', { title: 'Clinic appointments' })).id;
  pilotId = (await api<{ pilot: { id: string } }>('pilots.create', { projectId, title: 'SMS reminders', startsOn: '2026-01-01', endsOn: '2026-12-31' })).pilot.id;
  kpiId = (await api('pilots.addKpi', { pilotId, name: 'Missed appointments', kind: 'continuous' })).id;
  await api('pilots.setMeasurement', { kpiId, group: 'pilot', period: '2026-02-01', value: 12 });
});
afterAll(() => app?.close());

describe('deleting', () => {
  it('asks before deleting a KPI, saying its measurements go with it', async () => {
    await page.goto(`${app.served.origin}/#/pilots/${pilotId}`);
    await page.getByRole('heading', { level: 1, name: 'SMS reminders' }).waitFor();
    await page.getByRole('button', { name: 'Delete Missed appointments' }).click();
    await dialog().getByText('Its measurements are deleted with it. This cannot be undone. KPI:').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await dialog().getByRole('button', { name: 'Cancel' }).click();
    await dialog().waitFor({ state: 'detached' });
    expect(await api<unknown[]>('pilots.measurements', { kpiId })).toHaveLength(1);
    await page.getByRole('button', { name: 'Delete Missed appointments' }).click();
    await dialog().getByRole('button', { name: 'Delete' }).click();
    await dialog().waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Delete Missed appointments' }).waitFor({ state: 'detached' });
    expect(await api<unknown[]>('pilots.kpis', { pilotId })).toEqual([]);
  });

  it('says in the project’s confirmation that its pilots go with it and its canvases and ideas stay', async () => {
    await page.goto(`${app.served.origin}/#/projects/${projectId}`);
    await page.getByRole('heading', { level: 1, name: 'Clinic appointments' }).waitFor();
    await page.getByRole('button', { name: 'Delete project' }).click();
    await dialog().getByText(/Its pilots \(with their KPIs, measurements and decisions\).*its canvases and ideas stay/).waitFor();
    await dialog().getByRole('button', { name: 'Cancel' }).click();
    await dialog().waitFor({ state: 'detached' });
  });

  it('tells, in the dialog and in Arabic too, why a person who rated a pilot cannot be deleted', async () => {
    const rater = await api('people.create', { name: 'Bobur Aliev', role: 'mentor' });
    await api('pilots.assess', { pilotId, assessorId: rater.id, ratings: [{ criterion: 'relevance', rating: 'good' }] });
    for (const language of ['en', 'ar'] as const) {
      if (language === 'ar') await switchLanguage(page, 'ar');
      await page.goto(`${app.served.origin}/#/people`);
      const words = uiWords(language);
      await page.getByRole('button', { name: words('people.delete', { name: 'Bobur Aliev' }) }).click();
      await dialog().getByRole('button', { name: words('common.delete') }).click();
      await dialog().getByText(words('validation.person_has_ratings_one')).waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, `${language}-person-delete-refused`);
      await dialog().getByRole('button', { name: words('common.cancel') }).click();
      await dialog().waitFor({ state: 'detached' });
    }
    await switchLanguage(page, 'en');
    expect(await api<{ id: string }[]>('people.list', {})).toContainEqual(expect.objectContaining({ id: rater.id }));
  });
});
