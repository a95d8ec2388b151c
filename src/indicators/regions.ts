/**
 * The regions an indicator table is read in: a region's chain up to its root (whose thresholds it
 * inherits), the lowest region holding a set of bodies (the region of a scope shown whole), and
 * the regions worth offering in a chooser (those above some body of the scope). Pure.
 */
import type { RegionRecord } from '../directory/tree.js';

/** The region and every region above it, nearest first (stops at a missing parent or a loop). */
export function chainOf(byCode: ReadonlyMap<string, RegionRecord>, code: string | null): RegionRecord[] {
  const out: RegionRecord[] = [];
  for (let r = code ? byCode.get(code) : undefined; r && !out.includes(r); r = r.parentCode ? byCode.get(r.parentCode) : undefined) out.push(r);
  return out;
}

/** The lowest region whose subtree holds every one of these region codes; null when there is none (or a body has no region). */
export function commonRegion(byCode: ReadonlyMap<string, RegionRecord>, codes: readonly (string | null)[]): RegionRecord | null {
  if (codes.length === 0 || codes.some((c) => c === null || !byCode.has(c))) return null;
  let common = chainOf(byCode, codes[0]!);
  for (const c of new Set(codes.slice(1))) {
    const above = new Set(chainOf(byCode, c).map((r) => r.code));
    common = common.filter((r) => above.has(r.code));
  }
  return common[0] ?? null;
}

export interface RegionOption {
  code: string;
  name: string;
  /** 0 for the top of the offered tree. */
  depth: number;
}

/** The regions holding at least one of these region codes, in tree order (depth first, by code), each with its depth. */
export function regionOptions(byCode: ReadonlyMap<string, RegionRecord>, codes: readonly (string | null)[]): RegionOption[] {
  const keep = new Set<string>();
  for (const c of new Set(codes)) for (const r of chainOf(byCode, c)) keep.add(r.code);
  const children = new Map<string | null, RegionRecord[]>();
  for (const code of keep) {
    const r = byCode.get(code)!;
    const parent = r.parentCode && keep.has(r.parentCode) ? r.parentCode : null;
    children.set(parent, [...(children.get(parent) ?? []), r]);
  }
  const out: RegionOption[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const r of (children.get(parent) ?? []).sort((a, b) => a.code.localeCompare(b.code))) {
      out.push({ code: r.code, name: r.name, depth });
      walk(r.code, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}
