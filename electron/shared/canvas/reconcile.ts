/**
 * How canvas edits meet each other. The same functions run in the renderer (optimistically, on its
 * cached board) and in core (authoritatively, in the transaction that stores the edit), so both
 * reach the same result (house rule 9; Excalidraw's `version` + `reconcile`).
 *
 * The rule, deliberately simple and deterministic:
 *  - An edit names the version it was made against (`baseVersion`).
 *  - If that is the note's current version, the patch applies and the version goes up by one.
 *  - If the note has moved on since (someone else's edit landed first), the edit is refused with the
 *    code `stale` and the current note, never half-applied and never silently merged: the editor sees
 *    the newer note and can redo their change on top of it. Refusing is what keeps undo honest — an
 *    inverse edit never overwrites a change its author did not see.
 *  - Two copies of the same note (say, one pushed by core and one held optimistically) reconcile to
 *    the higher version; on equal versions the later `updatedAt` wins, then the greater text, so every
 *    replica picks the same one whatever order they arrive in.
 */
import type { Note, NotePatch } from './model';

export type EditResult<T> = { ok: true; value: T } | { ok: false; code: 'stale'; current: T };

interface Versioned {
  version: number;
}

/** Applies `patch` to `current` when `baseVersion` is current; otherwise refuses it as stale. */
export function applyEdit<T extends Versioned, P extends Partial<T>>(current: T, baseVersion: number, patch: P, updatedAt?: string): EditResult<T> {
  if (baseVersion !== current.version) return { ok: false, code: 'stale', current };
  const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
  const next = { ...current, ...defined, version: current.version + 1 };
  if (updatedAt !== undefined && 'updatedAt' in current) (next as T & { updatedAt: string }).updatedAt = updatedAt;
  return { ok: true, value: next };
}

export const applyNoteEdit = (current: Note, baseVersion: number, patch: NotePatch, updatedAt: string): EditResult<Note> =>
  applyEdit(current, baseVersion, normalisePlacement(current, patch), updatedAt);

/**
 * `current` as it will look once `patch` is stored, still at its present version: what a screen
 * shows while core has not answered yet. Core's copy is one version higher, so it replaces this one.
 */
export function previewNoteEdit(current: Note, patch: NotePatch): Note {
  const edited = applyNoteEdit(current, current.version, patch, current.updatedAt);
  return edited.ok ? { ...edited.value, version: current.version } : current;
}

/**
 * A note lives either in a zone or free at x/y, never both: moving it into a zone clears its
 * position, freeing it clears its zone and cluster, and leaving a zone leaves the zone's cluster.
 */
export function normalisePlacement(current: Pick<Note, 'zoneKey' | 'clusterId'>, patch: NotePatch): NotePatch {
  const next = { ...patch };
  if (next.zoneKey !== undefined && next.zoneKey !== null) {
    next.x = null;
    next.y = null;
    if (next.zoneKey !== current.zoneKey && next.clusterId === undefined) next.clusterId = null;
  }
  if (next.zoneKey === null) next.clusterId = null;
  return next;
}

/** Which of two copies of the same record every replica keeps. */
export function reconcile<T extends Versioned & { updatedAt?: string; text?: string; label?: string }>(a: T, b: T): T {
  if (a.version !== b.version) return a.version > b.version ? a : b;
  const au = a.updatedAt ?? '';
  const bu = b.updatedAt ?? '';
  if (au !== bu) return au > bu ? a : b;
  const at = a.text ?? a.label ?? '';
  const bt = b.text ?? b.label ?? '';
  return at >= bt ? a : b;
}

/** Merges an incoming list into a local one by id, keeping each record's winner. */
export function reconcileAll<T extends Versioned & { id: string; updatedAt?: string; text?: string }>(local: readonly T[], incoming: readonly T[]): T[] {
  const byId = new Map(local.map((item) => [item.id, item]));
  for (const item of incoming) {
    const mine = byId.get(item.id);
    byId.set(item.id, mine ? reconcile(mine, item) : item);
  }
  return [...byId.values()];
}
