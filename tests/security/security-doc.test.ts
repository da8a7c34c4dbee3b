/**
 * docs/security.md maps the 20 checklist items to the tests that prove them. This keeps the map
 * true: one row per item in order, every test it names exists in the file it names, and every item
 * of checklist.test.ts has its row.
 */
import { describe, expect, it } from 'vitest';
import { readSource } from '../support/sources';

const SHORT_NAMES: Record<string, string> = {
  checklist: 'tests/security/checklist.test.ts',
  'external-links': 'tests/security/external-links.test.ts',
  electronegativity: 'tests/security/electronegativity.test.ts',
};

const doc = readSource('docs/security.md');
const rows = doc
  .split('\n')
  .filter((line) => /^\| \d+ \|/.test(line))
  .map((line) => {
    const cells = line.split(' | ');
    const proof = cells.at(-1)!.replace(/ \|$/, '');
    const files = [...proof.matchAll(/`([^`]+)`/g)].map((m) => SHORT_NAMES[m[1]] ?? m[1]).filter((f) => f.endsWith('.test.ts'));
    const names = [...proof.matchAll(/"([^"]+)"/g)].map((m) => m[1]);
    return { item: Number(/^\| (\d+) \|/.exec(line)![1]), cells: cells.length, proof, files, names };
  });
const checklist = readSource(SHORT_NAMES.checklist);

describe('docs/security.md', () => {
  it('has one row per checklist item, 1 to 20, each with an item, how it is met and its proof', () => {
    expect(rows.map((r) => r.item)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    for (const row of rows) expect(row.cells, `row ${row.item}`).toBe(4);
  });

  it('names, for every item, tests that exist in the files it names', () => {
    for (const row of rows) {
      expect(row.files.length, `row ${row.item}`).toBeGreaterThan(0);
      expect(row.names.length, `row ${row.item}`).toBeGreaterThan(0);
      const texts = row.files.map(readSource);
      for (const name of row.names) expect(texts.some((text) => text.includes(`'${name}'`)), `row ${row.item}: "${name}"`).toBe(true);
      if (row.files.includes(SHORT_NAMES.checklist)) expect(row.proof, `row ${row.item}`).toContain(`item ${row.item}:`);
    }
  });

  it('has a row for every item that checklist.test.ts proves, in the same order', () => {
    const items = [...checklist.matchAll(/^describe\('item (\d+):/gm)].map((m) => Number(m[1]));
    expect(items).toEqual(rows.map((r) => r.item));
  });
});
