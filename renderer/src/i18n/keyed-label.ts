import type { TFunction } from 'i18next';

/**
 * Criteria (gate checklists, idea scorecards) come with translated defaults and the lab's own
 * wording: a default shows its translation until the lab renames it.
 */
export const keyedLabel = (t: TFunction, keyOf: (key: string) => string, item: { key: string | null; label: string | null }) =>
  item.key && !item.label ? t(keyOf(item.key)) : (item.label ?? '');
