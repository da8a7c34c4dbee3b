/**
 * Canvases and their notes and clusters. Every edit goes through shared/canvas's `applyNoteEdit`,
 * the same rule the renderer applies optimistically, inside one transaction: a batch (a multi-select
 * move, an undo of several notes) lands whole or not at all.
 */
import { ApiFailure, type InputIssue } from '../../../shared/api/envelope';
import type { ParsedInput } from '../../../shared/api/contract';
import { JSON_CANVAS_KEY, JSON_CANVAS_LIMITS, parseJsonCanvas } from '../../../shared/canvas/export/json-canvas';
import { CLUSTER_LABEL_MAX, NOTE_AUTHOR_MAX, NOTE_COLOR_KEYS, NOTE_STATUSES, NOTE_TEXT_MAX, noteText, type Board, type Canvas, type Cluster, type Note } from '../../../shared/canvas/model';
import { isOrderIndex, keyBetween, keysAfter } from '../../../shared/canvas/order';
import { applyEdit, applyNoteEdit } from '../../../shared/canvas/reconcile';
import type { Language } from '../../../shared/domain/settings';
import { normaliseUzbekApostrophes } from '../../../shared/text/fold';
import type { CoreDeps } from '../../deps';
import type { EventHub } from '../../event-hub';
import type { CanvasHead, CanvasesRepo } from './canvases-repo';
import type { NoteLink } from '../../../shared/canvas/links';

/** What the service needs to know about a template: its zones, and the notes a new canvas starts with. */
export interface TemplateInfo {
  zoneKeys: readonly string[];
  starterNotes: readonly { zone: string; text: Record<Language, string> }[];
  /** A deleted lab template that canvases still use: it draws them, but no new canvas starts from it. */
  retired?: boolean;
}
export interface TemplateSource {
  find(templateId: string): TemplateInfo | undefined;
}

const notFound = (what: string, id: string) => new ApiFailure('not_found', `No ${what} with id ${id}.`);
const invalid = (message: string, issues: InputIssue[]) => new ApiFailure('invalid_input', message, issues);
const stale = (issues: InputIssue[]) =>
  new ApiFailure('conflict', 'Someone changed this since you saw it; nothing was saved. Reload to see their change.', issues);

const clean = (text: string) => normaliseUzbekApostrophes(text);

