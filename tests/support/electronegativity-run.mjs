// Runs Electronegativity (@doyensec/electronegativity) through its programmatic entry, offline:
//   node electronegativity-run.mjs <folder to scan> <findings.csv>
// The tool writes its findings to the CSV (its own output format, which keeps severity and
// confidence; its SARIF drops them) and this prints one JSON line with what the CSV cannot say:
// how many checks ran, how many findings it wrote and which files it could not parse. Run it with
// UV_THREADPOOL_SIZE=1: the tool writes the CSV header and rows as two concurrent writes to one file,
// and a single I/O thread keeps them in order.
import Module from 'node:module';

// The tool fetches translations and Electron's release list on every run. These machines reach no
// network, and a scan must neither wait for nor send anything to one: `got`, its only HTTP client,
// fails every request at once here, and the tool falls back to its bundled English text.
const load = Module._load;
Module._load = function loadOffline(request, ...rest) {
  if (request === 'got') return () => Promise.reject(new Error('Electronegativity runs offline here.'));
  return load.call(this, request, ...rest);
};

// Imported only now, so that its own `require('got')` meets the stand-in above.
const { default: run } = await import('@doyensec/electronegativity');
const [input, output] = process.argv.slice(2);

run({
  input,
  output,
  isSarif: false,
  isRelative: true,
  customScan: [],
  // Its job (is there a newer Electron with security fixes?) needs the internet; checklist item 16
  // is proven by the project's own test instead.
  excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
  parserPlugins: [],
})
  .then((result) => {
    process.stdout.write(
      `${JSON.stringify({ globalChecks: result.globalChecks, atomicChecks: result.atomicChecks, findings: result.issues.length, errors: result.errors })}\n`,
    );
  })
  .catch((error) => {
    process.stderr.write(`${error.stack}\n`);
    process.exitCode = 1;
  });
