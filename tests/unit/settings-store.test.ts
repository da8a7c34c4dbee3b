import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFileSettingsStore, createSettingsStore } from '../../electron/core/settings-store';
import { DEFAULT_SETTINGS } from '../../electron/shared/domain/settings';
import { removeDir, tempDataDir } from '../support/serve';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach(removeDir));

describe('settings', () => {
  it('start from the defaults and persist changes in <data>/settings.json', () => {
    const dir = tempDataDir();
    dirs.push(dir);
    const store = createFileSettingsStore(dir, '1.0.0');
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    store.update({ language: 'ar', theme: 'projector' });
    expect(createFileSettingsStore(dir, '1.0.0').get()).toMatchObject({ language: 'ar', theme: 'projector' });
    expect(JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8'))).toMatchObject({ language: 'ar' });
  });

  it('keep every valid value of a hand-edited file and default the rest', () => {
    const store = createSettingsStore({ read: () => ({ language: 'uz', theme: 'neon', calendar: 7, extra: true }), write: () => {} });
    expect(store.get()).toEqual({ ...DEFAULT_SETTINGS, language: 'uz' });
  });

  it('survive a corrupt file', () => {
    const dir = tempDataDir();
    dirs.push(dir);
    writeFileSync(join(dir, 'settings.json'), '{not json');
    expect(createFileSettingsStore(dir, '1.0.0').get()).toEqual(DEFAULT_SETTINGS);
  });

  it('refuse invalid values on update', () => {
    const store = createSettingsStore({ read: () => ({}), write: () => {} });
    expect(() => store.update({ language: 'fr' as never })).toThrow();
  });
});
