/**
 * What a server keeps of what it built for supervisors (an overview's rows, a 问题清单 page),
 * per set of services (one database), under a key that holds the data's versions — moved by
 * triggers on every change, whichever server or command makes it — so a kept value is never
 * older than the database. The oldest values go first past a limit.
 */
import { createHash } from 'node:crypto';
import type { Viewer } from '../../store/published-store.js';
import type { AppServices } from '../context.js';

const kept = new WeakMap<AppServices, Map<string, Map<string, unknown>>>();

/** The value kept under `key` in `area`, or the one `build` makes now (and keeps). */
export async function keptOr<T>(s: AppServices, area: string, key: string, max: number, build: () => Promise<T>): Promise<T> {
  const areas = kept.get(s) ?? new Map<string, Map<string, unknown>>();
  kept.set(s, areas);
  const cache = areas.get(area) ?? new Map<string, unknown>();
  areas.set(area, cache);
  if (cache.has(key)) return cache.get(key) as T;
  const value = await build();
  if (cache.size >= max) cache.delete(cache.keys().next().value!);
  cache.set(key, value);
  return value;
}

/** A short key of whose scope it is: thousands of body ids for a province, hashed. */
export const scopeKey = (v: Viewer): string => createHash('sha256').update(JSON.stringify([v.all, v.id, v.bodies])).digest('hex');
