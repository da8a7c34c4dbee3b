import { z } from 'zod';
import { IdSchema } from './common';

export const SEARCH_KINDS = ['project', 'challenge', 'idea', 'pilot'] as const;
export const SearchKindSchema = z.enum(SEARCH_KINDS);

export const SearchQuerySchema = z.strictObject({
  text: z.string().max(200),
  limit: z.int().min(1).max(50).default(20),
});

export const SearchHitSchema = z.object({
  kind: SearchKindSchema,
  id: IdSchema,
  title: z.string(),
  /** A short passage of the original text around the first match; `highlights` are [start, end) in it. */
  snippet: z.string(),
  highlights: z.array(z.tuple([z.int(), z.int()])),
});
export type SearchHit = z.infer<typeof SearchHitSchema>;
