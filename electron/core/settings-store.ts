import Conf from 'conf';
import { DEFAULT_SETTINGS, SettingsSchema, type Settings } from '../shared/domain/settings';

export interface SettingsStore {
  get(): Settings;
  update(patch: Partial<Settings>): Settings;
}

/** Where settings are kept: electron-store in the desktop app, `conf` in serve mode. Same file, same format. */
export interface SettingsBacking {
  read(): unknown;
  write(settings: Settings): void;
}

export const SETTINGS_FILE_NAME = 'settings';

/**
 * A settings store over any backing. What is read is validated field by field, so a hand-edited or
 * older file keeps every valid value and falls back to the default for the rest.
 */
export function createSettingsStore(backing: SettingsBacking): SettingsStore {
  const read = (): Settings => {
    const raw = backing.read();
    const stored = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
    const entries = Object.entries(DEFAULT_SETTINGS).map(([key, fallback]) => {
      const parsed = SettingsSchema.shape[key as keyof Settings].safeParse(stored[key]);
      return [key, parsed.success ? parsed.data : fallback];
    });
    return Object.fromEntries(entries) as Settings;
  };
  return {
    get: read,
    update: (patch) => {
      const next = SettingsSchema.parse({ ...read(), ...patch });
      backing.write(next);
      return next;
    },
  };
}

/** The serve-mode store: <dataDir>/settings.json through `conf`, the library electron-store is built on. */
export function createFileSettingsStore(dataDir: string, appVersion: string): SettingsStore {
  const conf = new Conf<Record<string, unknown>>({
    cwd: dataDir,
    configName: SETTINGS_FILE_NAME,
    projectVersion: appVersion,
    clearInvalidConfig: true,
  });
  return createSettingsStore({ read: () => conf.store, write: (s) => (conf.store = s) });
}
