/**
 * Hostile bundles, each in its own test: every one is refused with its own translated code, the
 * database is unchanged and the staging folder is gone (CHECKLISTS.md "Importing a bundle").
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BundleRefused } from '../../electron/core/bundles/refusal';
import { BUNDLE_TABLES } from '../../electron/core/bundles/tables';
import { KEEP_RECENT } from '../../electron/core/backups/rotation';
import { inboxDir, PREVIEW_IDLE_MS } from '../../electron/core/bundles/bundles-service';
import { BUNDLE_REFUSALS, type BundleRefusal } from '../../electron/shared/domain/bundles';
import { LANGUAGES } from '../../electron/shared/domain/settings';
import { callValue, makeCore, type TestCore } from '../support/core';
import { exportTo, manifestFor, ndjsonLine, sha256, storedFiles, tempDir, writeZip, type ZipEntrySpec } from '../support/bundles';
import { removeDir } from '../support/serve';

let test: TestCore;
let dir: string;
let before: ReturnType<TestCore['snapshot']>;
let n = 0;

const ENTITY = { id: '01930000-0000-7000-8000-00000000e001', name: 'Ministry of Health', origin: null, created_at: '2026-11-01T00:00:00.000Z', updated_at: '2026-11-01T00:00:00.000Z' };
const line = ndjsonLine;

/** A well-formed bundle of one entity, with a hook to spoil one thing. */
function bundle(spoil: { files?: Record<string, string>; records?: Record<string, number>; manifest?: (m: Record<string, unknown>) => unknown; manifestText?: string; extra?: ZipEntrySpec[]; entries?: (e: ZipEntrySpec[]) => ZipEntrySpec[] } = {}) {
  const files = spoil.files ?? { 'data/entities.ndjson': line(ENTITY) };
  const manifest = manifestFor(files, spoil.records ?? { entities: 1 });
  const text = spoil.manifestText ?? JSON.stringify(spoil.manifest ? spoil.manifest(manifest) : manifest);
  let entries: ZipEntrySpec[] = [{ name: 'manifest.json', data: text }, ...Object.entries(files).map(([name, data]) => ({ name, data })), ...(spoil.extra ?? [])];
  if (spoil.entries) entries = spoil.entries(entries);
  const file = join(dir, `b${n++}.ibtikar`);
  writeZip(file, entries);
  return file;
}

async function expectRefused(file: string, reason: BundleRefusal) {
  const error = await test.core.bundles.previewFile(file).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, `expected ${reason}`).toBeInstanceOf(BundleRefused);
  expect((error as BundleRefused).reason).toBe(reason);
  expect(test.snapshot()).toEqual(before);
  expect(readdirSync(join(test.dataDir, 'bundles', 'staging'))).toEqual([]);
  return error as BundleRefused;
}

beforeAll(async () => {
  test = makeCore();
  dir = tempDir();
  await callValue(test, 'entities.create', { name: 'Local entity' });
});
afterAll(() => {
  test.close();
  removeDir(dir);
});
beforeEach(() => {
  before = test.snapshot();
});

describe('a well-formed hand-made bundle', () => {
  it('is accepted (so each refusal below is caused by the one thing spoiled)', async () => {
    const preview = await test.core.bundles.previewFile(bundle());
    expect(preview.tables).toEqual([{ table: 'entities', incoming: 1, new: 1, same: 0, conflicts: 0 }]);
    test.core.bundles.discard(preview.previewId);
    expect(readdirSync(join(test.dataDir, 'bundles', 'staging'))).toEqual([]);
  });
});

describe('path traversal in every spelling', () => {
  const names = [
    '../evil.ndjson',
    'data/../../evil.ndjson',
    '..\\evil.ndjson',
    'data\\..\\..\\evil.ndjson',
    '/etc/passwd',
    '/data/entities.ndjson',
    'C:/Windows/evil.ndjson',
    'C:\\Windows\\evil.ndjson',
    'c:evil.ndjson',
    '%2e%2e/evil.ndjson',
    'data/%2e%2e%2fevil.ndjson',
    '\uff0e\uff0e/evil.ndjson', // fullwidth full stops
    'data\u2215..\u2215evil.ndjson', // division slash
    '\u2024\u2024/evil.ndjson', // one dot leader
    'data/./entities.ndjson',
    'data//entities.ndjson',
    '\\\\server\\share\\evil.ndjson',
    'file:/etc/passwd',
  ];
  it.each(names)('refuses %j', async (name) => {
    const reason = name === 'file:/etc/passwd' ? 'unlisted_file' : 'unsafe_name';
    await expectRefused(bundle({ extra: [{ name, data: line(ENTITY) }] }), reason);
  });
});

