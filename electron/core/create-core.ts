/**
 * Core: plain functions over injected dependencies. No Electron and no HTTP in here; the doors
 * (IPC, HTTP, in-process) all reach these handlers through the one dispatcher.
 */
import { diagnosticsText } from './diagnostics';
import { contract } from '../shared/api/contract';
import { ApiFailure } from '../shared/api/envelope';
import { createAttachmentsRepo } from './attachments/attachments-repo';
import { createAttachmentsService } from './attachments/attachments-service';
import { createAttachmentStore } from './attachments/store';
import { createBackups } from './backups/backups';
import { migrate, schemaVersion } from './db/migrate';
import type { CoreDeps } from './deps';
import { createEventHub } from './event-hub';
import type { CoreMethod, HandlerTable } from './handlers';
import { createBundlesService } from './bundles/bundles-service';
import { createJobRunner } from './jobs';
import { createSearchIndex } from './search/search-index';
import { createSearchService } from './search/search-service';
import { findTemplate } from '../shared/canvas/catalogue';
import { createCanvasesRepo } from './services/canvases/canvases-repo';
import { createCanvasesService } from './services/canvases/canvases-service';
import { createLabTemplatesService } from './services/canvases/lab-templates-service';
import { createNoteLinksRepo } from './services/canvases/note-links-repo';
import { createNoteLinksService } from './services/canvases/note-links-service';
import { createTemplateSource } from './services/canvases/template-source';
import { createActivityRepo } from './services/activity/activity-repo';
import { createCohortsRepo } from './services/cohorts/cohorts-repo';
import { createCohortsService } from './services/cohorts/cohorts-service';
import { createGatesRepo } from './services/gates/gates-repo';
import { createDashboardRepo } from './services/portfolio/dashboard-repo';
import { portfolioCsv, portfolioXlsx } from './services/portfolio/export';
import { createIdeasRepo } from './services/ideas/ideas-repo';
import { challengeSearchText, createIdeasService, ideaSearchText } from './services/ideas/ideas-service';
import { createGatesService } from './services/gates/gates-service';
import { createPillarsRepo } from './services/lab/pillars-repo';
import { loadSampleLab, type SyncCall } from './services/lab/sample-lab';
import { createWorkspaceRepo } from './services/lab/workspace';
import { createPilotsRepo } from './services/pilots/pilots-repo';
import { createPilotsService, pilotSearchText } from './services/pilots/pilots-service';
import { createImportFiles } from './services/pilots/import-files';
import { createPeopleRepo } from './services/people/people-repo';
import { createPeopleService } from './services/people/people-service';
import { createProjectsRepo } from './services/projects/projects-repo';
import { createProjectsService, projectSearchText } from './services/projects/projects-service';
import { createDispatcher } from './dispatch';
import { createWorkshopLan } from './workshops/lan';
import { createWorkshopsRepo } from './workshops/workshops-repo';
import { createWorkshopsService } from './workshops/workshops-service';

