// `npm run dist [-- electron-builder flags]`: installers for this platform, on a machine with
// internet access. electron-builder rebuilds better-sqlite3 for Electron inside node_modules;
// afterwards it is rebuilt for Node again so `npm test` and `npm run serve` keep working.
import { spawnSync } from 'node:child_process';

const run = (command, args) => spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' }).status ?? 1;

let status = run('node', ['scripts/build.mjs']);
if (status === 0) status = run('npx', ['electron-builder', '--config', 'electron-builder.yml', '-c.npmRebuild=true', ...process.argv.slice(2)]);
const restored = run('npm', ['rebuild', 'better-sqlite3']);
process.exit(status || restored);
