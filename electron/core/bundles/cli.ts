/**
 * The bundle command line for ministry IT and scripts, over the same core code as the app:
 *   bundle verify FILE
 *   bundle import FILE --data DIR [--on-conflict keep|theirs|copy]
 *   bundle export --data DIR --out FILE [--project ID ...] [--classification C] [--language L] [--author NAME]
 * Each takes --passphrase-file FILE (or the IBTIKAR_BUNDLE_PASSPHRASE environment variable) to write
 * or read an encrypted bundle; a passphrase is never taken on the command line, where `ps` shows it.
 * One line of result on stdout, one line of error on stderr, exit 0 on success and non-zero on any
 * refusal; a progress line on stderr when it is a terminal. `bundle --help` prints what each takes.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ApiFailure } from '../../shared/api/envelope';
import { BundleExportInputSchema, CLASSIFICATIONS, ConflictChoiceSchema } from '../../shared/domain/bundles';
import { LANGUAGES } from '../../shared/domain/settings';
import { backupBeforeMigration } from '../backups/backups';
import { createCore } from '../create-core';
import { migrate } from '../db/migrate';
import { MIGRATIONS } from '../db/migrations';
import { openDatabase } from '../db/open';
import { uuidV7Ids } from '../ids';
import { createFileLogger } from '../logger';
import { databaseFile } from '../paths';
import { createFileSettingsStore } from '../settings-store';
import { previewBundle } from './import';
import { DEFAULT_LIMITS, removeStaging, stageBundle } from './staging';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  /** Rewrites the progress line; absent when stderr is not a terminal. */
  progress?(text: string): void;
  appVersion: string;
  /** Where IBTIKAR_BUNDLE_PASSPHRASE is read from (process.env from the command line). */
  env?: NodeJS.ProcessEnv;
}

const USAGE =
  'usage: bundle verify FILE | bundle import FILE --data DIR [--on-conflict keep|theirs|copy] | bundle export --data DIR --out FILE [--project ID ...]; each with [--passphrase-file FILE] for encrypted bundles; bundle --help says more';

/** The passphrase from a file (its first line) or the environment; undefined when neither is given. */
function passphraseFrom(file: string | undefined, env: NodeJS.ProcessEnv): string | undefined {
  if (file) {
    const first = readFileSync(resolve(file), 'utf8').split(/\r?\n/)[0] ?? '';
    if (!first) throw new UsageError(`the passphrase file ${file} is empty`);
    return first;
  }
  return env.IBTIKAR_BUNDLE_PASSPHRASE || undefined;
}

/** `bundle --help`: every command and option, and what the exit codes mean. */
const HELP = `Ibtikar Lab bundles (.ibtikar) from the command line.

  bundle verify FILE
      Checks a bundle as an import would (limits, checksums, schema, signature) and changes nothing.
  bundle import FILE --data DIR [--on-conflict keep|theirs|copy]
      Imports into the lab in DIR, after a backup; records that differ from local ones are kept
      (keep, the default), replaced (theirs) or imported as copies (copy).
  bundle export --data DIR --out FILE [--project ID ...] [--classification ${CLASSIFICATIONS.join('|')}]
                [--language ${LANGUAGES.join('|')}] [--author NAME]
      Writes the whole lab in DIR, or the projects named, as a signed bundle.

  --passphrase-file FILE   the passphrase of an encrypted bundle, from the first line of FILE
                           (or the IBTIKAR_BUNDLE_PASSPHRASE environment variable); with export,
                           encrypts the bundle. Never given on the command line, where ps shows it.
  -h, --help               prints this.

Exit codes: 0 done, 1 refused (one line on stderr says why), 2 wrong command line.`;

class UsageError extends Error {}

async function openCore(dataDir: string, io: CliIo) {
  const db = openDatabase(databaseFile(dataDir));
  await backupBeforeMigration(db, dataDir, new Date());
  const core = createCore({
    db,
    clock: { now: () => new Date() },
    ids: uuidV7Ids(),
    paths: { dataDir },
    settings: createFileSettingsStore(dataDir, io.appVersion),
    logger: createFileLogger(dataDir),
    appVersion: io.appVersion,
  });
  if (io.progress) {
    const show = io.progress;
    core.events.subscribe((e) => e.type === 'job.progress' && e.payload.state === 'running' && show(`${e.payload.kind}: ${e.payload.done}/${e.payload.total} records`));
  }
  return core;
}

