/**
 * Opens an untrusted bundle into a private staging folder (CHECKLISTS.md "Importing a bundle").
 * Limits are checked on the central directory before anything is inflated and again on the real
 * bytes while inflating; names from the zip are checked but never used as paths (each listed file is
 * written to a name we choose); only files the manifest lists are accepted, each matching its size,
 * SHA-256 and the zip's CRC-32. On any refusal the staging folder is removed before the error leaves.
 */
import { createHash } from 'node:crypto';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { crc32, createInflateRaw } from 'node:zlib';
import type yauzl from 'yauzl';
import { BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, ManifestSchema, SUMMARY_PDF, type Manifest } from '../../shared/domain/bundles';
import { jsonDepthWithin } from '../json';
import { aFewAtOnce } from '../a-few-at-once';
import { openZipFile, READ_CHUNK } from './bundle-file-reader';
import { stagingPrefix } from './leftovers';
import { upgradeManifest } from './format';
import { BundleRefused, refuse } from './refusal';
import { decryptBundle, isEncrypted } from './encryption';
import { verifySignature } from './trust';
import { BUNDLE_TABLES, bundleTable } from './tables';

export interface BundleLimits {
  maxEntries: number;
  /** Largest single file, inflated. */
  maxEntryBytes: number;
  /** All files together, inflated. */
  maxTotalBytes: number;
  /** Inflated bytes per compressed byte, for any one entry. */
  maxRatio: number;
  maxManifestBytes: number;
}

export const DEFAULT_LIMITS: BundleLimits = {
  maxEntries: 10_000,
  maxEntryBytes: 1024 * 1024 * 1024,
  maxTotalBytes: 2 * 1024 * 1024 * 1024,
  maxRatio: 200,
  maxManifestBytes: 1024 * 1024,
};

/** The zip compression methods a bundle may use. */
const STORED = 0;
const DEFLATED = 8;
/** Entries inflated at once into the staging folder. */
const STAGING_AT_ONCE = 4;

export type StagedSignature = { status: 'signed'; fingerprint: string } | { status: 'unsigned' | 'invalid'; fingerprint: null };

/** Verifies `manifest.sig`; a signature that does not match is reported (not refused) so the preview can say so. */
function checkSignature(manifestBytes: Buffer, signatureFile: unknown): StagedSignature {
  try {
    return { status: 'signed', fingerprint: verifySignature(manifestBytes, signatureFile) };
  } catch (error) {
    if (error instanceof BundleRefused && error.reason === 'signature_invalid') return { status: 'invalid', fingerprint: null };
    throw error;
  }
}

export interface StagedBundle {
  dir: string;
  manifest: Manifest;
  /** Bundle path (as listed in the manifest) → the staging file we wrote it to. */
  files: Map<string, string>;
  /**
   * Who signed it: a verified signer's fingerprint, no signature, or a signature that does not verify
   * (shown in the preview; apply refuses it unless the user explicitly accepts an unverifiable bundle).
   */
  signature: StagedSignature;
  /** The bundle came passphrase-encrypted (and was decrypted into the staging folder). */
  encrypted: boolean;
}

/** The only entry names format version 1 defines (docs/bundle-format.md). */
const ALLOWED_NAME = /^(manifest\.json|manifest\.sig|index\.html|summary\.pdf|data\/[a-z][a-z0-9_]{0,62}\.ndjson|attachments\/[0-9a-f]{64}|canvases\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.canvas)$/;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const S_IFREG = 0o100000;
const MADE_ON_UNIX = 3;

/** Absolute, drive-letter, backslash, dot-segment, percent-encoded or non-ASCII (look-alike) names. */
export function unsafeName(raw: Buffer): string | undefined {
  for (const byte of raw) if (byte < 0x21 || byte > 0x7e) return 'a character outside printable ASCII';
  const name = raw.toString('latin1');
  if (name.includes('\\')) return 'a backslash';
  if (name.startsWith('/')) return 'an absolute path';
  if (/^[a-zA-Z]:/.test(name)) return 'a drive letter';
  if (name.includes('%')) return 'percent-encoding';
  if (name.split('/').some((s) => s === '..' || s === '.' || s === '')) return 'an empty, . or .. segment';
  return undefined;
}

/** Refuses `__proto__`, `constructor` and `prototype` keys anywhere in parsed (depth-bounded) JSON. */
export function assertNoForbiddenKeys(value: unknown, where: string): void {
  if (value === null || typeof value !== 'object') return;
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key)) refuse('forbidden_key', `${where} has a forbidden key "${key}".`, { key });
    assertNoForbiddenKeys((value as Record<string, unknown>)[key], where);
  }
}

