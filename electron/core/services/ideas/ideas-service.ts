/**
 * Challenges, idea campaigns and the idea bank: weighted scorecards by several reviewers, and the
 * promotion of an idea into a project, linked both ways (the idea names its project; the project
 * its challenge).
 */
import { ApiFailure, type InputIssue } from '../../../shared/api/envelope';
import type { ParsedInput } from '../../../shared/api/contract';
import { campaignPhase, type Campaign, type Challenge, type Idea } from '../../../shared/domain/ideas';
import { normaliseUzbekApostrophes } from '../../../shared/text/fold';
import type { CoreDeps } from '../../deps';
import type { EventHub } from '../../event-hub';
import type { SearchIndex } from '../../search/search-index';
import type { ProjectsService } from '../projects/projects-service';
import type { IdeasRepo } from './ideas-repo';

const notFound = (what: string, id: string) => new ApiFailure('not_found', `No ${what} with id ${id}.`);
const unknown = (path: (string | number)[]) => new ApiFailure('invalid_input', 'That record does not exist.', [{ path, code: 'unknown_reference' }]);

/** How challenges and ideas appear in the search index. */
export const challengeSearchText = (c: Pick<Challenge, 'id' | 'title' | 'context' | 'affected' | 'evidence' | 'hmw'>) => ({
  kind: 'challenge',
  recordId: c.id,
  title: c.title,
  body: [c.hmw, c.context, c.affected, c.evidence].join('\n'),
});
export const ideaSearchText = (i: Pick<Idea, 'id' | 'title' | 'description'>) => ({ kind: 'idea', recordId: i.id, title: i.title, body: i.description });

const clean = <T extends Record<string, unknown>>(fields: T): T =>
  Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, typeof v === 'string' ? normaliseUzbekApostrophes(v) : v])) as T;

