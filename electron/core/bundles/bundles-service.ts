/**
 * Bundles in core: export as a job with progress and cancel; import as stage → preview → apply (a
 * backup first, then one transaction) → summary, with `data.changed` for every area it touched.
 * The command line (electron/core/bundles/cli.ts) and the contract methods share these functions.
 */
import { closeSync, existsSync, mkdirSync, openSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ApiFailure } from '../../shared/api/envelope';
import { BundleFileNameSchema, type BundleApplyInput, type BundleExportInput, type BundlePreview, type BundleSummary } from '../../shared/domain/bundles';
import type { Backup } from '../../shared/domain/backups';
import { UPLOAD_CHUNK_BYTES } from '../../shared/domain/uploads';
import { appendChunk } from '../chunked-upload';
import type { Activity } from '../../shared/domain/lab';
import { schemaVersion } from '../db/migrate';
import type { CoreDeps } from '../deps';
import type { EventHub } from '../event-hub';
import type { JobRunner } from '../jobs';
import { errorData } from '../logger';
import { writeBundle } from './export';
import { applyBundle, previewBundle } from './import';
import { BundleRefused, refuse } from './refusal';
import { labIdentity, renameLab } from '../services/lab/lab-profile-repo';
import { createTrust } from './trust';
import { isOwnCopy, removeLeftovers } from './leftovers';
import { DEFAULT_LIMITS, removeStaging, stageBundle, type BundleLimits, type StagedBundle } from './staging';
import type { DataArea } from './tables';

/** How long an import preview nobody opened, applied or cancelled is kept. */
export const PREVIEW_IDLE_MS = 60 * 60_000;

/** Where bundles live in the data folder: exports written here, bundles to import read from the inbox. */
export const bundlesDir = (dataDir: string) => join(dataDir, 'bundles');
export const exportsDir = (dataDir: string) => join(bundlesDir(dataDir), 'exports');
export const inboxDir = (dataDir: string) => join(bundlesDir(dataDir), 'inbox');
const stagingDir = (dataDir: string) => join(bundlesDir(dataDir), 'staging');

export interface BundlesDeps {
  jobs: JobRunner;
  events: EventHub;
  /** A backup before the import, kept when it commits and dropped when it is refused. */
  backup: () => Promise<{ backup: Backup; keep(): void; drop(): void }>;
  reindex: (changed: ReadonlyMap<string, readonly string[]>) => void;
  /** The attachment store, through the attachments service (which keeps file writes one at a time). */
  content: {
    /** Where the file of this SHA-256 is stored here, if it is. */
    path: (sha256: string) => string | undefined;
    /** Stores the bundle's files (SHA-256 → staged file), then runs the transaction; see attachments-service. */
    importContent: <T>(files: ReadonlyMap<string, string>, apply: () => T) => Promise<T>;
  };
  limits?: BundleLimits;
  /** The activity log, where an import of a bundle with an invalid signature is recorded. */
  activity: { append(entry: Activity): void };
}

/** An apply as the command line and tests call it (the contract fills in the defaults). */
export type ApplyCall = Omit<BundleApplyInput, 'acceptInvalidSignature'> & { acceptInvalidSignature?: boolean };

/** The attachment files a staged bundle carries: SHA-256 → staging file. */
const stagedContent = (staged: StagedBundle) =>
  new Map([...staged.files].flatMap(([path, file]) => (path.startsWith('attachments/') ? [[path.slice('attachments/'.length), file] as const] : [])));

