/**
 * Every change to a board, as a contract call plus its inverse. Each operation runs once, puts the
 * answer into the cached board (reconciled by version, the same rule core applies; a note edit is
 * also shown before the answer, see `update`), and returns an undo step whose inverse calls name
 * the versions the step last saw — so undoing over someone else's later change is refused as stale
 * rather than overwriting it.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { ApiClient } from '../../../../electron/shared/api/client';
import type { MethodInput, MethodName, MethodOutput } from '../../../../electron/shared/api/contract';
import type { Board, Cluster, Note, NotePatch } from '../../../../electron/shared/canvas/model';
import { previewNoteEdit, reconcileAll } from '../../../../electron/shared/canvas/reconcile';
import { ApiCallError } from '../../api/hooks';
import { saving } from '../../api/pending-saves';

export interface UndoStep {
  /** Catalogue key naming the change, for the undo/redo announcements. */
  label: string;
  undo(): Promise<void>;
  redo(): Promise<void>;
}

/** The fields an edit can set: what undo restores. */
export const noteFields = (n: Note): NotePatch => ({
  text: n.text,
  color: n.color,
  status: n.status,
  author: n.author,
  zoneKey: n.zoneKey,
  clusterId: n.clusterId,
  orderIndex: n.orderIndex,
  x: n.x,
  y: n.y,
});

const createInput = (n: Note): MethodInput<'notes.create'>['notes'][number] => ({ id: n.id, ...noteFields(n), text: n.text, orderIndex: n.orderIndex });

