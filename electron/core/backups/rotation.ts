/**
 * Which backups to keep: the newest ten, the newest of each of the last seven days, and the
 * newest of each of the last eight weeks. Everything else is deleted after a new backup.
 */
export const KEEP_RECENT = 10;
export const KEEP_DAYS = 7;
export const KEEP_WEEKS = 8;

const DAY_MS = 86_400_000;

export function backupsToKeep(createdAt: readonly Date[], now: Date): Set<number> {
  const order = createdAt.map((date, index) => ({ date, index })).sort((a, b) => b.date.getTime() - a.date.getTime());
  const keep = new Set(order.slice(0, KEEP_RECENT).map((b) => b.index));
  const newestIn = (bucketOf: (d: Date) => number, limit: number) => {
    const seen = new Set<number>();
    for (const { date, index } of order) {
      const bucket = bucketOf(date);
      if (bucket >= limit || seen.has(bucket)) continue;
      seen.add(bucket);
      keep.add(index);
    }
  };
  const daysAgo = (d: Date) => Math.floor((now.getTime() - d.getTime()) / DAY_MS);
  newestIn(daysAgo, KEEP_DAYS);
  newestIn((d) => Math.floor(daysAgo(d) / 7), KEEP_WEEKS);
  return keep;
}