export function parseUntrustedJson(
  text: string,
  maxDepth: number,
  where: string,
  onBad: 'bad_manifest' | 'bad_record',
  params?: Record<string, string | number>,
): unknown {
  if (!jsonDepthWithin(text, maxDepth)) refuse('too_deep', `${where} is nested deeper than ${maxDepth} levels.`, { depth: maxDepth });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    refuse(onBad, `${where} is not valid JSON.`, params);
  }
  assertNoForbiddenKeys(value, where);
  return value;
}

// decodeStrings off: names stay raw bytes, checked by unsafeName() and never turned into paths.
const openZip = (file: string) => openZipFile(file, { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true });

/**
 * Each entry's bytes must lie before the next entry's header: entries that share or overlap their
 * data are how the smallest zip bombs make a few kilobytes inflate many times over, each entry
 * within every limit. The local header is at least 30 bytes plus the name.
 */
function refuseOverlaps(entries: Map<string, yauzl.Entry>) {
  const byOffset = [...entries].sort(([, a], [, b]) => a.relativeOffsetOfLocalHeader - b.relativeOffsetOfLocalHeader);
  for (let i = 1; i < byOffset.length; i++) {
    const [name, entry] = byOffset[i - 1];
    const end = entry.relativeOffsetOfLocalHeader + 30 + (entry.fileName as unknown as Buffer).length + entry.compressedSize;
    if (end > byOffset[i][1].relativeOffsetOfLocalHeader) refuse('overlapping', `The entry "${name}" overlaps the entry after it.`, { name });
  }
}

function readCentralDirectory(zip: yauzl.ZipFile, limits: BundleLimits) {
  return new Promise<Map<string, yauzl.Entry>>((resolve, reject) => {
    const entries = new Map<string, yauzl.Entry>();
    let declaredTotal = 0;
    zip.on('error', reject);
    zip.on('end', () => {
      try {
        refuseOverlaps(entries);
        resolve(entries);
      } catch (error) {
        reject(error);
      }
    });
    zip.on('entry', (entry: yauzl.Entry) => {
      try {
        const raw = entry.fileName as unknown as Buffer;
        const name = raw.toString('latin1');
        const unsafe = unsafeName(raw);
        if (unsafe) refuse('unsafe_name', `The entry "${name}" has ${unsafe}.`, { name });
        const type = (entry.externalFileAttributes >>> 16) & S_IFMT;
        if (type === S_IFLNK) refuse('symlink', `The entry "${name}" is a symbolic link.`, { name });
        // Unix modes are only meaningful from a Unix zip tool; a Windows one leaves them empty.
        if (entry.versionMadeBy >> 8 === MADE_ON_UNIX && type !== 0 && type !== S_IFREG) {
          refuse('special_file', `The entry "${name}" is not a regular file (a device, pipe or folder).`, { name });
        }
        if (entries.has(name)) refuse('duplicate_entry', `The entry "${name}" appears twice.`, { name });
        if (!ALLOWED_NAME.test(name)) refuse('unlisted_file', `The entry "${name}" is not part of the bundle format.`, { name });
        if (entry.isEncrypted()) refuse('encrypted', `The entry "${name}" uses zip encryption.`);
        const cap = name === 'manifest.json' ? limits.maxManifestBytes : limits.maxEntryBytes;
        if (entry.uncompressedSize > cap) refuse('too_large', `The entry "${name}" is larger than ${cap} bytes.`, { name });
        if (entry.uncompressedSize > limits.maxRatio * Math.max(entry.compressedSize, 1)) refuse('ratio', `The entry "${name}" is compressed suspiciously well.`, { name });
        declaredTotal += entry.uncompressedSize;
        if (declaredTotal > limits.maxTotalBytes) refuse('too_large', `The bundle is larger than ${limits.maxTotalBytes} bytes.`);
        entries.set(name, entry);
        zip.readEntry();
      } catch (error) {
        reject(error);
      }
    });
    zip.readEntry();
  });
}

/**
 * Inflates one entry to `sink`, counting the real bytes (never trusting the declared sizes), with
 * the size and ratio limits enforced while it runs; returns the SHA-256 and size.
 */
