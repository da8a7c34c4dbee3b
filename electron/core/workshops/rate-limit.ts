/**
 * Token buckets keyed by participant or address: each key may spend `burst` requests at once and
 * earns `perSecond` back. A flood is refused (429) before it reaches core; idle buckets are
 * forgotten so that a room of phones cannot grow the map without bound.
 */
export interface RateLimit {
  perSecond: number;
  burst: number;
}

const MAX_KEYS = 10_000;

export function createRateLimiter({ perSecond, burst }: RateLimit, now: () => number = () => performance.now()) {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    /** Spends one request for `key`; false when its bucket is empty. */
    take(key: string): boolean {
      const t = now();
      const bucket = buckets.get(key) ?? { tokens: burst, at: t };
      bucket.tokens = Math.min(burst, bucket.tokens + ((t - bucket.at) / 1000) * perSecond);
      bucket.at = t;
      if (!buckets.has(key)) {
        if (buckets.size >= MAX_KEYS) {
          for (const [k, b] of buckets) if (b.tokens >= burst - 1) buckets.delete(k);
        }
        buckets.set(key, bucket);
      }
      if (bucket.tokens < 1) return false;
      bucket.tokens -= 1;
      return true;
    },
  };
}
