/**
 * The one full-text index (FTS5) for every searchable record. It holds folded text only, so that
 * Arabic without harakat, alef forms, Uzbek apostrophes and ё/е all match; each user term is quoted
 * as a prefix query, so no input can be a syntax error. Records whose title holds every term come
 * first, then the others; each group newest-first from the index and capped, which keeps even
 * common terms fast (bm25 would score every hit). Snippets are cut from the original text by the
 * services that own the records.
 */
import type { Db } from '../db/open';
import { foldForSearch } from '../../shared/text/fold';

/** Bump when folding or indexed fields change: the index is rebuilt on the next start. */
export const SEARCH_INDEX_VERSION = '3';

export interface IndexedText {
  kind: string;
  recordId: string;
  title: string;
  body: string;
}

/**
 * Text as indexed: folded, plus each Arabic word without its article (and a leading و ف ب ك ل),
 * so that مدرسة finds المدرسة and والمدرسة.
 */
export function indexForm(text: string): string {
  const folded = foldForSearch(text);
  const bare = [...folded.matchAll(/(?<![\p{L}\p{N}])[وفبكل]?ال(\p{L}{2,})/gu)].map((m) => m[1]);
  return bare.length ? `${folded} ${bare.join(' ')}` : folded;
}

/** The folded terms of a query: words of letters or digits, Uzbek ʻ kept inside a word. */
export function queryTerms(text: string): string[] {
  return [...new Set(foldForSearch(text).match(/[\p{L}\p{N}\u02BB]+/gu) ?? [])].slice(0, 16);
}

/**
 * FTS5 MATCH syntax for the terms: every term must occur, as a word or the start of one — anywhere,
 * or in the `column` named.
 */
export const matchExpression = (terms: readonly string[], column?: 'title') =>
  terms.map((t) => `${column ? `${column} : ` : ''}"${t.replace(/"/g, '""')}"*`).join(' AND ');

export function createSearchIndex(db: Db) {
  const findRow = db.prepare<[string, string], { row: number }>('SELECT row FROM search_records WHERE kind = ? AND record_id = ?');
  const insertText = db.prepare<[string, string, string, string]>('INSERT INTO search_index (kind, record_id, title, body) VALUES (?, ?, ?, ?)');
  const deleteText = db.prepare<[number]>('DELETE FROM search_index WHERE rowid = ?');
  const remember = db.prepare<[string, string, number | bigint]>('INSERT OR REPLACE INTO search_records (kind, record_id, row) VALUES (?, ?, ?)');
  const forget = db.prepare<[string, string]>('DELETE FROM search_records WHERE kind = ? AND record_id = ?');
  const query = db.prepare<[string, number], { kind: string; record_id: string }>(
    'SELECT kind, record_id FROM search_index WHERE search_index MATCH ? ORDER BY rowid DESC LIMIT ?',
  );
  const version = db.prepare<[], { value: string }>("SELECT value FROM search_meta WHERE key = 'version'");
  const setVersion = db.prepare<[string]>("INSERT OR REPLACE INTO search_meta (key, value) VALUES ('version', ?)");

  function remove(kind: string, recordId: string) {
    const existing = findRow.get(kind, recordId);
    if (!existing) return;
    deleteText.run(existing.row);
    forget.run(kind, recordId);
  }

  function put(entry: IndexedText) {
    remove(entry.kind, entry.recordId);
    const { lastInsertRowid } = insertText.run(entry.kind, entry.recordId, indexForm(entry.title), indexForm(entry.body));
    remember.run(entry.kind, entry.recordId, lastInsertRowid);
  }

  return {
    put,
    remove,
    /**
     * Records whose text matches every term: those with every term in their title first (a title
     * says what a record is about), then the rest; newest first within each. Empty terms match nothing.
     */
    find(terms: readonly string[], limit: number): { kind: string; recordId: string }[] {
      if (terms.length === 0) return [];
      const inTitle = query.all(matchExpression(terms, 'title'), limit);
      const found = new Set(inTitle.map((r) => `${r.kind}|${r.record_id}`));
      const elsewhere = inTitle.length < limit ? query.all(matchExpression(terms), limit + inTitle.length).filter((r) => !found.has(`${r.kind}|${r.record_id}`)) : [];
      return [...inTitle, ...elsewhere].slice(0, limit).map((r) => ({ kind: r.kind, recordId: r.record_id }));
    },
    isCurrent: () => version.get()?.value === SEARCH_INDEX_VERSION,
    /** Replaces the whole index with `entries` (inside the caller's transaction). */
    rebuild(entries: Iterable<IndexedText>) {
      db.exec('DELETE FROM search_index; DELETE FROM search_records;');
      for (const entry of entries) put(entry);
      setVersion.run(SEARCH_INDEX_VERSION);
    },
  };
}

export type SearchIndex = ReturnType<typeof createSearchIndex>;
