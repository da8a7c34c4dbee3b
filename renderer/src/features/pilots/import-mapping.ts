/** The column-mapping step of a measurement import: which column holds which field. */

export const MAPPED_FIELDS = ['kpi', 'group', 'period', 'value', 'numerator', 'denominator', 'unitId'] as const;
export type MappedField = (typeof MAPPED_FIELDS)[number];
/** Column names chosen so far ('' for none), and a KPI fixed for the whole file ('' for a KPI column). */
export type MappingDraft = Record<MappedField, string> & { kpiId: string };

/** Header words (lower case, in the four languages) that suggest a field. */
const HINTS: Record<MappedField, string[]> = {
  kpi: ['kpi', 'indicator', 'metric', 'مؤشر', 'المؤشر', 'показатель', 'koʻrsatkich', 'korsatkich'],
  group: ['group', 'arm', 'مجموعة', 'المجموعة', 'группа', 'guruh'],
  period: ['period', 'date', 'month', 'week', 'فترة', 'الفترة', 'تاريخ', 'период', 'дата', 'davr', 'sana'],
  value: ['value', 'amount', 'قيمة', 'القيمة', 'значение', 'qiymat'],
  numerator: ['numerator', 'successes', 'events', 'بسط', 'числитель'],
  denominator: ['denominator', 'trials', 'total', 'مقام', 'знаменатель'],
  unitId: ['unit', 'unit id', 'وحدة', 'единица', 'birlik'],
};

export function guessMapping(columns: string[]): MappingDraft {
  const used = new Set<string>();
  const pick = (field: MappedField) => {
    const found = columns.find((c) => !used.has(c) && HINTS[field].includes(c.trim().toLowerCase()));
    if (found) used.add(found);
    return found ?? '';
  };
  const draft = Object.fromEntries(MAPPED_FIELDS.map((f) => [f, pick(f)])) as Record<MappedField, string>;
  return { ...draft, kpiId: '' };
}
