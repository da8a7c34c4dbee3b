/** SQL for challenges, campaigns, ideas, score criteria and scorecards. */
import type { z } from 'zod';
import type { Db } from '../../db/open';
import type { Campaign, Challenge, Idea, IdeaListQuerySchema, ScoreCriterion, Scorecard } from '../../../shared/domain/ideas';

interface ChallengeRow {
  id: string;
  title: string;
  context: string;
  affected: string;
  evidence: string;
  hmw: string;
  oecd_facet: string | null;
  idea_count: number;
  created_at: string;
  updated_at: string;
}
interface CampaignRow {
  id: string;
  challenge_id: string;
  title: string;
  opens_on: string | null;
  closes_on: string | null;
  state: string;
  idea_count: number;
  created_at: string;
  updated_at: string;
}
interface IdeaRow {
  id: string;
  title: string;
  description: string;
  author_name: string;
  status: string;
  challenge_id: string | null;
  campaign_id: string | null;
  project_id: string | null;
  score: number | null;
  reviewer_count: number | null;
  created_at: string;
  updated_at: string;
}

const toChallenge = (r: ChallengeRow): Challenge => ({
  id: r.id,
  title: r.title,
  context: r.context,
  affected: r.affected,
  evidence: r.evidence,
  hmw: r.hmw,
  oecdFacet: r.oecd_facet as Challenge['oecdFacet'],
  ideaCount: r.idea_count,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});
const toCampaign = (r: CampaignRow): Campaign => ({
  id: r.id,
  challengeId: r.challenge_id,
  title: r.title,
  opensOn: r.opens_on,
  closesOn: r.closes_on,
  state: r.state as Campaign['state'],
  ideaCount: r.idea_count,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});
