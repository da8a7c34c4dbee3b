/**
 * Projects: create, read, list, update, delete. Every change is one transaction that also appends
 * to the activity log, so the log and the data can never disagree.
 */
import { ApiFailure, type InputIssue } from '../../../shared/api/envelope';
import type { ParsedInput } from '../../../shared/api/contract';
import type { Project } from '../../../shared/domain/project';
import { foldForSearch, normaliseUzbekApostrophes } from '../../../shared/text/fold';
import type { CoreDeps } from '../../deps';
import type { EventHub } from '../../event-hub';
import type { SearchIndex } from '../../search/search-index';
import type { ActivityRepo } from '../activity/activity-repo';
import type { createPillarsRepo } from '../lab/pillars-repo';
import type { ProjectRow, ProjectsRepo } from './projects-repo';

interface Repos {
  projects: ProjectsRepo;
  search: SearchIndex;
  hasGateDecisions(projectId: string): boolean;
  /** Pilots of the project whose protocol is locked: part of the evaluation record. */
  lockedPilotCount(projectId: string): number;
  /** Ideas promoted into the project go back to the shortlist when it is deleted. */
  unpromoteIdeas(projectId: string, at: string): void;
  activity: ActivityRepo;
  pillars: ReturnType<typeof createPillarsRepo>;
  entityExists(id: string): boolean;
  challengeExists(id: string): boolean;
}

// A project's origin is set only by a bundle import (as a copy), never by a user.
type Editable = Omit<Project, 'id' | 'createdAt' | 'updatedAt' | 'origin'>;

const EDITABLE_FIELDS = [
  'title',
  'summary',
  'stage',
  'status',
  'innovationType',
  'oecdFacet',
  'pillarIds',
  'ownerEntityId',
  'startDate',
  'endDate',
  'evidenceLevel',
  'evidenceTarget',
  'challengeId',
] as const satisfies readonly (keyof Editable)[];

/** How a project appears in the search index. */
export const projectSearchText = (p: Pick<Project, 'id' | 'title' | 'summary'>) => ({
  kind: 'project',
  recordId: p.id,
  title: p.title,
  body: p.summary,
});

const notFound = (id: string) => new ApiFailure('not_found', `No project with id ${id}.`);