export function createCore(deps: CoreDeps) {
  migrate(deps.db, { now: () => deps.clock.now().toISOString() });

  const events = createEventHub();
  const backups = createBackups({
    db: deps.db,
    dataDir: deps.paths.dataDir,
    clock: deps.clock,
    logger: deps.logger,
    // Everything on screen may differ after a restore.
    onRestored: () => {
      for (const area of ['projects', 'ideas', 'people', 'gates', 'cohorts', 'attachments', 'canvases', 'pilots'] as const) events.emit({ type: 'data.changed', payload: { area } });
    },
  });
  events.subscribe((event) => event.type === 'data.changed' && event.payload.area !== 'settings' && backups.noteChange());
  const periodicBackups = setInterval(() => void backups.tick(), 60_000);
  periodicBackups.unref();
  const jobs = createJobRunner({ ids: deps.ids, clock: deps.clock, events, logger: deps.logger });
  const projectsRepo = createProjectsRepo(deps.db);
  const peopleRepo = createPeopleRepo(deps.db);
  const gatesRepo = createGatesRepo(deps.db);
  const pillars = createPillarsRepo(deps.db);
  const activity = createActivityRepo(deps.db);
  const searchIndex = createSearchIndex(deps.db);
  const ideasRepo = createIdeasRepo(deps.db);
  const dashboard = createDashboardRepo(deps.db);
  const workspace = createWorkspaceRepo(deps.db);
  const pilotsRepo = createPilotsRepo(deps.db);

  const projects = createProjectsService(
    deps,
    {
      projects: projectsRepo,
      activity,
      pillars,
      search: searchIndex,
      entityExists: (id) => peopleRepo.entity(id) !== undefined,
      challengeExists: (id) => ideasRepo.challenge(id) !== undefined,
      hasGateDecisions: (id) => gatesRepo.latestId(id) !== null,
      lockedPilotCount: (id) => pilotsRepo.lockedPilotCount(id),
      unpromoteIdeas: (id, at) => ideasRepo.unpromote(id, at),
    },
    events,
  );
  const people = createPeopleService(deps, peopleRepo, events, {
    projectExists: (id) => projectsRepo.getRow(id) !== undefined,
    ratingCount: (id) => pilotsRepo.ratingCount(id),
    scorecardCount: (id) => ideasRepo.scorecardCount(id),
  });
  const cohorts = createCohortsService(deps, createCohortsRepo(deps.db), events, (id) => projectsRepo.getRow(id) !== undefined);
  const gates = createGatesService(deps, { gates: gatesRepo, personExists: (id) => peopleRepo.person(id) !== undefined }, projects);
  const ideas = createIdeasService(deps, ideasRepo, {
    search: searchIndex,
    events,
    projects,
    personExists: (id) => peopleRepo.person(id) !== undefined,
  });
  const canvasesRepo = createCanvasesRepo(deps.db);
  const templateSource = createTemplateSource(findTemplate, canvasesRepo);
  const noteLinksRepo = createNoteLinksRepo(deps.db);
  const canvases = createCanvasesService(deps, canvasesRepo, {
    events,
    templates: templateSource,
    projectExists: (id) => projectsRepo.getRow(id) !== undefined,
    insertLink: (link) => noteLinksRepo.insert(link),
  });
  const workshops = createWorkshopsService(deps, createWorkshopsRepo(deps.db), { events, canvases, template: templateSource.template });
  // A workshop left running by the previous process has no room any more: end it now (summary notes the restart).
  workshops.endAfterRestart();
  // Participants reach core only through the LAN server's own dispatcher, over these same handlers.
  const workshopLan = createWorkshopLan({
    service: workshops,
    dispatcher: () => createDispatcher(handlers, deps.logger),
    events,
    db: deps.db,
    logger: deps.logger,
    staticDir: deps.paths.rendererDir,
    limits: deps.lanLimits,
  });
  const labTemplates = createLabTemplatesService(deps, canvasesRepo, { events, template: templateSource.template });
  const noteLinks = createNoteLinksService(deps, noteLinksRepo, { events, canvases: canvasesRepo });
  const importFiles = createImportFiles(deps.paths.dataDir);
  importFiles.removeStale(); // import files an earlier run left behind
  const pilots = createPilotsService(deps, pilotsRepo, {
    events,
    search: searchIndex,
    projectExists: (id) => projectsRepo.getRow(id) !== undefined,
    personExists: (id) => peopleRepo.person(id) !== undefined,
    importFiles,
  });
  const search = createSearchService(searchIndex, {
    project: (id) => {
      const row = projectsRepo.getRow(id);
      return row && { title: row.title, texts: [row.title, row.summary] };
    },
    challenge: (id) => {
      const c = ideasRepo.challenge(id);
      return c && { title: c.title, texts: [c.title, c.hmw, c.context, c.affected, c.evidence] };
    },
    idea: (id) => {
      const i = ideasRepo.ideaText(id);
      return i && { title: i.title, texts: [i.title, i.description] };
    },
    pilot: (id) => {
      const p = pilotsRepo.pilot(id);
      return p && { title: p.title, texts: [p.title, p.problem, p.intervention, p.population, p.sites, p.primaryOutcome, p.analysisPlan] };
    },
  });

  // The index is derived data (so are folded titles): rebuilt whole when the folding that built it has
  // changed; after an import, for the records it changed (whose folded titles the import worked out).
  const reindex = () =>
    searchIndex.rebuild([
      ...projectsRepo.allRows().map((row) => {
        projectsRepo.refold(row);
        return projectSearchText(row);
      }),
      ...ideasRepo.challenges().map(challengeSearchText),
      ...ideasRepo.allIdeas().map(ideaSearchText),
      ...pilotsRepo.allPilots().map(pilotSearchText),
    ]);
  if (!searchIndex.isCurrent()) deps.db.transaction(reindex)();
  /** After an import: the search texts of the records it added or changed, fetched one by one (bounded memory). */
  const reindexImported = (changed: ReadonlyMap<string, readonly string[]>) => {
    for (const id of changed.get('projects') ?? []) {
      const row = projectsRepo.getRow(id);
      if (row) searchIndex.put(projectSearchText(row));
    }
    for (const id of changed.get('challenges') ?? []) {
      const challenge = ideasRepo.challenge(id);
      if (challenge) searchIndex.put(challengeSearchText(challenge));
    }
    for (const id of changed.get('ideas') ?? []) {
      const text = ideasRepo.ideaText(id);
      if (text) searchIndex.put(ideaSearchText({ id, ...text }));
    }
    for (const id of changed.get('pilots') ?? []) {
      const pilot = pilotsRepo.pilot(id);
      if (pilot) searchIndex.put(pilotSearchText(pilot));
    }
  };
  const bundles = createBundlesService(deps, {
    jobs,
    events,
    backup: () => backups.provisional('import'),
    reindex: reindexImported,
    activity,
    // `attachments` is made below; these run only once core is up.
    content: { path: (sha256) => attachments.contentPath(sha256), importContent: (files, apply) => attachments.importContent(files, apply) },
  });

  const idlePreviews = setInterval(() => bundles.endIdlePreviews(), 5 * 60_000);
  idlePreviews.unref();

  const attachments = createAttachmentsService(deps, {
    repo: createAttachmentsRepo(deps.db),
    store: createAttachmentStore(deps.paths.dataDir),
    activity,
    events,
    owners: {
      project: (id) => projectsRepo.getRow(id) !== undefined,
      note: (id) => canvasesRepo.note(id) !== undefined,
      pilot: (id) => pilotsRepo.pilot(id) !== undefined,
    },
  });

  const gatesChanged = <T>(value: T) => {
    events.emit({ type: 'data.changed', payload: { area: 'gates' } });
    return value;
  };

  /** The sample lab goes through the contract's parsing and the handlers, like any caller. */
  const callInside: SyncCall = (method, input) =>
    (handlers[method as CoreMethod] as (input: unknown, caller: { role: 'host'; door: 'inprocess' }) => never)(contract[method].input.parse(input), {
      role: 'host',
      door: 'inprocess',
    });

  const handlers: HandlerTable<CoreMethod> = {
    'app.info': () => ({ version: deps.appVersion, dataDir: deps.paths.dataDir, schemaVersion: schemaVersion(deps.db) }),
    'app.diagnostics': () => ({
      text: diagnosticsText({
        appVersion: deps.appVersion,
        schemaVersion: schemaVersion(deps.db),
        dataDir: deps.paths.dataDir,
        settings: deps.settings.get(),
        at: deps.clock.now(),
      }),
    }),
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
    'projects.delete': (input) => attachments.deleting(() => projects.delete(input)),
    'projects.members': (input) => people.members(input),
    'projects.setMember': (input) => people.setMember(input),
    'projects.removeMember': (input) => people.removeMember(input),
    'gates.decide': (input) => gates.decide(input),
    'gates.history': (input) => gates.history(input),
    'gates.criteria': () => gatesRepo.criteria(),
    'gates.addCriterion': (input) => gatesChanged(gates.addCriterion(input)),
    'gates.updateCriterion': (input) => gatesChanged(gates.updateCriterion(input)),
    'entities.list': () => people.entities(),
    'entities.create': (input) => people.createEntity(input),
    'entities.update': (input) => people.renameEntity(input),
    'entities.delete': (input) => people.deleteEntity(input),
    'people.list': () => people.people(),
    'people.create': (input) => people.createPerson(input),
    'people.update': (input) => people.updatePerson(input),
    'people.delete': (input) => people.deletePerson(input),
    'challenges.list': () => ideas.challenges(),
    'challenges.get': (input) => ideas.challenge(input),
    'challenges.create': (input) => ideas.createChallenge(input),
    'challenges.update': (input) => ideas.updateChallenge(input),
    'challenges.delete': (input) => ideas.deleteChallenge(input),
    'campaigns.list': (input) => ideas.campaigns(input),
    'campaigns.create': (input) => ideas.createCampaign(input),
    'campaigns.update': (input) => ideas.updateCampaign(input),
    'ideas.list': (input) => ideas.ideas(input),
    'ideas.get': (input) => ideas.idea(input),
    'ideas.create': (input) => ideas.createIdea(input),
    'ideas.update': (input) => ideas.updateIdea(input),
    'ideas.delete': (input) => ideas.deleteIdea(input),
    'ideas.score': (input) => ideas.score(input),
    'ideas.scorecards': (input) => ideas.scorecards(input),
    'ideas.promote': (input) => ideas.promote(input),
    'scoring.criteria': () => ideas.criteria(),
    'scoring.addCriterion': (input) => ideas.addCriterion(input),
    'scoring.updateCriterion': (input) => ideas.updateCriterion(input),
    'search.query': (input) => search.query(input),
    'portfolio.dashboard': () => dashboard.dashboard(),
    'portfolio.export': async ({ format, language }) => {
      const now = deps.clock.now();
      const file = format === 'xlsx' ? await portfolioXlsx(deps.db, language, now) : portfolioCsv(deps.db, language);
      return {
        fileName: `ibtikar-portfolio-${now.toISOString().slice(0, 10)}.${format}`,
        mimeType: format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv;charset=utf-8',
        base64: file.toString('base64'),
      };
    },
    'backups.list': () => backups.list(),
    'backups.create': () => backups.create('manual'),
    'backups.check': ({ fileName }) => backups.check(fileName),
    'backups.restore': ({ fileName }) => backups.restore(fileName),
    'lab.status': () => ({ empty: workspace.isEmpty() }),
    'lab.loadSample': () => {
      if (!workspace.isEmpty()) throw new ApiFailure('conflict', 'The sample lab loads only into an empty workspace.');
      deps.db.transaction(() => loadSampleLab(callInside))();
      return { empty: workspace.isEmpty() };
    },
    'cohorts.list': () => cohorts.list(),
    'cohorts.get': (input) => cohorts.get(input),
    'cohorts.create': (input) => cohorts.create(input),
    'cohorts.update': (input) => cohorts.update(input),
    'cohorts.delete': (input) => cohorts.delete(input),
    'cohorts.addProject': (input) => cohorts.addProject(input),
    'cohorts.removeProject': (input) => cohorts.removeProject(input),
    'cohorts.addMilestone': (input) => cohorts.addMilestone(input),
    'cohorts.updateMilestone': (input) => cohorts.updateMilestone(input),
    'cohorts.deleteMilestone': (input) => cohorts.deleteMilestone(input),
    'attachments.list': (input) => attachments.list(input),
    'attachments.upload': (input) => attachments.upload(input),
    'attachments.remove': (input) => attachments.remove(input),
    'canvases.list': (input) => canvases.list(input),
    'canvases.get': (input) => canvases.get(input),
    'canvases.create': (input) => canvases.create(input),
    'canvases.update': (input) => canvases.update(input),
    'canvases.duplicate': (input) => canvases.duplicate(input),
    'canvases.importJsonCanvas': (input) => canvases.importJsonCanvas(input),
    'canvases.createCluster': (input) => canvases.createCluster(input),
    'canvases.updateCluster': (input) => canvases.updateCluster(input),
    'canvases.deleteCluster': (input) => canvases.deleteCluster(input),
    'notes.create': (input) => canvases.createNotes(input),
    'notes.update': (input) => canvases.updateNotes(input),
    'notes.delete': (input) => {
      attachments.refuseAttachedNotes(input.notes.map((n) => n.id));
      return canvases.deleteNotes(input);
    },
    'workshops.start': (input) => workshops.start(input),
    'workshops.get': (input) => workshops.get(input),
    'workshops.list': (input) => workshops.list(input),
    'workshops.end': (input) => {
      const ended = workshops.end(input);
      workshopLan.stop(input.id);
      return ended;
    },
    'workshops.timer': (input) => workshops.timer(input),
    'workshops.setPrivate': (input) => workshops.setPrivate(input),
    'workshops.lock': (input) => workshops.lock(input),
    'workshops.present': (input) => workshops.present(input),
    'workshops.startVote': (input) => workshops.startVote(input),
    'workshops.revealVote': (input) => workshops.revealVote(input),
    'workshops.voteOnBehalf': (input) => workshops.voteOnBehalf(input),
    'workshops.votes': (input) => workshops.votes(input),
    'workshops.interfaces': () => workshopLan.interfaces(),
    'workshops.serve': async (input) => {
      const serving = await workshopLan.serve(input);
      deps.settings.update({ workshopAddress: input.address, workshopPort: input.port });
      events.emit({ type: 'data.changed', payload: { area: 'settings' } });
      return serving;
    },
    'workshops.serving': ({ workshopId }) => workshopLan.serving(workshopId),
    'participant.join': (input, caller) => workshops.join(input, caller.workshop?.id ?? ''),
    'participant.view': ({ language }, caller) => workshops.participantView(caller.workshop?.participantId, language),
    'participant.status': ({ language }, caller) => workshops.participantStatus(caller.workshop?.participantId, language),
    'participant.addNote': (input, caller) => workshops.addNote(caller.workshop?.participantId, input),
    'participant.editNote': (input, caller) => workshops.editNote(caller.workshop?.participantId, input),
    'participant.deleteNote': (input, caller) => {
      attachments.refuseAttachedNotes([input.id]);
      return workshops.deleteNote(caller.workshop?.participantId, input);
    },
    'participant.vote': (input, caller) => workshops.vote(caller.workshop?.participantId, input),
    'participant.unvote': (input, caller) => workshops.unvote(caller.workshop?.participantId, input),
    'labTemplates.list': (input) => labTemplates.list(input),
    'labTemplates.create': (input) => labTemplates.create(input),
    'labTemplates.update': (input) => labTemplates.update(input),
    'labTemplates.delete': (input) => labTemplates.delete(input),
    'noteLinks.list': (input) => noteLinks.list(input),
    'noteLinks.forCanvas': (input) => noteLinks.forCanvas(input),
    'noteLinks.add': (input) => noteLinks.add(input),
    'noteLinks.remove': (input) => noteLinks.remove(input),
    'noteLinks.kpiChoices': () => noteLinks.kpiChoices(),
    'pilots.list': (input) => pilots.list(input),
    'pilots.get': (input) => pilots.get(input),
    'pilots.create': (input) => pilots.create(input),
    'pilots.update': (input) => pilots.update(input),
    'pilots.delete': (input) => attachments.deleting(() => pilots.delete(input)),
    'pilots.lockProtocol': (input) => pilots.lockProtocol(input),
    'pilots.amendProtocol': (input) => pilots.amendProtocol(input),
    'pilots.kpis': (input) => pilots.kpis(input),
    'pilots.addKpi': (input) => pilots.addKpi(input),
    'pilots.updateKpi': (input) => pilots.updateKpi(input),
    'pilots.deleteKpi': (input) => pilots.deleteKpi(input),
    'pilots.amendKpi': (input) => pilots.amendKpi(input),
    'pilots.linkCanvas': (input) => pilots.linkCanvas(input),
    'pilots.unlinkCanvas': (input) => pilots.unlinkCanvas(input),
    'pilots.measurements': (input) => pilots.measurements(input),
    'pilots.setMeasurement': (input) => pilots.setMeasurement(input),
    'pilots.deleteMeasurement': (input) => pilots.deleteMeasurement(input),
    'pilots.uploadImportFile': (input) => pilots.uploadImportFile(input),
    'pilots.discardImportFile': (input) => pilots.discardImportFile(input),
    'pilots.readImportFile': (input) => pilots.readImportFile(input),
    'pilots.previewImport': (input) => pilots.previewImport(input),
    'pilots.importMeasurements': (input) => pilots.importMeasurements(input),
    'pilots.analysis': (input) => pilots.analysis(input),
    'pilots.assessments': (input) => pilots.assessments(input),
    'pilots.assess': (input) => pilots.assess(input),
    'pilots.decide': (input) => pilots.decide(input),
    'pillars.list': () => pillars.list(),
    'activity.list': ({ subjectId, limit }) => activity.forSubject(subjectId, limit),
    'bundles.export': async (input) => {
      const { fileName, bytes, records } = await bundles.exportBundle(input);
      return { fileName, bytes, records };
    },
    'bundles.preview': ({ fileName, passphrase }) => bundles.preview(fileName, passphrase),
    'bundles.apply': (input) => bundles.apply(input),
    'bundles.discard': ({ previewId }) => bundles.discard(previewId),
    'bundles.discardWaiting': ({ fileName }) => bundles.discardWaiting(fileName),
    'bundles.takeOpened': () => bundles.takeOpened(),
    'bundles.identity': () => bundles.identity(),
    'bundles.trust': ({ fingerprint, labName }) => bundles.trust(fingerprint, labName),
    'bundles.trusted': () => bundles.trusted(),
    'bundles.untrust': ({ fingerprint }) => bundles.untrust(fingerprint),
    'lab.profile': () => bundles.labProfile(),
    'lab.rename': ({ name }) => bundles.renameLab(name),
    'bundles.upload': (input) => bundles.upload(input),
    'bundles.download': ({ fileName, offset }) => bundles.download(fileName, offset),
    'bundles.discardExport': ({ fileName }) => bundles.discardExport(fileName),
    'jobs.list': () => jobs.list(),
    'jobs.cancel': ({ id }) => jobs.cancel(id),
  };

  return {
    handlers,
    events,
    jobs,
    attachments,
    db: deps.db,
    /** The backup taken when the app starts; an empty workspace has nothing to keep. */
    backupAtStart: async () => {
      if (!workspace.isEmpty()) await backups.create('start');
    },
    bundles,
    /** The desktop shell closes the projector window when its workshop ends. */
    workshops,
    close: () => {
      bundles.close();
      workshopLan.close();
      clearInterval(periodicBackups);
      clearInterval(idlePreviews);
      deps.db.close();
    },
  };
}

export type Core = ReturnType<typeof createCore>;
