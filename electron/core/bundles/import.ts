/**
 * From a staged bundle to the database: a preview (what is inside, what is new, what is the same,
 * what conflicts with local records: same key, different content), then an apply that runs every
 * row in ONE transaction with the user's choice per conflict. Rows are read a line at a time from the
 * staging files both times, so memory stays bounded by the largest row, not the bundle.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import type { BundleConflict, BundlePreview, BundleSummary, ConflictChoice } from '../../shared/domain/bundles';
import { isPlainFileName } from '../../shared/domain/attachments';
import type { Db } from '../db/open';
import { createRowsRepo, foreignKeyViolations, keyString, rowSchema, sameRow, type Row, type RowsRepo } from './rows-repo';
import { refuse } from './refusal';
import { parseUntrustedJson, type StagedBundle } from './staging';
import { BUNDLE_TABLES, type BundleTable, type DataArea } from './tables';

/** A row line is flat (an object of scalars); anything deeper is refused before it is parsed. */
const ROW_DEPTH = 2;
const MAX_LINE = 4 * 1024 * 1024;
/** Conflicts listed in a preview; the choice for all covers any beyond. */
export const MAX_LISTED_CONFLICTS = 1000;

/** Calls `onLine` for every line of a staged file, reading it in chunks (synchronously: apply runs inside a transaction). */
function eachLine(file: string, onLine: (line: string, number: number) => void) {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(1024 * 1024);
    let rest = Buffer.alloc(0);
    let number = 0;
    for (let read = readSync(fd, buffer); read > 0; read = readSync(fd, buffer)) {
      let data = Buffer.concat([rest, buffer.subarray(0, read)]);
      for (let nl = data.indexOf(10); nl >= 0; nl = data.indexOf(10)) {
        onLine(data.subarray(0, nl).toString('utf8'), ++number);
        data = data.subarray(nl + 1);
      }
      if (data.length > MAX_LINE) refuse('too_large', `A line of ${file} is longer than ${MAX_LINE} bytes.`);
      rest = Buffer.from(data);
    }
    if (rest.length > 0) onLine(rest.toString('utf8'), ++number);
  } finally {
    closeSync(fd);
  }
}

interface TableReader {
  table: BundleTable;
  repo: RowsRepo;
  /** Every validated row of this table in the bundle, in file order. */
  rows(onRow: (row: Row) => void): number;
}

/** Whether this lab already stores the file of this SHA-256 (attachments the bundle names but need not carry). */
export type ContentHere = (sha256: string) => boolean;

function readers(db: Db, staged: StagedBundle, contentHere: ContentHere): TableReader[] {
  return BUNDLE_TABLES.filter((t) => staged.files.has(`data/${t.name}.ndjson`)).map((table) => {
    const repo = createRowsRepo(db, table);
    const schema = rowSchema(repo.columns, table.key, table.required);
    const file = staged.files.get(`data/${table.name}.ndjson`)!;
    return {
      table,
      repo,
      rows(onRow) {
        let count = 0;
        eachLine(file, (line, number) => {
          const where = `${table.name} line ${number}`;
          const parsed = schema.safeParse(parseUntrustedJson(line, ROW_DEPTH, where, 'bad_record', { table: table.name, line: number }));
          if (!parsed.success) {
            const issue = parsed.error.issues[0];
            refuse('bad_record', `${where} is not a valid ${table.name} row (${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}).`, { table: table.name, line: number });
          }
          if (table.derive) Object.assign(parsed.data!, table.derive(parsed.data!));
          const name = table.fileName && parsed.data![table.fileName];
          if (typeof name === 'string' && !isPlainFileName(name)) {
            refuse('bad_record', `${where} names its file ${JSON.stringify(name)}, which is not a plain file name.`, { table: table.name, line: number });
          }
          const content = table.content && parsed.data![table.content];
          if (typeof content === 'string' && !staged.files.has(`attachments/${content}`) && !contentHere(content)) {
            const label = table.label ? String(parsed.data![table.label]) : content;
            refuse('missing_attachment', `${where} names the file ${content}, which the bundle does not carry and this lab does not have.`, { name: label });
          }
          count++;
          onRow(parsed.data!);
        });
        if (count !== staged.manifest.records[table.name]) refuse('bad_manifest', `The manifest counts ${staged.manifest.records[table.name]} ${table.name} rows; the file has ${count}.`);
        return count;
      },
    };
  });
}

