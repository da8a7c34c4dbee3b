/** `search.query`: the index finds records; each record's owner gives the text to cut a snippet from. */
import type { ParsedInput } from '../../shared/api/contract';
import type { SearchHit } from '../../shared/domain/search';
import { makeSnippet } from '../../shared/text/snippet';
import { queryTerms, type SearchIndex } from './search-index';

/** The original texts of a record, title first, as its owner stores them. */
export type RecordTexts = (id: string) => { title: string; texts: string[] } | undefined;

export function createSearchService(index: SearchIndex, sources: Record<SearchHit['kind'], RecordTexts>) {
  return {
    query({ text, limit }: ParsedInput<'search.query'>): SearchHit[] {
      const terms = queryTerms(text);
      return index.find(terms, limit).flatMap(({ kind, recordId }) => {
        const record = sources[kind as SearchHit['kind']]?.(recordId);
        if (!record) return [];
        const snippet = record.texts.map((t) => makeSnippet(t, terms)).find((s) => s !== undefined) ?? { text: record.title, highlights: [] };
        return [{ kind: kind as SearchHit['kind'], id: recordId, title: record.title, snippet: snippet.text, highlights: snippet.highlights }];
      });
    },
  };
}
