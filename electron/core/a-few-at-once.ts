/**
 * Runs `work` on every item, at most `width` at once (file work whose waits can overlap: flushes,
 * reads and writes). After a failure nothing new starts; it waits for the work already running, so
 * nothing is still writing when the caller cleans up, then throws the failure of the earliest item
 * in the list (every item before it had started), so the same input always gives the same error.
 */
export async function aFewAtOnce<T>(items: readonly T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const failures = new Map<number, unknown>();
  const worker = async () => {
    while (next < items.length && failures.size === 0) {
      const index = next++;
      try {
        await work(items[index]);
      } catch (error) {
        failures.set(index, error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
  if (failures.size > 0) throw failures.get(Math.min(...failures.keys()));
}