export function createCanvasesService(
  deps: Pick<CoreDeps, 'db' | 'clock' | 'ids'>,
  repo: CanvasesRepo,
  others: { events: EventHub; templates: TemplateSource; projectExists(id: string): boolean; insertLink(link: NoteLink): void },
) {
  const { db, clock, ids } = deps;
  const { events, templates } = others;
  const now = () => clock.now().toISOString();
  const changed = (id: string) => events.emit({ type: 'data.changed', payload: { area: 'canvases', id } });

  const canvas = (id: string) => repo.get(id) ?? (() => { throw notFound('canvas', id); })();
  /** The canvas a write goes to; its note count is not needed there. */
  const target = (id: string) => repo.head(id) ?? (() => { throw notFound('canvas', id); })();
  const zoneKeysOf = (c: CanvasHead): ReadonlySet<string> => new Set(c.templateId ? (templates.find(c.templateId)?.zoneKeys ?? []) : []);

  function checkProject(projectId: string | null | undefined, path: string[]) {
    if (projectId && !others.projectExists(projectId)) throw invalid('That project does not exist.', [{ path: [...path, 'projectId'], code: 'unknown_reference' }]);
  }

  /** A note's placement must name a zone of its canvas's template, and a cluster in that zone. */
  function placementIssues(c: CanvasHead, zones: ReadonlySet<string>, note: Pick<Note, 'zoneKey' | 'clusterId' | 'orderIndex'>, path: (string | number)[]): InputIssue[] {
    const issues: InputIssue[] = [];
    if (note.zoneKey !== null && !zones.has(note.zoneKey)) issues.push({ path: [...path, 'zoneKey'], code: 'unknown_reference' });
    if (note.clusterId !== null) {
      const cluster = repo.cluster(note.clusterId);
      if (!cluster || cluster.canvasId !== c.id || cluster.zoneKey !== note.zoneKey) issues.push({ path: [...path, 'clusterId'], code: 'unknown_reference' });
    }
    if (!isOrderIndex(note.orderIndex)) issues.push({ path: [...path, 'orderIndex'], code: 'invalid_format' });
    return issues;
  }

  const board = (id: string): Board => ({ canvas: canvas(id), notes: repo.notes(id), clusters: repo.clusters(id) });

  function createNotes(c: CanvasHead, items: ParsedInput<'notes.create'>['notes'], at: string): Note[] {
    const zones = zoneKeysOf(c);
    const issues: InputIssue[] = [];
    // Notes without an order go last in their zone, in the order given.
    const last = new Map<string | null, string | null>();
    const created = items.map((item, i): Note => {
      let orderIndex = item.orderIndex;
      if (orderIndex === undefined) {
        const previous = last.has(item.zoneKey) ? last.get(item.zoneKey)! : repo.lastIndex(c.id, item.zoneKey);
        orderIndex = previous !== null && isOrderIndex(previous) ? keyBetween(previous, null) : keysAfter(null, 1)[0];
      }
      last.set(item.zoneKey, orderIndex);
      const inZone = item.zoneKey !== null;
      const note: Note = {
        id: item.id ?? ids.next(),
        canvasId: c.id,
        zoneKey: item.zoneKey,
        clusterId: inZone ? item.clusterId : null,
        text: clean(item.text),
        color: item.color,
        status: item.status,
        author: item.author === null ? null : clean(item.author),
        orderIndex,
        x: inZone ? null : (item.x ?? 0),
        y: inZone ? null : (item.y ?? 0),
        version: 1,
        createdAt: at,
        updatedAt: at,
      };
      issues.push(...placementIssues(c, zones, note, ['notes', i]));
      if (item.id !== undefined && repo.note(item.id)) issues.push({ path: ['notes', i, 'id'], code: 'already_exists' });
      return note;
    });
    if (new Set(created.map((n) => n.id)).size !== created.length) issues.push({ path: ['notes'], code: 'duplicate' });
    if (issues.length) throw invalid('The notes could not be placed.', issues);
    for (const note of created) repo.insertNote(note);
    return created;
  }

  return {
    list: ({ projectId, includeArchived }: ParsedInput<'canvases.list'>) => repo.list(projectId ?? null, includeArchived),
    get: ({ id }: { id: string }) => board(id),
    /** The canvas itself, without reading its notes. */
    canvas: (id: string) => canvas(id),
    /** One note of a canvas, without reading the whole board (a vote or a participant's edit checks one). */
    note: (canvasId: string, id: string) => {
      const n = repo.note(id);
      return n && n.canvasId === canvasId ? n : undefined;
    },

    create(input: ParsedInput<'canvases.create'>) {
      const template = templates.find(input.templateId);
      if (!template || template.retired) throw invalid('That template does not exist.', [{ path: ['templateId'], code: 'unknown_reference' }]);
      checkProject(input.projectId, []);
      const at = now();
      const created: Omit<Canvas, 'noteCount'> = {
        id: ids.next(),
        projectId: input.projectId,
        stage: input.stage,
        templateId: input.templateId,
        title: clean(input.title),
        archived: false,
        createdAt: at,
        updatedAt: at,
      };
      db.transaction(() => {
        repo.insertCanvas(created);
        const starters = template.starterNotes.map((s) => ({
          text: s.text[input.language],
          color: 'yellow' as const,
          status: null,
          author: null,
          zoneKey: s.zone,
          clusterId: null,
          x: null,
          y: null,
        }));
        if (starters.length) createNotes(created, starters, at);
      })();
      changed(created.id);
      return canvas(created.id);
    },

    update({ id, patch }: ParsedInput<'canvases.update'>) {
      const current = canvas(id);
      checkProject(patch.projectId, ['patch']);
      repo.updateCanvas({ ...current, ...patch, title: patch.title === undefined ? current.title : clean(patch.title), updatedAt: now() });
      changed(id);
      return canvas(id);
    },

    /** A copy with new ids throughout, clusters and all, starting again at version 1. */
    duplicate({ id, title }: ParsedInput<'canvases.duplicate'>) {
      const source = board(id);
      const at = now();
      const copyId = ids.next();
      db.transaction(() => {
        repo.insertCanvas({ ...source.canvas, id: copyId, title: clean(title), archived: false, createdAt: at, updatedAt: at });
        const clusterIds = new Map(source.clusters.map((c) => [c.id, ids.next()]));
        for (const c of source.clusters) repo.insertCluster({ ...c, id: clusterIds.get(c.id)!, canvasId: copyId, version: 1 }, at);
        for (const n of source.notes) {
          repo.insertNote({ ...n, id: ids.next(), canvasId: copyId, clusterId: n.clusterId && clusterIds.get(n.clusterId)!, version: 1, createdAt: at, updatedAt: at });
        }
      })();
      changed(copyId);
      return canvas(copyId);
    },

    /**
     * A JSON Canvas file as a new canvas: back into its template when our key names one this lab
     * has (notes to their zones and clusters), otherwise free-form with every text node a free note.
     * Always new ids; a file that breaks the rules, or a note core would refuse, refuses the import
     * whole with the place named.
     */
    importJsonCanvas(input: ParsedInput<'canvases.importJsonCanvas'>) {
      const parsed = parseJsonCanvas(input.text);
      if (!parsed.ok) {
        throw invalid(
          'The file is not a valid JSON Canvas.',
          parsed.issues.map((i) => ({ path: ['text', ...i.path], code: i.code, ...(i.code === 'too_big' ? { params: { maximum: JSON_CANVAS_LIMITS.nodes } } : {}) })),
        );
      }
      checkProject(input.projectId, []);
      const { nodes } = parsed.canvas;
      const meta = parsed.canvas[JSON_CANVAS_KEY];
      const templateId = typeof meta?.templateId === 'string' && templates.find(meta.templateId) ? meta.templateId : null;
      const zones = new Set(templateId ? templates.find(templateId)!.zoneKeys : []);
      const ours = (node: { [JSON_CANVAS_KEY]?: Record<string, unknown> }) => (templateId ? (node[JSON_CANVAS_KEY] ?? {}) : {});
      const at = now();
      const canvasRow: Omit<Canvas, 'noteCount'> = {
        id: ids.next(),
        projectId: input.projectId,
        stage: input.stage,
        templateId,
        title: clean(input.title),
        archived: false,
        createdAt: at,
        updatedAt: at,
      };
      const issues: InputIssue[] = [];
      /** A text of the file that does not fit where it goes is refused, with where it is, rather than cut or dropped. */
      const fitting = (value: unknown, maximum: number, path: (string | number)[]): string | null => {
        const parsed = noteText.safeParse(value ?? '');
        if (parsed.success && parsed.data.length <= maximum) return parsed.data;
        const code = parsed.success || parsed.error.issues[0].code === 'too_big' ? 'too_long' : parsed.error.issues[0].message;
        issues.push({ path, code, params: { maximum } });
        return null;
      };
      const clusterIds = new Map<string, Cluster>();
      for (const [i, node] of nodes.entries()) {
        const m = ours(node);
        if (node.type !== 'group' || typeof m.clusterId !== 'string' || typeof m.zoneKey !== 'string' || !zones.has(m.zoneKey)) continue;
        clusterIds.set(m.clusterId, {
          id: ids.next(),
          canvasId: canvasRow.id,
          zoneKey: m.zoneKey,
          label: clean(fitting(node.label, CLUSTER_LABEL_MAX, ['text', 'nodes', i, 'label']) ?? ''),
          orderIndex: typeof m.orderIndex === 'string' && isOrderIndex(m.orderIndex) ? m.orderIndex : keysAfter(null, 1)[0],
          version: 1,
        });
      }
      // Every text node is a note, except the licence credit our own export writes under the board.
      const texts = nodes.map((node, i) => ({ node, i })).filter(({ node }) => node.type === 'text' && node[JSON_CANVAS_KEY]?.attribution !== true);
      const minX = Math.min(0, ...texts.map(({ node }) => node.x));
      const minY = Math.min(0, ...texts.map(({ node }) => node.y));
      const order = keysAfter(null, texts.length);
      const notes = texts.map(({ node, i }, n): Note => {
        const m = ours(node);
        const text = fitting(node.text, NOTE_TEXT_MAX, ['text', 'nodes', i, 'text']);
        const author = typeof m.author === 'string' ? fitting(m.author, NOTE_AUTHOR_MAX, ['text', 'nodes', i, 'author']) : null;
        const zoneKey = typeof m.zoneKey === 'string' && zones.has(m.zoneKey) ? m.zoneKey : null;
        const cluster = typeof m.clusterId === 'string' ? clusterIds.get(m.clusterId) : undefined;
        const bounded = (v: number) => Math.max(0, Math.min(1_000_000, v));
        return {
          id: ids.next(),
          canvasId: canvasRow.id,
          zoneKey,
          clusterId: cluster && cluster.zoneKey === zoneKey ? cluster.id : null,
          text: clean(text ?? ''),
          color: NOTE_COLOR_KEYS.includes(m.color as Note['color']) ? (m.color as Note['color']) : 'yellow',
          status: NOTE_STATUSES.includes(m.status as never) ? (m.status as Note['status']) : null,
          author: author ? clean(author) : null,
          orderIndex: typeof m.orderIndex === 'string' && isOrderIndex(m.orderIndex) ? m.orderIndex : order[n],
          // A free note keeps its own offset; one from a foreign file keeps where it stood there.
          x: zoneKey !== null ? null : typeof m.x === 'number' && Number.isInteger(m.x) ? bounded(m.x) : bounded(node.x - minX),
          y: zoneKey !== null ? null : typeof m.y === 'number' && Number.isInteger(m.y) ? bounded(m.y) : bounded(node.y - minY),
          version: 1,
          createdAt: at,
          updatedAt: at,
        };
      });
      if (issues.length) throw invalid('Some notes in the file could not be imported.', issues);
      // An edge between two notes comes back as a link between their new selves (once per pair).
      const noteOf = new Map(texts.map(({ node }, n) => [node.id, notes[n].id]));
      const links = new Map<string, NoteLink>();
      for (const edge of parsed.canvas.edges) {
        const from = noteOf.get(edge.fromNode);
        const to = noteOf.get(edge.toNode);
        if (from && to && from !== to) links.set(`${from} ${to}`, { id: ids.next(), noteId: from, targetNoteId: to, targetKpiId: null, createdAt: at });
      }
      db.transaction(() => {
        repo.insertCanvas(canvasRow);
        for (const c of clusterIds.values()) repo.insertCluster(c, at);
        for (const n of notes) repo.insertNote(n);
        for (const link of links.values()) others.insertLink(link);
      })();
      changed(canvasRow.id);
      return canvas(canvasRow.id);
    },

    createNotes({ canvasId, notes }: ParsedInput<'notes.create'>) {
      const c = target(canvasId);
      const at = now();
      const created = db.transaction(() => {
        const result = createNotes(c, notes, at);
        repo.touch(c.id, at);
        return result;
      })();
      changed(c.id);
      return created;
    },

    /** Applies every edit or none; a stale one refuses the whole batch (see shared/canvas/reconcile.ts). */
    updateNotes({ canvasId, edits }: ParsedInput<'notes.update'>) {
      const c = target(canvasId);
      const zones = zoneKeysOf(c);
      const at = now();
      const updated = db.transaction(() => {
        const issues: InputIssue[] = [];
        const staleIssues: InputIssue[] = [];
        const results: Note[] = [];
        const seen = new Set<string>();
        edits.forEach((edit, i) => {
          const current = repo.note(edit.id);
          if (seen.has(edit.id)) return void issues.push({ path: ['edits', i, 'id'], code: 'duplicate' });
          if (!current || current.canvasId !== c.id) return void issues.push({ path: ['edits', i, 'id'], code: 'unknown_reference' });
          seen.add(edit.id);
          const patch = { ...edit.patch };
          if (patch.text !== undefined) patch.text = clean(patch.text);
          if (patch.author) patch.author = clean(patch.author);
          const result = applyNoteEdit(current, edit.baseVersion, patch, at);
          if (!result.ok) return void staleIssues.push({ path: ['edits', i, 'baseVersion'], code: 'stale', params: { version: result.current.version } });
          const next = result.value;
          // A free note needs a position; one moved out of a zone without one starts at the origin.
          if (next.zoneKey === null) {
            next.x ??= 0;
            next.y ??= 0;
          }
          issues.push(...placementIssues(c, zones, next, ['edits', i, 'patch']));
          results.push(next);
        });
        if (issues.length) throw invalid('The edit refers to notes or places that do not exist.', issues);
        if (staleIssues.length) throw stale(staleIssues);
        for (const n of results) repo.updateNote(n);
        repo.touch(c.id, at);
        return results;
      })();
      changed(c.id);
      return updated;
    },

    deleteNotes({ canvasId, notes }: ParsedInput<'notes.delete'>) {
      const c = target(canvasId);
      db.transaction(() => {
        const issues: InputIssue[] = [];
        const staleIssues: InputIssue[] = [];
        notes.forEach(({ id, baseVersion }, i) => {
          const current = repo.note(id);
          if (!current || current.canvasId !== c.id) issues.push({ path: ['notes', i, 'id'], code: 'unknown_reference' });
          else if (current.version !== baseVersion) staleIssues.push({ path: ['notes', i, 'baseVersion'], code: 'stale', params: { version: current.version } });
        });
        if (issues.length) throw invalid('Those notes do not exist.', issues);
        if (staleIssues.length) throw stale(staleIssues);
        for (const { id } of notes) repo.deleteNote(id);
        repo.touch(c.id, now());
      })();
      changed(c.id);
      return { ids: notes.map((n) => n.id) };
    },

    createCluster(input: ParsedInput<'canvases.createCluster'>) {
      const c = canvas(input.canvasId);
      if (!zoneKeysOf(c).has(input.zoneKey)) throw invalid('That zone does not exist.', [{ path: ['zoneKey'], code: 'unknown_reference' }]);
      if (input.id !== undefined && repo.cluster(input.id)) throw invalid('That cluster already exists.', [{ path: ['id'], code: 'already_exists' }]);
      const last = repo.lastClusterIndex(c.id, input.zoneKey);
      const orderIndex = input.orderIndex ?? keyBetween(last !== null && isOrderIndex(last) ? last : null, null);
      if (!isOrderIndex(orderIndex)) throw invalid('That order is not valid.', [{ path: ['orderIndex'], code: 'invalid_format' }]);
      const cluster: Cluster = { id: input.id ?? ids.next(), canvasId: c.id, zoneKey: input.zoneKey, label: clean(input.label), orderIndex, version: 1 };
      const at = now();
      db.transaction(() => {
        repo.insertCluster(cluster, at);
        repo.touch(c.id, at);
      })();
      changed(c.id);
      return cluster;
    },

    updateCluster({ id, baseVersion, patch }: ParsedInput<'canvases.updateCluster'>) {
      const current = repo.cluster(id) ?? (() => { throw notFound('cluster', id); })();
      if (patch.orderIndex !== undefined && !isOrderIndex(patch.orderIndex)) throw invalid('That order is not valid.', [{ path: ['patch', 'orderIndex'], code: 'invalid_format' }]);
      const result = applyEdit(current, baseVersion, { ...patch, label: patch.label === undefined ? undefined : clean(patch.label) });
      if (!result.ok) throw stale([{ path: ['baseVersion'], code: 'stale', params: { version: result.current.version } }]);
      const at = now();
      db.transaction(() => {
        repo.updateCluster(result.value, at);
        repo.touch(current.canvasId, at);
      })();
      changed(current.canvasId);
      return result.value;
    },

    /** Removes a cluster; its notes stay in the zone, loose, each with a new version. */
    deleteCluster({ id, baseVersion }: ParsedInput<'canvases.deleteCluster'>) {
      const current = repo.cluster(id) ?? (() => { throw notFound('cluster', id); })();
      if (current.version !== baseVersion) throw stale([{ path: ['baseVersion'], code: 'stale', params: { version: current.version } }]);
      const at = now();
      const released = db.transaction(() => {
        const members = repo.notes(current.canvasId).filter((n) => n.clusterId === id);
        const next = members.map((n) => ({ ...n, clusterId: null, version: n.version + 1, updatedAt: at }));
        for (const n of next) repo.updateNote(n);
        repo.deleteCluster(id);
        repo.touch(current.canvasId, at);
        return next;
      })();
      changed(current.canvasId);
      return { id, notes: released };
    },
  };
}

export type CanvasesService = ReturnType<typeof createCanvasesService>;