async function inflate(zip: yauzl.ZipFile, entry: yauzl.Entry, name: string, cap: number, limits: BundleLimits, sink: NodeJS.WritableStream) {
  if (entry.compressionMethod !== STORED && entry.compressionMethod !== DEFLATED) {
    refuse('unreadable', `The entry "${name}" uses compression method ${entry.compressionMethod}; bundles use only stored and deflated entries.`, { name });
  }
  let source: Readable;
  try {
    // The raw bytes, inflated here: yauzl's own inflater hands over 16 KiB at a time, each a turn of
    // the event loop, which made inflating most of the work of staging the data files.
    source = await zip.openReadStreamPromise(entry, { decodeFileData: false });
  } catch (error) {
    return refuse('unreadable', `The entry "${name}" cannot be read: ${(error as Error).message}`, { name });
  }
  const declared = entry.uncompressedSize;
  const hash = createHash('sha256');
  let bytes = 0;
  let crc = 0;
  const meter = new Transform({
    highWaterMark: READ_CHUNK,
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      if (bytes > declared) return done(new BundleLimit('too_large', `The entry "${name}" inflates to more bytes than declared.`, name));
      if (bytes > cap) return done(new BundleLimit('too_large', `The entry "${name}" inflates to more than ${cap} bytes.`, name));
      if (bytes > limits.maxRatio * Math.max(entry.compressedSize, 1)) {
        return done(new BundleLimit('ratio', `The entry "${name}" is compressed suspiciously well.`, name));
      }
      hash.update(chunk);
      crc = crc32(chunk, crc);
      done(null, chunk);
    },
  });
  try {
    if (entry.compressionMethod === DEFLATED) await pipeline(source, createInflateRaw({ chunkSize: READ_CHUNK }), meter, sink);
    else await pipeline(source, meter, sink);
  } catch (error) {
    if (error instanceof BundleLimit) refuse(error.reason, error.message, { name });
    refuse('unreadable', `The entry "${name}" is damaged: ${(error as Error).message}`, { name });
  }
  if (bytes !== declared) refuse('unreadable', `The entry "${name}" is damaged: it holds ${bytes} bytes, not the ${declared} its directory declares.`, { name });
  if (crc >>> 0 !== entry.crc32 >>> 0) refuse('checksum', `The entry "${name}" does not match its CRC-32.`, { name });
  return { bytes, sha256: hash.digest('hex') };
}

class BundleLimit extends Error {
  constructor(
    readonly reason: 'too_large' | 'ratio',
    message: string,
    readonly entryName: string,
  ) {
    super(message);
  }
}

class Collect extends Transform {
  chunks: Buffer[] = [];
  override _transform(chunk: Buffer, _e: BufferEncoding, done: () => void) {
    this.chunks.push(chunk);
    done();
  }
}

/** Inflates a small entry (the manifest, its signature) into memory, within its cap. */
async function readSmall(zip: yauzl.ZipFile, entry: yauzl.Entry, name: string, cap: number, limits: BundleLimits) {
  const collected = new Collect();
  await inflate(zip, entry, name, cap, limits, collected);
  return Buffer.concat(collected.chunks);
}

function checkManifest(value: unknown, schemaVersionHere: number): Manifest {
  const head = value as { format?: unknown; formatVersion?: unknown; appVersion?: unknown };
  if (head?.format !== BUNDLE_FORMAT) refuse('bad_manifest', 'The manifest does not describe an Ibtikar bundle.');
  if (Number.isInteger(head.formatVersion) && (head.formatVersion as number) > BUNDLE_FORMAT_VERSION) {
    const appVersion = typeof head.appVersion === 'string' ? head.appVersion.slice(0, 50) : '?';
    refuse('newer_format', `This bundle uses format version ${String(head.formatVersion)}; it needs Ibtikar Lab ${appVersion} or newer.`, {
      version: head.formatVersion as number,
      appVersion,
    });
  }
  const parsed = ManifestSchema.safeParse(upgradeManifest(value));
  if (!parsed.success) return refuse('bad_manifest', `The manifest is not valid: ${parsed.error.issues[0]?.message ?? ''}`);
  const manifest = parsed.data;
  if (manifest.schemaVersion > schemaVersionHere) {
    refuse('newer_schema', `This bundle comes from a newer database (schema ${manifest.schemaVersion}); it needs Ibtikar Lab ${manifest.appVersion} or newer.`, {
      version: manifest.schemaVersion,
      appVersion: manifest.appVersion,
    });
  }
  const paths = new Set<string>();
  for (const f of manifest.files) {
    if (paths.has(f.path) || f.path === 'manifest.json' || f.path === 'manifest.sig' || !ALLOWED_NAME.test(f.path)) refuse('bad_manifest', `The manifest lists "${f.path}" wrongly.`);
    paths.add(f.path);
    // The viewer, its PDF and the JSON Canvas files are for people and tools without the app; checked like every file, never imported.
    if (f.path === 'index.html' || f.path === SUMMARY_PDF || f.path.startsWith('canvases/')) continue;
    const content = /^attachments\/([0-9a-f]{64})$/.exec(f.path)?.[1];
    if (content) {
      // A file is named by its SHA-256; staging checks the bytes against the listed hash, so the name must be that hash.
      if (f.sha256 !== content) refuse('checksum', `The file "${f.path}" is listed with a SHA-256 other than its name.`, { name: f.path });
      // Files come only with a carried table whose rows name them.
      if (!BUNDLE_TABLES.some((t) => t.content && Object.hasOwn(manifest.records, t.name))) refuse('unlisted_file', `The bundle carries "${f.path}" but no table that names files.`, { name: f.path });
      continue;
    }
    const table = /^data\/(.+)\.ndjson$/.exec(f.path)?.[1];
    if (!table || !bundleTable(table)) refuse('unlisted_file', `The bundle carries "${f.path}", which this app does not know.`, { name: f.path });
    if (!Object.hasOwn(manifest.records, table!)) refuse('bad_manifest', `The manifest has no record count for ${table}.`);
  }
  return manifest;
}

