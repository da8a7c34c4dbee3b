import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_NAME = 'Ibtikar Lab';
export const DATABASE_FILE = 'ibtikar.sqlite';

export const databaseFile = (dataDir: string) => join(dataDir, DATABASE_FILE);

/**
 * The per-user data folder, the same one Electron's `app.getPath('userData')` gives the desktop
 * app, so `npm run serve` and the desktop app open the same lab by default.
 */
export function defaultDataDir(platform: NodeJS.Platform = process.platform, env = process.env, home = homedir()): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_NAME);
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), APP_NAME);
}
