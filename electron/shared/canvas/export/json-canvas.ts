/**
 * JSON Canvas 1.0 (https://jsoncanvas.org/spec/1.0/), the open format Obsidian and others read:
 * zones become `group` nodes, clusters nested `group` nodes, notes `text` nodes, all with integer
 * geometry from the board layout (left to right: the file has no reading direction). Our own fields
 * ride along under one namespaced key, `ibtikar`, which other tools ignore and our import uses to
 * put notes back into their template. A link between two notes of the board is an edge; a link to a
 * note elsewhere or to a pilot KPI rides under the note's key (`links`), since it has no node here.
 */
import { layoutBoard, type LayoutTemplate } from '../layout';
import type { NoteLink } from '../links';
import { NOTE_COLORS, type Board } from '../model';

export const JSON_CANVAS_KEY = 'ibtikar';
export const JSON_CANVAS_FORMAT = 'ibtikar-canvas';
export const JSON_CANVAS_VERSION = 1;

/** Limits checked before anything else touches an imported file. */
export const JSON_CANVAS_LIMITS = { nodes: 5000, edges: 5000, idLength: 200, textLength: 100_000 } as const;

export interface JsonCanvasNode {
  id: string;
  type: 'text' | 'file' | 'link' | 'group';
  x: number;
  y: number;
  width: number;
  height: number;
  color?: string;
  text?: string;
  file?: string;
  url?: string;
  label?: string;
  [JSON_CANVAS_KEY]?: Record<string, unknown>;
}
export interface JsonCanvasEdge {
  id: string;
  fromNode: string;
  toNode: string;
  fromSide?: string;
  toSide?: string;
  fromEnd?: string;
  toEnd?: string;
  color?: string;
  label?: string;
  [JSON_CANVAS_KEY]?: Record<string, unknown>;
}
export interface JsonCanvas {
  nodes: JsonCanvasNode[];
  edges: JsonCanvasEdge[];
  [JSON_CANVAS_KEY]?: Record<string, unknown>;
}

export interface ExportTemplate extends LayoutTemplate {
  zones: (LayoutTemplate['zones'][number] & { title: Record<string, string> })[];
  /** The licence credit a template owes (CC BY-SA): it travels with every export. */
  attribution?: Record<string, string>;
}

/** The board as a JSON Canvas document; zone titles in `language`; of `links`, those starting on its notes go in. */
export function toJsonCanvas(board: Board, template: ExportTemplate | null, language: string, links: readonly NoteLink[] = []): JsonCanvas {
  const layout = layoutBoard(template, board.notes, board.clusters, 'ltr');
  const notes = new Map(board.notes.map((n) => [n.id, n]));
  const clusters = new Map(board.clusters.map((c) => [c.id, c]));
  const mine = links.filter((l) => notes.has(l.noteId));
  const onBoard = mine.filter((l) => l.targetNoteId !== null && notes.has(l.targetNoteId));
  const drawn = new Set(onBoard.map((l) => l.id));
  const elsewhere = new Map<string, ({ id: string; noteId: string } | { id: string; kpiId: string })[]>();
  for (const l of mine) {
    if (drawn.has(l.id)) continue;
    const entry = l.targetNoteId !== null ? { id: l.id, noteId: l.targetNoteId } : { id: l.id, kpiId: l.targetKpiId! };
    elsewhere.set(l.noteId, [...(elsewhere.get(l.noteId) ?? []), entry]);
  }
  const nodes: JsonCanvasNode[] = [
    ...layout.zones.map(({ key, rect }) => ({
      id: `zone-${key}`,
      type: 'group' as const,
      ...rect,
      label: template?.zones.find((z) => z.key === key)?.title[language] ?? key,
      [JSON_CANVAS_KEY]: { zoneKey: key },
    })),
    ...layout.clusters.map(({ id, rect }) => {
      const c = clusters.get(id)!;
      return { id: `cluster-${id}`, type: 'group' as const, ...rect, label: c.label, [JSON_CANVAS_KEY]: { clusterId: id, zoneKey: c.zoneKey, orderIndex: c.orderIndex } };
    }),
    ...layout.notes.map(({ id, rect }) => {
      const n = notes.get(id)!;
      return {
        id,
        type: 'text' as const,
        ...rect,
        text: n.text,
        color: NOTE_COLORS[n.color].fill,
        [JSON_CANVAS_KEY]: {
          color: n.color,
          status: n.status,
          author: n.author,
          zoneKey: n.zoneKey,
          clusterId: n.clusterId,
          orderIndex: n.orderIndex,
          x: n.x,
          y: n.y,
          ...(elsewhere.has(id) ? { links: elsewhere.get(id) } : {}),
        },
      };
    }),
  ];
  // The credit a licence asks for, as a text node under the board that any JSON Canvas viewer shows;
  // our key marks it so that an import does not take it for a note.
  const attribution = template?.attribution?.[language];
  if (attribution) nodes.push({ id: 'attribution', type: 'text', x: 0, y: layout.height + 16, width: Math.max(layout.width, 400), height: 60, text: attribution, [JSON_CANVAS_KEY]: { attribution: true } });
  return {
    nodes,
    edges: onBoard.map((l) => ({ id: `link-${l.id}`, fromNode: l.noteId, toNode: l.targetNoteId!, toEnd: 'arrow', [JSON_CANVAS_KEY]: { linkId: l.id } })),
    [JSON_CANVAS_KEY]: { format: JSON_CANVAS_FORMAT, version: JSON_CANVAS_VERSION, templateId: board.canvas.templateId, title: board.canvas.title },
  };
}