export async function stageBundle(
  file: string,
  stagingRoot: string,
  schemaVersionHere: number,
  limits: BundleLimits = DEFAULT_LIMITS,
  passphrase?: string,
): Promise<StagedBundle> {
  mkdirSync(stagingRoot, { recursive: true, mode: 0o700 });
  const dir = mkdtempSync(join(stagingRoot, stagingPrefix()));
  let zip: yauzl.ZipFile | undefined;
  try {
    // An encrypted bundle is decrypted (and authenticated) into the staging folder first; the zip inside is then checked like any other.
    const encrypted = await isEncrypted(file);
    if (encrypted) {
      if (!passphrase) refuse('passphrase_needed', 'This bundle is encrypted; it needs its passphrase.');
      if (statSync(file).size > limits.maxTotalBytes) refuse('too_large', `The bundle is larger than ${limits.maxTotalBytes} bytes.`);
      const inner = join(dir, 'bundle.zip');
      await decryptBundle(file, inner, passphrase!);
      file = inner;
    }
    try {
      zip = await openZip(file);
    } catch (error) {
      refuse('unreadable', `This file is not a readable zip archive: ${(error as Error).message}`);
    }
    if (zip!.entryCount > limits.maxEntries) refuse('too_many_entries', `The bundle has ${zip!.entryCount} entries; at most ${limits.maxEntries} are allowed.`, { count: limits.maxEntries });
    let entries: Map<string, yauzl.Entry>;
    try {
      entries = await readCentralDirectory(zip!, limits);
    } catch (error) {
      if (error instanceof Error && error.name === 'BundleRefused') throw error;
      return refuse('unreadable', `The zip directory is damaged: ${(error as Error).message}`);
    }

    const manifestEntry = entries.get('manifest.json') ?? refuse('bad_manifest', 'The bundle has no manifest.json.');
    const manifestBytes = await readSmall(zip!, manifestEntry, 'manifest.json', limits.maxManifestBytes, limits);
    const manifest = checkManifest(parseUntrustedJson(manifestBytes.toString('utf8'), 16, 'manifest.json', 'bad_manifest'), schemaVersionHere);
    const signatureEntry = entries.get('manifest.sig');
    const signature: StagedSignature = signatureEntry
      ? checkSignature(manifestBytes, parseUntrustedJson((await readSmall(zip!, signatureEntry, 'manifest.sig', 4096, limits)).toString('utf8'), 4, 'manifest.sig', 'bad_manifest'))
      : { status: 'unsigned', fingerprint: null };

    const listed = new Map(manifest.files.map((f) => [f.path, f]));
    for (const name of entries.keys()) {
      if (name !== 'manifest.json' && name !== 'manifest.sig' && !listed.has(name)) refuse('unlisted_file', `The entry "${name}" is not listed in the manifest.`, { name });
    }
    // The limits hold on the declared sizes first; each file is then held to its declared size while it inflates.
    let declared = 0;
    const staged = manifest.files.map((f, index) => {
      const entry = entries.get(f.path) ?? refuse('missing_file', `The manifest lists "${f.path}", which the bundle does not contain.`, { name: f.path });
      declared += f.bytes;
      if (f.bytes > limits.maxEntryBytes || declared > limits.maxTotalBytes) refuse('too_large', `The file "${f.path}" is larger than allowed.`, { name: f.path });
      return { f, entry, target: join(dir, `f${String(index).padStart(5, '0')}`) };
    });
    // A few entries at once: each one's reads, hashing and writes wait on one another, several fill the gaps.
    await aFewAtOnce(staged, STAGING_AT_ONCE, async ({ f, entry, target }) => {
      const got = await inflate(zip!, entry, f.path, f.bytes, limits, createWriteStream(target, { flags: 'wx', mode: 0o600, highWaterMark: READ_CHUNK }));
      if (got.bytes !== f.bytes || got.sha256 !== f.sha256) refuse('checksum', `The file "${f.path}" does not match its checksum in the manifest.`, { name: f.path });
    });
    const files = new Map(staged.map(({ f, target }) => [f.path, target]));
    return { dir, manifest, files, signature, encrypted };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  } finally {
    zip?.close();
  }
}

export const removeStaging = (staged: StagedBundle) => rmSync(staged.dir, { recursive: true, force: true });
