/**
 * Core: plain functions over injected dependencies. No Electron and no HTTP in here; the doors
 * (IPC, HTTP, in-process) all reach these handlers through the one dispatcher.
 */
import { migrate, schemaVersion } from './db/migrate';
import type { CoreDeps } from './deps';
import { createEventHub } from './event-hub';
import type { CoreMethod, HandlerTable } from './handlers';
import { createJobRunner } from './jobs';
import { createActivityRepo } from './services/activity/activity-repo';
import { createEntitiesRepo } from './services/lab/entities-repo';
import { createPillarsRepo } from './services/lab/pillars-repo';
import { createProjectsRepo } from './services/projects/projects-repo';
import { createProjectsService } from './services/projects/projects-service';

export function createCore(deps: CoreDeps) {
  migrate(deps.db, { now: () => deps.clock.now().toISOString() });

  const events = createEventHub();
  const jobs = createJobRunner({ ids: deps.ids, clock: deps.clock, events, logger: deps.logger });
  const repos = {
    projects: createProjectsRepo(deps.db),
    activity: createActivityRepo(deps.db),
    pillars: createPillarsRepo(deps.db),
    entities: createEntitiesRepo(deps.db),
  };
  const projects = createProjectsService(deps, repos, events);

  const handlers: HandlerTable<CoreMethod> = {
    'app.info': () => ({ version: deps.appVersion, dataDir: deps.paths.dataDir, schemaVersion: schemaVersion(deps.db) }),
    'settings.get': () => deps.settings.get(),
    'settings.update': (patch) => {
      const settings = deps.settings.update(patch);
      events.emit({ type: 'data.changed', payload: { area: 'settings' } });
      return settings;
    },
    'projects.list': (query) => projects.list(query),
    'projects.get': (input) => projects.get(input),
    'projects.create': (input) => projects.create(input),
    'projects.update': (input) => projects.update(input),
    'projects.delete': (input) => projects.delete(input),
    'pillars.list': () => repos.pillars.list(),
    'activity.list': ({ subjectId, limit }) => repos.activity.forSubject(subjectId, limit),
    'jobs.list': () => jobs.list(),
    'jobs.cancel': ({ id }) => jobs.cancel(id),
  };

  return {
    handlers,
    events,
    jobs,
    db: deps.db,
    close: () => deps.db.close(),
  };
}

export type Core = ReturnType<typeof createCore>;
