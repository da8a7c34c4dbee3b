// `npm start`: opens the desktop app. Electron's binary is fetched on first start (it cannot be
// bundled in the npm package), and better-sqlite3 is built once for Electron's ABI into .cache/,
// leaving node_modules built for Node so `npm test` and `npm run serve` keep working.
// Where either cannot be had, say so plainly and point to `npm run serve`; never a stack trace.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const electronDir = join(root, 'node_modules', 'electron');
const electronVersion = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version;
const ELECTRON_HEADERS = 'https://electronjs.org/headers';

function giveUp(what, how) {
  process.stderr.write(
    `Ibtikar Lab cannot open as a desktop app: ${what}; ${how}\n` +
      'Meanwhile, "npm run serve" gives the same app in your browser.\n',
  );
  process.exit(1);
}

const PLATFORM_BINARY = { darwin: 'Electron.app/Contents/MacOS/Electron', win32: 'electron.exe' };

function electronBinary() {
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const pathFile = join(electronDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8') : (PLATFORM_BINARY[process.platform] ?? 'electron');
  const binary = override ? join(override, relative) : join(electronDir, 'dist', relative);
  return existsSync(binary) ? binary : undefined;
}

function ensureElectron() {
  let binary = electronBinary();
  if (!binary && !process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    process.stdout.write(`Downloading Electron ${electronVersion} (first start only)…\n`);
    spawnSync(process.execPath, [join(electronDir, 'install.js')], { stdio: 'ignore', timeout: 10 * 60_000 });
    binary = electronBinary();
  }
  if (!binary) {
    giveUp(
      `the Electron ${electronVersion} runtime is missing and could not be downloaded here`,
      `run "npm start" with internet access to fetch it, or set ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron ${electronVersion}.`,
    );
  }
  return binary;
}

/** better-sqlite3 compiled against Electron's headers, kept apart from the Node build in node_modules. */
function ensureNativeBinding() {
  const target = join(root, '.cache', 'electron-native', `${electronVersion}-${process.platform}-${process.arch}`);
  const binding = join(target, 'build', 'Release', 'better_sqlite3.node');
  if (existsSync(binding)) return binding;
  process.stdout.write('Building the database module for Electron (first start only)…\n');
  rmSync(target, { recursive: true, force: true });
  mkdirSync(dirname(target), { recursive: true });
  cpSync(join(root, 'node_modules', 'better-sqlite3'), target, {
    recursive: true,
    filter: (source) => !source.includes(`${join('better-sqlite3', 'build')}`),
  });
  const nodeGyp =
    process.env.npm_config_node_gyp ?? join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
  // npm may set nodedir to this Node's headers, which would silently build for Node instead.
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => key.toLowerCase() !== 'npm_config_nodedir'));
  const result = spawnSync(
    process.execPath,
    [nodeGyp, 'rebuild', '--release', '--runtime=electron', `--target=${electronVersion}`, `--dist-url=${ELECTRON_HEADERS}`],
    { cwd: target, env, stdio: 'ignore', timeout: 15 * 60_000 },
  );
  if (result.status !== 0 || !existsSync(binding)) {
    rmSync(target, { recursive: true, force: true });
    giveUp(
      'the database module could not be built for Electron',
      'that needs internet access for Electron\'s headers and a C++ toolchain (Python 3 and a compiler; on Windows, "Desktop development with C++").',
    );
  }
  return binding;
}

const binary = ensureElectron();
const binding = ensureNativeBinding();
const child = spawn(binary, [root], { stdio: 'inherit', env: { ...process.env, IBTIKAR_SQLITE_BINDING: binding } });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
