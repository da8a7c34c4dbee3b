/** `npm run bundle -- …`: the bundle command line (electron/core/bundles/cli.ts). */
import { runBundleCli } from './bundles/cli';

const tty = process.stderr.isTTY === true;
let shown = false;
runBundleCli(process.argv.slice(2), {
  appVersion: __APP_VERSION__,
  env: process.env,
  out: (line) => process.stdout.write(`${shown ? '\r\x1b[K' : ''}${line}\n`),
  err: (line) => process.stderr.write(`${shown ? '\r\x1b[K' : ''}${line}\n`),
  progress: tty
    ? (text) => {
        shown = true;
        process.stderr.write(`\r\x1b[K${text}`);
      }
    : undefined,
}).then((code) => process.exit(code));