export function createIdeasService(
  deps: Pick<CoreDeps, 'db' | 'clock' | 'ids'>,
  repo: IdeasRepo,
  deps2: { search: SearchIndex; events: EventHub; projects: ProjectsService; personExists(id: string): boolean },
) {
  const { db, clock, ids } = deps;
  const { search, events, projects } = deps2;
  const now = () => clock.now().toISOString();
  const changed = () => events.emit({ type: 'data.changed', payload: { area: 'ideas' } });

  const challenge = (id: string) => repo.challenge(id) ?? (() => { throw notFound('challenge', id); })();
  const campaign = (id: string) => repo.campaign(id) ?? (() => { throw notFound('campaign', id); })();
  const idea = (id: string) => repo.idea(id) ?? (() => { throw notFound('idea', id); })();

  /** An idea's challenge and campaign must exist and agree; a closed campaign takes no new ideas. */
  function checkPlacement(fields: { challengeId: string | null; campaignId: string | null }, path: string[], isNew: boolean): { challengeId: string | null } {
    if (fields.challengeId && !repo.challenge(fields.challengeId)) throw unknown([...path, 'challengeId']);
    if (!fields.campaignId) return { challengeId: fields.challengeId };
    const target = repo.campaign(fields.campaignId);
    if (!target) throw unknown([...path, 'campaignId']);
    if (fields.challengeId && fields.challengeId !== target.challengeId) throw unknown([...path, 'campaignId']);
    // A campaign is time-boxed: it takes ideas while open and between its dates (when it has them).
    if (isNew && campaignPhase(target, clock.now().toISOString().slice(0, 10)) !== 'open') {
      throw new ApiFailure('invalid_input', 'This campaign is not taking ideas now.', [{ path: [...path, 'campaignId'], code: 'campaign_closed' }]);
    }
    return { challengeId: target.challengeId };
  }

  return {
    challenges: () => repo.challenges(),
    challenge: ({ id }: { id: string }) => challenge(id),
    createChallenge(input: ParsedInput<'challenges.create'>) {
      const at = now();
      const created: Challenge = { id: ids.next(), ...clean(input), ideaCount: 0, createdAt: at, updatedAt: at };
      db.transaction(() => {
        repo.insertChallenge(created);
        search.put(challengeSearchText(created));
      })();
      changed();
      return challenge(created.id);
    },
    updateChallenge({ id, patch }: ParsedInput<'challenges.update'>) {
      const next: Challenge = { ...challenge(id), ...clean(patch), updatedAt: now() };
      db.transaction(() => {
        repo.updateChallenge(next);
        search.put(challengeSearchText(next));
      })();
      changed();
      return challenge(id);
    },
    deleteChallenge({ id }: { id: string }) {
      challenge(id);
      db.transaction(() => {
        search.remove('challenge', id);
        repo.deleteChallenge(id);
      })();
      changed();
      return { id };
    },

    campaigns: ({ challengeId }: { challengeId: string }) => (challenge(challengeId), repo.campaigns(challengeId)),
    createCampaign(input: ParsedInput<'campaigns.create'>) {
      if (!repo.challenge(input.challengeId)) throw unknown(['challengeId']);
      const at = now();
      const created: Campaign = { id: ids.next(), ...clean(input), state: 'open', ideaCount: 0, createdAt: at, updatedAt: at };
      repo.insertCampaign(created);
      changed();
      return campaign(created.id);
    },
    updateCampaign({ id, patch }: ParsedInput<'campaigns.update'>) {
      const next = { ...campaign(id), ...clean(patch), updatedAt: now() };
      if (next.opensOn && next.closesOn && next.opensOn > next.closesOn) {
        throw new ApiFailure('invalid_input', 'The campaign closes before it opens.', [{ path: ['patch', 'closesOn'], code: 'end_before_start' }]);
      }
      repo.updateCampaign(next);
      changed();
      return campaign(id);
    },

    ideas: (query: ParsedInput<'ideas.list'>) => repo.ideas(query),
    idea: ({ id }: { id: string }) => idea(id),
    createIdea(input: ParsedInput<'ideas.create'>) {
      const { challengeId } = checkPlacement(input, [], true);
      const at = now();
      const created: Idea = {
        id: ids.next(),
        ...clean(input),
        challengeId,
        status: 'new',
        projectId: null,
        score: null,
        reviewerCount: 0,
        createdAt: at,
        updatedAt: at,
      };
      db.transaction(() => {
        repo.insertIdea(created);
        search.put(ideaSearchText(created));
      })();
      changed();
      return idea(created.id);
    },
    updateIdea({ id, patch }: ParsedInput<'ideas.update'>) {
      const current = idea(id);
      const next: Idea = { ...current, ...clean(patch), updatedAt: now() };
      next.challengeId = checkPlacement(next, ['patch'], patch.campaignId !== undefined && patch.campaignId !== current.campaignId).challengeId;
      if (current.status === 'promoted' && patch.status) {
        throw new ApiFailure('invalid_input', 'A promoted idea keeps its status.', [{ path: ['patch', 'status'], code: 'idea_promoted' }]);
      }
      db.transaction(() => {
        repo.updateIdea(next);
        search.put(ideaSearchText(next));
      })();
      changed();
      return idea(id);
    },
    deleteIdea({ id }: { id: string }) {
      const current = idea(id);
      if (current.projectId) throw new ApiFailure('conflict', 'A promoted idea is part of its project’s history and is kept.');
      db.transaction(() => {
        search.remove('idea', id);
        repo.deleteIdea(id);
      })();
      changed();
      return { id };
    },

    criteria: () => repo.criteria(),
    addCriterion({ label, weight }: ParsedInput<'scoring.addCriterion'>) {
      const id = ids.next();
      repo.insertCriterion({ id, label: normaliseUzbekApostrophes(label), weight, now: now() });
      changed();
      return repo.criteria().find((c) => c.id === id)!;
    },
    updateCriterion({ id, label, weight, archived }: ParsedInput<'scoring.updateCriterion'>) {
      const current = repo.criteria().find((c) => c.id === id);
      if (!current) throw notFound('score criterion', id);
      repo.updateCriterion({ id, label: label ?? current.label, weight: weight ?? current.weight, archived: archived ?? current.archived, now: now() });
      changed();
      return repo.criteria().find((c) => c.id === id)!;
    },

    /** A reviewer's scorecard for an idea, replacing their earlier one. */
    score({ ideaId, reviewerId, scores }: ParsedInput<'ideas.score'>) {
      idea(ideaId);
      const issues: InputIssue[] = [];
      if (!deps2.personExists(reviewerId)) issues.push({ path: ['reviewerId'], code: 'unknown_reference' });
      const active = new Set(repo.criteria().filter((c) => !c.archived).map((c) => c.id));
      const seen = new Set<string>();
      scores.forEach((s, i) => {
        if (!active.has(s.criterionId) || seen.has(s.criterionId)) issues.push({ path: ['scores', i, 'criterionId'], code: 'unknown_reference' });
        seen.add(s.criterionId);
      });
      if (issues.length) throw new ApiFailure('invalid_input', 'The scorecard refers to records that do not exist.', issues);
      db.transaction(() => repo.replaceScores(ideaId, reviewerId, scores, now()))();
      changed();
      return { idea: idea(ideaId), scorecards: repo.scorecards(ideaId) };
    },
    scorecards: ({ ideaId }: { ideaId: string }) => (idea(ideaId), repo.scorecards(ideaId)),

    /** Turns an idea into a project at the end of stage 2, keeping the links both ways. */
    promote({ ideaId, title }: ParsedInput<'ideas.promote'>) {
      const current = idea(ideaId);
      if (current.projectId) throw new ApiFailure('conflict', 'This idea is already a project.');
      const source = current.challengeId ? repo.challenge(current.challengeId) : undefined;
      const project = db.transaction(() => {
        const created = projects.create({
          title: title ?? current.title,
          summary: current.description,
          stage: 2,
          status: 'active',
          innovationType: null,
          oecdFacet: source?.oecdFacet ?? null,
          pillarIds: [],
          ownerEntityId: null,
          startDate: null,
          endDate: null,
          evidenceLevel: null,
          evidenceTarget: null,
          challengeId: current.challengeId,
        });
        repo.updateIdea({ ...current, status: 'promoted', projectId: created.id, updatedAt: now() });
        return created;
      })();
      changed();
      return { idea: idea(ideaId), project };
    },
  };
}
