import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, TypedResponse } from 'hono';
import type { AppEnv } from './context.js';

/**
 * A fixed-window limit per key (client address) for the public form: a citizen applies a few
 * times an hour at most; a script filling the register is refused with 429 and when to retry.
 * In memory: one server process. Several servers behind a proxy would limit at the proxy.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(private readonly max: number, private readonly windowMs: number, private readonly now: () => number = Date.now) {}

  /** Count one attempt; returns the seconds to wait when over the limit, else 0. */
  hit(key: string): number {
    const t = this.now();
    let w = this.windows.get(key);
    if (!w || t - w.start >= this.windowMs) {
      w = { start: t, count: 0 };
      this.windows.set(key, w);
      if (this.windows.size > 100_000) this.sweep(t);
    }
    w.count++;
    return w.count > this.max ? Math.ceil((w.start + this.windowMs - t) / 1000) : 0;
  }

  private sweep(t: number): void {
    for (const [k, w] of this.windows) if (t - w.start >= this.windowMs) this.windows.delete(k);
  }
}

/** The client's network address (the rate limits' and the sign-in throttle's key); 'unknown' when the app runs without a socket. */
export function clientAddress(c: Context<AppEnv>): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/**
 * Count one public submission of this client; when over the limit, the 429 answer to return
 * (with Retry-After), else null.
 */
export function refusedByLimit(limiter: RateLimiter, c: Context<AppEnv>): TypedResponse<{ error: string }, 429, 'json'> | null {
  const wait = limiter.hit(clientAddress(c));
  if (wait === 0) return null;
  c.header('Retry-After', String(wait));
  return c.json({ error: `提交过于频繁，请约 ${Math.ceil(wait / 60)} 分钟后再试 (too many requests)` }, 429);
}
