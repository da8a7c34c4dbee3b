/**
 * Gates: a project moves between stages, is shelved, stopped or revived only by a decision, which
 * records the checklist as answered, the evidence reached, the rationale and who decided. A
 * decision is one transaction with its effect on the project; it supersedes the previous one and
 * is never changed afterwards.
 */
import { ApiFailure, type InputIssue } from '../../../shared/api/envelope';
import { isFutureDay } from '../../../shared/domain/common';
import type { ParsedInput } from '../../../shared/api/contract';
import type { GateDecision } from '../../../shared/domain/gates';
import type { Project } from '../../../shared/domain/project';
import type { CoreDeps } from '../../deps';
import type { ProjectsService } from '../projects/projects-service';
import type { GatesRepo } from './gates-repo';
import { normaliseUzbekApostrophes as uz } from '../../../shared/text/fold';

type Decide = ParsedInput<'gates.decide'>;
const invalid = (message: string, issues: InputIssue[]) => new ApiFailure('invalid_input', message, issues);

/** Where the decision takes the project, or the reason it cannot. */
function target(project: Project, input: Decide): { toStage: number; status: Project['status'] } {
  const from = project.stage;
  const open = project.status === 'active' || project.status === 'scaled';
  const refuse = (code: string) => invalid(`A ${project.status} project cannot take the decision ${input.decision}.`, [{ path: ['decision'], code }]);
  const stageIssue = () => invalid('That stage is not reachable with this decision.', [{ path: ['toStage'], code: 'stage_not_allowed' }]);
  switch (input.decision) {
    case 'advance': {
      if (!open) throw refuse('decision_not_allowed');
      const toStage = input.toStage ?? from + 1;
      if (toStage <= from || toStage > 7) throw stageIssue();
      return { toStage, status: project.status };
    }
    case 'iterate': {
      if (!open) throw refuse('decision_not_allowed');
      const toStage = input.toStage ?? from;
      if (toStage > from) throw stageIssue();
      return { toStage, status: project.status };
    }
    case 'shelve':
    case 'stop':
    case 'revive': {
      const allowed = input.decision === 'revive' ? project.status === 'shelved' : input.decision === 'shelve' ? open : project.status !== 'stopped';
      if (!allowed) throw refuse('decision_not_allowed');
      if (input.toStage !== undefined && input.toStage !== from) throw stageIssue();
      return { toStage: from, status: input.decision === 'revive' ? 'active' : input.decision === 'shelve' ? 'shelved' : 'stopped' };
    }
  }
}

export function createGatesService(
  deps: Pick<CoreDeps, 'db' | 'clock' | 'ids'>,
  repos: { gates: GatesRepo; personExists(id: string): boolean },
  projects: ProjectsService,
) {
  const { db, clock, ids } = deps;

  function checkChecklist(project: Project, input: Decide) {
    const issues: InputIssue[] = [];
    const seen = new Set<string>();
    input.checklist.forEach((answer, index) => {
      const criterion = repos.gates.criterion(answer.criterionId);
      if (!criterion || criterion.stage !== project.stage || seen.has(answer.criterionId)) {
        issues.push({ path: ['checklist', index, 'criterionId'], code: 'unknown_reference' });
      }
      seen.add(answer.criterionId);
    });
    if (input.decidedById && !repos.personExists(input.decidedById)) issues.push({ path: ['decidedById'], code: 'unknown_reference' });
    if (issues.length) throw invalid('The decision refers to records that do not exist.', issues);
  }

  /**
   * The decision's day: not in the future, nor before the decision it supersedes. Given none, today
   * (UTC), or the previous decision's day when that is later (dated today east of UTC), so the
   * history stays in order.
   */
  function decisionDay(project: Project, input: Decide, now: Date): string {
    const previous = repos.gates.latestDecidedOn(project.id);
    if (input.decidedOn === undefined) {
      const today = now.toISOString().slice(0, 10);
      return previous && previous > today ? previous : today;
    }
    if (isFutureDay(input.decidedOn, now)) throw invalid('A decision cannot be dated in the future.', [{ path: ['decidedOn'], code: 'date_in_future' }]);
    if (previous && input.decidedOn < previous) {
      throw invalid("A decision cannot be dated before the project's previous decision.", [{ path: ['decidedOn'], code: 'before_previous_decision' }]);
    }
    return input.decidedOn;
  }

  return {
    decide(input: Decide) {
      const project = projects.get({ id: input.projectId });
      if (input.fromStage !== undefined && input.fromStage !== project.stage) {
        throw new ApiFailure('conflict', `The project moved to stage ${project.stage} while this decision was being taken.`, [
          { path: ['fromStage'], code: 'stage_changed', params: { stage: project.stage } },
        ]);
      }
      const { toStage, status } = target(project, input);
      checkChecklist(project, input);
      const at = clock.now();
      const decidedOn = decisionDay(project, input, at);
      const now = at.toISOString();
      const decision: GateDecision = {
        id: ids.next(),
        projectId: project.id,
        fromStage: project.stage,
        toStage,
        decision: input.decision,
        evidenceLevel: input.evidenceLevel,
        checklist: input.checklist,
        rationale: uz(input.rationale),
        decidedById: input.decidedById,
        decidedByName: uz(input.decidedByName),
        decidedOn,
        supersedesId: repos.gates.latestId(project.id),
        createdAt: now,
      };
      db.transaction(() => {
        repos.gates.addDecision(decision);
        projects.applyInTransaction(
          project,
          { ...project, stage: toStage, status, evidenceLevel: input.evidenceLevel ?? project.evidenceLevel },
          now,
        );
      })();
      projects.changed(project.id);
      return { decision, project: projects.get({ id: project.id }) };
    },

    history: ({ projectId }: ParsedInput<'gates.history'>) => {
      projects.get({ id: projectId });
      return repos.gates.history(projectId);
    },

    addCriterion({ stage, label }: ParsedInput<'gates.addCriterion'>) {
      const id = ids.next();
      repos.gates.addCriterion({ id, stage, label: uz(label), now: clock.now().toISOString() });
      return repos.gates.criterion(id)!;
    },

    updateCriterion({ id, label, archived }: ParsedInput<'gates.updateCriterion'>) {
      const current = repos.gates.criterion(id);
      if (!current) throw new ApiFailure('not_found', `No gate criterion with id ${id}.`);
      repos.gates.updateCriterion({ id, label: label === undefined ? current.label : uz(label), archived: archived ?? current.archived, now: clock.now().toISOString() });
      return repos.gates.criterion(id)!;
    },
  };
}
