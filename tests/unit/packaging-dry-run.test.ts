/**
 * A packaging dry run (issue #7, item 6): electron-builder packs the built app for `--linux dir`
 * around a stand-in Electron binary (the real one cannot be downloaded here) that carries Electron's
 * fuse wire, so the run proves what `app.asar` holds, that the native module is unpacked beside it,
 * and that the fuses in electron-builder.yml are really flipped in the binary.
 */
import { listPackage } from '@electron/asar';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
/** Electron marks its fuse wire with this sentinel, then a version byte, a length byte and one byte per fuse. */
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const FUSES = ['runAsNode', 'cookieEncryption', 'nodeOptions', 'nodeCliInspect', 'asarIntegrity', 'onlyLoadAppFromAsar', 'v8Snapshot', 'fileProtocol'] as const;
// Electron's own defaults: what a build that forgot to flip the fuses would ship.
const DEFAULT_WIRE = '10110001';

let work: string;
let unpacked: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'ibtikar-pack-'));
  const stub = join(work, 'electron-stub');
  mkdirSync(stub);
  writeFileSync(join(stub, 'electron'), Buffer.concat([Buffer.from(`#!/bin/sh\n# ${SENTINEL}`), Buffer.from([1, FUSES.length]), Buffer.from(DEFAULT_WIRE), Buffer.from('\n')]));
  chmodSync(join(stub, 'electron'), 0o755);
  const out = join(work, 'out');
  const result = spawnSync(
    'npx',
    ['electron-builder', '--config', 'electron-builder.yml', '--linux', 'dir', `-c.electronDist=${stub}`, '-c.npmRebuild=false', `-c.directories.output=${out}`, '--publish', 'never'],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`electron-builder failed:\n${result.stdout}\n${result.stderr}`);
  unpacked = join(out, 'linux-unpacked');
}, 240_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('packaging dry run (--linux dir)', () => {
  it('packs the built app into app.asar, and nothing else of the repository', () => {
    const files = listPackage(join(unpacked, 'resources', 'app.asar'), { isPack: false }).map((f) => f.replace(/\\/g, '/'));
    expect(files).toEqual(expect.arrayContaining(['/package.json', '/dist/main/index.mjs', '/dist/preload/index.cjs', '/dist/renderer/index.html']));
    for (const stray of ['/electron', '/tests', '/renderer/src', '/dist/node', '/bench', '/resources/locales']) expect(files.filter((f) => f === stray || f.startsWith(`${stray}/`))).toEqual([]);
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
  });

  it('unpacks the native SQLite module beside the archive', () => {
    expect(existsSync(join(unpacked, 'resources', 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'))).toBe(true);
  });

  it('flips the fuses in the binary: no run-as-node, NODE_OPTIONS or --inspect; cookies encrypted; only the checked asar', () => {
    const binary = readFileSync(join(unpacked, 'ibtikar-lab'));
    const at = binary.indexOf(SENTINEL) + SENTINEL.length;
    const wire = binary.subarray(at + 2, at + 2 + FUSES.length).toString();
    const fuse = Object.fromEntries(FUSES.map((name, i) => [name, wire[i]]));
    expect(fuse).toMatchObject({ runAsNode: '0', nodeOptions: '0', nodeCliInspect: '0', cookieEncryption: '1', asarIntegrity: '1', onlyLoadAppFromAsar: '1' });
  });
});