/** A copy's `origin`: the lab the record came from and its id there. */
const originOf = (labId: string, row: Row) => `${labId}/${String(row.id)}`;

/**
 * What a conflicting row can offer: append-only rows are never changed, nor are frozen columns of a
 * local row whose freezing column is set (a locked pilot protocol); link rows have no origin to keep.
 */
export function choicesFor(table: BundleTable, repo: RowsRepo, incoming: Row, local: Row): ConflictChoice[] {
  const choices: ConflictChoice[] = ['keep'];
  const frozen = table.frozen;
  const thaws = frozen && local[frozen.when] !== null && frozen.columns.some((c) => incoming[c] !== undefined && incoming[c] !== local[c]);
  if (!table.appendOnly && !thaws) choices.push('theirs');
  if (repo.hasOrigin && table.key.length === 1) choices.push('copy');
  return choices;
}

export function previewBundle(db: Db, staged: StagedBundle, isTrusted: (fingerprint: string) => boolean, contentHere: ContentHere): Omit<BundlePreview, 'previewId'> {
  const tables: BundlePreview['tables'] = [];
  const conflicts: BundleConflict[] = [];
  const labId = staged.manifest.lab.id;
  let conflictCount = 0;
  for (const reader of readers(db, staged, contentHere)) {
    const counts = { table: reader.table.name, incoming: 0, new: 0, same: 0, conflicts: 0 };
    reader.rows((row) => {
      counts.incoming++;
      const local = reader.repo.get(row);
      if (!local) counts.new++;
      else if (sameRow(row, local)) counts.same++;
      else {
        counts.conflicts++;
        if (++conflictCount <= MAX_LISTED_CONFLICTS) {
          const label = reader.table.label;
          conflicts.push({
            table: reader.table.name,
            key: keyString(reader.table, row),
            label: label ? String(row[label] ?? local[label] ?? '') : '',
            mineUpdatedAt: typeof local.updated_at === 'string' ? local.updated_at : null,
            theirsUpdatedAt: typeof row.updated_at === 'string' ? row.updated_at : null,
            choices: choicesFor(reader.table, reader.repo, row, local),
            copiedBefore: reader.repo.hasOrigin && reader.table.key.length === 1 && reader.repo.copyOf(originOf(labId, row)) !== undefined,
          });
        }
      }
    });
    tables.push(counts);
  }
  const { manifest } = staged;
  return {
    manifest: {
      formatVersion: manifest.formatVersion,
      appVersion: manifest.appVersion,
      createdAt: manifest.createdAt,
      lab: manifest.lab,
      author: manifest.author,
      locales: manifest.locales,
      classification: manifest.classification,
    },
    signature: { ...staged.signature, trusted: staged.signature.fingerprint !== null && isTrusted(staged.signature.fingerprint) },
    encrypted: staged.encrypted,
    tables,
    conflicts,
    conflictsTruncated: conflictCount > conflicts.length,
  };
}

export interface ApplyRequest {
  onConflict: ConflictChoice;
  choices: { table: string; key: string; choice: ConflictChoice }[];
  newId: () => string;
  /** Brings derived data (the search index) up to date for the rows that changed, inside the same transaction. */
  reindex: (changed: ReadonlyMap<string, readonly string[]>) => void;
  /** Checked after the bundle's own files were stored, so it sees those too. */
  contentHere: ContentHere;
  /** Runs inside the transaction after the rows (e.g. records in the activity log that the user accepted an unverifiable bundle). */
  record?: () => void;
}

/**
 * Runs one row's write; a row that SQLite refuses (a unique key or rule that another record here
 * already holds, a CHECK or a lock trigger) refuses the whole bundle with a message naming the record,
 * instead of a raw SQLite error. The transaction then rolls back, so the database stays as it was.
 */
function write(table: BundleTable, row: Row, run: () => void) {
  try {
    run();
  } catch (error) {
    const code = String((error as { code?: unknown }).code ?? '');
    if (!code.startsWith('SQLITE_CONSTRAINT')) throw error;
    const name = table.label && row[table.label] !== null && row[table.label] !== undefined ? String(row[table.label]).slice(0, 80) : keyString(table, row);
    if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
      // SQLite names the columns ("UNIQUE constraint failed: entities.name"), which is worth saying.
      refuse('duplicate_record', `The ${table.name} record "${name}" clashes with a different record here that must be unique (${(error as Error).message}).`, { table: table.name, name });
    }
    // A CHECK's message is its SQL, which says nothing to the person importing.
    refuse('rejected_record', `The ${table.name} record "${name}" breaks a rule of this lab's database.`, { table: table.name, name });
  }
}

