/**
 * The portfolio end to end in Chromium: people and entities, a project through three gates (by
 * the gate dialog, by keyboard on the board, by the Move-to menu), shelved and revived, found by
 * search; axe-core on every screen in English and Arabic.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, fillDate, openApp, recordGateDecision, screenshot, switchLanguage, uiWords } from '../support/app-page';
import { callServed } from '../support/serve';

let app: Awaited<ReturnType<typeof openApp>>;
let page: Page;
const TITLE = 'Kindergarten queue — نظام طابور الروضة';

const nav = (name: string) => page.locator('header nav').getByRole('link', { name, exact: true });
const card = () => page.locator('li', { has: page.getByRole('link', { name: TITLE }) });
const column = (stage: number) => page.locator(`section[aria-labelledby="stage-${stage}-heading"]`);

const decideInDialog = (rationale: string) => recordGateDecision(page, rationale);

beforeAll(async () => {
  app = await openApp();
  ({ page } = app);
});

afterAll(() => app?.close());

describe('the portfolio', () => {
  it('says in words that an empty lab has no projects to chart', async () => {
    await nav('Dashboard').click();
    await page.getByRole('heading', { level: 1, name: 'Portfolio dashboard' }).waitFor();
    const status = page.getByRole('figure', { name: 'Status' });
    await status.getByText('No projects yet.').waitFor();
    expect(await status.locator('svg').count()).toBe(0);
  });

  it('keeps people and entities', async () => {
    await nav('People').click();
    await page.getByRole('heading', { level: 1, name: 'People and entities' }).waitFor();
    await page.getByRole('textbox', { name: 'New entity' }).fill('Ministry of Preschool Education');
    await page.getByRole('button', { name: 'Add entity' }).click();
    await page.getByText('Ministry of Preschool Education').waitFor();
    await page.getByRole('button', { name: 'New person' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Dilnoza Karimova');
    await dialog.getByRole('combobox', { name: 'Role' }).click();
    await page.getByRole('option', { name: 'Chief Innovation Officer' }).click();
    await dialog.getByRole('combobox', { name: 'Entity' }).click();
    await page.getByRole('option', { name: 'Ministry of Preschool Education' }).click();
    await dialog.getByRole('textbox', { name: 'E-mail' }).fill('not an address');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByText('This value is not in the expected format.').waitFor();
    await dialog.getByRole('textbox', { name: 'E-mail' }).fill('dilnoza@example.uz');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Chief Innovation Officer · Ministry of Preschool Education · dilnoza@example.uz').waitFor();
    await screenshot(page, 'en-people');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('takes a project through its first gate from the project page', async () => {
    await nav('Projects').click();
    await page.getByRole('button', { name: 'New project' }).click();
    await page.getByRole('dialog').getByRole('textbox', { name: 'Title' }).fill(TITLE);
    await page.getByRole('dialog').getByRole('button', { name: 'Create project' }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();

    await page.getByRole('combobox', { name: 'Person' }).click();
    await page.getByRole('option', { name: 'Dilnoza Karimova' }).click();
    await page.getByRole('combobox', { name: 'Role on the project' }).click();
    await page.getByRole('option', { name: 'Project lead' }).click();
    await page.getByRole('button', { name: 'Add to team' }).click();
    await page.getByRole('button', { name: 'Remove Dilnoza Karimova from the team' }).waitFor();
    // Focus stays in the team section (the picker, or its heading once everyone is on the team), not on the page's body.
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('section')?.getAttribute('aria-labelledby'))).toBe('team-heading');

    await page.getByRole('button', { name: 'Gate decision…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Record decision' }).click();
    await dialog.getByText('This field is required.').first().waitFor();
    await dialog.getByRole('checkbox', { name: 'The problem or opportunity is clearly defined' }).check();
    await dialog.getByRole('combobox', { name: 'Evidence level reached' }).click();
    await page.getByRole('option', { name: '1 · A clear theory of change' }).click();
    await dialog.getByRole('combobox', { name: 'Decided by' }).click();
    await page.getByRole('option', { name: 'Dilnoza Karimova' }).click();
    expect(await dialog.getByRole('textbox', { name: 'Name of who decided' }).inputValue()).toBe('Dilnoza Karimova');
    await decideInDialog('Parents wait months; the problem is clear.');
    await page.getByText('Advance · stage 1 → 2').waitFor();
    await page.getByText('Evidence now: 1 · A clear theory of change').waitFor();
    await page.getByText('1 of 3 criteria met').waitFor();
    expect(await page.locator('[aria-current="step"]').innerText()).toContain('Generating ideas');
  });

  it('moves a card by keyboard alone on the board, through the gate', async () => {
    await nav('Board').click();
    await column(2).getByRole('link', { name: TITLE }).waitFor();
    await page.getByRole('button', { name: `Move ${TITLE}`, exact: true }).focus();
    await page.keyboard.press('Space');
    // Each key waits for the announcement of the one before, as a screen-reader user would.
    await page.getByText(`Picked up ${TITLE}.`).waitFor({ state: 'attached' });
    await page.keyboard.press('ArrowRight');
    await page.getByText(`${TITLE} is over stage 3 · Developing & testing.`).waitFor({ state: 'attached' });
    await page.keyboard.press('Space');
    const dialog = page.getByRole('dialog');
    expect(await dialog.getByRole('combobox', { name: 'Move to stage' }).innerText()).toContain('3 · Developing & testing');
    await decideInDialog('Two ideas compared; the online queue wins.');
    await column(3).getByRole('link', { name: TITLE }).waitFor();
  });

  it('moves a card with its Move-to menu and warns about missing evidence', async () => {
    await page.getByRole('button', { name: `Move ${TITLE} to…` }).click();
    await page.getByRole('menuitem', { name: '4 · Making the case' }).click();
    await decideInDialog('Prototype tested in two kindergartens.');
    await column(4).getByRole('link', { name: TITLE }).waitFor();
    await page.getByRole('button', { name: `Move ${TITLE} to…` }).click();
    await page.getByRole('menuitem', { name: '5 · Delivering & implementing' }).click();
    await page.getByRole('dialog').getByText('Leaving this stage normally needs evidence level 3 or higher.').waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await screenshot(page, 'en-board');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('shelves the project and revives it from the shelf', async () => {
    await card().getByRole('link', { name: TITLE }).click();
    await page.getByRole('button', { name: 'Gate decision…' }).click();
    await page.getByRole('dialog').getByRole('radio', { name: 'Shelve' }).check();
    await decideInDialog('Budget frozen until next year.');
    await page.getByText('This project is on the shelf.').waitFor();
    await nav('Board').click();
    const shelf = page.locator('section[aria-labelledby="shelf-heading"]');
    await shelf.getByRole('link', { name: TITLE }).waitFor();
    expect(await column(4).getByRole('link', { name: TITLE }).count()).toBe(0);
    await shelf.getByRole('button', { name: 'Revive' }).click();
    await decideInDialog('Budget approved.');
    await column(4).getByRole('link', { name: TITLE }).waitFor();
    expect(await shelf.getByRole('link', { name: TITLE }).count()).toBe(0);
  });

  it('shows the whole gate history, newest first, the older ones superseded', async () => {
    await column(4).getByRole('link', { name: TITLE }).click();
    const history = page.locator('section[aria-labelledby="gate-history-heading"] li');
    await expect.poll(() => history.count()).toBe(5);
    expect(await history.first().innerText()).toContain('Revive');
    expect(await history.nth(1).innerText()).toContain('superseded');
    await screenshot(page, 'en-project-gates');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('finds the project by search, from any screen, and opens it', async () => {
    await page.getByRole('searchbox', { name: 'Search the lab' }).fill('الروضه');
    await page.getByRole('searchbox', { name: 'Search the lab' }).press('Enter');
    await page.getByText('1 result for “الروضه”').waitFor();
    expect(await page.locator('mark').first().innerText()).toBe('الروضة');
    await screenshot(page, 'en-search');
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('main').getByRole('link', { name: TITLE }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  });

  it('filters the project list by every lens', async () => {
    await nav('Projects').click();
    await page.getByRole('combobox', { name: 'Evidence level' }).click();
    await page.getByRole('option', { name: '1 · A clear theory of change' }).click();
    await page.locator('tbody').getByRole('link', { name: TITLE }).waitFor();
    await page.getByRole('combobox', { name: 'Stage' }).click();
    await page.getByRole('option', { name: '2 · Generating ideas' }).click();
    await page.getByText('No project matches this search.').waitFor();
  });

  it('runs a cohort with milestones, its projects and its own board', async () => {
    await nav('Cohorts').click();
    await page.getByRole('textbox', { name: 'Name of a new cohort' }).fill('Cohort 2026 — Tashkent');
    await page.getByRole('button', { name: 'Create cohort' }).click();
    await page.getByRole('heading', { level: 1, name: 'Cohort 2026 — Tashkent' }).waitFor();
    await fillDate(page, 'Demo day', '2026-07-20');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('demo day 20 Jul 2026').first().waitFor();
    const milestone = page.getByRole('form', { name: 'Add milestone' });
    await milestone.getByRole('textbox', { name: 'Milestone' }).fill('Problem interviews done');
    await fillDate(milestone, 'Due', '2026-03-15');
    await milestone.getByRole('button', { name: 'Add milestone' }).click();
    await page.getByText('due 15 Mar 2026 · overdue').waitFor();
    await page.getByRole('checkbox', { name: 'Problem interviews done is done' }).click();
    await page.getByText('due 15 Mar 2026 · done').waitFor();
    await page.getByRole('combobox', { name: 'Add a project' }).fill('Kindergarten');
    await page.getByRole('option', { name: TITLE }).click();
    await page.locator('section[aria-labelledby="cohort-projects-heading"]').getByRole('link', { name: TITLE }).waitFor();
    await column(4).getByRole('link', { name: TITLE }).waitFor();
    await screenshot(page, 'en-cohort');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('counts the project on the dashboard, by stage and by every lens', async () => {
    await nav('Dashboard').click();
    const funnel = page.getByRole('figure', { name: 'Funnel: projects under way (active or scaled) by stage' });
    await funnel.getByRole('row', { name: '4 · Making the case 1' }).waitFor({ state: 'attached' });
    await page.getByRole('figure', { name: 'Evidence level' }).getByRole('row', { name: '1 1' }).waitFor({ state: 'attached' });
    await screenshot(page, 'en-dashboard');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('is right to left and clean for axe in Arabic on every portfolio screen', async () => {
    await switchLanguage(page, 'ar');
    for (const [name, shot] of [
      ['لوحة المؤشرات', 'ar-dashboard'],
      ['اللوحة', 'ar-board'],
      ['الأشخاص', 'ar-people'],
      ['الدفعات', 'ar-cohorts'],
    ] as const) {
      await nav(name).click();
      await page.getByRole('heading', { level: 1 }).waitFor();
      await screenshot(page, shot);
      expect(await axeViolations(page)).toEqual([]);
    }
    await page.getByRole('link', { name: 'Cohort 2026 — Tashkent' }).click();
    await page.getByRole('heading', { level: 2, name: 'لوحة الدفعة' }).waitFor();
    await screenshot(page, 'ar-cohort');
    expect(await axeViolations(page)).toEqual([]);
    // Date fields speak the app's language, not the browser's: parts named in Arabic, Arabic months.
    const demoDay = page.getByRole('group', { name: 'يوم العرض', exact: true });
    const parts = await demoDay.getByRole('spinbutton').evaluateAll((spins) => spins.map((s) => `${s.getAttribute('aria-label')} ${s.textContent}`));
    expect(parts).toEqual(['اليوم 20', 'الشهر 07', 'السنة 2026']);
    await demoDay.getByRole('button', { name: /^اختر التاريخ/ }).click();
    await page.getByRole('dialog').getByText('يوليو 2026').waitFor();
    await screenshot(page, 'ar-date-picker');
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    // A lab that reads the Hijri calendar types Gregorian dates and sees the chosen day in Hijri beneath.
    const ar = uiWords('ar');
    const demoDayHelp = (p: Page) =>
      p.getByRole('group', { name: 'يوم العرض', exact: true }).evaluate((group) => {
        const id = group.getAttribute('aria-describedby');
        return (id && document.getElementById(id)?.textContent) || '';
      });
    const setCalendar = async (calendar: 'gregory' | 'islamic-umalqura') => {
      await nav('الإعدادات').click();
      await page.getByRole('combobox', { name: ar('calendar.label') }).click();
      await page.getByRole('option', { name: ar(`calendar.${calendar}`), exact: true }).click();
      await page.getByRole('combobox', { name: ar('calendar.label') }).filter({ hasText: ar(`calendar.${calendar}`) }).waitFor();
    };
    await setCalendar('islamic-umalqura');
    await nav('الدفعات').click();
    await page.getByRole('link', { name: 'Cohort 2026 — Tashkent' }).click();
    const hijri = await page.evaluate(() => new Intl.DateTimeFormat('ar-AE-u-ca-islamic-umalqura-nu-latn', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date('2026-07-20T00:00:00Z')));
    expect(hijri).toMatch(/هـ/);
    await expect.poll(() => demoDayHelp(page)).toBe(hijri);
    await setCalendar('gregory');
    await nav('الدفعات').click();
    await page.getByRole('link', { name: 'Cohort 2026 — Tashkent' }).click();
    await page.getByRole('heading', { level: 2, name: 'لوحة الدفعة' }).waitFor();
    expect(await demoDayHelp(page)).toBe('');
    // A lab that writes Arabic-Indic digits sees and types them in date fields too.
    await nav('الإعدادات').click();
    await page.getByRole('combobox', { name: ar('numerals.label') }).click();
    await page.getByRole('option', { name: ar('numerals.arab'), exact: true }).click();
    await nav('الدفعات').click();
    await page.getByRole('link', { name: 'Cohort 2026 — Tashkent' }).click();
    const inArabicDigits = page.getByRole('group', { name: 'يوم العرض', exact: true });
    await inArabicDigits.getByRole('spinbutton', { name: 'اليوم' }).filter({ hasText: '٢٠' }).waitFor();
    await fillDate(inArabicDigits.locator('..'), 'يوم العرض', '2026-07-21', 'ar');
    await page.getByRole('button', { name: 'حفظ' }).click();
    const shown = await page.evaluate(() => new Intl.DateTimeFormat('ar-AE-u-ca-gregory-nu-arab', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date('2026-07-21T00:00:00Z')));
    await page.getByText(`يوم العرض ${shown}`).first().waitFor();
    // Beside Arabic-Indic digits a middle dot reads as the digit zero (٠): Arabic separates the parts of a line with a bar.
    await page.getByText(`٦ | ${ar('cohorts.done')}`).waitFor(); // the due date, ١٥‏/٠٣‏/٢٠٢٦, ends the part before it
    await nav('الإعدادات').click();
    await page.getByRole('combobox', { name: ar('numerals.label') }).click();
    await page.getByRole('option', { name: ar('numerals.latn'), exact: true }).click();
    await page.getByRole('searchbox', { name: 'البحث في المختبر' }).fill('kindergarten');
    await page.getByRole('searchbox', { name: 'البحث في المختبر' }).press('Enter');
    await page.getByText('نتيجة واحدة لـ «kindergarten»').waitFor();
    await screenshot(page, 'ar-search');
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('main').getByRole('link', { name: TITLE }).click();
    await page.getByRole('heading', { level: 2, name: 'قرارات البوابات' }).waitFor();
    await page.getByRole('button', { name: 'قرار البوابة…' }).click();
    await page.getByRole('dialog').getByText('مغادرة هذه المرحلة تتطلب عادةً مستوى أدلة 3 أو أعلى.').waitFor();
    await screenshot(page, 'ar-gate-dialog');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('dialog').getByRole('button', { name: 'إلغاء' }).click();
    await screenshot(page, 'ar-project-gates');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('shows a long column and a long shelf a page at a time, with more on request', async () => {
    const ar = uiWords('ar');
    const call = <T,>(method: string, input: unknown) => callServed<T>(app.served, method, input);
    for (let i = 1; i <= 51; i++) {
      const { id } = await call<{ id: string }>('projects.create', { title: `Paused queue pilot ${i}` });
      await call('gates.decide', { projectId: id, decision: 'shelve', rationale: 'Paused until the budget is known.', decidedByName: 'Dilnoza Karimova' });
    }
    for (let i = 1; i <= 52; i++) await call('projects.create', { title: `Open queue project ${i}` });
    const { total } = await call<{ total: number }>('projects.list', { stage: 1, statuses: ['active', 'scaled'], limit: 1 });
    expect(total).toBeGreaterThan(50);
    await nav('اللوحة').click();
    const cards = column(1).locator(':scope > ul > li');
    await cards.first().waitFor();
    expect(await cards.count()).toBe(50);
    for (let shown = 50; shown < total; shown += 50) {
      await column(1).getByRole('button', { name: ar('board.showMore') }).click();
      await expect.poll(() => cards.count()).toBe(Math.min(total, shown + 50));
    }
    expect(await column(1).getByRole('button', { name: ar('board.showMore') }).count()).toBe(0);

    const shelf = page.locator('section[aria-labelledby="shelf-heading"]');
    const shelved = shelf.locator('ul > li');
    expect(await shelved.count()).toBe(50);
    await shelf.getByRole('button', { name: ar('board.showMore') }).click();
    await expect.poll(() => shelved.count()).toBe(51);
    await screenshot(page, 'ar-board-long');
    expect(await axeViolations(page)).toEqual([]);
  });
});
