/**
 * The directory as kept: regions in a tree, each with its government and the departments attached
 * to it; the file it exports; the regions below a region (a supervisor's scope is a subtree).
 */
import { BODY_LEVEL_LABELS, type BodyLevel } from '../register/bodies.js';
import type { RegionLevel } from './codes.js';
import { COLUMNS } from './rows.js';
import type { Table } from './table.js';

export interface RegionRecord {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
}

export interface BodyRecord {
  id: string;
  name: string;
  level: BodyLevel;
  regionCode: string | null;
  aliases: string[];
  creditCode: string | null;
  /** 在本系统办理: has officers, takes applications, publishes a catalogue; otherwise observed. */
  worksHere: boolean;
}

export interface RegionNode extends RegionRecord {
  /** The region's government first, then its departments and offices, by name. */
  bodies: BodyRecord[];
  children: RegionNode[];
  /** Bodies in this region and every region below it. */
  total: number;
}

export interface DirectoryTree {
  roots: RegionNode[];
  /** Bodies with no region (kept before the directory had regions, or added without one). */
  unplaced: BodyRecord[];
}

/** Whether `body` is the government of its region (same level as the region). */
const governs = (body: BodyRecord, region: RegionRecord) => body.regionCode === region.code && body.level === region.level;

/** The tree of regions with their bodies; a region whose parent is not kept is a root. */
export function buildTree(regions: readonly RegionRecord[], bodies: readonly BodyRecord[]): DirectoryTree {
  const nodes = new Map<string, RegionNode>(regions.map((r) => [r.code, { ...r, bodies: [], children: [], total: 0 }]));
  const unplaced: BodyRecord[] = [];
  for (const b of bodies) {
    const node = b.regionCode ? nodes.get(b.regionCode) : undefined;
    if (node) node.bodies.push(b);
    else unplaced.push(b);
  }
  const roots: RegionNode[] = [];
  for (const n of nodes.values()) {
    const parent = n.parentCode ? nodes.get(n.parentCode) : undefined;
    if (parent && parent !== n) parent.children.push(n);
    else roots.push(n);
  }
  const byCode = (a: RegionRecord, b: RegionRecord) => a.code.localeCompare(b.code);
  const count = (n: RegionNode): number => {
    n.bodies.sort((a, b) => Number(governs(b, n)) - Number(governs(a, n)) || a.name.localeCompare(b.name, 'zh'));
    n.children.sort(byCode);
    n.total = n.bodies.length + n.children.reduce((sum, c) => sum + count(c), 0);
    return n.total;
  };
  roots.sort(byCode);
  roots.forEach(count);
  unplaced.sort((a, b) => a.name.localeCompare(b.name, 'zh'));
  return { roots, unplaced };
}

/** The codes of `code` and every region below it. */
export function subtreeCodes(regions: readonly RegionRecord[], code: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const r of regions) if (r.parentCode) children.set(r.parentCode, [...(children.get(r.parentCode) ?? []), r.code]);
  const out = new Set<string>();
  const walk = (c: string) => {
    if (out.has(c)) return;
    out.add(c);
    for (const k of children.get(c) ?? []) walk(k);
  };
  if (regions.some((r) => r.code === code)) walk(code);
  return out;
}

/** The directory as the import reads it: header, then each region's government, departments and regions below, depth first. */
export function exportTable(regions: readonly RegionRecord[], bodies: readonly BodyRecord[]): Table {
  const { roots, unplaced } = buildTree(regions, bodies);
  const rows: Table = [COLUMNS.map(([, label]) => label)];
  const row = (b: BodyRecord, code: string, parent: string | null) =>
    rows.push([code, b.name, BODY_LEVEL_LABELS[b.level], parent ?? '', b.aliases.join('、'), b.worksHere ? '是' : '否', b.creditCode ?? '']);
  const walk = (n: RegionNode) => {
    let government = false;
    for (const b of n.bodies) {
      if (!government && governs(b, n)) {
        government = true;
        row(b, n.code, n.parentCode);
      } else row(b, b.id, n.code);
    }
    n.children.forEach(walk);
  };
  roots.forEach(walk);
  for (const b of unplaced) row(b, b.id, null);
  return rows;
}
