/**
 * Helpers for bundle tests: export a test core to a file, import a file into a test core, compare
 * the carried tables record by record, and build hand-made (hostile) zips with Info-ZIP-free code.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { deflateRawSync, crc32 } from 'node:zlib';
import yauzl from 'yauzl';
import { BUNDLE_TABLES } from '../../electron/core/bundles/tables';
import type { BundleApplyInput, BundleExportInput } from '../../electron/shared/domain/bundles';
import { attachFile, callValue, type TestCore } from './core';

export const tempDir = () => mkdtempSync(join(tmpdir(), 'ibtikar-bundle-'));

export async function exportTo(test: TestCore, file: string, input: Partial<BundleExportInput> = {}) {
  return test.core.bundles.exportBundle(
    { scope: { kind: 'workspace' }, classification: 'internal', language: 'en', author: 'Test', ...input },
    file,
  );
}

export async function importFile(test: TestCore, file: string, choices: Partial<Omit<BundleApplyInput, 'previewId'>> = {}) {
  const preview = await test.core.bundles.previewFile(file);
  const summary = await test.core.bundles.apply({ previewId: preview.previewId, onConflict: 'keep', choices: [], ...choices });
  return { preview, summary };
}

/** Every carried table's carried rows (the registry's `where`), without the columns that never travel, in key order. */
export function carriedRows(test: TestCore) {
  return Object.fromEntries(
    BUNDLE_TABLES.map((t) => {
      const rows = test.core.db.prepare(`SELECT * FROM "${t.name}"${t.where ? ` WHERE ${t.where}` : ''} ORDER BY ${t.key.map((k) => `"${k}"`).join(', ')}`).all() as Record<string, unknown>[];
      return [t.name, rows.map((row) => Object.fromEntries(Object.entries(row).filter(([column]) => !t.omit?.includes(column))))];
    }),
  );
}

export interface ZipEntrySpec {
  name: string | Buffer;
  data: Buffer | string;
  /** Store instead of deflate. */
  store?: boolean;
  /** Unix mode in the external attributes (e.g. 0o120777 for a symlink). */
  mode?: number;
  /** Lie about the uncompressed size in both headers. */
  declaredSize?: number;
  /** Lie about the CRC-32. */
  crc?: number;
  /** No bytes of its own: the directory points at this earlier entry's header (overlapping entries). */
  sharesDataOf?: string;
}

/** A JSON line of a bundle's data file. */
export const ndjsonLine = (row: object) => `${JSON.stringify(row)}\n`;

/** The manifest of a hand-made, unsigned bundle from another lab carrying `files` (path → text). */
export function manifestFor(files: Record<string, string>, records: Record<string, number>) {
  return {
    format: 'ibtikar-bundle',
    formatVersion: 1,
    appVersion: '0.1.0',
    schemaVersion: 1,
    createdAt: '2026-11-28T09:00:00.000Z',
    lab: { id: '01930000-0000-7000-8000-00000000aaaa', name: 'Other lab' },
    author: '',
    locales: ['en'],
    classification: 'internal',
    scope: { kind: 'workspace' },
    records,
    files: Object.entries(files).map(([path, data]) => ({ path, bytes: Buffer.byteLength(data), sha256: sha256(data) })),
  };
}

