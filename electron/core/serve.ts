/**
 * `npm run serve [-- --port N] [--data DIR] [--host ADDR]`: the app in a browser. Prints exactly one
 * line, the address to open; problems are one plain sentence on stderr and a non-zero exit.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startHeadless } from './headless';
import { defaultDataDir } from './paths';

function fatal(message: string, code = 1): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

function options() {
  try {
    const { values } = parseArgs({
      options: {
        port: { type: 'string', default: '0' },
        data: { type: 'string' },
        host: { type: 'string', default: '127.0.0.1' },
        demo: { type: 'boolean', default: false },
      },
    });
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) fatal(`--port takes a whole number from 0 to 65535, not "${values.port}".`, 2);
    return { port, host: values.host, dataDir: values.data ?? defaultDataDir(), demo: values.demo };
  } catch (error) {
    fatal(`${(error as Error).message}. Usage: npm run serve -- [--port N] [--data DIR] [--host ADDR] [--demo]`, 2);
  }
}

async function main() {
  const { port, host, dataDir, demo } = options();
  const staticDir = fileURLToPath(new URL('../renderer/', import.meta.url));
  if (!existsSync(staticDir)) fatal('The user interface is not built yet: run "npm run build" first.');

  let server: Awaited<ReturnType<typeof startHeadless>>;
  try {
    server = await startHeadless({ dataDir, host, port, staticDir, appVersion: __APP_VERSION__, demo });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') fatal(`Port ${port} is already in use; choose another with --port, or --port 0 for any free port.`);
    if (code === 'EADDRNOTAVAIL') fatal(`This machine has no address ${host}; choose another with --host.`);
    if (code === 'EACCES' || code === 'EPERM') fatal(`Not allowed to open ${host}:${port} or the data folder ${dataDir}.`);
    fatal(`Ibtikar Lab could not start: ${(error as Error).message}`);
  }
  if (demo && !server.demoLoaded) process.stderr.write('The sample lab was not loaded: this data folder already has data.\n');
  process.stdout.write(`Ibtikar Lab is serving at ${server.url}\n`);

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
