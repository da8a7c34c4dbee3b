/** Entities (the ministries and agencies that own projects), people with their roles, and project teams. */
import { ApiFailure } from '../../../shared/api/envelope';
import type { ParsedInput } from '../../../shared/api/contract';
import type { Person } from '../../../shared/domain/people';
import type { CoreDeps } from '../../deps';
import type { EventHub } from '../../event-hub';
import { foldForSearch, normaliseUzbekApostrophes as uz } from '../../../shared/text/fold';
import type { PeopleRepo } from './people-repo';

const unknownEntity = (path: (string | number)[]) =>
  new ApiFailure('invalid_input', 'The entity does not exist.', [{ path, code: 'unknown_reference' }]);

interface Links {
  projectExists(id: string): boolean;
  /** DAC rubric ratings the person gave: they belong to pilots' evaluation records. */
  ratingCount(personId: string): number;
  /** Ideas the person scored: their scorecards are part of each idea's total. */
  scorecardCount(personId: string): number;
}

export function createPeopleService(deps: Pick<CoreDeps, 'db' | 'clock' | 'ids'>, repo: PeopleRepo, events: EventHub, { projectExists, ratingCount, scorecardCount }: Links) {
  const { clock, ids } = deps;
  const now = () => clock.now().toISOString();
  const changed = () => events.emit({ type: 'data.changed', payload: { area: 'people' } });
  const entity = (id: string) => {
    const found = repo.entity(id);
    if (!found) throw new ApiFailure('not_found', `No entity with id ${id}.`);
    return found;
  };
  const person = (id: string): Person => {
    const found = repo.person(id);
    if (!found) throw new ApiFailure('not_found', `No person with id ${id}.`);
    return found;
  };

  /** Two entities of one name would make every "owning entity" choice ambiguous. */
  const refuseTakenName = (name: string, except?: string) => {
    const folded = foldForSearch(name);
    if (repo.entities().some((e) => e.id !== except && foldForSearch(e.name) === folded)) {
      throw new ApiFailure('invalid_input', 'An entity of this name exists already.', [{ path: ['name'], code: 'already_exists' }]);
    }
  };

  return {
    entities: () => repo.entities(),
    createEntity({ name }: ParsedInput<'entities.create'>) {
      refuseTakenName(name);
      const id = ids.next();
      repo.insertEntity({ id, name: uz(name), now: now() });
      changed();
      return entity(id);
    },
    renameEntity({ id, name }: ParsedInput<'entities.update'>) {
      entity(id);
      refuseTakenName(name, id);
      repo.renameEntity({ id, name: uz(name), now: now() });
      changed();
      return entity(id);
    },
    deleteEntity({ id }: ParsedInput<'entities.delete'>) {
      if (!repo.deleteEntity(id)) throw new ApiFailure('not_found', `No entity with id ${id}.`);
      changed();
      return { id };
    },

    people: () => repo.people(),
    createPerson(input: ParsedInput<'people.create'>) {
      if (input.entityId && !repo.entity(input.entityId)) throw unknownEntity(['entityId']);
      const at = now();
      const created: Person = { id: ids.next(), ...input, name: uz(input.name), createdAt: at, updatedAt: at };
      repo.insertPerson(created);
      changed();
      return created;
    },
    updatePerson({ id, patch }: ParsedInput<'people.update'>) {
      const current = person(id);
      if (patch.entityId && !repo.entity(patch.entityId)) throw unknownEntity(['patch', 'entityId']);
      repo.updatePerson({ ...current, ...patch, ...(patch.name === undefined ? {} : { name: uz(patch.name) }), updatedAt: now() });
      changed();
      return person(id);
    },
    deletePerson({ id }: ParsedInput<'people.delete'>) {
      // The database would take the person's ratings with them, silently changing pilots' rubrics.
      const ratings = ratingCount(id);
      if (ratings > 0) {
        throw new ApiFailure('conflict', 'This person rated pilots on the DAC rubric; the ratings are kept with the pilots.', [
          { path: ['id'], code: 'person_has_ratings', params: { count: ratings } },
        ]);
      }
      // Likewise their scorecards, which would silently change the ideas' totals and ranking.
      const scorecards = scorecardCount(id);
      if (scorecards > 0) {
        throw new ApiFailure('conflict', 'This person scored ideas; the scorecards are kept with the ideas.', [
          { path: ['id'], code: 'person_has_scorecards', params: { count: scorecards } },
        ]);
      }
      if (!repo.deletePerson(id)) throw new ApiFailure('not_found', `No person with id ${id}.`);
      changed();
      return { id };
    },

    members({ projectId }: ParsedInput<'projects.members'>) {
      if (!projectExists(projectId)) throw new ApiFailure('not_found', `No project with id ${projectId}.`);
      return repo.members(projectId);
    },
    setMember({ projectId, personId, role }: ParsedInput<'projects.setMember'>) {
      if (!projectExists(projectId)) throw new ApiFailure('not_found', `No project with id ${projectId}.`);
      person(personId);
      repo.setMember({ projectId, personId, role, now: now() });
      events.emit({ type: 'data.changed', payload: { area: 'projects', id: projectId } });
      return repo.members(projectId);
    },
    removeMember({ projectId, personId }: ParsedInput<'projects.removeMember'>) {
      if (!repo.removeMember(projectId, personId)) throw new ApiFailure('not_found', 'That person is not on this project.');
      events.emit({ type: 'data.changed', payload: { area: 'projects', id: projectId } });
      return repo.members(projectId);
    },
  };
}
