/** Incubator cohorts: which projects run the programme together, its milestones and demo day. */
import { ApiFailure } from '../../../shared/api/envelope';
import type { ParsedInput } from '../../../shared/api/contract';
import type { Cohort } from '../../../shared/domain/cohorts';
import { normaliseUzbekApostrophes } from '../../../shared/text/fold';
import type { CoreDeps } from '../../deps';
import type { EventHub } from '../../event-hub';
import type { CohortsRepo } from './cohorts-repo';

export function createCohortsService(deps: Pick<CoreDeps, 'clock' | 'ids'>, repo: CohortsRepo, events: EventHub, projectExists: (id: string) => boolean) {
  const { clock, ids } = deps;
  const now = () => clock.now().toISOString();
  const changed = <T>(value: T) => {
    events.emit({ type: 'data.changed', payload: { area: 'cohorts' } });
    return value;
  };
  const cohort = (id: string): Cohort => {
    const found = repo.get(id);
    if (!found) throw new ApiFailure('not_found', `No cohort with id ${id}.`);
    return found;
  };
  const milestone = (id: string) => {
    const found = repo.milestone(id);
    if (!found) throw new ApiFailure('not_found', `No milestone with id ${id}.`);
    return found;
  };

  /** The demo day is a day of the cohort, when both are dated. */
  function checkDemoDay(c: Pick<Cohort, 'startsOn' | 'endsOn' | 'demoDay'>, path: string[]) {
    if (c.demoDay && ((c.startsOn && c.demoDay < c.startsOn) || (c.endsOn && c.demoDay > c.endsOn))) {
      throw new ApiFailure('invalid_input', "The demo day is outside the cohort's dates.", [{ path: [...path, 'demoDay'], code: 'demo_day_outside' }]);
    }
  }

  return {
    list: () => repo.all(),
    get: ({ id }: { id: string }) => cohort(id),
    create(input: ParsedInput<'cohorts.create'>) {
      checkDemoDay(input, []);
      const at = now();
      const created: Cohort = {
        id: ids.next(),
        ...input,
        name: normaliseUzbekApostrophes(input.name),
        description: normaliseUzbekApostrophes(input.description),
        projectIds: [],
        milestones: [],
        createdAt: at,
        updatedAt: at,
      };
      repo.insert(created);
      return changed(cohort(created.id));
    },
    update({ id, patch }: ParsedInput<'cohorts.update'>) {
      const next = { ...cohort(id), ...patch, updatedAt: now() };
      if (next.startsOn && next.endsOn && next.startsOn > next.endsOn) {
        throw new ApiFailure('invalid_input', 'The cohort ends before it starts.', [{ path: ['patch', 'endsOn'], code: 'end_before_start' }]);
      }
      checkDemoDay(next, ['patch']);
      repo.update(next);
      return changed(cohort(id));
    },
    delete({ id }: { id: string }) {
      if (!repo.remove(id)) throw new ApiFailure('not_found', `No cohort with id ${id}.`);
      return changed({ id });
    },
    addProject({ cohortId, projectId }: ParsedInput<'cohorts.addProject'>) {
      cohort(cohortId);
      if (!projectExists(projectId)) throw new ApiFailure('invalid_input', 'The project does not exist.', [{ path: ['projectId'], code: 'unknown_reference' }]);
      repo.addProject(cohortId, projectId, now());
      return changed(cohort(cohortId));
    },
    removeProject({ cohortId, projectId }: ParsedInput<'cohorts.removeProject'>) {
      cohort(cohortId);
      if (!repo.removeProject(cohortId, projectId)) throw new ApiFailure('not_found', 'That project is not in this cohort.');
      return changed(cohort(cohortId));
    },
    addMilestone({ cohortId, title, dueOn }: ParsedInput<'cohorts.addMilestone'>) {
      cohort(cohortId);
      repo.insertMilestone({ id: ids.next(), cohortId, title: normaliseUzbekApostrophes(title), dueOn, now: now() });
      return changed(cohort(cohortId));
    },
    updateMilestone({ id, ...patch }: ParsedInput<'cohorts.updateMilestone'>) {
      const current = milestone(id);
      repo.updateMilestone({ ...current, ...patch, now: now() });
      return changed(cohort(current.cohortId));
    },
    deleteMilestone({ id }: { id: string }) {
      const current = milestone(id);
      repo.deleteMilestone(id);
      return changed(cohort(current.cohortId));
    },
  };
}
