import { BlockList, isIP } from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler, TypedResponse } from 'hono';
import type { AppEnv } from './context.js';

/**
 * A fixed-window limit per key (client address) for the public form: a citizen applies a few
 * times an hour at most; a script filling the register is refused with 429 and when to retry.
 * In memory: one server process. Several servers behind a proxy would limit at the proxy.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(private readonly max: number, private readonly windowMs: number, private readonly now: () => number = Date.now) {}

  /** Count one attempt unless over the limit; returns the seconds to wait when over it, else 0. */
  hit(key: string): number {
    const t = this.now();
    let w = this.windows.get(key);
    if (!w || t - w.start >= this.windowMs) {
      w = { start: t, count: 0 };
      this.windows.set(key, w);
      if (this.windows.size > 100_000) this.sweep(t);
    }
    if (w.count >= this.max) return Math.max(1, Math.ceil((w.start + this.windowMs - t) / 1000));
    w.count++;
    return 0;
  }

  /** Give back an attempt counted by `hit` that was not accepted (an invalid submission). */
  release(key: string): void {
    const w = this.windows.get(key);
    if (w && w.count > 0) w.count--;
  }

  private sweep(t: number): void {
    for (const [k, w] of this.windows) if (t - w.start >= this.windowMs) this.windows.delete(k);
  }
}

/** An IPv4 address written as IPv6 (`::ffff:192.0.2.1`, as a dual-stack socket reports it) as plain IPv4. */
function plainAddress(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1]! : address;
}

/** An address of an X-Forwarded-For hop without its port or brackets (`[2001:db8::1]:443`, `192.0.2.1:80`), or null when it is none. */
function hopAddress(hop: string): string | null {
  const h = hop.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(h);
  const v4port = /^(\d+\.\d+\.\d+\.\d+):\d+$/.exec(h);
  const address = plainAddress(bracketed?.[1] ?? v4port?.[1] ?? h);
  return isIP(address) ? address : null;
}

export type TrustedProxies = (address: string) => boolean;

/**
 * The proxies whose X-Forwarded-For we believe: addresses and CIDR ranges, IPv4 and IPv6, comma
 * separated (GONGKAI_TRUSTED_PROXIES, e.g. `127.0.0.1, 10.0.0.0/8, ::1`). None by default: the
 * header is then ignored, since any client can send it. A wrong entry stops the start.
 */
export function trustedProxies(entries: readonly string[]): TrustedProxies {
  const list = new BlockList();
  for (const raw of entries.map((e) => e.trim()).filter(Boolean)) {
    const [address, prefix, extra] = raw.split('/');
    const family = isIP(plainAddress(address ?? ''));
    const bits = prefix === undefined ? null : Number(prefix);
    const max = family === 6 ? 128 : 32;
    if (!family || extra !== undefined || (bits !== null && (!/^\d{1,3}$/.test(prefix!) || bits > max))) {
      throw new Error(`GONGKAI_TRUSTED_PROXIES 中的“${raw}”不是 IP 地址或网段（如 10.0.0.0/8、::1）`);
    }
    const type = family === 6 ? 'ipv6' : 'ipv4';
    if (bits === null) list.addAddress(plainAddress(address!), type);
    else list.addSubnet(plainAddress(address!), bits, type);
  }
  return (address) => {
    const a = plainAddress(address);
    const family = isIP(a);
    return family !== 0 && list.check(a, family === 6 ? 'ipv6' : 'ipv4');
  };
}

/**
 * The client's address: the socket's peer, or, when that peer is a trusted proxy, the
 * X-Forwarded-For hops read from the right (each appended by the proxy in front of it) until the
 * first hop that is not a trusted proxy. A hop that is not an address ends the walk at the last
 * good one.
 */
export function clientAddressOf(peer: string, forwardedFor: string | undefined, trusted: TrustedProxies): string {
  let address = plainAddress(peer);
  if (!forwardedFor) return address;
  const hops = forwardedFor.split(',');
  for (let i = hops.length - 1; i >= 0 && trusted(address); i--) {
    const hop = hopAddress(hops[i]!);
    if (!hop) break;
    address = hop;
  }
  return address;
}

function socketAddress(c: Context<AppEnv>): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Finds each request's client address once (c.get('clientAddress')), through the trusted proxies. */
export function clientAddressMiddleware(entries: readonly string[]): MiddlewareHandler<AppEnv> {
  const trusted = trustedProxies(entries);
  return async (c, next) => {
    // Several X-Forwarded-For headers count as one list, in order.
    c.set('clientAddress', clientAddressOf(socketAddress(c), c.req.raw.headers.get('x-forwarded-for') ?? undefined, trusted));
    await next();
  };
}

/** The client's network address (the rate limits' and the sign-in throttle's key); 'unknown' when the app runs without a socket. */
export function clientAddress(c: Context<AppEnv>): string {
  return c.get('clientAddress') ?? plainAddress(socketAddress(c));
}

/**
 * Count one public submission of this client; when over the limit, the 429 answer to return
 * (with Retry-After), else null. Only accepted submissions stay counted: see `keepIfAccepted`.
 */
export function refusedByLimit(limiter: RateLimiter, c: Context<AppEnv>): TypedResponse<{ error: string }, 429, 'json'> | null {
  const wait = limiter.hit(clientAddress(c));
  if (wait === 0) return null;
  c.header('Retry-After', String(wait));
  return c.json({ error: `提交过于频繁，请约 ${Math.ceil(wait / 60)} 分钟后再试 (too many requests)` }, 429);
}

/**
 * Run a submission counted by `refusedByLimit`; give its count back unless it was accepted (a
 * refused or failed submission does not use up the citizen's allowance).
 */
export async function keepIfAccepted<T>(limiter: RateLimiter, c: Context<AppEnv>, submit: () => Promise<T>, accepted: (result: T) => boolean): Promise<T> {
  let kept = false;
  try {
    const result = await submit();
    kept = accepted(result);
    return result;
  } finally {
    if (!kept) limiter.release(clientAddress(c));
  }
}