export function createBoardOps(client: ApiClient, queryClient: QueryClient, canvasId: string) {
  const key = ['canvases.get', { id: canvasId }];
  const patchBoard = (change: (board: Board) => Board) => queryClient.setQueryData<Board>(key, (board) => (board ? change(board) : board));

  const call = <M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> =>
    saving(async () => {
      const result = await client.call(method, input);
      if (!result.ok) throw new ApiCallError(result.error);
      return result.value;
    });

  const putNotes = (notes: Note[]) => patchBoard((b) => ({ ...b, notes: reconcileAll(b.notes, notes) }));
  const dropNotes = (ids: string[]) => patchBoard((b) => ({ ...b, notes: b.notes.filter((n) => !ids.includes(n.id)) }));
  const putCluster = (cluster: Cluster) => patchBoard((b) => ({ ...b, clusters: reconcileAll(b.clusters, [cluster]) }));
  const dropCluster = (id: string) => patchBoard((b) => ({ ...b, clusters: b.clusters.filter((c) => c.id !== id) }));

  const create = async (notes: MethodInput<'notes.create'>['notes']) => {
    const created = await call('notes.create', { canvasId, notes });
    putNotes(created);
    return created;
  };
  /**
   * The last save of each note edited here: the version the edit was made on (its preview shows at
   * that version) and the copy core answered with, or undefined when it refused. Kept after the
   * answer too: a key press or drop can still carry the preview's copy until the board is redrawn.
   */
  const lastSaves = new Map<string, { madeOn: number; answer: Promise<Note | undefined> }>();
  /**
   * Edits are shown at once, so a dropped card stays where it was dropped: core's answer (one
   * version higher) replaces the preview, and a refusal puts back what was there, unless a newer
   * copy has arrived meanwhile. An edit made on a note whose own last save it was shown from (a card
   * dragged again at once, before or just after that save answered) is that person's next change, not
   * a stale one: it waits for that save and goes on top of its answer. On a copy someone else changed
   * meanwhile it is still refused as stale.
   */
  const update = async (edits: { note: Note; patch: NotePatch }[]) => {
    const shown = (copies: Note[]) => {
      const byId = new Map(copies.map((n) => [n.id, n]));
      patchBoard((b) => ({ ...b, notes: b.notes.map((n) => (byId.get(n.id)?.version === n.version ? byId.get(n.id)! : n)) }));
    };
    shown(edits.map(({ note, patch }) => previewNoteEdit(note, patch)));
    // This save is registered at once, so an edit made while this one waits chains behind it.
    const earlier = edits.map(({ note }) => lastSaves.get(note.id));
    let sent: (request: Promise<Note[]>) => void = () => {};
    const request = new Promise<Note[]>((resolve) => (sent = resolve));
    for (const { note } of edits) {
      const answer = request.then((updated) => updated.find((n) => n.id === note.id), () => undefined);
      lastSaves.set(note.id, { madeOn: note.version, answer });
    }
    // Without an earlier save to wait for, the call goes out at once.
    const based = earlier.some(Boolean)
      ? await Promise.all(
          edits.map(async (edit, i) => {
            const before = earlier[i];
            const answered = await before?.answer;
            // Made on the earlier save's preview, or on its answer's version: the same person's next change.
            return answered && (before!.madeOn === edit.note.version || answered.version === edit.note.version + 1) ? { ...edit, note: answered } : edit;
          }),
        )
      : edits;
    // The earlier saves' answers replaced the preview meanwhile; show this edit on top of them.
    if (based.some((edit, i) => edit !== edits[i])) shown(based.map(({ note, patch }) => previewNoteEdit(note, patch)));
    const saved = call('notes.update', { canvasId, edits: based.map(({ note, patch }) => ({ id: note.id, baseVersion: note.version, patch })) });
    sent(saved);
    try {
      const updated = await saved;
      putNotes(updated);
      return updated;
    } catch (error) {
      shown(based.map(({ note }) => note));
      throw error;
    }
  };
  const remove = async (notes: Note[]) => {
    await call('notes.delete', { canvasId, notes: notes.map((n) => ({ id: n.id, baseVersion: n.version })) });
    dropNotes(notes.map((n) => n.id));
  };

  /** The links touching notes about to be deleted (the database drops them with the notes), as inputs that make them again. */
  const linksOf = async (notes: Note[]) => {
    const ids = new Set(notes.map((n) => n.id));
    const links = await call('noteLinks.forCanvas', { canvasId });
    return links
      .filter((l) => ids.has(l.noteId) || (l.targetNoteId !== null && ids.has(l.targetNoteId)))
      .map((l): MethodInput<'noteLinks.add'> => ({ noteId: l.noteId, target: l.targetNoteId !== null ? { kind: 'note', noteId: l.targetNoteId } : { kind: 'kpi', kpiId: l.targetKpiId! } }));
  };
  /** Makes the links again once their notes are back; one whose other end has gone since stays gone. */
  const relink = async (links: MethodInput<'noteLinks.add'>[]) => {
    for (const link of links) await saving(() => client.call('noteLinks.add', link));
  };

  /** Sets each note's fields to one of two states, starting from the copies it last saw. */
  function toggleStep(label: string, before: Note[], after: Note[]): UndoStep {
    let current = after;
    const go = async (target: Note[]) => {
      current = await update(current.map((note, i) => ({ note, patch: noteFields(target[i]) })));
    };
    return { label, undo: () => go(before), redo: () => go(after) };
  }

  return {
    async addNotes(notes: MethodInput<'notes.create'>['notes'], label = 'canvas.undo.add'): Promise<UndoStep> {
      let current = await create(notes);
      const made = current;
      // Links made to the new notes meanwhile go with them on undo and come back on redo.
      let links: MethodInput<'noteLinks.add'>[] = [];
      return {
        label,
        undo: async () => {
          links = await linksOf(current);
          await remove(current);
        },
        redo: async () => {
          current = await create(made.map(createInput));
          await relink(links);
        },
      };
    },

    async editNotes(edits: { note: Note; patch: NotePatch }[], label: string): Promise<UndoStep> {
      const after = await update(edits);
      return toggleStep(label, edits.map((e) => e.note), after);
    },

    async deleteNotes(notes: Note[]): Promise<UndoStep> {
      const links = await linksOf(notes);
      await remove(notes);
      let current: Note[] = [];
      return {
        label: 'canvas.undo.delete',
        undo: async () => {
          current = await create(notes.map(createInput));
          await relink(links);
        },
        redo: async () => remove(current),
      };
    },

    /** A new labelled cluster holding the given notes (all in its zone). */
    async group(zoneKey: string, label: string, notes: Note[]): Promise<UndoStep> {
      let cluster = await call('canvases.createCluster', { canvasId, zoneKey, label });
      putCluster(cluster);
      const made = cluster;
      let current = await update(notes.map((note) => ({ note, patch: { clusterId: cluster.id } })));
      return {
        label: 'canvas.undo.group',
        undo: async () => {
          const { notes: released } = await call('canvases.deleteCluster', { id: cluster.id, baseVersion: cluster.version });
          dropCluster(cluster.id);
          putNotes(released);
          const byId = new Map(released.map((n) => [n.id, n]));
          current = await update(notes.map((before) => ({ note: byId.get(before.id) ?? before, patch: noteFields(before) })));
        },
        redo: async () => {
          cluster = await call('canvases.createCluster', { canvasId, id: made.id, zoneKey, label: made.label, orderIndex: made.orderIndex });
          putCluster(cluster);
          current = await update(current.map((note) => ({ note, patch: { clusterId: cluster.id } })));
        },
      };
    },

    async renameCluster(cluster: Cluster, label: string): Promise<UndoStep> {
      let current = await call('canvases.updateCluster', { id: cluster.id, baseVersion: cluster.version, patch: { label } });
      putCluster(current);
      const go = async (to: string) => {
        current = await call('canvases.updateCluster', { id: current.id, baseVersion: current.version, patch: { label: to } });
        putCluster(current);
      };
      return { label: 'canvas.undo.renameCluster', undo: () => go(cluster.label), redo: () => go(label) };
    },

    /** Removes a cluster; its notes stay, loose, in the zone. */
    async ungroup(cluster: Cluster): Promise<UndoStep> {
      let current = cluster;
      let released = (await call('canvases.deleteCluster', { id: cluster.id, baseVersion: cluster.version })).notes;
      dropCluster(cluster.id);
      putNotes(released);
      const memberIds = released.map((n) => n.id);
      return {
        label: 'canvas.undo.ungroup',
        undo: async () => {
          current = await call('canvases.createCluster', { canvasId, id: cluster.id, zoneKey: cluster.zoneKey, label: cluster.label, orderIndex: cluster.orderIndex });
          putCluster(current);
          const board = queryClient.getQueryData<Board>(key);
          const members = board?.notes.filter((n) => memberIds.includes(n.id)) ?? released;
          released = await update(members.map((note) => ({ note, patch: { clusterId: current.id } })));
        },
        redo: async () => {
          released = (await call('canvases.deleteCluster', { id: current.id, baseVersion: current.version })).notes;
          dropCluster(current.id);
          putNotes(released);
        },
      };
    },
  };
}

export type BoardOps = ReturnType<typeof createBoardOps>;