export function createBundlesService(deps: CoreDeps, ctx: BundlesDeps) {
  removeLeftovers({ staging: stagingDir(deps.paths.dataDir), inbox: inboxDir(deps.paths.dataDir), exports: exportsDir(deps.paths.dataDir) }, deps.clock.now());
  const contentHere = (sha256: string) => ctx.content.path(sha256) !== undefined;
  /** Previews waiting for the user, with when each was last opened or refused (one left alone past PREVIEW_IDLE_MS is ended). */
  const previews = new Map<string, { staged: StagedBundle; since: number }>();
  const trust = createTrust(deps.paths.dataDir, () => deps.clock.now());
  /** Uploaded bundles are removed from the inbox once their preview ends. */
  const uploadsOf = new Map<string, string>();
  const inbox = inboxDir(deps.paths.dataDir);
  const uploadPath = (uploadId: string) => join(inbox, `upload-${uploadId}.ibtikar`);
  /** Copies of bundles the OS handed over, waiting for the UI to open them. */
  const opened: string[] = [];
  /** Previews being applied; discarding one of them ends it once its apply is over (if it is refused). */
  const applying = new Set<string>();
  /** Own copies of encrypted bundles waiting for their passphrase; removed when core closes. */
  const waiting = new Set<string>();
  const keepPreview = (previewId: string, staged: StagedBundle) => previews.set(previewId, { staged, since: deps.clock.now().getTime() });
  const endPreview = (previewId: string, staged = previews.get(previewId)?.staged) => {
    if (staged) removeStaging(staged);
    previews.delete(previewId);
    const upload = uploadsOf.get(previewId);
    if (upload) rmSync(upload, { force: true });
    uploadsOf.delete(previewId);
  };

  /** Ends a preview where no one waits for an error (its apply is over, or it was left alone); a staging folder that cannot be removed now goes when core next starts. */
  const endPreviewOrLog = (previewId: string, staged: StagedBundle) => {
    try {
      endPreview(previewId, staged);
    } catch (error) {
      deps.logger.warn('The staging of an import could not be removed; it goes when core next starts', errorData(error));
    }
  };

  /** Exports being written into the exports folder, whose names are taken before their files exist. */
  const writing = new Set<string>();
  /**
   * Where an export goes in the exports folder: named for what it holds and when, with -2, -3… when
   * another export of the same second is there or still being written (an export kept for a second
   * try at saving must not be overwritten).
   */
  function exportTarget(input: BundleExportInput, now: Date) {
    const what = input.scope.kind === 'workspace' ? 'workspace' : input.scope.ids.length === 1 ? 'project' : 'projects';
    const base = join(exportsDir(deps.paths.dataDir), `ibtikar-${what}-${now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}`);
    for (let n = 1; ; n++) {
      const file = n === 1 ? `${base}.ibtikar` : `${base}-${n}.ibtikar`;
      if (!writing.has(file) && !existsSync(file)) return file;
    }
  }

  /** Exports to `outFile` (the command line) or to the data folder's exports folder, as a job. */
  async function exportBundle(input: BundleExportInput, outFile?: string) {
    const now = deps.clock.now();
    const target = outFile ?? exportTarget(input, now);
    writing.add(target);
    try {
      return await exportTo(target, input, now);
    } finally {
      writing.delete(target);
    }
  }

  async function exportTo(target: string, input: BundleExportInput, now: Date) {
    mkdirSync(join(target, '..'), { recursive: true });
    const lab = deps.db.transaction(() => labIdentity(deps.db, () => deps.ids.next(), now.toISOString()))();
    const { result } = ctx.jobs.start('bundle.export', (job) =>
      writeBundle(
        { dbFile: deps.db.name, outFile: target, ...input, lab, appVersion: deps.appVersion, createdAt: now, sign: trust.sign, contentPath: ctx.content.path, renderPdf: deps.renderPdf },
        job,
      ),
    );
    const written = await result;
    return { fileName: written.file.split(/[\\/]/).pop()!, file: written.file, bytes: written.bytes, records: written.records };
  }

  /** Stages a bundle file and previews it; the staging stays until apply or discard. */
  async function previewFile(file: string, passphrase?: string): Promise<BundlePreview> {
    const staged = await stageBundle(file, stagingDir(deps.paths.dataDir), schemaVersion(deps.db), ctx.limits, passphrase);
    try {
      // One read transaction: every row is compared with the same moment of this lab, and the lookups
      // share one snapshot instead of each taking and dropping the database's read lock.
      const preview = { previewId: deps.ids.next(), ...deps.db.transaction(() => previewBundle(deps.db, staged, trust.isTrusted, contentHere))() };
      keepPreview(preview.previewId, staged);
      return preview;
    } catch (error) {
      removeStaging(staged);
      throw error;
    }
  }

  async function apply(input: ApplyCall): Promise<BundleSummary> {
    const staged = previews.get(input.previewId)?.staged;
    if (!staged) throw new ApiFailure('not_found', 'This import preview has ended; open the bundle again.', [{ path: ['previewId'], code: 'bundle_preview_ended' }]);
    // Refused before the preview ends, so the user can still confirm they accept an unverifiable bundle.
    const unverified = staged.signature.status === 'invalid';
    if (unverified && !input.acceptInvalidSignature) {
      refuse('signature_invalid', 'The bundle signature does not match its contents; import it only after confirming you accept an unverifiable bundle.');
    }
    // Taken out while it is applied: a second apply of the same preview meanwhile is refused as ended.
    previews.delete(input.previewId);
    applying.add(input.previewId);
    let summary: BundleSummary;
    let changedAreas: ReadonlySet<DataArea>;
    let backup: Awaited<ReturnType<BundlesDeps['backup']>> | undefined;
    try {
      backup = await ctx.backup();
      const now = deps.clock.now().toISOString();
      // The user's acceptance of an unverifiable bundle is part of the record, in the same transaction as
      // its rows (the lab's identity too, when this is its first: a refused import leaves nothing behind).
      const record = unverified
        ? () =>
            ctx.activity.append({
              id: deps.ids.next(),
              at: now,
              subjectType: 'lab',
              subjectId: labIdentity(deps.db, () => deps.ids.next(), now).id,
              action: 'updated',
              fields: ['bundle_import', 'signature_invalid_accepted'],
              summary: `${staged.manifest.lab.name} (${staged.manifest.lab.id})`,
            })
        : undefined;
      const { areas, ...counts } = await ctx.content.importContent(stagedContent(staged), () =>
        applyBundle(deps.db, staged, {
          onConflict: input.onConflict,
          choices: input.choices,
          newId: () => deps.ids.next(),
          reindex: ctx.reindex,
          contentHere,
          record,
        }),
      );
      summary = { ...counts, backup: backup.backup.fileName, unverifiedAccepted: unverified };
      changedAreas = areas;
    } catch (error) {
      backup?.drop();
      // A refused import loses nothing: the preview stays (staging, uploaded file, the files the store
      // gave back) for the user to change a choice, or the lab, and apply it again — unless it was
      // discarded meanwhile, or a staged file could not be given back.
      const whole = [...stagedContent(staged).values()].every((file) => existsSync(file));
      if (applying.delete(input.previewId) && whole) keepPreview(input.previewId, staged);
      else endPreviewOrLog(input.previewId, staged);
      throw error;
    } finally {
      applying.delete(input.previewId);
    }
    // Committed: from here on nothing may bring the preview back (a second apply would import again).
    backup.keep();
    endPreviewOrLog(input.previewId, staged);
    for (const area of changedAreas) ctx.events.emit({ type: 'data.changed', payload: { area } });
    return summary;
  }

  return {
    exportBundle,
    previewFile,
    apply,
    /** Previews a bundle the desktop shell or an upload placed in the data folder's inbox. */
    async preview(fileName: string, passphrase?: string) {
      const file = join(inbox, fileName);
      if (!BundleFileNameSchema.safeParse(fileName).success || !existsSync(file)) throw new ApiFailure('not_found', `No bundle named ${fileName} in the inbox.`);
      try {
        const preview = await previewFile(file, passphrase);
        waiting.delete(file);
        if (isOwnCopy(fileName)) uploadsOf.set(preview.previewId, file);
        return preview;
      } catch (error) {
        // A refused upload or copy is not kept (the user's own file stays where it was), except an
        // encrypted one waiting for its passphrase: the user types it and the same file is tried again.
        const waitsForPassphrase = error instanceof BundleRefused && (error.reason === 'passphrase_needed' || error.reason === 'wrong_passphrase');
        if (isOwnCopy(fileName) && !waitsForPassphrase) rmSync(file, { force: true });
        if (isOwnCopy(fileName) && waitsForPassphrase) waiting.add(file);
        throw error;
      }
    },
    /**
     * A bundle the operating system handed the desktop app: copied into the inbox (the original is
     * never touched) and announced, so the UI opens its import.
     */
    async receive(sourcePath: string) {
      mkdirSync(inbox, { recursive: true, mode: 0o700 });
      const fileName = `opened-${deps.ids.next()}.ibtikar`;
      await copyFile(sourcePath, join(inbox, fileName));
      opened.push(fileName);
      ctx.events.emit({ type: 'bundle.opened', payload: { fileName } });
      return fileName;
    },
    /** The received bundles not yet taken by the UI, each handed out once. */
    takeOpened: () => opened.splice(0),
    discard(previewId: string) {
      // A preview being applied is ended by that apply once it is over, refused or not.
      if (!applying.delete(previewId)) endPreview(previewId);
      return {};
    },
    /**
     * The user cancelled at the passphrase step: the app's own copy of that bundle goes now rather
     * than when core closes. Only a file waiting for its passphrase is removed (never a bundle the
     * user placed in the inbox themselves, and never one being previewed).
     */
    discardWaiting(fileName: string) {
      const file = join(inbox, fileName);
      if (waiting.delete(file)) rmSync(file, { force: true });
      return {};
    },
    /** Receives a bundle from the browser a chunk at a time into the inbox, within the import size limit. */
    upload(input: { uploadId: string; offset: number; data: string; last: boolean }) {
      mkdirSync(inbox, { recursive: true, mode: 0o700 });
      const part = `${uploadPath(input.uploadId)}.part`;
      const bytes = appendChunk(part, input, (ctx.limits ?? DEFAULT_LIMITS).maxTotalBytes, 'A bundle');
      if (!input.last) return { bytes, fileName: null };
      renameSync(part, uploadPath(input.uploadId));
      return { bytes, fileName: `upload-${input.uploadId}.ibtikar` };
    },
    /** Reads an exported bundle a chunk at a time, for the browser's download. */
    download(fileName: string, offset: number) {
      const file = join(exportsDir(deps.paths.dataDir), fileName);
      if (!existsSync(file)) throw new ApiFailure('not_found', `No exported bundle named ${fileName}.`);
      const size = statSync(file).size;
      // Only a read that reaches the end may remove the file, so an offset past it is refused, not read.
      if (offset > size) throw new ApiFailure('invalid_input', `The bundle ${fileName} has ${size} bytes; there is nothing at ${offset}.`, [{ path: ['offset'], code: 'too_big', params: { maximum: size } }]);
      const buffer = Buffer.alloc(Math.max(0, Math.min(UPLOAD_CHUNK_BYTES, size - offset)));
      const fd = openSync(file, 'r');
      try {
        readSync(fd, buffer, 0, buffer.length, offset);
      } finally {
        closeSync(fd);
      }
      const next = offset + buffer.length;
      // Fetched to its end, the export has left for the user's own folder; a copy kept here would only
      // pile up (a "secret" bundle among them).
      if (next >= size) rmSync(file, { force: true });
      return { size, data: buffer.toString('base64'), next: next < size ? next : null };
    },
    /**
     * Removes an export nobody fetched or saved (the user closed the export dialog after cancelling
     * the save dialog); a name already gone is not an error.
     */
    discardExport(fileName: string) {
      rmSync(join(exportsDir(deps.paths.dataDir), fileName), { force: true });
      return {};
    },
    /** This lab's signing fingerprint (null before its first export). */
    identity: () => ({ fingerprint: trust.fingerprint() }),
    trust(fingerprint: string, labName: string) {
      trust.trust(fingerprint, labName);
      return {};
    },
    /** The fingerprints this lab trusts, newest first. */
    trusted: () => trust.trusted().toReversed(),
    untrust(fingerprint: string) {
      trust.untrust(fingerprint);
      return {};
    },
    /** This lab's identity as its bundles name it. */
    labProfile: () => deps.db.transaction(() => labIdentity(deps.db, () => deps.ids.next(), deps.clock.now().toISOString()))(),
    renameLab: (name: string) => renameLab(deps.db, name, () => deps.ids.next(), deps.clock.now().toISOString()),
    /**
     * Ends the previews left alone for PREVIEW_IDLE_MS: their window was closed or reloaded without
     * Cancel, and a staging folder may hold a decrypted bundle. Core calls it every few minutes.
     */
    endIdlePreviews() {
      const now = deps.clock.now().getTime();
      // Only previews waiting for the user: one being applied is not in `previews` until it is refused.
      for (const [previewId, { staged, since }] of [...previews]) if (now - since >= PREVIEW_IDLE_MS) endPreviewOrLog(previewId, staged);
    },
    /** Removes every staging folder (when core closes). */
    close() {
      for (const previewId of [...previews.keys()]) endPreview(previewId);
      for (const file of waiting) rmSync(file, { force: true });
      waiting.clear();
    },
  };
}

export type BundlesService = ReturnType<typeof createBundlesService>;