it('refuses a device, a pipe or a folder where a file should be', async () => {
  for (const mode of [0o020644, 0o010644, 0o040755]) {
    await expectRefused(bundle({ entries: (e) => e.map((x) => (x.name === 'data/entities.ndjson' ? { ...x, mode } : x)) }), 'special_file');
  }
});

it('refuses entries that share or overlap their bytes (the overlapping zip bomb)', async () => {
  const error = await expectRefused(
    bundle({ entries: (e) => [...e, { name: 'data/people.ndjson', data: e.find((x) => x.name === 'data/entities.ndjson')!.data, sharesDataOf: 'data/entities.ndjson' }] }),
    'overlapping',
  );
  expect(error.issues?.[0].params?.name).toMatch(/^data\/(entities|people)\.ndjson$/);
});

it('refuses a symlink entry', async () => {
  await expectRefused(bundle({ entries: (e) => e.map((x) => (x.name === 'data/entities.ndjson' ? { ...x, data: '/etc/passwd', mode: 0o120777 } : x)) }), 'symlink');
});

it('refuses a directory entry', async () => {
  await expectRefused(bundle({ extra: [{ name: 'data/', data: '' }] }), 'unsafe_name');
});

it('refuses duplicate entries', async () => {
  await expectRefused(bundle({ extra: [{ name: 'data/entities.ndjson', data: line(ENTITY) }] }), 'duplicate_entry');
});

describe('zip bombs', () => {
  it('refuses a high compression ratio declared in the directory', async () => {
    const zeros = Buffer.alloc(8 * 1024 * 1024, 0x20);
    await expectRefused(bundle({ extra: [{ name: `attachments/${sha256(zeros)}`, data: zeros }] }), 'ratio');
  });

  it('stops inflating at the declared size when the directory lies about it', async () => {
    const spaces = Buffer.alloc(8 * 1024 * 1024, 0x20);
    const data = `${JSON.stringify(ENTITY)}${spaces.toString()}\n`;
    const file = bundle({ files: { 'data/entities.ndjson': data }, entries: (e) => e.map((x) => (x.name === 'data/entities.ndjson' ? { ...x, declaredSize: 1000 } : x)) });
    const error = await expectRefused(file, 'too_large');
    expect(error.message).toMatch(/more bytes than/);
  });

  it('refuses more entries than allowed before reading any', async () => {
    const extra = Array.from({ length: 10_001 }, (_, i) => ({ name: `attachments/${sha256(String(i))}`, data: '', store: true }));
    await expectRefused(bundle({ extra }), 'too_many_entries');
  });

  it('refuses a nested zip as an entry of its own', async () => {
    const inner = join(dir, 'inner.zip');
    writeZip(inner, [{ name: 'x', data: 'y' }]);
    await expectRefused(bundle({ extra: [{ name: 'nested.ibtikar', data: readFileSync(inner) }] }), 'unlisted_file');
  });

  it('refuses a nested zip in place of a data file', async () => {
    const inner = join(dir, 'inner2.zip');
    writeZip(inner, [{ name: 'data/entities.ndjson', data: line(ENTITY) }]);
    await expectRefused(bundle({ files: { 'data/entities.ndjson': readFileSync(inner).toString('latin1') } }), 'bad_record');
  });

  it('refuses a file larger than its manifest says, stopping at the declared size', async () => {
    const file = bundle({ manifest: (m) => ({ ...m, files: (m.files as { bytes: number }[]).map((f) => ({ ...f, bytes: 10 })) }) });
    await expectRefused(file, 'too_large');
  });
});

