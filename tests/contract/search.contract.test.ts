/** Search across records with the folding of TOOLCHAIN.md; no user input can break the query. */
import fc from 'fast-check';
import { ProjectListQuerySchema } from '../../electron/shared/domain/project';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchExpression, queryTerms } from '../../electron/core/search/search-index';
import type { SearchHit } from '../../electron/shared/domain/search';
import { makeCore, type TestCore } from '../support/core';

let test: TestCore;
const ids: Record<string, string> = {};

async function search(text: string): Promise<SearchHit[]> {
  const result = await test.call('search.query', { text });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value as SearchHit[];
}
const titles = async (text: string) => (await search(text)).map((h) => h.title).sort();

beforeAll(async () => {
  test = makeCore();
  for (const [key, title, summary] of [
    ['harakat', 'مَدْرَسَةٌ رَقْمِيَّةٌ', ''],
    ['ahmad', 'احمد ومنصة المواعيد', ''],
    ['article', 'تحسين المدرسة الابتدائية', ''],
    ['uzbek', 'Oʻzbekiston maktablari', 'Raqamli xizmat'],
    ['talim', 'Maktabgacha taʼlim navbati', ''],
    ['angelo', "D'Angelo school meals", ''],
    ['yolka', 'Ёлка в парке', ''],
    ['english', 'Digital permits', 'A pilot in Tashkent with the Ministry of Justice to cut paper permits.'],
  ]) {
    const result = await test.call('projects.create', { title, summary });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    ids[key] = (result.value as { id: string }).id;
  }
});
afterAll(() => test.close());

