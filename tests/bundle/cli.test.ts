/**
 * `npm run bundle -- verify | import | export`, spawned as a real process from the built
 * dist/node/bundle.mjs: one line out, one line of error, exit 0 on success and non-zero on refusal.
 * The export opens with Info-ZIP's `unzip -t`.
 */
import Database from 'better-sqlite3';
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callValue, makeCore } from '../support/core';
import { tempDir } from '../support/bundles';
import { removeDir } from '../support/serve';
import { ROOT } from '../support/sources';

const CLI = join(ROOT, 'dist', 'node', 'bundle.mjs');

function runWith(env: NodeJS.ProcessEnv, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  if (!existsSync(CLI)) throw new Error('dist/node/bundle.mjs is missing: run `node scripts/build.mjs` (npm test does) first.');
  return new Promise((resolve) =>
    execFile(process.execPath, [CLI, ...args], { env: { ...process.env, IBTIKAR_BUNDLE_PASSPHRASE: '', ...env } }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    ),
  );
}
const run = (...args: string[]) => runWith({}, args);

let dir: string;
let labDir: string;
let projectId: string;
beforeAll(async () => {
  dir = tempDir();
  const lab = makeCore();
  await callValue(lab, 'lab.loadSample', {});
  projectId = (await callValue<{ items: { id: string }[] }>(lab, 'projects.list', {})).items[0].id;
  lab.core.close();
  labDir = lab.dataDir;
});
afterAll(() => {
  removeDir(dir);
  removeDir(labDir);
});

describe('the bundle command line', () => {
  it('exports, verifies and imports, and a second import changes nothing', async () => {
    const file = join(dir, 'lab.ibtikar');
    const exported = await run('export', '--data', labDir, '--out', file, '--classification', 'confidential');
    expect(exported).toMatchObject({ code: 0, stderr: '' });
    expect(exported.stdout).toMatch(/^exported: \d+ records, \d+ bytes to .*lab\.ibtikar\n$/);
    // Info-ZIP checks every entry's CRC-32, which the built command line takes from zlib (core/bundles/crc32.ts).
    expect(spawnSync('unzip', ['-tq', file], { encoding: 'utf8' }).stdout).toMatch(/^No errors detected/);

    const verified = await run('verify', file);
    expect(verified).toMatchObject({ code: 0, stderr: '' });
    expect(verified.stdout).toMatch(/^ok: \d+ records, format 2, .* classification confidential, signed, fingerprint [0-9a-f]{64}\n$/);

    const into = join(dir, 'into');
    const first = await run('import', file, '--data', into, '--on-conflict', 'theirs');
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toMatch(/^imported: [1-9]\d* new, 0 replaced, 0 copied, 0 kept/);
    const second = await run('import', file, '--data', into);
    expect(second.stdout).toMatch(/^imported: 0 new, 0 replaced, 0 copied, 0 kept, \d+ unchanged/);
  });

  it('exports one project', async () => {
    const file = join(dir, 'one.ibtikar');
    expect((await run('export', '--data', labDir, '--out', file, '--project', projectId)).code).toBe(0);
    const into = join(dir, 'one');
    expect((await run('import', file, '--data', into)).code).toBe(0);
    const db = new Database(join(into, 'ibtikar.sqlite'), { readonly: true });
    expect(db.prepare('SELECT id FROM projects').pluck().all()).toEqual([projectId]);
    db.close();
  });

  it('writes and reads an encrypted bundle with --passphrase-file or IBTIKAR_BUNDLE_PASSPHRASE', async () => {
    const file = join(dir, 'sealed.ibtikar');
    const secret = join(dir, 'passphrase.txt');
    writeFileSync(secret, 'a long passphrase\n', { mode: 0o600 });
    expect(await run('export', '--data', labDir, '--out', file, '--project', projectId, '--passphrase-file', secret)).toMatchObject({ code: 0, stderr: '' });

    const without = await run('verify', file);
    expect(without.code).toBe(1);
    expect(without.stderr).toMatch(/^error: bundle_passphrase_needed: [^\n]+\n$/);
    const wrong = await runWith({ IBTIKAR_BUNDLE_PASSPHRASE: 'not the passphrase' }, ['verify', file]);
    expect(wrong.stderr).toMatch(/^error: bundle_wrong_passphrase: /);
    const verified = await run('verify', file, '--passphrase-file', secret);
    expect(verified).toMatchObject({ code: 0, stderr: '' });
    expect(verified.stdout).toMatch(/, encrypted\n$/);

    const into = join(dir, 'sealed-into');
    const imported = await runWith({ IBTIKAR_BUNDLE_PASSPHRASE: 'a long passphrase' }, ['import', file, '--data', into]);
    expect(imported).toMatchObject({ code: 0, stderr: '' });
    const db = new Database(join(into, 'ibtikar.sqlite'), { readonly: true });
    expect(db.prepare('SELECT id FROM projects').pluck().all()).toEqual([projectId]);
    db.close();
  });

  it('refuses a damaged bundle with one line and a non-zero exit', async () => {
    const file = join(dir, 'bad.ibtikar');
    writeFileSync(file, 'not a zip');
    const result = await run('verify', file);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^error: bundle_unreadable: [^\n]+\n$/);
    const imported = await run('import', file, '--data', join(dir, 'never'));
    expect(imported.code).toBe(1);
    expect(imported.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  });

  it('prints every command and option on --help, -h or help, with exit 0', async () => {
    for (const flag of ['--help', '-h', 'help']) {
      const result = await run(flag);
      expect(result, flag).toMatchObject({ code: 0, stderr: '' });
      for (const text of ['bundle verify FILE', 'bundle import FILE --data DIR', 'bundle export --data DIR --out FILE', '--passphrase-file FILE', 'confidential', 'Exit codes'])
        expect(result.stdout, `${flag}: ${text}`).toContain(text);
    }
  });

  it('answers a wrong command line with its usage and exit 2', async () => {
    for (const args of [['frob'], ['import', 'x.ibtikar'], ['import', 'x', '--data', dir, '--on-conflict', 'maybe'], ['export', '--data', dir, '--out', 'x', '--classification', 'top']]) {
      const result = await run(...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(/^error: .*usage: bundle verify FILE/);
    }
  });
});
