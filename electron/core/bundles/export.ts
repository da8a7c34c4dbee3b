/**
 * Writes a bundle as a stream: rows go from a read snapshot of the database, a line at a time, into
 * deflated zip entries while their SHA-256 is taken; the manifest (with every checksum) goes last.
 * The zip is written to a hidden temporary file beside the target and renamed only when complete, so
 * a cancelled or failed export leaves nothing half-written behind.
 */
import Database from 'better-sqlite3';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { PassThrough, type Transform } from 'node:stream';
import { once } from 'node:events';
import { setImmediate as turn } from 'node:timers/promises';
import yazl from 'yazl';
import { ApiFailure } from '../../shared/api/envelope';
import { BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, SUMMARY_PDF, type BundleScope, type Classification, type Manifest } from '../../shared/domain/bundles';
import type { Language } from '../../shared/domain/settings';
import { schemaVersion } from '../db/migrate';
import type { JobContext } from '../jobs';
import { createRowsRepo, type Row } from './rows-repo';
import { selectProjects } from './scope';
import { BUNDLE_TABLES } from './tables';
import { createViewer } from './viewer';
import { encryptingStream } from './encryption';
import { jsonCanvases } from './json-canvases';

export interface ExportRequest {
  /** The live database file; the export reads a snapshot of it through its own read-only connection. */
  dbFile: string;
  outFile: string;
  scope: BundleScope;
  classification: Classification;
  language: Language;
  author: string;
  lab: { id: string; name: string };
  appVersion: string;
  createdAt: Date;
  /** Makes `manifest.sig` for the manifest's bytes (see trust.ts). */
  sign: (manifest: Buffer) => Buffer;
  /** Where the attachment file of this SHA-256 is stored, or undefined when it is missing here. */
  contentPath: (sha256: string) => string | undefined;
  /** Encrypts the whole zip with a key from this passphrase (encryption.ts). */
  passphrase?: string;
  /** Prints the viewer page to `summary.pdf` (the desktop app); absent, the bundle has no PDF. */
  renderPdf?: (html: string) => Promise<Buffer>;
}

/**
 * Lines are gathered, and files read, in chunks of about this size on their way to the zip stream;
 * every stream on the way holds about one such chunk, which keeps memory bounded and the number of
 * hand-overs (each a turn of the event loop) small.
 */
const CHUNK = 1024 * 1024;
const stream = () => new PassThrough({ highWaterMark: CHUNK });
/**
 * Reading rows is synchronous, and zlib hands each 16 KiB of deflated output back through the event
 * loop before it deflates more: the read loop lets the loop turn this often, so the deflating thread
 * works beside it instead of waiting for it (an export about 15% quicker).
 */
const YIELD_EVERY = 64 * 1024;

const cancelled = () => new ApiFailure('cancelled', 'The export was cancelled.');

async function writeChunk(stream: PassThrough, chunk: Buffer, signal: AbortSignal) {
  if (signal.aborted) throw cancelled();
  if (!stream.write(chunk)) await once(stream, 'drain', { signal }).catch(() => Promise.reject(cancelled()));
}

