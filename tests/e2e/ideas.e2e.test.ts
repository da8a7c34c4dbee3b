/**
 * Issue 3's walk in Chromium: a challenge, a campaign, ideas scored by two reviewers, the best
 * promoted to a project, which passes three gates, is shelved and revived; the board, the project
 * list and search all reflect it; axe-core on every screen in English and Arabic.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, openApp, recordGateDecision, screenshot, switchLanguage, uiWords } from '../support/app-page';
import { callServed, type Served } from '../support/serve';

let app: Awaited<ReturnType<typeof openApp>>;
let page: Page;
let served: Served;
const CHALLENGE = 'Parents wait months for a kindergarten place';
const BEST = 'Online queue with SMS — طابور إلكتروني';
const OTHER = 'Paper list at the door';

const nav = (name: string) => page.locator('header nav').getByRole('link', { name, exact: true });
const column = (stage: number) => page.locator(`section[aria-labelledby="stage-${stage}-heading"]`);

const api = (method: string, input: unknown) => callServed(served, method, input);

async function addIdea(title: string) {
  const form = page.getByRole('form', { name: 'Add an idea' });
  await form.getByRole('textbox', { name: 'Idea' }).fill(title);
  await form.getByRole('button', { name: 'Add an idea' }).click();
  await page.getByRole('link', { name: title }).waitFor();
}

async function score(reviewer: string, values: number[]) {
  await page.getByRole('combobox', { name: 'Reviewer' }).click();
  await page.getByRole('option', { name: reviewer }).click();
  for (const [i, criterion] of ['Novelty', 'Feasibility', 'Impact', 'Reproducibility'].entries()) {
    await page.getByRole('radiogroup', { name: new RegExp(`^${criterion}`) }).getByRole('radio', { name: String(values[i]) }).check();
  }
  await page.getByRole('button', { name: 'Save scorecard' }).click();
  await page.getByRole('cell', { name: reviewer }).waitFor();
}

async function gate(decision: string, rationale: string) {
  await page.getByRole('button', { name: 'Gate decision…' }).click();
  await page.getByRole('dialog').getByRole('radio', { name: decision }).check();
  await recordGateDecision(page, rationale);
}

beforeAll(async () => {
  app = await openApp();
  ({ page, served } = app);
  // Reviewers are people of the lab; the People screen has its own test.
  await api('people.create', { name: 'Aziza Rahimova' });
  await api('people.create', { name: 'Bobur Aliev' });
});

afterAll(() => app?.close());

describe('from challenge to project', () => {
  it('states a challenge and opens a campaign', async () => {
    await nav('Challenges').click();
    await page.getByRole('button', { name: 'New challenge' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Create challenge' }).click();
    await dialog.getByText('This field is required.').waitFor();
    await dialog.getByRole('textbox', { name: 'Challenge' }).fill(CHALLENGE);
    await dialog.getByRole('textbox', { name: 'How might we…?' }).fill('How might we give parents a fair, visible queue?');
    await dialog.getByRole('textbox', { name: 'Who is affected' }).fill('Parents of children under six; kindergarten heads');
    await dialog.getByRole('button', { name: 'Create challenge' }).click();
    await page.getByRole('heading', { level: 1, name: CHALLENGE }).waitFor();
    const campaign = page.getByRole('form', { name: 'New campaign' });
    await campaign.getByRole('textbox', { name: 'Campaign name' }).fill('Spring call for ideas');
    await campaign.getByRole('button', { name: 'Add campaign' }).click();
    await page.getByText('Spring call for ideas').waitFor();
  });

  it('collects ideas and scores them with two reviewers, best first', async () => {
    await addIdea(OTHER);
    await addIdea(BEST);
    await page.getByRole('link', { name: OTHER }).click();
    await score('Aziza Rahimova', [2, 5, 2, 2]);
    await page.getByRole('link', { name: 'Back to the challenge' }).click();
    await page.getByRole('link', { name: BEST }).click();
    await score('Aziza Rahimova', [5, 4, 5, 4]);
    await score('Bobur Aliev', [3, 4, 5, 4]);
    await page.getByText('Score 4.25 from 2 reviewers').waitFor();
    await screenshot(page, 'en-idea');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Back to the challenge' }).click();
    const ranked = page.locator('section[aria-labelledby="challenge-ideas-heading"] li a');
    await expect.poll(() => ranked.allInnerTexts()).toEqual([BEST, OTHER]);
    await screenshot(page, 'en-challenge');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('promotes the best idea to a project linked both ways', async () => {
    await page.getByRole('link', { name: BEST }).click();
    await page.getByRole('button', { name: 'Promote to a project' }).click();
    await page.getByRole('heading', { level: 1, name: BEST }).waitFor();
    expect(await page.locator('[aria-current="step"]').innerText()).toContain('Generating ideas');
    await page.getByRole('link', { name: CHALLENGE }).waitFor();
    await page.locator('section[aria-labelledby="origin-heading"]').getByRole('link', { name: BEST }).waitFor();
  });

  it('passes three gates, is shelved and revived', async () => {
    await gate('Advance', 'The online queue won the scoring.');
    await gate('Advance', 'Prototype tested with 40 parents.');
    await gate('Advance', 'Theory of change agreed.');
    expect(await page.locator('[aria-current="step"]').innerText()).toContain('Delivering & implementing');
    await gate('Shelve', 'Waiting for the new budget year.');
    await page.getByText('This project is on the shelf.').waitFor();
    await page.getByRole('button', { name: 'Revive' }).click();
    await recordGateDecision(page, 'Budget approved.');
    await expect.poll(() => page.locator('section[aria-labelledby="gate-history-heading"] li').count()).toBe(5);
  });

  it('shows the project on the board, in the list and in search', async () => {
    await nav('Board').click();
    await column(5).getByRole('link', { name: BEST }).waitFor();
    await nav('Projects').click();
    await page.locator('tbody').getByRole('link', { name: BEST }).waitFor();
    await page.getByRole('searchbox', { name: 'Search the lab' }).fill('طابور');
    await page.getByRole('searchbox', { name: 'Search the lab' }).press('Enter');
    await page.getByText('2 results for “طابور”').waitFor();
    const kinds = await page.locator('main li').allInnerTexts();
    expect(kinds.some((k) => k.includes('Project'))).toBe(true);
    expect(kinds.some((k) => k.includes('Idea'))).toBe(true);
    // Nothing found says where search looks and what to try.
    await page.getByRole('searchbox', { name: 'Search the lab' }).fill('zzzxq');
    await page.getByRole('searchbox', { name: 'Search the lab' }).press('Enter');
    await page.getByText('0 results for “zzzxq”').waitFor();
    await page.getByText(/^Nothing matches\. Search looks through projects, challenges, ideas and pilots/).waitFor();
  });

  it('lists the idea bank, and is clean for axe on every screen in Arabic too', async () => {
    await nav('Ideas').click();
    await page.getByRole('link', { name: BEST }).waitFor();
    await screenshot(page, 'en-ideas');
    expect(await axeViolations(page)).toEqual([]);
    await nav('Challenges').click();
    await page.getByRole('link', { name: CHALLENGE }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await switchLanguage(page, 'ar');
    for (const [name, shot] of [
      ['الأفكار', 'ar-ideas'],
      ['التحديات', 'ar-challenges'],
    ] as const) {
      await nav(name).click();
      await page.getByRole('heading', { level: 1 }).waitFor();
      await screenshot(page, shot);
      expect(await axeViolations(page)).toEqual([]);
    }
    await page.getByRole('link', { name: CHALLENGE }).click();
    await page.getByRole('heading', { level: 1, name: CHALLENGE }).waitFor();
    await screenshot(page, 'ar-challenge');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: OTHER }).click();
    await page.getByText('التقييم 2.75 من مراجع واحد').waitFor();
    await screenshot(page, 'ar-idea');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('takes a scorecard weight typed in Arabic-Indic digits, and refuses one that is not a number', async () => {
    const ar = uiWords('ar');
    await nav(ar('nav.settings')).click();
    const row = page.locator('form').filter({ has: page.getByRole('textbox', { name: ar('scoring.weight') }) }).first();
    const weight = row.getByRole('textbox', { name: ar('scoring.weight') });
    // Nothing to save until something changes.
    expect(await row.getByRole('button', { name: ar('common.save') }).isDisabled()).toBe(true);
    await weight.fill('١٫٥');
    await row.getByRole('button', { name: ar('common.save') }).click();
    await expect.poll(async () => ((await api('scoring.criteria', {})) as { weight: number }[])[0].weight).toBe(1.5);
    await weight.fill('كثير');
    await row.getByRole('button', { name: ar('common.save') }).click();
    await row.getByText(ar('validation.bad_number')).waitFor();
    expect(((await api('scoring.criteria', {})) as { weight: number }[])[0].weight).toBe(1.5);
  });
});
