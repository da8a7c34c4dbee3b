/** Challenges, campaigns, ideas, weighted scorecards and promotion through the contract. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Idea, Scorecard } from '../../electron/shared/domain/ideas';
import type { Project } from '../../electron/shared/domain/project';
import { callValue, makeCore, type TestCore } from '../support/core';

let test: TestCore;
beforeEach(() => (test = makeCore()));
afterEach(() => test.close());

const value = <T>(method: string, input: unknown) => callValue<T>(test, method, input);

const NOVELTY = '01930000-0000-7000-8000-000000001001';
const FEASIBILITY = '01930000-0000-7000-8000-000000001002';
const IMPACT = '01930000-0000-7000-8000-000000001003';
const REPRODUCIBILITY = '01930000-0000-7000-8000-000000001004';
const card = (n: number, f: number, i: number, r: number) => [
  { criterionId: NOVELTY, score: n },
  { criterionId: FEASIBILITY, score: f },
  { criterionId: IMPACT, score: i },
  { criterionId: REPRODUCIBILITY, score: r },
];

async function setting() {
  const challenge = await value<{ id: string }>('challenges.create', {
    title: 'Long queues for kindergarten places',
    hmw: 'How might we give parents a fair, visible queue?',
    oecdFacet: 'enhancement',
  });
  const campaign = await value<{ id: string }>('campaigns.create', { challengeId: challenge.id, title: 'Autumn call', opensOn: '2026-11-01', closesOn: '2026-11-30' });
  const aziza = await value<{ id: string }>('people.create', { name: 'Aziza' });
  const bobur = await value<{ id: string }>('people.create', { name: 'Bobur' });
  return { challenge, campaign, aziza, bobur };
}

describe('ideas', () => {
  it('are scored by several reviewers with weighted criteria and ranked by the aggregate', async () => {
    const { challenge, campaign, aziza, bobur } = await setting();
    const online = await value<Idea>('ideas.create', { title: 'Online queue with SMS', campaignId: campaign.id });
    expect(online.challengeId).toBe(challenge.id); // taken from the campaign
    const paper = await value<Idea>('ideas.create', { title: 'Paper list at the door', challengeId: challenge.id });
    await value('ideas.score', { ideaId: online.id, reviewerId: aziza.id, scores: card(5, 4, 5, 4) }); // 4.5
    await value('ideas.score', { ideaId: online.id, reviewerId: bobur.id, scores: card(3, 4, 5, 4) }); // 4.0
    await value('ideas.score', { ideaId: paper.id, reviewerId: aziza.id, scores: card(1, 5, 2, 2) }); // 2.5
    const ranked = await value<{ items: Idea[] }>('ideas.list', { challengeId: challenge.id });
    expect(ranked.items.map((i) => [i.title, i.score, i.reviewerCount])).toEqual([
      ['Online queue with SMS', 4.25, 2],
      ['Paper list at the door', 2.5, 1],
    ]);
    // Impact counts three times as much from now on: Aziza (5·1+4+15+4)/6 = 4.67, Bobur (3+4+15+4)/6 = 4.33.
    await value('scoring.updateCriterion', { id: IMPACT, weight: 3 });
    const reweighted = await value<Idea>('ideas.get', { id: online.id });
    expect(reweighted.score).toBeCloseTo(4.5, 10);
    const cards = await value<Scorecard[]>('ideas.scorecards', { ideaId: online.id });
    expect(cards.map((c) => [c.reviewerName, Number(c.weighted.toFixed(2))])).toEqual([
      ['Aziza', 4.67],
      ['Bobur', 4.33],
    ]);
    // A reviewer's scorecards are part of the totals: deleting the person is refused, nothing lost.
    const before = test.snapshot();
    expect(await test.call('people.delete', { id: aziza.id })).toMatchObject({
      ok: false,
      error: { code: 'conflict', issues: [{ path: ['id'], code: 'person_has_scorecards', params: { count: 2 } }] },
    });
    expect(test.snapshot()).toEqual(before);
  });

  it('a reviewer’s new scorecard replaces their old one', async () => {
    const { challenge, aziza } = await setting();
    const idea = await value<Idea>('ideas.create', { title: 'Queue kiosk', challengeId: challenge.id });
    await value('ideas.score', { ideaId: idea.id, reviewerId: aziza.id, scores: card(1, 1, 1, 1) });
    const { idea: rescored } = await value<{ idea: Idea }>('ideas.score', { ideaId: idea.id, reviewerId: aziza.id, scores: card(5, 5, 5, 5) });
    expect(rescored).toMatchObject({ score: 5, reviewerCount: 1 });
  });

  it('is promoted to a project at stage 2, linked both ways, once', async () => {
    const { challenge } = await setting();
    const idea = await value<Idea>('ideas.create', { title: 'Online queue with SMS', description: 'Parents see their place.', challengeId: challenge.id });
    const { idea: promoted, project } = await value<{ idea: Idea; project: Project }>('ideas.promote', { ideaId: idea.id });
    expect(project).toMatchObject({ title: 'Online queue with SMS', summary: 'Parents see their place.', stage: 2, challengeId: challenge.id, oecdFacet: 'enhancement' });
    expect(promoted).toMatchObject({ status: 'promoted', projectId: project.id });
    expect((await value<{ items: Idea[] }>('ideas.list', { projectId: project.id })).items.map((i) => i.id)).toEqual([idea.id]);
    expect((await value<{ items: Project[] }>('projects.list', { challengeId: challenge.id })).items.map((p) => p.id)).toEqual([project.id]);
    expect(await test.call('ideas.promote', { ideaId: idea.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await test.call('ideas.delete', { id: idea.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('goes back to the shortlist when the project it was promoted into is deleted', async () => {
    const idea = await value<Idea>('ideas.create', { title: 'Queue by SMS' });
    const { project } = await value<{ project: Project }>('ideas.promote', { ideaId: idea.id });
    await value('projects.delete', { id: project.id });
    expect(await value<Idea>('ideas.get', { id: idea.id })).toMatchObject({ status: 'shortlisted', projectId: null });
    // And can be promoted again.
    expect(await value<{ idea: Idea }>('ideas.promote', { ideaId: idea.id })).toMatchObject({ idea: { status: 'promoted' } });
  });

  it('a campaign takes ideas only between its dates', async () => {
    const { challenge } = await setting();
    // The test clock reads 2026-11-28.
    const past = await value<{ id: string }>('campaigns.create', { challengeId: challenge.id, title: 'Past', opensOn: '2026-01-01', closesOn: '2026-01-31' });
    const future = await value<{ id: string }>('campaigns.create', { challengeId: challenge.id, title: 'Future', opensOn: '2027-01-01' });
    const current = await value<{ id: string }>('campaigns.create', { challengeId: challenge.id, title: 'Now', opensOn: '2026-11-01', closesOn: '2026-12-31' });
    for (const campaignId of [past.id, future.id]) {
      expect(await test.call('ideas.create', { title: 'Out of time', campaignId })).toMatchObject({ ok: false, error: { issues: [{ code: 'campaign_closed' }] } });
    }
    expect((await test.call('ideas.create', { title: 'In time', campaignId: current.id })).ok).toBe(true);
  });

  it('a closed campaign takes no new ideas', async () => {
    const { campaign } = await setting();
    await value('campaigns.update', { id: campaign.id, patch: { state: 'closed' } });
    const refused = await test.call('ideas.create', { title: 'Late idea', campaignId: campaign.id });
    expect(refused).toMatchObject({ ok: false, error: { issues: [{ path: ['campaignId'], code: 'campaign_closed' }] } });
  });

  it('are found by search with their challenge', async () => {
    const { challenge } = await setting();
    await value('ideas.create', { title: 'Ёлочный базар онлайн', challengeId: challenge.id });
    const hits = await value<{ kind: string; title: string }[]>('search.query', { text: 'елочный' });
    expect(hits).toEqual([expect.objectContaining({ kind: 'idea', title: 'Ёлочный базар онлайн' })]);
    const challengeHits = await value<{ kind: string }[]>('search.query', { text: 'fair visible queue' });
    expect(challengeHits.map((h) => h.kind)).toEqual(['challenge']);
  });

  it.each([
    ['a score outside its scale', (s: Awaited<ReturnType<typeof setting>>, ideaId: string) => ({ method: 'ideas.score', input: { ideaId, reviewerId: s.aziza.id, scores: card(6, 1, 1, 1) } })],
    ['a score of zero', (s: Awaited<ReturnType<typeof setting>>, ideaId: string) => ({ method: 'ideas.score', input: { ideaId, reviewerId: s.aziza.id, scores: card(0, 1, 1, 1) } })],
    ['an unknown reviewer', (_s: Awaited<ReturnType<typeof setting>>, ideaId: string) => ({ method: 'ideas.score', input: { ideaId, reviewerId: '01930000-0000-7000-8000-0000000000ff', scores: card(1, 1, 1, 1) } })],
    ['an unknown criterion', (s: Awaited<ReturnType<typeof setting>>, ideaId: string) => ({ method: 'ideas.score', input: { ideaId, reviewerId: s.aziza.id, scores: [{ criterionId: '01930000-0000-7000-8000-0000000000ff', score: 3 }] } })],
    ['an idea without a title', (s: Awaited<ReturnType<typeof setting>>) => ({ method: 'ideas.create', input: { title: '', challengeId: s.challenge.id } })],
    ['an idea for an unknown challenge', () => ({ method: 'ideas.create', input: { title: 'x', challengeId: '01930000-0000-7000-8000-0000000000ff' } })],
    ['a campaign closing before it opens', (s: Awaited<ReturnType<typeof setting>>) => ({ method: 'campaigns.create', input: { challengeId: s.challenge.id, title: 'x', opensOn: '2026-05-01', closesOn: '2026-04-01' } })],
    ['a challenge without a title', () => ({ method: 'challenges.create', input: { hmw: 'How might we?' } })],
    ['setting an idea to promoted by hand', (_s: Awaited<ReturnType<typeof setting>>, ideaId: string) => ({ method: 'ideas.update', input: { id: ideaId, patch: { status: 'promoted' } } })],
    ['a zero weight', () => ({ method: 'scoring.updateCriterion', input: { id: NOVELTY, weight: 0 } })],
  ])('refuse %s and change nothing', async (_what, build) => {
    const s = await setting();
    const idea = await value<Idea>('ideas.create', { title: 'Target', challengeId: s.challenge.id });
    const { method, input } = build(s, idea.id);
    const before = test.snapshot();
    const result = await test.call(method, input);
    expect(result.ok).toBe(false);
    expect(!result.ok && ['invalid_input', 'not_found'].includes(result.error.code)).toBe(true);
    expect(test.snapshot()).toEqual(before);
  });
});