export async function writeBundle(request: ExportRequest, ctx: JobContext): Promise<{ file: string; bytes: number; records: number }> {
  const snapshot = new Database(request.dbFile, { readonly: true, fileMustExist: true });
  const temp = join(dirname(request.outFile), `.${basename(request.outFile)}.${randomBytes(6).toString('hex')}.part`);
  const zip = new yazl.ZipFile();
  const out = createWriteStream(temp, { mode: 0o600, highWaterMark: CHUNK });
  const written = once(out, 'close');
  let encrypt: Transform | undefined;
  try {
    // The zip streams through the cipher into the file: an encrypted export holds one chunk in memory, never the bundle.
    encrypt = request.passphrase ? await encryptingStream(request.passphrase) : undefined;
    if (encrypt) zip.outputStream.pipe(encrypt).pipe(out);
    else zip.outputStream.pipe(out);
    // One read transaction: every table is read from the same moment even while the lab keeps working.
    snapshot.exec('BEGIN');
    const selection = request.scope.kind === 'projects' ? selectProjects(snapshot, request.scope.ids) : undefined;
    const tables = BUNDLE_TABLES.map((table) => ({ table, repo: createRowsRepo(snapshot, table) }));
    const total = selection
      ? [...selection.values()].reduce((n, s) => n + s.size, 0)
      : tables.reduce((n, { repo }) => n + repo.count(snapshot), 0);
    const files: Manifest['files'] = [];
    const viewer = createViewer(request.language);
    const records: Record<string, number> = {};
    /** SHA-256 of every attachment file the carried rows name. */
    const contents = new Set<string>();
    const canvasIds: string[] = [];
    let done = 0;
    ctx.progress(0, total);

    for (const { table, repo } of tables) {
      const keep = selection?.get(table.name);
      const path = `data/${table.name}.ndjson`;
      const entry = stream();
      zip.addReadStream(entry, path, { mtime: request.createdAt, compress: true });
      const hash = createHash('sha256');
      let bytes = 0;
      let count = 0;
      let lines: Buffer[] = [];
      let pending = 0;
      let sinceTurn = 0;
      const flush = async () => {
        const buffer = Buffer.concat(lines, pending);
        hash.update(buffer);
        bytes += buffer.length;
        lines = [];
        pending = 0;
        await writeChunk(entry, buffer, ctx.signal);
      };
      // The viewer's fields and the content hash come as columns of their own beside each JSON line.
      const read = [...new Set([...(viewer.columns(table.name) ?? []), ...(table.content ? [table.content] : [])])];
      const keyCount = table.key.length;
      for (const row of repo.jsonRows(snapshot, read)) {
        if (keep && !keep.has(row.slice(0, keyCount).join('|'))) continue;
        if (read.length > 0) {
          const fields: Row = Object.fromEntries(read.map((name, i) => [name, row[keyCount + i] as Row[string]]));
          if (viewer.columns(table.name)) viewer.take(table.name, fields);
          if (table.content) contents.add(String(fields[table.content]));
        }
        if (table.name === 'canvases') canvasIds.push(String(row[0]));
        const line = row[row.length - 1] as Buffer;
        lines.push(line);
        pending += line.length;
        sinceTurn += line.length;
        count++;
        if (sinceTurn >= YIELD_EVERY) {
          sinceTurn = 0;
          await turn();
        }
        if (pending >= CHUNK) {
          await flush();
          ctx.progress(done + count, total);
        }
      }
      if (pending) await flush();
      entry.end();
      done += count;
      ctx.progress(done, total);
      records[table.name] = count;
      files.push({ path, bytes, sha256: hash.digest('hex') });
    }
    // Each canvas also as a JSON Canvas 1.0 file for other tools, drawn from the same snapshot.
    for (const { path, bytes } of jsonCanvases(snapshot, canvasIds, request.language)) {
      zip.addBuffer(bytes, path, { mtime: request.createdAt, compress: true });
      files.push({ path, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
    }
    snapshot.exec('COMMIT');

    // Each file once, stored (most attachments are compressed already), checked against its name as it streams.
    for (const sha256 of [...contents].sort()) {
      const source = request.contentPath(sha256);
      // A row whose file is missing here goes without it; the importer takes it only where the file already is.
      if (!source) continue;
      const path = `attachments/${sha256}`;
      const entry = stream();
      zip.addReadStream(entry, path, { mtime: request.createdAt, compress: false });
      const hash = createHash('sha256');
      let bytes = 0;
      for await (const chunk of createReadStream(source, { highWaterMark: CHUNK }) as AsyncIterable<Buffer>) {
        hash.update(chunk);
        bytes += chunk.length;
        await writeChunk(entry, chunk, ctx.signal);
      }
      entry.end();
      if (hash.digest('hex') !== sha256) throw new ApiFailure('internal', `The stored attachment ${sha256} is damaged: its bytes no longer match its SHA-256.`);
      files.push({ path, bytes, sha256 });
    }

    const page = Buffer.from(viewer.render({ labName: request.lab.name, createdAt: request.createdAt, classification: request.classification }));
    zip.addBuffer(page, 'index.html', { mtime: request.createdAt, compress: true });
    files.push({ path: 'index.html', bytes: page.length, sha256: createHash('sha256').update(page).digest('hex') });
    if (request.renderPdf) {
      // The same page as a PDF, for a recipient who would rather print or file it; stored, as a PDF compresses its own streams.
      const pdf = await request.renderPdf(page.toString('utf8')).catch((error: unknown) => {
        throw new ApiFailure('internal', `The PDF summary could not be made: ${(error as Error).message}`);
      });
      if (ctx.signal.aborted) throw cancelled();
      zip.addBuffer(pdf, SUMMARY_PDF, { mtime: request.createdAt, compress: false });
      files.push({ path: SUMMARY_PDF, bytes: pdf.length, sha256: createHash('sha256').update(pdf).digest('hex') });
    }

    const manifest: Manifest = {
      format: BUNDLE_FORMAT,
      formatVersion: BUNDLE_FORMAT_VERSION,
      appVersion: request.appVersion,
      schemaVersion: schemaVersion(snapshot),
      createdAt: request.createdAt.toISOString(),
      lab: request.lab,
      author: request.author,
      locales: [request.language],
      classification: request.classification,
      scope: request.scope,
      records,
      files,
    };
    const manifestBytes = Buffer.from(JSON.stringify(manifest, null, 2));
    zip.addBuffer(manifestBytes, 'manifest.json', { mtime: request.createdAt, compress: true });
    zip.addBuffer(request.sign(manifestBytes), 'manifest.sig', { mtime: request.createdAt, compress: false });
    zip.end();
    await written;
    if (ctx.signal.aborted) throw cancelled();
    renameSync(temp, request.outFile);
    return { file: request.outFile, bytes: statSync(request.outFile).size, records: done };
  } catch (error) {
    zip.outputStream.unpipe();
    encrypt?.unpipe();
    out.destroy();
    await written.catch(() => undefined);
    rmSync(temp, { force: true });
    throw error;
  } finally {
    snapshot.close();
  }
}