/**
 * Applies every row in one transaction. A copy gets a new id and `origin` = `<lab id>/<original id>`;
 * rows of the bundle that refer to a copied row follow the copy (and are copied too where their own
 * key is taken here), so a copied project keeps its members, decisions and ideas.
 */
export function applyBundle(db: Db, staged: StagedBundle, request: ApplyRequest): Omit<BundleSummary, 'backup' | 'unverifiedAccepted'> & { areas: Set<DataArea> } {
  const summary = { inserted: 0, replaced: 0, copied: 0, kept: 0, unchanged: 0, areas: new Set<DataArea>() };
  const chosen = new Map(request.choices.map((c) => [`${c.table}\u0000${c.key}`, c.choice]));
  const copies = new Map<string, Map<string, string>>();
  /** Ids of the records each table kept as they are here (a conflict resolved as keep mine). */
  const kept = new Map<string, Set<string>>();
  /** Ids of the records each table gained or changed (records with a single id key). */
  const changed = new Map<string, string[]>();
  const labId = staged.manifest.lab.id;

  db.transaction(() => {
    // Rows may arrive before rows they refer to (self-references); references are checked at commit.
    db.pragma('defer_foreign_keys = ON');
    for (const { table, repo, rows } of readers(db, staged, request.contentHere)) {
      const copied = new Map<string, string>();
      copies.set(table.name, copied);
      const keptHere = new Set<string>();
      kept.set(table.name, keptHere);
      const touched: string[] = [];
      changed.set(table.name, touched);
      const note = (row: Row) => table.key.length === 1 && touched.push(String(row[table.key[0]]));
      rows((incoming) => {
        const originalKey = keyString(table, incoming);
        const row = { ...incoming };
        let followsCopy = false;
        for (const ref of table.refs) {
          const renamed = ref.table === 'any' ? undefined : copies.get(ref.table)?.get(String(row[ref.column]));
          if (renamed) {
            row[ref.column] = renamed;
            followsCopy = true;
          }
        }
        const local = repo.get(row);
        if (!local && table.refs.some((r) => r.followsParentChoice && kept.get(r.table)?.has(String(row[r.column])))) {
          summary.kept++;
          return;
        }
        if (!local) {
          write(table, row, () => repo.insert(row));
          note(row);
          summary.inserted++;
        } else if (sameRow(row, local)) {
          summary.unchanged++;
          return;
        } else {
          const wanted = followsCopy ? 'copy' : (chosen.get(`${table.name}\u0000${originalKey}`) ?? request.onConflict);
          const choice = choicesFor(table, repo, row, local).includes(wanted) ? wanted : 'keep';
          if (choice === 'keep') {
            if (table.key.length === 1) keptHere.add(String(row[table.key[0]]));
            summary.kept++;
            return;
          }
          if (choice === 'theirs') {
            write(table, row, () => repo.update(row));
            note(row);
            summary.replaced++;
          } else {
            const origin = originOf(labId, incoming);
            // A copy an earlier import made of this record stands for it, so importing the same
            // bundle again adds no duplicate. It is never rewritten: it may have been edited here
            // since, and a copy that differs is kept as it is (its rows follow that choice too).
            const earlier = repo.copyOf(origin);
            const id = earlier ? String(earlier.id) : request.newId();
            copied.set(String(incoming.id), id);
            if (earlier) {
              keptHere.add(id);
              if (sameRow({ ...row, id, origin }, earlier)) summary.unchanged++;
              else summary.kept++;
              return;
            }
            write(table, row, () => repo.insert({ ...row, id, origin }));
            note({ id });
            summary.copied++;
          }
        }
        summary.areas.add(table.area);
      });
    }
    if (foreignKeyViolations(db) > 0) refuse('broken_references', 'Some records in the bundle refer to records that are neither in the bundle nor here.');
    // Derived data follows only the rows that changed, and the acceptance of an unverified bundle is
    // recorded only when it changed something, so a re-import leaves the file as it was.
    if (summary.areas.size > 0) {
      request.reindex(changed);
      if (request.record) {
        request.record();
        // The lab's activity list shows the record.
        summary.areas.add('projects');
      }
    }
  })();
  return summary;
}
