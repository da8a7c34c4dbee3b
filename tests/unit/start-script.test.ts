/** `npm start` where Electron cannot be had: one or two plain sentences, a pointer to serve, exit ≠ 0. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeDir, tempDataDir } from '../support/serve';

describe('npm start without an Electron binary', () => {
  it('says what is missing, how to get it and that serve works, without a stack trace', () => {
    const empty = tempDataDir();
    try {
      const result = spawnSync(process.execPath, [join(import.meta.dirname, '..', '..', 'scripts', 'start.mjs')], {
        env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: empty },
        encoding: 'utf8',
      });
      expect(result.status).not.toBe(0);
      const output = `${result.stdout}${result.stderr}`;
      expect(output).toMatch(/Electron \d+\.\d+\.\d+ runtime is missing/);
      expect(output).toContain('npm run serve');
      expect(output).not.toMatch(/^\s+at /m);
      expect(output.trim().split('\n')).toHaveLength(2);
    } finally {
      removeDir(empty);
    }
  });
});