async function verify(file: string, io: CliIo, passphrase: string | undefined) {
  // Checked against an empty database of this app's schema: every check but the local conflicts.
  const scratch = mkdtempSync(join(tmpdir(), 'ibtikar-verify-'));
  const db = new Database(':memory:');
  try {
    migrate(db);
    const staged = await stageBundle(file, join(scratch, 'staging'), MIGRATIONS.at(-1)!.version, DEFAULT_LIMITS, passphrase);
    try {
      // No lab here: nothing is trusted, and every attachment file the rows name must be in the bundle.
      const preview = previewBundle(db, staged, () => false, () => false);
      const records = preview.tables.reduce((n, t) => n + t.incoming, 0);
      const { manifest } = preview;
      const signed = preview.signature.fingerprint ? `signed, fingerprint ${preview.signature.fingerprint}` : 'unsigned';
      const encrypted = staged.encrypted ? ', encrypted' : '';
      io.out(`ok: ${records} records, format ${manifest.formatVersion}, from "${manifest.lab.name}" (${manifest.lab.id}) at ${manifest.createdAt}, classification ${manifest.classification}, ${signed}${encrypted}`);
    } finally {
      removeStaging(staged);
    }
  } finally {
    db.close();
    rmSync(scratch, { recursive: true, force: true });
  }
}

export async function runBundleCli(argv: string[], io: CliIo): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        data: { type: 'string' },
        out: { type: 'string' },
        project: { type: 'string', multiple: true },
        'on-conflict': { type: 'string', default: 'keep' },
        classification: { type: 'string', default: 'internal' },
        language: { type: 'string', default: 'en' },
        author: { type: 'string', default: '' },
        'passphrase-file': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    if (values.help || positionals[0] === 'help') {
      io.out(HELP);
      return 0;
    }
    const passphrase = passphraseFrom(values['passphrase-file'], io.env ?? {});
    const [command, file, ...rest] = positionals;
    if (rest.length > 0) throw new UsageError(`unexpected "${rest[0]}"`);
    if (command === 'verify' && file) {
      await verify(resolve(file), io, passphrase);
      return 0;
    }
    if (command === 'import' && file && values.data) {
      const onConflict = ConflictChoiceSchema.safeParse(values['on-conflict']);
      if (!onConflict.success) throw new UsageError(`--on-conflict takes keep, theirs or copy, not "${values['on-conflict']}"`);
      const core = await openCore(resolve(values.data), io);
      try {
        const preview = await core.bundles.previewFile(resolve(file), passphrase);
        const conflicts = preview.tables.reduce((n, t) => n + t.conflicts, 0);
        const s = await core.bundles.apply({ previewId: preview.previewId, onConflict: onConflict.data, choices: [] });
        io.out(`imported: ${s.inserted} new, ${s.replaced} replaced, ${s.copied} copied, ${s.kept} kept, ${s.unchanged} unchanged (${conflicts} conflicts, on conflict: ${onConflict.data}); backup ${s.backup}`);
      } finally {
        core.close();
      }
      return 0;
    }
    if (command === 'export' && !file && values.data && values.out) {
      const input = BundleExportInputSchema.safeParse({
        scope: values.project ? { kind: 'projects', ids: values.project } : { kind: 'workspace' },
        classification: values.classification,
        language: values.language,
        author: values.author,
        ...(passphrase ? { passphrase } : {}),
      });
      if (!input.success) throw new UsageError(`${input.error.issues[0]?.path.join('.')}: ${input.error.issues[0]?.message}`);
      const core = await openCore(resolve(values.data), io);
      try {
        const written = await core.bundles.exportBundle(input.data, resolve(values.out));
        io.out(`exported: ${written.records} records, ${written.bytes} bytes to ${written.file}`);
      } finally {
        core.close();
      }
      return 0;
    }
    throw new UsageError('missing or unknown arguments');
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      io.err(`error: ${(error as Error).message}. ${USAGE}`);
      return 2;
    }
    if (error instanceof ApiFailure) {
      const code = error.issues?.[0]?.code ?? error.code;
      io.err(`error: ${code}: ${error.message}`);
      return 1;
    }
    io.err(`error: ${(error as Error).message.split('\n')[0]}`);
    return 1;
  }
}