describe('search', () => {
  it.each([
    ['a query without harakat finds text with them', 'مدرسة رقمية', ['مَدْرَسَةٌ رَقْمِيَّةٌ']],
    ['أحمد finds احمد', 'أحمد', ['احمد ومنصة المواعيد']],
    ['a word finds it after the article ال', 'مدرسة الابتدائية', ['تحسين المدرسة الابتدائية']],
    ["O'zbekiston finds Oʻzbekiston", "O'zbekiston", ['Oʻzbekiston maktablari']],
    ['O’zbekiston finds Oʻzbekiston', 'O’zbekiston', ['Oʻzbekiston maktablari']],
    ["ta'lim finds taʼlim (the tutuq belgisi typed with a plain apostrophe)", "ta'lim", ['Maktabgacha taʼlim navbati']],
    ['ta’lim finds taʼlim', 'ta’lim', ['Maktabgacha taʼlim navbati']],
    ["Angelo finds D'Angelo (an apostrophe parts words)", 'Angelo', ["D'Angelo school meals"]],
    ['ёлка finds елка and Ёлка', 'елка', ['Ёлка в парке']],
    ['case does not matter', 'DIGITAL', ['Digital permits']],
    ['a prefix finds the word', 'perm', ['Digital permits']],
    ['every term must match', 'digital tashkent', ['Digital permits']],
    ['terms from different fields match together', 'oʻzbekiston raqamli', ['Oʻzbekiston maktablari']],
    ['nothing matches nothing', 'zebra', []],
    ['an empty query finds nothing', '   ', []],
  ])('%s', async (_what, query, expected) => {
    expect(await titles(query)).toEqual(expected);
  });

  it('shows the matched passage of the original text, with the match marked', async () => {
    const [hit] = await search('ministry');
    expect(hit).toMatchObject({ kind: 'project', id: ids.english, title: 'Digital permits' });
    const [[start, end]] = hit.highlights;
    expect(hit.snippet.slice(start, end)).toBe('Ministry');
    const arabic = (await search('مدرسة')).find((h) => h.id === ids.harakat)!;
    expect(arabic.snippet.slice(...arabic.highlights[0])).toBe('مَدْرَسَةٌ');
  });

  it('follows edits and deletions', async () => {
    const created = await test.call('projects.create', { title: 'Temporary water project' });
    const id = (created as { value: { id: string } }).value.id;
    expect(await titles('water')).toEqual(['Temporary water project']);
    await test.call('projects.update', { id, patch: { title: 'Temporary irrigation project' } });
    expect(await titles('water')).toEqual([]);
    expect(await titles('irrigation')).toEqual(['Temporary irrigation project']);
    await test.call('projects.delete', { id });
    expect(await titles('irrigation')).toEqual([]);
  });

  it.each(['"', 'AND', 'OR NOT', '*', 'title:x', '(', 'NEAR(a b)', "'; DROP TABLE projects; --", '^', '""*"'])(
    'treats %j as plain text, never as query syntax',
    async (text) => {
      await expect(search(text)).resolves.toBeInstanceOf(Array);
    },
  );

  it('never throws, whatever the user types', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200, unit: 'grapheme' }).filter((s) => s.length <= 200), async (text) => {
        const result = await test.call('search.query', { text });
        expect(result, JSON.stringify(text)).toMatchObject({ ok: true });
      }),
      { numRuns: 300 },
    );
  });

  it('quotes every term, doubling embedded quotes', () => {
    expect(matchExpression(queryTerms('Ahmad "x'))).toBe('"ahmad"* AND "x"*');
    expect(matchExpression(['a"b'])).toBe('"a""b"*');
    expect(matchExpression(['a', 'b'], 'title')).toBe('title : "a"* AND title : "b"*');
  });

  it('lists records with every term in their title first, then the others, newest first within each', async () => {
    const create = async (title: string, summary = '') => ((await test.call('projects.create', { title, summary })) as { value: { id: string } }).value.id;
    const olderTitle = await create('Kindergarten queue by SMS');
    const olderBody = await create('Parents informed', 'Each kindergarten queue move is sent by SMS.');
    const newerTitle = await create('Kindergarten queue in Chilonzor');
    const partlyInTitle = await create('Kindergarten meals', 'A queue for lunches.');
    try {
      const hits = await search('kindergarten queue');
      expect(hits.map((h) => h.id)).toEqual([newerTitle, olderTitle, partlyInTitle, olderBody]);
      // The cap holds over both groups.
      const capped = await test.call('search.query', { text: 'kindergarten queue', limit: 3 });
      expect((capped as { value: SearchHit[] }).value.map((h) => h.id)).toEqual([newerTitle, olderTitle, partlyInTitle]);
    } finally {
      for (const id of [olderTitle, olderBody, newerTitle, partlyInTitle]) await test.call('projects.delete', { id });
    }
  });

  it('rebuilds the index when it was built by another version of the folding', async () => {
    test.core.db.prepare("UPDATE search_meta SET value = 'old' WHERE key = 'version'").run();
    test.core.db.prepare('DELETE FROM search_index').run();
    test.core.db.prepare('DELETE FROM search_records').run();
    // A title folded by another version of the folding (here with U+02BC) is folded again too.
    test.core.db.prepare("UPDATE projects SET title = 'Maktabgacha ta''lim navbati', title_folded = 'maktabgacha taʼlim navbati' WHERE id = ?").run(ids.talim);
    const { createCore } = await import('../../electron/core/create-core');
    const { silentLogger, steppingClock } = await import('../support/core');
    const { uuidV7Ids } = await import('../../electron/core/ids');
    const { createSettingsStore } = await import('../../electron/core/settings-store');
    const reopened = createCore({
      db: test.core.db,
      clock: steppingClock(),
      ids: uuidV7Ids(),
      paths: { dataDir: test.dataDir },
      settings: createSettingsStore({ read: () => ({}), write: () => {} }),
      logger: silentLogger,
      appVersion: 'test',
    });
    const result = await reopened.handlers['search.query']({ text: 'permits', limit: 20 }, { role: 'host', door: 'inprocess' });
    expect(result.map((h) => h.title)).toEqual(['Digital permits']);
    const query = ProjectListQuerySchema.parse({ search: 'taʼlim' });
    const filtered = await reopened.handlers['projects.list'](query, { role: 'host', door: 'inprocess' });
    expect(filtered.items.map((p) => p.title)).toEqual(["Maktabgacha ta'lim navbati"]);
  });
});