describe('truncated and corrupt archives', () => {
  let good: Buffer;
  beforeAll(async () => {
    const file = join(dir, 'good.ibtikar');
    await exportTo(test, file);
    good = readFileSync(file);
  });

  it('refuses a file that is not a zip', async () => {
    const file = join(dir, 'not.ibtikar');
    writeFileSync(file, 'hello, this is not a zip archive at all');
    await expectRefused(file, 'unreadable');
  });

  it('refuses an empty file', async () => {
    const file = join(dir, 'empty.ibtikar');
    writeFileSync(file, '');
    await expectRefused(file, 'unreadable');
  });

  it.each([0.5, 0.9, 0.99])('refuses an archive truncated to %s of its length', async (part) => {
    const file = join(dir, `cut${part}.ibtikar`);
    writeFileSync(file, good.subarray(0, Math.floor(good.length * part)));
    await expectRefused(file, 'unreadable');
  });

  it('refuses an archive whose compressed data is damaged', async () => {
    const bad = Buffer.from(good);
    for (let i = 200; i < 260; i++) bad[i] ^= 0xff;
    const file = join(dir, 'corrupt.ibtikar');
    writeFileSync(file, bad);
    const error = await test.core.bundles.previewFile(file).catch((e: unknown) => e);
    expect(['unreadable', 'checksum']).toContain((error as BundleRefused).reason);
    expect(test.snapshot()).toEqual(before);
    expect(readdirSync(join(test.dataDir, 'bundles', 'staging'))).toEqual([]);
  });
});

describe('checksums', () => {
  it('refuses a file whose SHA-256 differs from the manifest', async () => {
    const file = bundle({ manifest: (m) => ({ ...m, files: (m.files as object[]).map((f) => ({ ...f, sha256: sha256('something else') })) }) });
    await expectRefused(file, 'checksum');
  });

  it('refuses an entry whose CRC-32 is wrong', async () => {
    await expectRefused(bundle({ entries: (e) => e.map((x) => (x.name === 'data/entities.ndjson' ? { ...x, crc: 1234 } : x)) }), 'checksum');
  });
});

describe('unlisted and missing files', () => {
  it('refuses an attachment the manifest does not list', async () => {
    await expectRefused(bundle({ extra: [{ name: `attachments/${sha256('x')}`, data: 'x', store: true }] }), 'unlisted_file');
  });

  it('refuses a data file the manifest does not list', async () => {
    await expectRefused(bundle({ extra: [{ name: 'data/people.ndjson', data: '' }] }), 'unlisted_file');
  });

  it('refuses a file the format does not define', async () => {
    await expectRefused(bundle({ extra: [{ name: 'readme.txt', data: 'hi' }] }), 'unlisted_file');
  });

  it('refuses a data file for a table this app does not know', async () => {
    await expectRefused(bundle({ files: { 'data/secret_table.ndjson': '' }, records: { secret_table: 0 } }), 'unlisted_file');
  });

  it('refuses a bundle missing a file its manifest lists', async () => {
    await expectRefused(bundle({ entries: (e) => e.filter((x) => x.name !== 'data/entities.ndjson') }), 'missing_file');
  });
});

describe('bad manifests', () => {
  it('refuses a bundle without a manifest', async () => {
    await expectRefused(bundle({ entries: (e) => e.filter((x) => x.name !== 'manifest.json') }), 'bad_manifest');
  });
  it('refuses a manifest that is not JSON', async () => {
    await expectRefused(bundle({ manifestText: '{ "format": ' }), 'bad_manifest');
  });
  it('refuses a manifest of another format', async () => {
    await expectRefused(bundle({ manifest: (m) => ({ ...m, format: 'something-else' }) }), 'bad_manifest');
  });
  it('refuses a manifest with a field missing', async () => {
    await expectRefused(bundle({ manifest: ({ lab: _lab, ...rest }) => rest }), 'bad_manifest');
  });
  it('refuses a manifest with an unknown field', async () => {
    await expectRefused(bundle({ manifest: (m) => ({ ...m, run: 'rm -rf /' }) }), 'bad_manifest');
  });
  it('refuses a manifest whose record counts do not match the files', async () => {
    await expectRefused(bundle({ records: { entities: 2 } }), 'bad_manifest');
  });
  it('refuses a manifest that lists a file twice', async () => {
    await expectRefused(bundle({ manifest: (m) => ({ ...m, files: [...(m.files as object[]), ...(m.files as object[])] }) }), 'bad_manifest');
  });
});