export interface JsonCanvasIssue {
  path: (string | number)[];
  code: 'not_json' | 'invalid_type' | 'too_big' | 'duplicate_id' | 'not_integer' | 'unknown_node_type' | 'missing_field' | 'unknown_node' | 'invalid_value';
}

const NODE_TYPES = new Set(['text', 'file', 'link', 'group']);
const SIDES = new Set(['top', 'right', 'bottom', 'left']);
const ENDS = new Set(['none', 'arrow']);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks a parsed document against the JSON Canvas 1.0 rules: ids unique, integer geometry, known
 * node types with their required fields, edges that point at nodes. Walks a fixed depth only, so a
 * deeply nested hostile file cannot exhaust the stack.
 */
export function validateJsonCanvas(value: unknown): { ok: true; canvas: JsonCanvas } | { ok: false; issues: JsonCanvasIssue[] } {
  const issues: JsonCanvasIssue[] = [];
  const issue = (path: (string | number)[], code: JsonCanvasIssue['code']) => issues.push({ path, code });
  if (!isRecord(value)) return { ok: false, issues: [{ path: [], code: 'invalid_type' }] };
  const nodes = value.nodes ?? [];
  const edges = value.edges ?? [];
  if (!Array.isArray(nodes)) issue(['nodes'], 'invalid_type');
  if (!Array.isArray(edges)) issue(['edges'], 'invalid_type');
  if (issues.length) return { ok: false, issues };
  if ((nodes as unknown[]).length > JSON_CANVAS_LIMITS.nodes) issue(['nodes'], 'too_big');
  if ((edges as unknown[]).length > JSON_CANVAS_LIMITS.edges) issue(['edges'], 'too_big');
  if (issues.length) return { ok: false, issues };

  const ids = new Set<string>();
  const checkId = (id: unknown, path: (string | number)[]) => {
    if (typeof id !== 'string' || id.length === 0 || id.length > JSON_CANVAS_LIMITS.idLength) return issue(path, 'invalid_value');
    if (ids.has(id)) issue(path, 'duplicate_id');
    ids.add(id);
  };
  const optionalString = (node: Record<string, unknown>, key: string, path: (string | number)[]) => {
    if (node[key] !== undefined && typeof node[key] !== 'string') issue([...path, key], 'invalid_type');
  };

  (nodes as unknown[]).forEach((node, i) => {
    const path = ['nodes', i];
    if (!isRecord(node)) return issue(path, 'invalid_type');
    checkId(node.id, [...path, 'id']);
    if (typeof node.type !== 'string' || !NODE_TYPES.has(node.type)) issue([...path, 'type'], 'unknown_node_type');
    for (const key of ['x', 'y', 'width', 'height']) {
      if (!Number.isInteger(node[key])) issue([...path, key], 'not_integer');
    }
    if ((node.width as number) < 0 || (node.height as number) < 0) issue([...path, 'width'], 'invalid_value');
    const required = { text: 'text', file: 'file', link: 'url' }[node.type as string];
    if (required && typeof node[required] !== 'string') issue([...path, required], 'missing_field');
    if (typeof node.text === 'string' && node.text.length > JSON_CANVAS_LIMITS.textLength) issue([...path, 'text'], 'too_big');
    for (const key of ['color', 'label', 'background', 'backgroundStyle', 'subpath']) optionalString(node, key, path);
    if (node[JSON_CANVAS_KEY] !== undefined && !isRecord(node[JSON_CANVAS_KEY])) issue([...path, JSON_CANVAS_KEY], 'invalid_type');
  });
  const nodeIds = new Set((nodes as Record<string, unknown>[]).map((n) => (isRecord(n) ? n.id : undefined)));
  (edges as unknown[]).forEach((edge, i) => {
    const path = ['edges', i];
    if (!isRecord(edge)) return issue(path, 'invalid_type');
    checkId(edge.id, [...path, 'id']);
    for (const key of ['fromNode', 'toNode']) if (typeof edge[key] !== 'string' || !nodeIds.has(edge[key])) issue([...path, key], 'unknown_node');
    for (const key of ['fromSide', 'toSide']) if (edge[key] !== undefined && !SIDES.has(edge[key] as string)) issue([...path, key], 'invalid_value');
    for (const key of ['fromEnd', 'toEnd']) if (edge[key] !== undefined && !ENDS.has(edge[key] as string)) issue([...path, key], 'invalid_value');
    for (const key of ['color', 'label']) optionalString(edge, key, path);
  });
  if (value[JSON_CANVAS_KEY] !== undefined && !isRecord(value[JSON_CANVAS_KEY])) issue([JSON_CANVAS_KEY], 'invalid_type');
  // Both lists are optional in JSON Canvas 1.0: the canvas handed on has them, empty where absent.
  return issues.length ? { ok: false, issues } : { ok: true, canvas: { ...value, nodes, edges } as unknown as JsonCanvas };
}

/** Parses file text, then validates; a file that is not JSON at all says so. */
export function parseJsonCanvas(text: string): ReturnType<typeof validateJsonCanvas> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, issues: [{ path: [], code: 'not_json' }] };
  }
  return validateJsonCanvas(value);
}