/** Writes a zip by hand so tests can build what no well-behaved zip tool would. */
export function writeZip(file: string, entries: ZipEntrySpec[]) {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  const offsets = new Map<string, number>();
  for (const e of entries) {
    const name = typeof e.name === 'string' ? Buffer.from(e.name, 'utf8') : e.name;
    const raw = typeof e.data === 'string' ? Buffer.from(e.data, 'utf8') : e.data;
    const body = e.store ? raw : deflateRawSync(raw);
    const crc = e.crc ?? crc32(raw);
    const size = e.declaredSize ?? raw.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(e.store ? 0 : 8, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const shared = e.sharesDataOf === undefined ? undefined : offsets.get(e.sharesDataOf);
    if (shared === undefined) locals.push(local, name, body);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(e.store ? 0 : 8, 10);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(((e.mode ?? 0o100644) << 16) >>> 0, 38);
    central.writeUInt32LE(shared ?? offset, 42);
    centrals.push(central, name);
    if (shared !== undefined) continue;
    offsets.set(name.toString('latin1'), offset);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  writeFileSync(file, Buffer.concat([...locals, cd, end]));
}

/** Every entry of a zip, as name → bytes (to rebuild a spoiled copy with writeZip). */
export async function readZipEntries(path: string) {
  const zip = await yauzl.openPromise(path, { lazyEntries: false });
  const out: ZipEntrySpec[] = [];
  for await (const entry of zip.eachEntry()) {
    const chunks: Buffer[] = [];
    for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
    out.push({ name: entry.fileName, data: Buffer.concat(chunks) });
  }
  zip.close();
  return out;
}

/** A copy of a bundle whose manifest was changed after signing: its signature no longer verifies. */
export async function tamperedCopy(source: string, target: string) {
  const parts = await readZipEntries(source);
  writeZip(target, parts.map((e) => (e.name === 'manifest.json' ? { ...e, data: Buffer.from(e.data.toString().replace('"internal"', '"public"').replace('"confidential"', '"public"')) } : e)));
  return target;
}

export const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

/**
 * Adds one of each newer record type to a test core: a lab template and a canvas made from it (on
 * a project) with notes and a cluster, a retired lab template with its canvas, note links (to a note
 * and to a KPI), a pilot with a locked protocol, an amendment, KPIs, measurements, an assessment and
 * a decision, and attachments on the project, a note and the pilot.
 */
export async function addLabWork(test: TestCore) {
  const value = <T>(method: string, input: unknown) => callValue<T>(test, method, input);
  const project = await value<{ id: string }>('projects.create', { title: 'Kindergarten queue' });
  const person = await value<{ id: string }>('people.create', { name: 'Aziza' });
  const base = await value<{ id: string }>('canvases.create', { templateId: 'business-model-canvas', title: 'Base', projectId: null, stage: null });
  const template = await value<{ id: string; zones: { key: string }[] }>('labTemplates.create', { canvasId: base.id, title: 'Our service model' });
  const zone = template.zones[0].key;
  const canvas = await value<{ id: string }>('canvases.create', { templateId: template.id, title: 'Queue service model', projectId: project.id, stage: 3 });
  const cluster = await value<{ id: string }>('canvases.createCluster', { canvasId: canvas.id, zoneKey: zone, label: 'Families' });
  const [parents, kindergartens] = await value<{ id: string }[]>('notes.create', {
    canvasId: canvas.id,
    notes: [{ text: 'Parents', zoneKey: zone, clusterId: cluster.id }, { text: 'Kindergartens', zoneKey: zone }],
  });
  // A template deleted while a canvas uses it stays, retired, for that canvas.
  const retired = await value<{ id: string; zones: { key: string }[] }>('labTemplates.create', { canvasId: base.id, title: 'Old layout' });
  const old = await value<{ id: string }>('canvases.create', { templateId: retired.id, title: 'Made from the old layout', projectId: project.id, stage: 3 });
  await value('labTemplates.delete', { id: retired.id });
  const { pilot } = await value<{ pilot: { id: string } }>('pilots.create', {
    projectId: project.id,
    title: 'SMS queue in Chilonzor',
    problem: 'Parents do not know their place in the queue.',
    ownerId: person.id,
    design: 'before_after',
    unit: 'family',
    plannedSampleSize: 400,
    primaryOutcome: 'Days waited',
    startsOn: '2026-01-01',
    endsOn: '2026-12-31',
    interventionOn: '2026-03-01',
  });
  await value('pilots.lockProtocol', { id: pilot.id });
  await value('pilots.amendProtocol', { id: pilot.id, reason: 'One school closed; fewer families.', changes: { plannedSampleSize: 300 } });
  const kpi = await value<{ id: string }>('pilots.addKpi', { pilotId: pilot.id, name: 'Days waited', unit: 'days', direction: 'lower', kind: 'continuous', baselineValue: 40 });
  await value('pilots.addKpi', { pilotId: pilot.id, name: 'Served on time', kind: 'rate' });
  const noteLink = await value<{ id: string }>('noteLinks.add', { noteId: kindergartens.id, target: { kind: 'note', noteId: parents.id } });
  const kpiLink = await value<{ id: string }>('noteLinks.add', { noteId: parents.id, target: { kind: 'kpi', kpiId: kpi.id } });
  await value('pilots.setMeasurement', { kpiId: kpi.id, group: 'pilot', period: '2026-02-01', value: 38 });
  await value('pilots.setMeasurement', { kpiId: kpi.id, group: 'pilot', period: '2026-04-01', value: 31 });
  await value('pilots.assess', { pilotId: pilot.id, assessorId: person.id, ratings: [{ criterion: 'relevance', rating: 'excellent', evidence: 'Survey of 300 parents' }] });
  await value('pilots.decide', { pilotId: pilot.id, decision: 'scale', conditions: 'Budget for two districts', evidenceLevel: 3, decidedOn: '2026-11-28' });
  const content = Buffer.from('%PDF-1.4 queue report\n');
  const attachment = await attachFile<{ id: string; sha256: string }>(test.call, { ownerType: 'project', ownerId: project.id }, 'report.pdf', content);
  await attachFile(test.call, { ownerType: 'note', ownerId: parents.id }, 'interview with parents.txt', 'They wait by the gate at 7.');
  await attachFile(test.call, { ownerType: 'pilot', ownerId: pilot.id }, 'consent form.txt', 'Signed by 400 families.');
  return { project, person, canvas, cluster, template, retired, old, pilot, kpi, noteLink, kpiLink, attachment, content };
}

/** Every attachment file in a data folder's store, as SHA-256 → the SHA-256 of its bytes (temp files included). */
export function storedFiles(dataDir: string) {
  const root = join(dataDir, 'attachments');
  if (!existsSync(root)) return {};
  return Object.fromEntries(
    readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => [e.name, sha256(readFileSync(join(e.parentPath, e.name)))]),
  );
}
