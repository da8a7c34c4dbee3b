/** JSON Canvas 1.0: what we write passes the format's rules; what breaks them is named. */
import { describe, expect, it } from 'vitest';
import { findTemplate } from '../../../electron/shared/canvas/catalogue';
import { parseJsonCanvas, toJsonCanvas, validateJsonCanvas } from '../../../electron/shared/canvas/export/json-canvas';
import { fixtureBoard } from './fixture-board';

const board = fixtureBoard;

describe('toJsonCanvas', () => {
  it('writes zones and clusters as groups and notes as text nodes, valid by the rules', () => {
    const doc = toJsonCanvas(board, findTemplate('business-model-canvas')!, 'ar');
    expect(validateJsonCanvas(JSON.parse(JSON.stringify(doc)))).toMatchObject({ ok: true });
    expect(doc.nodes.filter((n) => n.type === 'group')).toHaveLength(9 + 1);
    const notes = doc.nodes.filter((n) => n.type === 'text' && n.id !== 'attribution');
    expect(notes).toHaveLength(board.notes.length);
    expect(notes.map((n) => n.text)).toEqual(expect.arrayContaining(board.notes.map((n) => n.text)));
    // The Business Model Canvas's CC BY-SA credit, in the export's language, under the board and marked as ours.
    const credit = doc.nodes.find((n) => n.id === 'attribution')!;
    expect(credit).toMatchObject({ type: 'text', text: findTemplate('business-model-canvas')!.attribution!.ar, ibtikar: { attribution: true } });
    expect(credit.y).toBeGreaterThan(Math.max(...notes.map((n) => n.y + n.height)));
    expect(toJsonCanvas(board, findTemplate('swot')!, 'ar').nodes.some((n) => n.id === 'attribution')).toBe(false);
    expect(doc.nodes.find((n) => n.id === 'zone-segments')!.label).toBe('فئات المتعاملين');
    expect(doc.nodes.every((n) => [n.x, n.y, n.width, n.height].every(Number.isInteger))).toBe(true);
    expect(doc.ibtikar).toMatchObject({ format: 'ibtikar-canvas', version: 1, templateId: 'business-model-canvas' });
  });
});

describe('validateJsonCanvas', () => {
  const node = { id: 'a', type: 'text', text: 'x', x: 0, y: 0, width: 10, height: 10 };
  it.each([
    ['not JSON', '{nodes: [', 'not_json'],
    ['not an object', '[1, 2]', 'invalid_type'],
    ['nodes not a list', '{"nodes": {}}', 'invalid_type'],
    ['duplicate ids', JSON.stringify({ nodes: [node, node] }), 'duplicate_id'],
    ['fractional geometry', JSON.stringify({ nodes: [{ ...node, x: 1.5 }] }), 'not_integer'],
    ['an unknown node type', JSON.stringify({ nodes: [{ ...node, type: 'sticky' }] }), 'unknown_node_type'],
    ['a text node without text', JSON.stringify({ nodes: [{ ...node, text: undefined }] }), 'missing_field'],
    ['an edge to nowhere', JSON.stringify({ nodes: [node], edges: [{ id: 'e', fromNode: 'a', toNode: 'b' }] }), 'unknown_node'],
    ['an edge id shared with a node', JSON.stringify({ nodes: [node], edges: [{ id: 'a', fromNode: 'a', toNode: 'a' }] }), 'duplicate_id'],
    ['too many nodes', JSON.stringify({ nodes: Array.from({ length: 5001 }, (_, i) => ({ ...node, id: `n${i}` })) }), 'too_big'],
  ])('refuses %s', (_what, text, code) => {
    const result = parseJsonCanvas(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues.map((i) => i.code)).toContain(code);
  });

  it('accepts an empty canvas and ignores keys it does not know, __proto__ included', () => {
    expect(parseJsonCanvas('{}').ok).toBe(true);
    const result = parseJsonCanvas(JSON.stringify({ nodes: [{ ...node, extra: 1 }], edges: [] }).replace('"extra"', '"__proto__"'));
    expect(result.ok).toBe(true);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});
