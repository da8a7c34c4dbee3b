/**
 * electron-builder.yml is checked offline against electron-builder's own schema (the check it runs
 * before any download), plus what ministries rely on: per-machine installers, a fixed MSI upgrade
 * code, the .ibtikar association, native code outside the asar, no auto-update (the fuses are
 * checklist item 19, in tests/security/checklist.test.ts).
 */
import yaml from 'js-yaml';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);
const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  validateConfiguration(config: unknown, logger: { isEnabled: boolean; add(): void }): Promise<void>;
};
const config = yaml.load(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as Record<string, any>;
const logger = { isEnabled: false, add() {} };

describe('electron-builder.yml', () => {
  it('passes electron-builder’s schema', async () => {
    await expect(validateConfiguration(config, logger)).resolves.toBeUndefined();
  });

  it('is really checked: an unknown option fails the same schema', async () => {
    await expect(validateConfiguration({ ...config, nsis: { ...config.nsis, perMachin: true } }, logger)).rejects.toThrow(/Invalid configuration/);
  });

  it('builds per-machine NSIS and MSI, AppImage and deb, and a dmg', () => {
    expect(config.win.target).toEqual(['nsis', 'msi']);
    expect(config.nsis.perMachine).toBe(true);
    expect(config.msi.perMachine).toBe(true);
    expect(config.msi.upgradeCode).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toBe('dmg');
  });

  // The fuses are checklist item 19: tests/security/checklist.test.ts.
  it('associates .ibtikar files, unpacks native code and never auto-updates', () => {
    expect(config.fileAssociations).toEqual([expect.objectContaining({ ext: 'ibtikar' })]);
    expect(config.asarUnpack).toContain('**/node_modules/better-sqlite3/**');
    expect(config.publish).toBeNull();
  });

  it('packs the built app, not the sources or the serve and bench bundles', () => {
    expect(config.files).toEqual(['package.json', 'dist/main/**', 'dist/preload/**', 'dist/renderer/**', '!**/*.map']);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.main).toBe('dist/main/index.mjs');
    expect(Object.keys(pkg.dependencies)).toEqual(['better-sqlite3']);
  });
});
