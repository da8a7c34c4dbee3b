import Store from 'electron-store';
import { createSettingsStore, SETTINGS_FILE_NAME, type SettingsStore } from '../core/settings-store';

/** The desktop's settings: electron-store, in the same file and format serve mode uses through `conf`. */
export function createElectronSettingsStore(dataDir: string): SettingsStore {
  const store = new Store<Record<string, unknown>>({ name: SETTINGS_FILE_NAME, cwd: dataDir, clearInvalidConfig: true });
  return createSettingsStore({ read: () => store.store, write: (settings) => (store.store = settings) });
}