const toIdea = (r: IdeaRow): Idea => ({
  id: r.id,
  title: r.title,
  description: r.description,
  authorName: r.author_name,
  status: r.status as Idea['status'],
  challengeId: r.challenge_id,
  campaignId: r.campaign_id,
  projectId: r.project_id,
  score: r.score,
  reviewerCount: r.reviewer_count ?? 0,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const CHALLENGE_SELECT = `SELECT c.id, c.title, c.context, c.affected, c.evidence, c.hmw, c.oecd_facet, c.created_at, c.updated_at,
  (SELECT count(*) FROM ideas i WHERE i.challenge_id = c.id) AS idea_count FROM challenges c`;
const CAMPAIGN_SELECT = `SELECT m.id, m.challenge_id, m.title, m.opens_on, m.closes_on, m.state, m.created_at, m.updated_at,
  (SELECT count(*) FROM ideas i WHERE i.campaign_id = m.id) AS idea_count FROM campaigns m`;
const IDEA_SELECT = `SELECT i.id, i.title, i.description, i.author_name, i.status, i.challenge_id, i.campaign_id, i.project_id,
  i.created_at, i.updated_at, t.score, t.reviewer_count FROM ideas i LEFT JOIN idea_totals t ON t.idea_id = i.id`;

export function createIdeasRepo(db: Db) {
  const challenges = db.prepare<[], ChallengeRow>(`${CHALLENGE_SELECT} ORDER BY c.updated_at DESC, c.id`);
  const challenge = db.prepare<[string], ChallengeRow>(`${CHALLENGE_SELECT} WHERE c.id = ?`);
  const insertChallenge = db.prepare(
    `INSERT INTO challenges (id, title, context, affected, evidence, hmw, oecd_facet, created_at, updated_at)
     VALUES (@id, @title, @context, @affected, @evidence, @hmw, @oecdFacet, @createdAt, @updatedAt)`,
  );
  const updateChallenge = db.prepare(
    `UPDATE challenges SET title = @title, context = @context, affected = @affected, evidence = @evidence, hmw = @hmw,
     oecd_facet = @oecdFacet, updated_at = @updatedAt WHERE id = @id`,
  );
  const deleteChallenge = db.prepare<[string]>('DELETE FROM challenges WHERE id = ?');
  const scoredBy = db.prepare<[string], number>('SELECT count(DISTINCT idea_id) FROM idea_scores WHERE reviewer_id = ?').pluck();

  const campaigns = db.prepare<[string], CampaignRow>(`${CAMPAIGN_SELECT} WHERE m.challenge_id = ? ORDER BY m.created_at, m.id`);
  const campaign = db.prepare<[string], CampaignRow>(`${CAMPAIGN_SELECT} WHERE m.id = ?`);
  const insertCampaign = db.prepare(
    `INSERT INTO campaigns (id, challenge_id, title, opens_on, closes_on, state, created_at, updated_at)
     VALUES (@id, @challengeId, @title, @opensOn, @closesOn, @state, @createdAt, @updatedAt)`,
  );
  const updateCampaign = db.prepare(
    'UPDATE campaigns SET title = @title, opens_on = @opensOn, closes_on = @closesOn, state = @state, updated_at = @updatedAt WHERE id = @id',
  );

  const idea = db.prepare<[string], IdeaRow>(`${IDEA_SELECT} WHERE i.id = ?`);
  const insertIdea = db.prepare(
    `INSERT INTO ideas (id, title, description, author_name, status, challenge_id, campaign_id, project_id, created_at, updated_at)
     VALUES (@id, @title, @description, @authorName, @status, @challengeId, @campaignId, @projectId, @createdAt, @updatedAt)`,
  );
  const updateIdea = db.prepare(
    `UPDATE ideas SET title = @title, description = @description, author_name = @authorName, status = @status,
     challenge_id = @challengeId, campaign_id = @campaignId, project_id = @projectId, updated_at = @updatedAt WHERE id = @id`,
  );
  const deleteIdea = db.prepare<[string]>('DELETE FROM ideas WHERE id = ?');
  const allIdeas = db.prepare<[], { id: string; title: string; description: string }>('SELECT id, title, description FROM ideas ORDER BY rowid');
  const ideaText = db.prepare<[string], { title: string; description: string }>('SELECT title, description FROM ideas WHERE id = ?');
  const ideaStatements = new Map<string, { page: ReturnType<Db['prepare']>; count: ReturnType<Db['prepare']> }>();

  const criteria = db.prepare<[], Omit<ScoreCriterion, 'archived'> & { archived: number }>(
    'SELECT id, key, label, weight, position, archived FROM score_criteria ORDER BY position, id',
  );
  const insertCriterion = db.prepare(
    `INSERT INTO score_criteria (id, key, label, weight, position, created_at, updated_at)
     VALUES (@id, NULL, @label, @weight, (SELECT coalesce(max(position), 0) + 1 FROM score_criteria), @now, @now)`,
  );
  const updateCriterion = db.prepare('UPDATE score_criteria SET label = @label, weight = @weight, archived = @archived, updated_at = @now WHERE id = @id');
  const clearScores = db.prepare<[string, string]>('DELETE FROM idea_scores WHERE idea_id = ? AND reviewer_id = ?');
  const addScore = db.prepare('INSERT INTO idea_scores (idea_id, reviewer_id, criterion_id, score, scored_at) VALUES (@ideaId, @reviewerId, @criterionId, @score, @now)');
  const scorecards = db.prepare<[string], { reviewer_id: string; reviewer_name: string; weighted: number; scored_at: string; scores: string }>(
    `SELECT r.reviewer_id, p.name AS reviewer_name, r.weighted, r.scored_at,
       (SELECT json_group_array(json_object('criterionId', s.criterion_id, 'score', s.score))
        FROM idea_scores s WHERE s.idea_id = r.idea_id AND s.reviewer_id = r.reviewer_id) AS scores
     FROM idea_reviewer_scores r JOIN people p ON p.id = r.reviewer_id WHERE r.idea_id = ? ORDER BY r.scored_at, r.reviewer_id`,
  );

  const toCriterion = (c: Omit<ScoreCriterion, 'archived'> & { archived: number }): ScoreCriterion => ({ ...c, archived: c.archived === 1 });
  const unpromote = db.prepare<[string, string]>("UPDATE ideas SET status = 'shortlisted', updated_at = ? WHERE project_id = ? AND status = 'promoted'");

  return {
    /** The ideas promoted into a project that is being deleted go back to the shortlist (their link goes with the project). */
    unpromote: (projectId: string, at: string) => unpromote.run(at, projectId),
    /** Ideas the person scored (their scorecards count in each idea's total). */
    scorecardCount: (personId: string) => scoredBy.get(personId)!,
    challenges: () => challenges.all().map(toChallenge),
    challenge: (id: string) => {
      const row = challenge.get(id);
      return row && toChallenge(row);
    },
    insertChallenge: (c: Challenge) => insertChallenge.run(c),
    updateChallenge: (c: Challenge) => updateChallenge.run(c),
    deleteChallenge: (id: string) => deleteChallenge.run(id).changes > 0,

    campaigns: (challengeId: string) => campaigns.all(challengeId).map(toCampaign),
    campaign: (id: string) => {
      const row = campaign.get(id);
      return row && toCampaign(row);
    },
    insertCampaign: (c: Campaign) => insertCampaign.run(c),
    updateCampaign: (c: Campaign) => updateCampaign.run(c),

    idea: (id: string) => {
      const row = idea.get(id);
      return row && toIdea(row);
    },
    insertIdea: (i: Idea) => insertIdea.run(i),
    updateIdea: (i: Idea) => updateIdea.run(i),
    deleteIdea: (id: string) => deleteIdea.run(id).changes > 0,
    allIdeas: () => allIdeas.all(),
    /** Just the texts, for search results (without the score aggregation). */
    ideaText: (id: string) => ideaText.get(id),
    ideas(query: z.output<typeof IdeaListQuerySchema>): { items: Idea[]; total: number } {
      const where: string[] = [];
      const params: Record<string, unknown> = { limit: query.limit, offset: query.offset };
      for (const [field, column] of [
        ['challengeId', 'i.challenge_id'],
        ['campaignId', 'i.campaign_id'],
        ['projectId', 'i.project_id'],
        ['status', 'i.status'],
      ] as const) {
        if (query[field] === undefined) continue;
        where.push(`${column} = @${field}`);
        params[field] = query[field];
      }
      const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
      const order = query.sort === 'score' ? 't.score DESC NULLS LAST, i.created_at DESC, i.id' : 'i.created_at DESC, i.id';
      const key = `${whereSql}|${order}`;
      let statements = ideaStatements.get(key);
      if (!statements) {
        statements = {
          page: db.prepare(`${IDEA_SELECT} ${whereSql} ORDER BY ${order} LIMIT @limit OFFSET @offset`),
          count: db.prepare(`SELECT count(*) AS n FROM ideas i ${whereSql}`),
        };
        ideaStatements.set(key, statements);
      }
      const { limit: _limit, offset: _offset, ...countParams } = params;
      return {
        items: (statements.page.all(params) as IdeaRow[]).map(toIdea),
        total: (statements.count.get(countParams) as { n: number }).n,
      };
    },

    criteria: () => criteria.all().map(toCriterion),
    insertCriterion: (c: { id: string; label: string; weight: number; now: string }) => insertCriterion.run(c),
    updateCriterion: (c: { id: string; label: string | null; weight: number; archived: boolean; now: string }) =>
      updateCriterion.run({ ...c, archived: c.archived ? 1 : 0 }),
    replaceScores(ideaId: string, reviewerId: string, scores: readonly { criterionId: string; score: number }[], now: string) {
      clearScores.run(ideaId, reviewerId);
      for (const s of scores) addScore.run({ ideaId, reviewerId, criterionId: s.criterionId, score: s.score, now });
    },
    scorecards: (ideaId: string): Scorecard[] =>
      scorecards.all(ideaId).map((r) => ({
        reviewerId: r.reviewer_id,
        reviewerName: r.reviewer_name,
        weighted: r.weighted,
        scoredAt: r.scored_at,
        scores: JSON.parse(r.scores),
      })),
  };
}

export type IdeasRepo = ReturnType<typeof createIdeasRepo>;
