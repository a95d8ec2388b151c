/**
 * The bodies × indicators table of one region and year: each body's values judged under the
 * region's thresholds, with its rank, its change on last year and its distance from the region's
 * median; the region's totals and distribution. Also which thresholds apply to a region (its own,
 * else the nearest region above that set them, else the definition's default). Pure.
 */
import {
  change,
  computeIndicators,
  distribution,
  judge,
  ranks,
  regionValue,
  thresholdWords,
  type Distribution,
  type Judged,
  type RegionValue,
  type ReportTables,
} from './compute.js';
import { INDICATORS, type IndicatorDef, type Thresholds } from './definitions.js';

/** Where a region's threshold of one indicator comes from. */
export interface AppliedThresholds {
  thresholds: Thresholds | null;
  /** The region code that set it; null: the definition's default. */
  setBy: string | null;
}

/**
 * The thresholds that apply, per indicator: `chain` lists the overrides of the region and then of
 * each region above it (nearest first), each by indicator key.
 */
export function applicableThresholds(
  chain: readonly { code: string; overrides: Readonly<Record<string, Thresholds>> }[],
  defs: readonly IndicatorDef[] = INDICATORS,
): Record<string, AppliedThresholds> {
  return Object.fromEntries(
    defs.map((d) => {
      const set = d.direction ? chain.find((c) => c.overrides[d.key]) : undefined;
      return [d.key, set ? { thresholds: set.overrides[d.key]!, setBy: set.code } : { thresholds: d.direction ? d.thresholds : null, setBy: null }];
    }),
  );
}

export interface TableBody {
  id: string;
  name: string;
}

export interface BodyCell extends Judged {
  rank: number | null;
  /** Change on last year (percentage points for rates). */
  change: number | null;
  /** Value minus the region's median (judged values only). */
  vsMedian: number | null;
}

export interface BodyLine extends TableBody {
  /** The year's report exists (readable). */
  reported: boolean;
  cells: Record<string, BodyCell>;
  red: number;
  yellow: number;
}

export interface IndicatorTable {
  year: number;
  bodies: BodyLine[];
  region: Record<string, RegionValue>;
  distribution: Record<string, Distribution | null>;
  thresholds: Record<string, AppliedThresholds & { words: string }>;
}

/**
 * Build the table. `reports` gives each body's tables by year; only `year` and `year − 1` are read.
 */
export function indicatorTable(
  bodies: readonly TableBody[],
  reports: ReadonlyMap<string, ReadonlyMap<number, ReportTables>>,
  year: number,
  thresholds: Record<string, AppliedThresholds>,
  defs: readonly IndicatorDef[] = INDICATORS,
): IndicatorTable {
  const current = new Map<string, Record<string, Judged>>();
  const previous = new Map<string, ReturnType<typeof computeIndicators>>();
  for (const b of bodies) {
    const now = reports.get(b.id)?.get(year);
    const before = reports.get(b.id)?.get(year - 1);
    if (now) {
      const values = computeIndicators(now, defs);
      current.set(b.id, Object.fromEntries(defs.map((d) => [d.key, judge(d, values[d.key]!, thresholds[d.key]?.thresholds ?? null)])));
    }
    if (before) previous.set(b.id, computeIndicators(before, defs));
  }
  const region: Record<string, RegionValue> = {};
  const dist: Record<string, Distribution | null> = {};
  const rankOf: Record<string, Map<string, number>> = {};
  for (const d of defs) {
    const judged = [...current.entries()].filter(([, v]) => v[d.key]!.judged).map(([id, v]) => ({ id, value: v[d.key]!.value }));
    region[d.key] = regionValue(d, [...current.values()].map((v) => v[d.key]!));
    dist[d.key] = distribution(judged.map((e) => e.value!));
    rankOf[d.key] = ranks(d, judged);
  }
  const lines = bodies.map((b): BodyLine => {
    const values = current.get(b.id);
    const cells: Record<string, BodyCell> = {};
    let red = 0;
    let yellow = 0;
    if (values) {
      for (const d of defs) {
        const v = values[d.key]!;
        const median = dist[d.key]?.median;
        cells[d.key] = {
          ...v,
          rank: rankOf[d.key]!.get(b.id) ?? null,
          change: change(v, previous.get(b.id)?.[d.key]),
          vsMedian: v.judged && median !== undefined ? Math.round((v.value! - median) * 1e9) / 1e9 : null,
        };
        if (v.flag === 'red') red++;
        if (v.flag === 'yellow') yellow++;
      }
    }
    return { ...b, reported: values !== undefined, cells, red, yellow };
  });
  const words = Object.fromEntries(defs.map((d) => [d.key, { ...thresholds[d.key]!, words: thresholdWords(d, thresholds[d.key]?.thresholds ?? null) }]));
  return { year, bodies: lines, region, distribution: dist, thresholds: words };
}

export interface SubregionLine {
  code: string;
  name: string;
  /** Bodies of the table in the subregion, and those with the year's report. */
  bodies: number;
  reported: number;
  totals: Record<string, RegionValue>;
}

/**
 * The totals of each region below the table's region (a city's counties), from the table's own
 * body lines: the same pooled sums as the region's total, over the bodies in each subtree.
 */
export function subregionLines(
  table: Pick<IndicatorTable, 'bodies'>,
  subregions: readonly { code: string; name: string; bodyIds: ReadonlySet<string> }[],
  defs: readonly IndicatorDef[] = INDICATORS,
): SubregionLine[] {
  return subregions.map((r) => {
    const lines = table.bodies.filter((b) => r.bodyIds.has(b.id));
    const reported = lines.filter((b) => b.reported);
    const totals = Object.fromEntries(defs.map((d) => [d.key, regionValue(d, reported.map((b) => b.cells[d.key]!))]));
    return { code: r.code, name: r.name, bodies: lines.length, reported: reported.length, totals };
  });
}