describe('prototype pollution keys', () => {
  it('refuses __proto__ in the manifest', async () => {
    const file = bundle({ manifestText: JSON.stringify(manifestFor({ 'data/entities.ndjson': line(ENTITY) }, { entities: 1 })).replace('{', '{"__proto__":{"polluted":true},') });
    await expectRefused(file, 'forbidden_key');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
  it('refuses constructor in a record', async () => {
    await expectRefused(bundle({ files: { 'data/entities.ndjson': line(ENTITY).replace('{', '{"constructor":"x",') } }), 'forbidden_key');
  });
  it('refuses __proto__ in a record', async () => {
    await expectRefused(bundle({ files: { 'data/entities.ndjson': line(ENTITY).replace('{', '{"__proto__":{"isAdmin":true},') } }), 'forbidden_key');
  });
});

describe('very deep JSON', () => {
  it('refuses a deeply nested manifest before parsing it', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    // Stored, not deflated: brackets compress so well that the ratio limit would refuse it first.
    await expectRefused(bundle({ manifestText: deep, entries: (e) => e.map((x) => (x.name === 'manifest.json' ? { ...x, store: true } : x)) }), 'too_deep');
  });
  it('refuses a nested record', async () => {
    await expectRefused(bundle({ files: { 'data/entities.ndjson': line({ ...ENTITY, name: [[['x']]] }) } }), 'too_deep');
  });
});

describe('records that do not fit their table', () => {
  it('refuses a record of the wrong type', async () => {
    await expectRefused(bundle({ files: { 'data/entities.ndjson': line({ ...ENTITY, name: 42 }) } }), 'bad_record');
  });
  it('refuses a record with an unknown column', async () => {
    await expectRefused(bundle({ files: { 'data/entities.ndjson': line({ ...ENTITY, is_admin: 1 }) } }), 'bad_record');
  });
  it('refuses a record without its key', async () => {
    const { id: _id, ...rest } = ENTITY;
    await expectRefused(bundle({ files: { 'data/entities.ndjson': line(rest) } }), 'bad_record');
  });
});

describe('records the API would refuse', () => {
  const PROJECT = { id: '01930000-0000-7000-8000-0000000000b1', title: 'Queue online', title_folded: 'queue online', origin: null, created_at: ENTITY.created_at, updated_at: ENTITY.updated_at };
  const projects = (row: Record<string, unknown>) => bundle({ files: { 'data/projects.ndjson': line({ ...PROJECT, ...row }) }, records: { projects: 1 } });
  it.each([
    ['an id that is no record id (it could be listed, never opened)', { id: '../../x' }],
    ['a reference that is no record id', { owner_entity_id: 'ministry' }],
    ['a day that does not exist', { start_date: '2026-02-30' }],
    ['a timestamp that is no timestamp', { created_at: 'garbage' }],
    ['an end before its start (the project could not be edited again)', { start_date: '2026-05-01', end_date: '2026-04-01' }],
    ['a control character in a text', { title: 'a\u0000b' }],
    ['half of a surrogate pair in a text', { summary: 'x\ud800' }],
  ])('refuses %s', async (_what, row) => {
    const error = await expectRefused(projects(row), 'bad_record');
    expect(error.issues?.[0].params).toEqual({ table: 'projects', line: 1 });
  });
  it('takes the same record with its start before its end', async () => {
    const preview = await test.core.bundles.previewFile(projects({ start_date: '2026-04-01', end_date: '2026-05-01' }));
    expect(preview.tables).toEqual([{ table: 'projects', incoming: 1, new: 1, same: 0, conflicts: 0 }]);
    test.core.bundles.discard(preview.previewId);
  });
});

describe('versions', () => {
  it('refuses a newer format version, naming the version and the app needed', async () => {
    const error = await expectRefused(bundle({ manifest: (m) => ({ ...m, formatVersion: 7, appVersion: '3.2.0' }) }), 'newer_format');
    expect(error.issues?.[0]).toEqual({ path: ['bundle'], code: 'bundle_newer_format', params: { version: 7, appVersion: '3.2.0' } });
  });
  it('reads a version-1 bundle (before PDF summaries) and a version-2 one carrying summary.pdf', async () => {
    for (const file of [bundle(), bundle({ files: { 'data/entities.ndjson': line(ENTITY), 'summary.pdf': '%PDF-1.7 summary' }, manifest: (m) => ({ ...m, formatVersion: 2 }) })]) {
      const preview = await test.core.bundles.previewFile(file);
      expect(preview.manifest.formatVersion).toBe(2);
      expect(preview.tables).toEqual([{ table: 'entities', incoming: 1, new: 1, same: 0, conflicts: 0 }]);
      test.core.bundles.discard(preview.previewId);
    }
  });
  it('refuses a summary.pdf the manifest does not list', async () => {
    await expectRefused(bundle({ manifest: (m) => ({ ...m, formatVersion: 2 }), extra: [{ name: 'summary.pdf', data: '%PDF-1.7' }] }), 'unlisted_file');
  });
  it('refuses a bundle from a newer database schema', async () => {
    const error = await expectRefused(bundle({ manifest: (m) => ({ ...m, schemaVersion: 999, appVersion: '3.2.0' }) }), 'newer_schema');
    expect(error.issues?.[0].params).toEqual({ version: 999, appVersion: '3.2.0' });
  });
});

describe('attachment files', () => {
  const PROJECT = { id: '01930000-0000-7000-8000-0000000000a1', title: 'Attached', title_folded: 'attached', origin: null, created_at: ENTITY.created_at, updated_at: ENTITY.updated_at };
  const attachmentRow = (content: string, fileName = 'report.pdf') => ({
    id: '01930000-0000-7000-8000-0000000000a2',
    owner_type: 'project',
    owner_id: PROJECT.id,
    file_name: fileName,
    media_type: 'application/pdf',
    size: Buffer.byteLength(content),
    sha256: sha256(content),
    origin: null,
    created_at: ENTITY.created_at,
    updated_at: ENTITY.updated_at,
  });
  const withAttachment = (content: string, carried: Record<string, string>) =>
    bundle({
      files: { 'data/projects.ndjson': line(PROJECT), 'data/attachments.ndjson': line(attachmentRow(content)), ...carried },
      records: { projects: 1, attachments: 1 },
    });
  const storeIsEmpty = () => expect(storedFiles(test.dataDir)).toEqual({});

  it('accepts a file carried under its SHA-256 (so each refusal below is caused by the one thing spoiled)', async () => {
    const preview = await test.core.bundles.previewFile(withAttachment('report', { [`attachments/${sha256('report')}`]: 'report' }));
    expect(preview.tables.find((t) => t.table === 'attachments')).toMatchObject({ incoming: 1, new: 1 });
    test.core.bundles.discard(preview.previewId);
  });

  it('refuses a file whose bytes do not match its name', async () => {
    // The manifest is honest about the bytes; the name claims other content.
    await expectRefused(withAttachment('report', { [`attachments/${sha256('report')}`]: 'tampered' }), 'checksum');
    storeIsEmpty();
  });

  it('refuses a file whose bytes match neither its name nor its manifest line', async () => {
    const file = bundle({
      files: { 'data/projects.ndjson': line(PROJECT), 'data/attachments.ndjson': line(attachmentRow('report')), [`attachments/${sha256('report')}`]: 'tampered' },
      records: { projects: 1, attachments: 1 },
      manifest: (m) => ({ ...m, files: (m.files as { path: string }[]).map((f) => (f.path.startsWith('attachments/') ? { ...f, sha256: sha256('report') } : f)) }),
    });
    await expectRefused(file, 'checksum');
    storeIsEmpty();
  });

  it('refuses an attachment row whose file the bundle does not carry and this lab does not have', async () => {
    const error = await expectRefused(withAttachment('report', {}), 'missing_attachment');
    expect(error.issues?.[0].params).toEqual({ name: 'report.pdf' });
  });

  it('refuses an attachment whose name is a path or is dressed up, since opening it makes a copy under that name', async () => {
    // Each would name where the desktop app writes its copy, or show one kind of file as another.
    for (const name of ['../../escaped.bat', '..\\..\\escaped.bat', '/etc/cron.d/job', 'C:\\Users\\x\\Startup\\run.cmd', 'report\u202Efdp.exe', '..', '.', 'a\u0000b.pdf']) {
      const file = bundle({
        files: { 'data/projects.ndjson': line(PROJECT), 'data/attachments.ndjson': line(attachmentRow('report', name)), [`attachments/${sha256('report')}`]: 'report' },
        records: { projects: 1, attachments: 1 },
      });
      const error = await expectRefused(file, 'bad_record');
      expect(error.issues?.[0].params, name).toEqual({ table: 'attachments', line: 1 });
      storeIsEmpty();
    }
  });

  it('accepts the plain file names older versions stored, such as one cut at 255 characters just after a space', async () => {
    for (const name of [`${'a'.repeat(254)} `, 'notes.txt.', '.profile']) {
      const preview = await test.core.bundles.previewFile(
        bundle({
          files: { 'data/projects.ndjson': line(PROJECT), 'data/attachments.ndjson': line(attachmentRow('report', name)), [`attachments/${sha256('report')}`]: 'report' },
          records: { projects: 1, attachments: 1 },
        }),
      );
      expect(preview.tables.find((t) => t.table === 'attachments'), name).toMatchObject({ incoming: 1, new: 1 });
      test.core.bundles.discard(preview.previewId);
    }
  });

  it('refuses attachment files in a bundle without a table that names them', async () => {
    await expectRefused(bundle({ files: { 'data/entities.ndjson': line(ENTITY), [`attachments/${sha256('x')}`]: 'x' } }), 'unlisted_file');
  });

  /** A project with a file, and a membership naming a project and person this lab does not have (yet). */
  const ghost = { project_id: '01930000-0000-7000-8000-00000000dead', person_id: '01930000-0000-7000-8000-00000000beef', role: 'lead', created_at: ENTITY.created_at };
  const strangersBundle = () =>
    bundle({
      files: {
        'data/projects.ndjson': line(PROJECT),
        'data/project_members.ndjson': line(ghost),
        'data/attachments.ndjson': line(attachmentRow('report')),
        [`attachments/${sha256('report')}`]: 'report',
      },
      records: { projects: 1, project_members: 1, attachments: 1 },
    });
  const refusedApply = async (fresh: TestCore, previewId: string) => {
    const error = await fresh.core.bundles.apply({ previewId, onConflict: 'keep', choices: [] }).catch((e: unknown) => e);
    expect((error as BundleRefused).reason).toBe('broken_references');
  };
  const addStrangers = (fresh: TestCore) => {
    fresh.core.db.prepare("INSERT INTO projects (id, title, title_folded, created_at, updated_at) VALUES (?, 'Theirs', 'theirs', ?, ?)").run(ghost.project_id, ENTITY.created_at, ENTITY.created_at);
    fresh.core.db.prepare("INSERT INTO people (id, name, role, created_at, updated_at) VALUES (?, 'Lead', 'team_member', ?, ?)").run(ghost.person_id, ENTITY.created_at, ENTITY.created_at);
  };

  it('gives the files it stored back when the transaction is refused, and stores them once the lab has what the rows need', async () => {
    const fresh = makeCore();
    try {
      const preview = await fresh.core.bundles.previewFile(strangersBundle());
      const untouched = fresh.snapshot();
      await refusedApply(fresh, preview.previewId);
      expect(fresh.snapshot()).toEqual(untouched);
      expect(storedFiles(fresh.dataDir)).toEqual({});
      // The lab gains the project and person the membership names; the same preview now applies, file and all.
      addStrangers(fresh);
      const summary = await fresh.core.bundles.apply({ previewId: preview.previewId, onConflict: 'keep', choices: [] });
      expect(summary.inserted).toBe(3);
      expect(storedFiles(fresh.dataDir)).toEqual({ [sha256('report')]: sha256('report') });
      expect(readdirSync(join(fresh.dataDir, 'bundles', 'staging'))).toEqual([]);
    } finally {
      fresh.close();
    }
  });

  it('removes the backup a refused apply took, so retries rotate none out; an apply that commits keeps its own', async () => {
    const fresh = makeCore();
    try {
      // As many backups from earlier today as rotation keeps: one more would push the oldest out.
      const backups = join(fresh.dataDir, 'backups');
      mkdirSync(backups, { recursive: true });
      const earlier = Array.from({ length: KEEP_RECENT }, (_, i) => `ibtikar-20261128-08${String(i).padStart(2, '0')}00-000-manual.sqlite`);
      for (const name of earlier) writeFileSync(join(backups, name), 'copy');
      const preview = await fresh.core.bundles.previewFile(strangersBundle());
      for (let retry = 0; retry < 3; retry++) await refusedApply(fresh, preview.previewId);
      expect(readdirSync(backups).sort()).toEqual(earlier);
      addStrangers(fresh);
      const summary = await fresh.core.bundles.apply({ previewId: preview.previewId, onConflict: 'keep', choices: [] });
      expect(summary.backup).toMatch(/-import\.sqlite$/);
      expect(readdirSync(backups).sort()).toEqual([...earlier.slice(1), summary.backup]);
    } finally {
      fresh.close();
    }
  });
});

describe('refusals found while applying', () => {
  it('leaves a lab that never exported exactly as it was, without even a lab identity', async () => {
    const fresh = makeCore();
    try {
      const person = { id: '01930000-0000-7000-8000-00000000b002', name: 'Ghost', email: null, role: 'mentor', entity_id: '01930000-0000-7000-8000-00000000dead', origin: null, created_at: ENTITY.created_at, updated_at: ENTITY.updated_at };
      const preview = await fresh.core.bundles.previewFile(bundle({ files: { 'data/people.ndjson': line(person) }, records: { people: 1 } }));
      const untouched = fresh.snapshot();
      expect(untouched.lab_profile).toEqual([]);
      const error = await fresh.core.bundles.apply({ previewId: preview.previewId, onConflict: 'keep', choices: [] }).catch((e: unknown) => e);
      expect((error as BundleRefused).reason).toBe('broken_references');
      expect(fresh.snapshot()).toEqual(untouched);
    } finally {
      fresh.close();
    }
  });

  it('rolls back a bundle whose records refer to records that exist nowhere, keeping its preview until it is discarded', async () => {
    const person = { id: '01930000-0000-7000-8000-00000000p001'.replace('p', 'b'), name: 'Ghost', email: null, role: 'mentor', entity_id: '01930000-0000-7000-8000-00000000dead', origin: null, created_at: ENTITY.created_at, updated_at: ENTITY.updated_at };
    const file = bundle({ files: { 'data/entities.ndjson': line(ENTITY), 'data/people.ndjson': line(person) }, records: { entities: 1, people: 1 } });
    const preview = await test.core.bundles.previewFile(file);
    for (let attempt = 1; attempt <= 2; attempt++) {
      const error = await test.core.bundles.apply({ previewId: preview.previewId, onConflict: 'keep', choices: [] }).catch((e: unknown) => e);
      expect((error as BundleRefused).reason).toBe('broken_references');
      expect(test.snapshot()).toEqual(before);
      expect(readdirSync(join(test.dataDir, 'bundles', 'staging'))).toHaveLength(1);
    }
    test.core.bundles.discard(preview.previewId);
    expect(readdirSync(join(test.dataDir, 'bundles', 'staging'))).toEqual([]);
  });

  it('ends a preview discarded while it is being applied once the apply is refused', async () => {
    const person = { id: '01930000-0000-7000-8000-00000000b003', name: 'Ghost', email: null, role: 'mentor', entity_id: '01930000-0000-7000-8000-00000000dead', origin: null, created_at: ENTITY.created_at, updated_at: ENTITY.updated_at };
    const preview = await test.core.bundles.previewFile(bundle({ files: { 'data/people.ndjson': line(person) }, records: { people: 1 } }));
    const applying = test.core.bundles.apply({ previewId: preview.previewId, onConflict: 'keep', choices: [] }).catch((e: unknown) => e);
    test.core.bundles.discard(preview.previewId);
    expect(((await applying) as BundleRefused).reason).toBe('broken_references');
    expect(readdirSync(join(test.dataDir, 'bundles', 'staging'))).toEqual([]);
    await expect(test.core.bundles.apply({ previewId: preview.previewId, onConflict: 'keep', choices: [] })).rejects.toMatchObject({ code: 'not_found' });
    expect(test.snapshot()).toEqual(before);
  });

  it('ends a preview left alone for an hour (its window closed without Cancel), counting from its last refusal', async () => {
    let now = Date.parse('2026-11-28T09:00:00.000Z');
    const fresh = makeCore(undefined, { clock: { now: () => new Date(now) } });
    try {
      const staging = () => readdirSync(join(fresh.dataDir, 'bundles', 'staging'));
      const person = { id: '01930000-0000-7000-8000-00000000b004', name: 'Ghost', email: null, role: 'mentor', entity_id: '01930000-0000-7000-8000-00000000dead', origin: null, created_at: ENTITY.created_at, updated_at: ENTITY.updated_at };
      const preview = await fresh.core.bundles.previewFile(bundle({ files: { 'data/people.ndjson': line(person) }, records: { people: 1 } }));
      now += PREVIEW_IDLE_MS - 60_000;
      const refused = await fresh.core.bundles.apply({ previewId: preview.previewId, onConflict: 'keep', choices: [] }).catch((e: unknown) => e);
      expect((refused as BundleRefused).reason).toBe('broken_references');
      now += PREVIEW_IDLE_MS - 1;
      fresh.core.bundles.endIdlePreviews();
      expect(staging()).toHaveLength(1);
      now += 1;
      fresh.core.bundles.endIdlePreviews();
      expect(staging()).toEqual([]);
      await expect(fresh.core.bundles.apply({ previewId: preview.previewId, onConflict: 'keep', choices: [] })).rejects.toMatchObject({ code: 'not_found', issues: [{ code: 'bundle_preview_ended' }] });
    } finally {
      fresh.close();
    }
  });
});

describe('records that clash with records here', () => {
  it('refuses a record whose unique key another record here holds, naming it, with the database unchanged', async () => {
    const local = test.core.db.prepare('SELECT * FROM strategy_pillars WHERE key IS NOT NULL LIMIT 1').get() as Record<string, unknown>;
    expect(local).toBeDefined();
    const clash = { ...local, id: '01930000-0000-7000-8000-00000000c1a5', label: 'Their pillar with our key' };
    const file = bundle({ files: { 'data/strategy_pillars.ndjson': line(clash) }, records: { strategy_pillars: 1 } });
    const preview = await test.core.bundles.previewFile(file);
    const refused = await test.call('bundles.apply', { previewId: preview.previewId });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ code: 'bundle_duplicate_record', params: { table: 'strategy_pillars', name: 'Their pillar with our key' } }] },
    });
    expect(test.snapshot()).toEqual(before);
    test.core.bundles.discard(preview.previewId);
    expect(readdirSync(join(test.dataDir, 'bundles', 'staging'))).toEqual([]);
  });

  it('refuses a record that breaks a CHECK rule, naming it, with the database unchanged', async () => {
    const project = { id: '01930000-0000-7000-8000-00000000c1a6', title: 'Stage eleven', title_folded: 'stage eleven', stage: 11, origin: null, created_at: ENTITY.created_at, updated_at: ENTITY.updated_at };
    const file = bundle({ files: { 'data/projects.ndjson': line(project) }, records: { projects: 1 } });
    const preview = await test.core.bundles.previewFile(file);
    const error = await test.core.bundles.apply({ previewId: preview.previewId, onConflict: 'keep', choices: [] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BundleRefused);
    expect(error).toMatchObject({ reason: 'rejected_record', issues: [{ params: { table: 'projects', name: 'Stage eleven' } }] });
    expect(test.snapshot()).toEqual(before);
    test.core.bundles.discard(preview.previewId);
  });
});

