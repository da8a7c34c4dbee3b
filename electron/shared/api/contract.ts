/**
 * The one contract: every method any door exposes, with its input and output schemas, who may call
 * it and whether it needs the desktop. The renderer client, the IPC handler, the HTTP door, the
 * method listing and the tests are all derived from this table; no other file names a method.
 */
import { z } from 'zod';
import { IdSchema } from '../domain/common';
import { ActivitySchema, AppInfoSchema, JobSchema, PillarSchema } from '../domain/lab';
import {
  ProjectCreateSchema,
  ProjectListQuerySchema,
  ProjectPageSchema,
  ProjectPatchSchema,
  ProjectSchema,
} from '../domain/project';
import { LanguageSchema, SettingsPatchSchema, SettingsSchema } from '../domain/settings';
import {
  CriterionCreateSchema,
  CriterionUpdateSchema,
  GateCriterionSchema,
  GateDecideSchema,
  GateDecisionSchema,
  GateOutcomeSchema,
} from '../domain/gates';
import {
  EntityInputSchema,
  EntitySchema,
  MEMBER_ROLES,
  MemberSchema,
  PersonCreateSchema,
  PersonPatchSchema,
  PersonSchema,
} from '../domain/people';
import { SearchHitSchema, SearchQuerySchema } from '../domain/search';
import { AttachmentUploadSchema, AttachmentOwnerSchema, AttachmentSchema } from '../domain/attachments';
import { DashboardSchema } from '../domain/portfolio';
import { BackupCheckSchema, BackupNameSchema, BackupSchema } from '../domain/backups';
import {
  BundleApplyInputSchema,
  BundleDownloadSchema,
  BundleUploadSchema,
  FingerprintSchema,
  BundleExportInputSchema,
  BundleExportResultSchema,
  BundleFileNameSchema,
  PassphraseSchema,
  TrustedLabSchema,
  LabProfileSchema,
  BundlePreviewSchema,
  BundleSummarySchema,
} from '../domain/bundles';
import { CohortCreateSchema, CohortPatchSchema, CohortSchema, MilestoneCreateSchema, MilestoneUpdateSchema } from '../domain/cohorts';
import {
  CampaignCreateSchema,
  CampaignPatchSchema,
  CampaignSchema,
  ChallengeCreateSchema,
  ChallengePatchSchema,
  ChallengeSchema,
  IdeaCreateSchema,
  IdeaListQuerySchema,
  IdeaPatchSchema,
  IdeaSchema,
  PromoteSchema,
  ScorecardInputSchema,
  ScorecardSchema,
  ScoreCriterionCreateSchema,
  ScoreCriterionSchema,
  ScoreCriterionUpdateSchema,
} from '../domain/ideas';
import {
  BoardSchema,
  CanvasCreateSchema,
  CanvasListQuerySchema,
  CanvasPatchSchema,
  CanvasSchema,
  canvasTitle,
  ClusterCreateSchema,
  ClusterEditSchema,
  ClusterSchema,
  JsonCanvasImportSchema,
  LabTemplateCreateSchema,
  LabTemplateUpdateSchema,
  NoteSchema,
  NotesCreateSchema,
  NotesDeleteSchema,
  NotesUpdateSchema,
} from '../canvas/model';
import { CanvasTemplateSchema } from '../canvas/template';
import { KpiChoiceSchema, NoteLinkAddSchema, NoteLinkSchema, NoteLinkViewSchema } from '../canvas/links';
import {
  JoinedSchema,
  JoinSchema,
  LockInputSchema,
  NetworkInterfaceSchema,
  ParticipantNoteCreateSchema,
  ParticipantNoteDeleteSchema,
  ParticipantNoteEditSchema,
  ParticipantStatusSchema,
  ParticipantViewSchema,
  ParticipantVoteSchema,
  PresentInputSchema,
  PrivateInputSchema,
  ServeInputSchema,
  ServingSchema,
  TimerInputSchema,
  VoteOnBehalfSchema,
  VoteSessionSchema,
  VoteStartSchema,
  WorkshopNoteSchema,
  WorkshopSchema,
} from '../workshop/model';