function toRow(id: string, p: Editable, createdAt: string, updatedAt: string): ProjectRow {
  const title = normaliseUzbekApostrophes(p.title);
  return {
    id,
    title,
    title_folded: foldForSearch(title),
    summary: normaliseUzbekApostrophes(p.summary),
    stage: p.stage,
    status: p.status,
    innovation_type: p.innovationType,
    oecd_facet: p.oecdFacet,
    owner_entity_id: p.ownerEntityId,
    start_date: p.startDate,
    end_date: p.endDate,
    evidence_level: p.evidenceLevel,
    evidence_target: p.evidenceTarget,
    challenge_id: p.challengeId,
    origin: null,
    created_at: createdAt,
    updated_at: updatedAt,
  };
}

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function createProjectsService(deps: Pick<CoreDeps, 'db' | 'clock' | 'ids'>, repos: Repos, events: EventHub) {
  const { db, clock, ids } = deps;

  /** References to pillars and entities must exist; say which field is wrong rather than failing in SQL. */
  function checkReferences(p: Partial<Editable>) {
    const issues: InputIssue[] = [];
    if (p.pillarIds) {
      for (const id of repos.pillars.unknown(p.pillarIds)) {
        issues.push({ path: ['pillarIds', p.pillarIds.indexOf(id)], code: 'unknown_reference' });
      }
    }
    if (p.ownerEntityId && !repos.entityExists(p.ownerEntityId)) {
      issues.push({ path: ['ownerEntityId'], code: 'unknown_reference' });
    }
    if (p.challengeId && !repos.challengeExists(p.challengeId)) {
      issues.push({ path: ['challengeId'], code: 'unknown_reference' });
    }
    if (issues.length) throw new ApiFailure('invalid_input', 'The project refers to records that do not exist.', issues);
  }

  const log = (subjectId: string, action: 'created' | 'updated' | 'deleted', fields: string[], summary: string, at: string) =>
    repos.activity.append({ id: ids.next(), at, subjectType: 'project', subjectId, action, fields, summary });

  const changed = (id: string) => events.emit({ type: 'data.changed', payload: { area: 'projects', id } });

  /** Writes a new version of a project with its log line; the caller runs it inside a transaction. */
  function write(current: Project, next: Editable, fields: readonly string[], now: string) {
    const row = toRow(current.id, next, current.createdAt, now);
    repos.projects.update(row);
    if (fields.includes('pillarIds')) repos.projects.setPillars(current.id, next.pillarIds);
    if (fields.includes('title') || fields.includes('summary')) repos.search.put(projectSearchText({ id: current.id, title: row.title, summary: row.summary }));
    log(current.id, 'updated', [...fields], row.title, now);
  }

  return {
    list(query: ParsedInput<'projects.list'>) {
      return repos.projects.list({ ...query, foldedSearch: foldForSearch(query.search.trim()) });
    },

    get({ id }: ParsedInput<'projects.get'>): Project {
      const project = repos.projects.get(id);
      if (!project) throw notFound(id);
      return project;
    },

    create(input: ParsedInput<'projects.create'>): Project {
      checkReferences(input);
      const id = ids.next();
      const now = clock.now().toISOString();
      db.transaction(() => {
        const row = toRow(id, input, now, now);
        repos.projects.insert(row);
        repos.projects.setPillars(id, input.pillarIds);
        repos.search.put(projectSearchText({ id, title: row.title, summary: row.summary }));
        log(id, 'created', [], row.title, now);
      })();
      changed(id);
      return this.get({ id });
    },

    update({ id, patch }: ParsedInput<'projects.update'>): Project {
      const current = this.get({ id });
      const next: Editable = { ...current, ...patch };
      if (next.startDate && next.endDate && next.startDate > next.endDate) {
        throw new ApiFailure('invalid_input', 'The end date is before the start date.', [
          { path: ['patch', 'endDate'], code: 'end_before_start' },
        ]);
      }
      if (patch.status && (current.status === 'shelved' || current.status === 'stopped')) {
        throw new ApiFailure('invalid_input', 'A shelved or stopped project changes status through a gate decision.', [
          { path: ['patch', 'status'], code: 'status_through_gate' },
        ]);
      }
      checkReferences(patch);
      const fields = EDITABLE_FIELDS.filter((f) => f in patch && !sameValue(current[f], next[f]));
      if (fields.length === 0) return current;
      db.transaction(() => write(current, next, fields, clock.now().toISOString()))();
      changed(id);
      return this.get({ id });
    },

    delete({ id }: ParsedInput<'projects.delete'>) {
      const current = this.get({ id });
      if (repos.hasGateDecisions(id)) {
        throw new ApiFailure('conflict', 'A project with gate decisions keeps its audit trail: stop it instead of deleting it.', [
          { path: ['id'], code: 'project_has_gate_decisions' },
        ]);
      }
      // Deleting the project would take its locked pilots with it, which no pilot method allows.
      const locked = repos.lockedPilotCount(id);
      if (locked > 0) {
        throw new ApiFailure('protocol_locked', 'A project with a locked pilot protocol keeps its evaluation record: stop it instead of deleting it.', [
          { path: ['id'], code: 'project_has_locked_pilots', params: { count: locked } },
        ]);
      }
      db.transaction(() => {
        const at = clock.now().toISOString();
        repos.search.remove('project', id);
        repos.unpromoteIdeas(id, at);
        repos.projects.remove(id);
        log(id, 'deleted', [], current.title, at);
      })();
      changed(id);
      return { id };
    },

    /** For gate decisions: moves stage, status and evidence inside the decision's transaction. */
    applyInTransaction(current: Project, next: Editable, now: string) {
      const fields = EDITABLE_FIELDS.filter((f) => !sameValue(current[f], next[f]));
      if (fields.length > 0) write(current, next, fields, now);
    },
    changed,
  };
}

export type ProjectsService = ReturnType<typeof createProjectsService>;