describe('through the contract', () => {
  it('answers invalid_input with a translated bundle code, and only reads bundles from the inbox by plain name', async () => {
    mkdirSync(inboxDir(test.dataDir), { recursive: true });
    copyFileSync(bundle({ extra: [{ name: '../evil', data: 'x' }] }), join(inboxDir(test.dataDir), 'evil.ibtikar'));
    const refused = await test.call('bundles.preview', { fileName: 'evil.ibtikar' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ code: 'bundle_unsafe_name' }] } });
    for (const fileName of ['../evil.ibtikar', '/etc/passwd', 'a/b.ibtikar', 'evil.zip']) {
      expect(await test.call('bundles.preview', { fileName })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    expect(test.snapshot()).toEqual(before);
  });

  it('has a message for every refusal in every language', () => {
    for (const language of LANGUAGES) {
      const catalogue = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'resources', 'locales', `${language}.json`), 'utf8')) as { validation: Record<string, string> };
      for (const reason of BUNDLE_REFUSALS) expect(catalogue.validation[`bundle_${reason}`], `${language} ${reason}`).toBeTruthy();
      // The import preview names every carried table.
      const tables = (catalogue as unknown as { bundles: { table: Record<string, string> } }).bundles.table;
      for (const table of BUNDLE_TABLES) expect(tables[table.name], `${language} ${table.name}`).toBeTruthy();
    }
  });
});