import {
  AmendKpiSchema,
  AmendSchema,
  CanvasLinkSchema,
  AssessInputSchema,
  AssessmentSchema,
  DecideInputSchema,
  ImportFileIdSchema,
  ImportFileSchema,
  ImportUploadSchema,
  ImportPreviewSchema,
  ImportRequestSchema,
  KpiCreateSchema,
  KpiPatchSchema,
  KpiSchema,
  MeasurementInputSchema,
  MeasurementSchema,
  PilotCreateSchema,
  PilotDetailSchema,
  PilotPatchSchema,
  PilotSchema,
} from '../domain/pilots';
import type { PilotAnalysis } from '../pilots/analysis';

/** `host` methods are for the lab's own UI; `participant` methods may also be called by workshop guests. */
export type Access = 'host' | 'participant';

export interface MethodSpec {
  input: z.ZodType;
  output: z.ZodType;
  access: Access;
  /** Needs the desktop shell (native dialogs, the file manager); absent over HTTP. */
  needs?: 'desktop';
}

const none = z.strictObject({});
/** A suggested file name only (the user picks the folder): no path separators or characters Windows refuses. */
// eslint-disable-next-line no-control-regex -- control characters are what is being refused
const PdfFileNameSchema = z.string().regex(/^[^\\/:*?"<>|\u0000-\u001f]{1,120}\.pdf$/u);
const byId = z.strictObject({ id: IdSchema });

export const contract = {
  'app.info': { input: none, output: AppInfoSchema, access: 'host' },
  /** Versions, settings and recent log lines for a support email; no lab data. */
  'app.diagnostics': { input: none, output: z.object({ text: z.string() }), access: 'host' },
  /** The methods this door offers (answered by the dispatcher itself). */
  'app.methods': { input: none, output: z.array(z.string()), access: 'participant' },

  'settings.get': { input: none, output: SettingsSchema, access: 'host' },
  'settings.update': { input: SettingsPatchSchema, output: SettingsSchema, access: 'host' },

  'projects.list': { input: ProjectListQuerySchema, output: ProjectPageSchema, access: 'host' },
  'projects.get': { input: byId, output: ProjectSchema, access: 'host' },
  'projects.create': { input: ProjectCreateSchema, output: ProjectSchema, access: 'host' },
  'projects.update': {
    input: z.strictObject({ id: IdSchema, patch: ProjectPatchSchema }),
    output: ProjectSchema,
    access: 'host',
  },
  'projects.delete': { input: byId, output: byId, access: 'host' },
  'projects.members': { input: z.strictObject({ projectId: IdSchema }), output: z.array(MemberSchema), access: 'host' },
  'projects.setMember': {
    input: z.strictObject({ projectId: IdSchema, personId: IdSchema, role: z.enum(MEMBER_ROLES) }),
    output: z.array(MemberSchema),
    access: 'host',
  },
  'projects.removeMember': {
    input: z.strictObject({ projectId: IdSchema, personId: IdSchema }),
    output: z.array(MemberSchema),
    access: 'host',
  },

  // Gate decisions can be added and read; no method changes or removes one.
  'gates.decide': { input: GateDecideSchema, output: GateOutcomeSchema, access: 'host' },
  'gates.history': { input: z.strictObject({ projectId: IdSchema }), output: z.array(GateDecisionSchema), access: 'host' },
  'gates.criteria': { input: none, output: z.array(GateCriterionSchema), access: 'host' },
  'gates.addCriterion': { input: CriterionCreateSchema, output: GateCriterionSchema, access: 'host' },
  'gates.updateCriterion': { input: CriterionUpdateSchema, output: GateCriterionSchema, access: 'host' },

  'entities.list': { input: none, output: z.array(EntitySchema), access: 'host' },
  'entities.create': { input: EntityInputSchema, output: EntitySchema, access: 'host' },
  'entities.update': { input: EntityInputSchema.extend({ id: IdSchema }), output: EntitySchema, access: 'host' },
  'entities.delete': { input: byId, output: byId, access: 'host' },

  'people.list': { input: none, output: z.array(PersonSchema), access: 'host' },
  'people.create': { input: PersonCreateSchema, output: PersonSchema, access: 'host' },
  'people.update': { input: z.strictObject({ id: IdSchema, patch: PersonPatchSchema }), output: PersonSchema, access: 'host' },
  'people.delete': { input: byId, output: byId, access: 'host' },

  'challenges.list': { input: none, output: z.array(ChallengeSchema), access: 'host' },
  'challenges.get': { input: byId, output: ChallengeSchema, access: 'host' },
  'challenges.create': { input: ChallengeCreateSchema, output: ChallengeSchema, access: 'host' },
  'challenges.update': { input: z.strictObject({ id: IdSchema, patch: ChallengePatchSchema }), output: ChallengeSchema, access: 'host' },
  'challenges.delete': { input: byId, output: byId, access: 'host' },

  'campaigns.list': { input: z.strictObject({ challengeId: IdSchema }), output: z.array(CampaignSchema), access: 'host' },
  'campaigns.create': { input: CampaignCreateSchema, output: CampaignSchema, access: 'host' },
  'campaigns.update': { input: z.strictObject({ id: IdSchema, patch: CampaignPatchSchema }), output: CampaignSchema, access: 'host' },

  'ideas.list': { input: IdeaListQuerySchema, output: z.object({ items: z.array(IdeaSchema), total: z.int() }), access: 'host' },
  'ideas.get': { input: byId, output: IdeaSchema, access: 'host' },
  'ideas.create': { input: IdeaCreateSchema, output: IdeaSchema, access: 'host' },
  'ideas.update': { input: z.strictObject({ id: IdSchema, patch: IdeaPatchSchema }), output: IdeaSchema, access: 'host' },
  'ideas.delete': { input: byId, output: byId, access: 'host' },
  'ideas.score': { input: ScorecardInputSchema, output: z.object({ idea: IdeaSchema, scorecards: z.array(ScorecardSchema) }), access: 'host' },
  'ideas.scorecards': { input: z.strictObject({ ideaId: IdSchema }), output: z.array(ScorecardSchema), access: 'host' },
  'ideas.promote': { input: PromoteSchema, output: z.object({ idea: IdeaSchema, project: ProjectSchema }), access: 'host' },

  'scoring.criteria': { input: none, output: z.array(ScoreCriterionSchema), access: 'host' },
  'scoring.addCriterion': { input: ScoreCriterionCreateSchema, output: ScoreCriterionSchema, access: 'host' },
  'scoring.updateCriterion': { input: ScoreCriterionUpdateSchema, output: ScoreCriterionSchema, access: 'host' },

  'search.query': { input: SearchQuerySchema, output: z.array(SearchHitSchema), access: 'host' },

  'portfolio.dashboard': { input: none, output: DashboardSchema, access: 'host' },
  /** The portfolio as a file: XLSX (a sheet per record type) or CSV (projects), in the given language. */
  'portfolio.export': {
    input: z.strictObject({ format: z.enum(['xlsx', 'csv']), language: LanguageSchema }),
    output: z.object({ fileName: z.string(), mimeType: z.string(), base64: z.string() }),
    access: 'host',
  },

  'backups.list': { input: none, output: z.array(BackupSchema), access: 'host' },
  'backups.create': { input: none, output: BackupSchema, access: 'host' },
  'backups.check': { input: z.strictObject({ fileName: BackupNameSchema }), output: BackupCheckSchema, access: 'host' },
  /** Replaces the lab's data with a backup, after backing up the current state. */
  'backups.restore': { input: z.strictObject({ fileName: BackupNameSchema }), output: z.array(BackupSchema), access: 'host' },

  'lab.status': { input: none, output: z.object({ empty: z.boolean() }), access: 'host' },
  /** Fills an empty workspace with the sample lab; refused (conflict) when there is any data. */
  'lab.loadSample': { input: none, output: z.object({ empty: z.boolean() }), access: 'host' },
  /** The lab's identity: the name its bundles and signature show to other labs. */
  'lab.profile': { input: none, output: LabProfileSchema, access: 'host' },
  'lab.rename': { input: z.strictObject({ name: z.string().trim().max(200) }), output: LabProfileSchema, access: 'host' },

  'cohorts.list': { input: none, output: z.array(CohortSchema), access: 'host' },
  'cohorts.get': { input: byId, output: CohortSchema, access: 'host' },
  'cohorts.create': { input: CohortCreateSchema, output: CohortSchema, access: 'host' },
  'cohorts.update': { input: z.strictObject({ id: IdSchema, patch: CohortPatchSchema }), output: CohortSchema, access: 'host' },
  'cohorts.delete': { input: byId, output: byId, access: 'host' },
  'cohorts.addProject': { input: z.strictObject({ cohortId: IdSchema, projectId: IdSchema }), output: CohortSchema, access: 'host' },
  'cohorts.removeProject': { input: z.strictObject({ cohortId: IdSchema, projectId: IdSchema }), output: CohortSchema, access: 'host' },
  'cohorts.addMilestone': { input: MilestoneCreateSchema, output: CohortSchema, access: 'host' },
  'cohorts.updateMilestone': { input: MilestoneUpdateSchema, output: CohortSchema, access: 'host' },
  'cohorts.deleteMilestone': { input: byId, output: CohortSchema, access: 'host' },

  'attachments.list': { input: AttachmentOwnerSchema, output: z.array(AttachmentSchema), access: 'host' },
  /** A file for a record, a chunk at a time; the last chunk stores it (up to ATTACHMENT_MAX_BYTES) and answers the attachment. */
  'attachments.upload': { input: AttachmentUploadSchema, output: z.object({ bytes: z.int(), attachment: AttachmentSchema.nullable() }), access: 'host' },
  /** Removes the row; the file goes too when no other attachment has the same content. */
  'attachments.remove': { input: byId, output: byId, access: 'host' },
  'canvases.list': { input: CanvasListQuerySchema, output: z.array(CanvasSchema), access: 'host' },
  /** A canvas with all its notes and clusters. */
  'canvases.get': { input: byId, output: BoardSchema, access: 'host' },
  'canvases.create': { input: CanvasCreateSchema, output: CanvasSchema, access: 'host' },
  'canvases.update': { input: z.strictObject({ id: IdSchema, patch: CanvasPatchSchema }), output: CanvasSchema, access: 'host' },
  'canvases.duplicate': { input: z.strictObject({ id: IdSchema, title: canvasTitle }), output: CanvasSchema, access: 'host' },
  /** A JSON Canvas (.canvas) file as a new canvas; the export is drawn in the renderer from the board. */
  'canvases.importJsonCanvas': { input: JsonCanvasImportSchema, output: CanvasSchema, access: 'host' },
  'canvases.createCluster': { input: ClusterCreateSchema, output: ClusterSchema, access: 'host' },
  'canvases.updateCluster': { input: ClusterEditSchema, output: ClusterSchema, access: 'host' },
  /** The cluster's notes stay in the zone, loose; they are returned with their new versions. */
  'canvases.deleteCluster': {
    input: z.strictObject({ id: IdSchema, baseVersion: z.int().min(1) }),
    output: z.object({ id: IdSchema, notes: z.array(NoteSchema) }),
    access: 'host',
  },
  // Notes change in batches (a multi-select move, an undo) that land whole or not at all. An edit
  // made against an older version is refused as `conflict` with issue code `stale`.
  'notes.create': { input: NotesCreateSchema, output: z.array(NoteSchema), access: 'host' },
  'notes.update': { input: NotesUpdateSchema, output: z.array(NoteSchema), access: 'host' },
  'notes.delete': { input: NotesDeleteSchema, output: z.object({ ids: z.array(IdSchema) }), access: 'host' },

  /** The lab's own templates (the built-in catalogue ships with the app: shared/canvas/catalogue). */
  /** The gallery's templates; `retired` lists instead those deleted while canvases still use them (those canvases keep drawing). */
  'labTemplates.list': { input: z.strictObject({ retired: z.boolean().default(false) }), output: z.array(CanvasTemplateSchema), access: 'host' },
  'labTemplates.create': { input: LabTemplateCreateSchema, output: CanvasTemplateSchema, access: 'host' },
  'labTemplates.update': { input: LabTemplateUpdateSchema, output: CanvasTemplateSchema, access: 'host' },
  /** Deletes a template no canvas uses; one in use is retired (out of the gallery, still drawn for its canvases). */
  'labTemplates.delete': { input: byId, output: z.object({ id: IdSchema, retired: z.boolean() }), access: 'host' },
  /** A note's links to other notes and pilot KPIs, and the notes that link to it. */
  'noteLinks.list': { input: z.strictObject({ noteId: IdSchema }), output: z.array(NoteLinkViewSchema), access: 'host' },
  /** Every link with an end on a canvas's notes (for exports, and for undoing a deletion). */
  'noteLinks.forCanvas': { input: z.strictObject({ canvasId: IdSchema }), output: z.array(NoteLinkSchema), access: 'host' },
  'noteLinks.add': { input: NoteLinkAddSchema, output: NoteLinkViewSchema, access: 'host' },
  'noteLinks.remove': { input: byId, output: byId, access: 'host' },
  /** Every pilot KPI in the workspace, with its pilot and project, to link a note to. */
  'noteLinks.kpiChoices': { input: none, output: z.array(KpiChoiceSchema), access: 'host' },
  // Pilots. Once a pilot's protocol is locked only pilots.amendProtocol changes it (with a reason).
  'pilots.list': { input: z.strictObject({ projectId: IdSchema }), output: z.array(PilotSchema), access: 'host' },
  'pilots.get': { input: byId, output: PilotDetailSchema, access: 'host' },
  'pilots.create': { input: PilotCreateSchema, output: PilotDetailSchema, access: 'host' },
  'pilots.update': { input: z.strictObject({ id: IdSchema, patch: PilotPatchSchema }), output: PilotDetailSchema, access: 'host' },
  'pilots.delete': { input: byId, output: byId, access: 'host' },
  'pilots.lockProtocol': { input: byId, output: PilotDetailSchema, access: 'host' },
  'pilots.amendProtocol': { input: AmendSchema, output: PilotDetailSchema, access: 'host' },
  'pilots.kpis': { input: z.strictObject({ pilotId: IdSchema }), output: z.array(KpiSchema), access: 'host' },
  'pilots.addKpi': { input: KpiCreateSchema, output: KpiSchema, access: 'host' },
  'pilots.updateKpi': { input: z.strictObject({ id: IdSchema, patch: KpiPatchSchema }), output: KpiSchema, access: 'host' },
  'pilots.deleteKpi': { input: byId, output: byId, access: 'host' },
  // After the lock a KPI's target, threshold and primary mark (and the primary KPI's definition) change only here, with a reason.
  'pilots.amendKpi': { input: AmendKpiSchema, output: KpiSchema, access: 'host' },
  'pilots.linkCanvas': { input: CanvasLinkSchema, output: PilotDetailSchema, access: 'host' },
  'pilots.unlinkCanvas': { input: CanvasLinkSchema, output: PilotDetailSchema, access: 'host' },
  'pilots.measurements': { input: z.strictObject({ kpiId: IdSchema }), output: z.array(MeasurementSchema), access: 'host' },
  'pilots.setMeasurement': { input: MeasurementInputSchema, output: z.array(MeasurementSchema), access: 'host' },
  'pilots.deleteMeasurement': { input: byId, output: z.array(MeasurementSchema), access: 'host' },
  /** Receives a CSV/XLSX file a chunk at a time; the last chunk keeps it in core and answers its id for the calls below. */
  'pilots.uploadImportFile': { input: ImportUploadSchema, output: z.object({ bytes: z.int(), fileId: z.uuid().nullable() }), access: 'host' },
  /** Deletes an uploaded import file that will not be imported (a successful import deletes its own). */
  'pilots.discardImportFile': { input: ImportFileIdSchema, output: z.object({}), access: 'host' },
  /** Reads an uploaded CSV/XLSX file with a column mapping and reports its rows and errors; writes nothing. */
  'pilots.previewImport': { input: ImportRequestSchema, output: ImportPreviewSchema, access: 'host' },
  /** The columns and first rows of a file, before any mapping. */
  'pilots.readImportFile': { input: ImportFileSchema, output: z.object({ columns: z.array(z.string()), sample: z.array(z.array(z.string())), rowCount: z.int() }), access: 'host' },
  /** Stores a clean file's rows in one transaction; a file with any bad row stores nothing. */
  'pilots.importMeasurements': { input: ImportRequestSchema, output: z.object({ imported: z.int() }), access: 'host' },
  /** Each KPI's series, baseline and target figures, tests, effect sizes, DiD and plain-language reading. */
  'pilots.analysis': { input: z.strictObject({ pilotId: IdSchema }), output: z.custom<PilotAnalysis>(), access: 'host' },
  'pilots.assessments': { input: z.strictObject({ pilotId: IdSchema }), output: z.array(AssessmentSchema), access: 'host' },
  'pilots.assess': { input: AssessInputSchema, output: z.array(AssessmentSchema), access: 'host' },
  'pilots.decide': { input: DecideInputSchema, output: PilotDetailSchema, access: 'host' },

  'pillars.list': { input: none, output: z.array(PillarSchema), access: 'host' },

  'activity.list': {
    input: z.strictObject({ subjectId: IdSchema, limit: z.int().min(1).max(200).default(50) }),
    output: z.array(ActivitySchema),
    access: 'host',
  },

  /** Writes a bundle to the data folder's exports as a job (job.progress events; jobs.cancel stops it). */
  'bundles.export': { input: BundleExportInputSchema, output: BundleExportResultSchema, access: 'host' },
  /** Opens a bundle from the data folder's inbox into staging and shows what it holds and what conflicts. */
  'bundles.preview': { input: z.strictObject({ fileName: BundleFileNameSchema, passphrase: PassphraseSchema.optional() }), output: BundlePreviewSchema, access: 'host' },
  /** Applies a preview in one transaction (after a backup), with a choice per conflict and one for the rest. */
  'bundles.apply': { input: BundleApplyInputSchema, output: BundleSummarySchema, access: 'host' },
  /** Bundles the operating system handed the desktop app (double-click, Open with, File ▸ Import), each handed out once. */
  'bundles.takeOpened': { input: none, output: z.array(BundleFileNameSchema), access: 'host' },
  'bundles.discard': { input: z.strictObject({ previewId: IdSchema }), output: z.strictObject({}), access: 'host' },
  /** Removes an uploaded or opened bundle that waits for its passphrase, when the user cancels instead of typing it. */
  'bundles.discardWaiting': { input: z.strictObject({ fileName: BundleFileNameSchema }), output: z.strictObject({}), access: 'host' },
  /** This lab's signing fingerprint (its Ed25519 key pair is made on the first export). */
  'bundles.identity': { input: none, output: z.object({ fingerprint: z.string().nullable() }), access: 'host' },
  /** Marks a signer's fingerprint as trusted. */
  'bundles.trust': { input: z.strictObject({ fingerprint: FingerprintSchema, labName: z.string().trim().max(200) }), output: z.strictObject({}), access: 'host' },
  /** The fingerprints this lab trusts, newest first. */
  'bundles.trusted': { input: none, output: z.array(TrustedLabSchema), access: 'host' },
  'bundles.untrust': { input: z.strictObject({ fingerprint: FingerprintSchema }), output: z.strictObject({}), access: 'host' },
  /** A bundle from the browser into the inbox, in chunks; the last answers the name to preview. */
  'bundles.upload': { input: BundleUploadSchema, output: z.object({ bytes: z.int(), fileName: z.string().nullable() }), access: 'host' },
  /** An exported bundle, in chunks, for a browser download. */
  'bundles.download': { input: BundleDownloadSchema, output: z.object({ size: z.int(), data: z.string(), next: z.int().nullable() }), access: 'host' },
  /** Removes an export that was neither downloaded nor saved (one fetched or saved to its end is removed by then). */
  'bundles.discardExport': { input: z.strictObject({ fileName: BundleFileNameSchema }), output: z.strictObject({}), access: 'host' },

  'jobs.list': { input: none, output: z.array(JobSchema), access: 'host' },
  'jobs.cancel': { input: byId, output: JobSchema, access: 'host' },

  // Live workshops (facilitator side): one running workshop per canvas; see shared/workshop/model.ts.
  'workshops.start': { input: z.strictObject({ canvasId: IdSchema }), output: WorkshopSchema, access: 'host' },
  'workshops.get': { input: byId, output: WorkshopSchema, access: 'host' },
  'workshops.list': { input: z.strictObject({ canvasId: IdSchema }), output: z.array(WorkshopSchema), access: 'host' },
  /** Ends the workshop: every participant token stops working at once, and the summary is kept. */
  'workshops.end': { input: byId, output: WorkshopSchema, access: 'host' },
  'workshops.timer': { input: TimerInputSchema, output: WorkshopSchema, access: 'host' },
  /** Turning private mode off reveals the notes it hid. */
  'workshops.setPrivate': { input: PrivateInputSchema, output: WorkshopSchema, access: 'host' },
  'workshops.lock': { input: LockInputSchema, output: WorkshopSchema, access: 'host' },
  'workshops.present': { input: PresentInputSchema, output: WorkshopSchema, access: 'host' },
  'workshops.startVote': { input: VoteStartSchema, output: VoteSessionSchema, access: 'host' },
  'workshops.revealVote': { input: byId, output: VoteSessionSchema, access: 'host' },
  'workshops.voteOnBehalf': { input: VoteOnBehalfSchema, output: VoteSessionSchema, access: 'host' },
  'workshops.votes': { input: z.strictObject({ canvasId: IdSchema }), output: z.array(VoteSessionSchema), access: 'host' },
  /** The addresses the LAN server can listen on (IPv4, loopback included). */
  'workshops.interfaces': { input: none, output: z.array(NetworkInterfaceSchema), access: 'host' },
  /** Opens the participants' server for a running workshop on one address; answers the join link and its QR code. */
  'workshops.serve': { input: ServeInputSchema, output: ServingSchema, access: 'host' },
  'workshops.serving': { input: z.strictObject({ workshopId: IdSchema }), output: ServingSchema.nullable(), access: 'host' },

  // Workshop participants, over the LAN server only: their workshop's one canvas, nothing else.
  /** Trades the join link's secret and a display name for this participant's own token. */
  'participant.join': { input: JoinSchema, output: JoinedSchema, access: 'participant' },
  'participant.view': { input: z.strictObject({ language: LanguageSchema }), output: ParticipantViewSchema, access: 'participant' },
  /** The view without its notes: read again on every change signal, while notes arrive as they change. */
  'participant.status': { input: z.strictObject({ language: LanguageSchema }), output: ParticipantStatusSchema, access: 'participant' },
  'participant.addNote': { input: ParticipantNoteCreateSchema, output: WorkshopNoteSchema, access: 'participant' },
  'participant.editNote': { input: ParticipantNoteEditSchema, output: WorkshopNoteSchema, access: 'participant' },
  'participant.deleteNote': { input: ParticipantNoteDeleteSchema, output: z.object({ ids: z.array(IdSchema) }), access: 'participant' },
  'participant.vote': { input: ParticipantVoteSchema, output: z.object({ myVotes: z.array(IdSchema) }), access: 'participant' },
  'participant.unvote': { input: ParticipantVoteSchema, output: z.object({ myVotes: z.array(IdSchema) }), access: 'participant' },

  'desktop.openDataFolder': { input: none, output: z.strictObject({}), access: 'host', needs: 'desktop' },
  /** The calling page as an A4 PDF (print stylesheet, backgrounds), saved where the user chooses. */
  'desktop.printToPdf': {
    input: z.strictObject({ fileName: PdfFileNameSchema, landscape: z.boolean().default(false) }),
    output: z.object({ saved: z.boolean() }),
    access: 'host',
    needs: 'desktop',
  },
  /** An exported bundle saved where the user chooses in a native dialog (`path` null when they cancel). */
  'desktop.saveBundle': {
    input: z.strictObject({ fileName: BundleFileNameSchema }),
    output: z.object({ saved: z.boolean(), path: z.string().nullable() }),
    access: 'host',
    needs: 'desktop',
  },
  /** Opens a copy of the file with the system's app, or shows it in the file manager when opening could run it. */
  'desktop.openAttachment': { input: byId, output: z.strictObject({ shown: z.enum(['file', 'folder']) }), access: 'host', needs: 'desktop' },
  /** The canvas's projector view in its own window, full screen on the external display when there is one. */
  'desktop.openProjector': {
    input: z.strictObject({ canvasId: IdSchema }),
    output: z.strictObject({ placement: z.enum(['external', 'window']) }),
    access: 'host',
    needs: 'desktop',
  },
} as const satisfies Record<string, MethodSpec>;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
/** What a caller passes (defaults may be left out). */
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
/** What a handler receives, after parsing and defaults. */
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

export const METHOD_NAMES = Object.keys(contract) as MethodName[];

export const isMethodName = (name: string): name is MethodName => Object.hasOwn(contract, name);

/** Methods core itself implements; the rest need the desktop shell. */
export const isDesktopMethod = (name: MethodName): boolean => (contract[name] as MethodSpec).needs === 'desktop';
