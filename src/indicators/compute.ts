/**
 * Computing the indicators of src/indicators/definitions.ts: one report's values, the red/yellow
 * flag of a value under a region's thresholds, a region's totals, distribution and ranking, and
 * the change on last year. Pure: the use case hands in the corrected tables, tests the fixtures
 * typed by hand.
 *
 * - A rate is judged (flagged, ranked, counted in the distribution) only when its denominator
 *   reaches the definition's minimum; below it the value is shown with the reason it is not judged.
 * - Percentiles: linear interpolation between closest ranks (Excel PERCENTILE.INC, R type 7): for
 *   n sorted values x[0..n-1], P(p) = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]) with h = (n − 1)·p.
 *   The median is P(0.5).
 * - Rank: 1 is the best (for higherWorse the lowest value; for lowerWorse and for plain counts the
 *   highest); equal values share a rank and the next rank skips (1, 2, 2, 4).
 * - A region's value of a count is the sum over bodies whose value is known; of a rate, the sum of
 *   numerators over the sum of denominators of the bodies where both are known (a pooled rate,
 *   not a mean of rates). How many bodies were left out is said beside it.
 */
import type { AnnualReport, Cell } from '../model/report.js';
import { placeName } from '../rules/labels.js';
import { templateFor } from '../template/templates.js';
import { INDICATORS, type IndicatorDef, type Thresholds } from './definitions.js';

/** The part of a report the indicators read. */
export type ReportTables = Pick<AnnualReport, 'template' | 'proactive' | 'applications' | 'appeals'>;

export interface IndicatorValue {
  value: number | null;
  numerator: number | null;
  /** Rates only. */
  denominator: number | null;
  /** Why the value is null, or why it is not judged (below the minimum denominator). */
  reason: string | null;
}

export type Flag = 'red' | 'yellow';

export interface Judged extends IndicatorValue {
  /** Counted in rankings, distributions and flags. */
  judged: boolean;
  flag: Flag | null;
}

export const FLAG_LABELS: Record<Flag, string> = { red: '红色预警', yellow: '黄色预警' };

type Place = readonly [table: 'proactive' | 'applications' | 'appeals', row: string, column: string, path: string];

/** An operand's cells for a template, split once (the same few dozen paths are read for every report). */
const placesCache = new Map<string, readonly Place[] | null>();
function placesOf(def: IndicatorDef, side: 'numerator' | 'denominator', version: ReportTables['template']): readonly Place[] | null {
  const key = `${def.key}|${side}|${version}`;
  let places = placesCache.get(key);
  if (places === undefined) {
    const paths = def[side]!.paths(templateFor(version));
    places = paths === null ? null : paths.map((path) => {
      const [table, ...rest] = path.split('.');
      const column = rest.pop()!;
      return [table as Place[0], rest.join('.'), column, path] as const;
    });
    placesCache.set(key, places);
  }
  return places;
}

/** The sum of an operand's cells, or null with the reason (a template without the cell, a blank cell). */
function operand(report: ReportTables, places: readonly Place[] | null): { value: number | null; reason: string | null } {
  if (places === null) return { value: null, reason: `本报告按${report.template}年模板填报，没有此项` };
  let sum = 0;
  for (const [table, row, column, path] of places) {
    const v = (report[table] as Record<string, Record<string, Cell>> | undefined)?.[row]?.[column];
    if (v === null || v === undefined) return { value: null, reason: `${placeName(path)}空缺` };
    sum += v;
  }
  return { value: sum, reason: null };
}

const round = (n: number) => Math.round(n * 1e9) / 1e9;

/** One indicator of one report. */
export function computeOne(def: IndicatorDef, report: ReportTables): IndicatorValue {
  const num = operand(report, placesOf(def, 'numerator', report.template));
  if (!def.denominator) return { value: num.value, numerator: num.value, denominator: null, reason: num.reason };
  const den = operand(report, placesOf(def, 'denominator', report.template));
  const reason = num.reason ?? den.reason;
  if (reason !== null) return { value: null, numerator: num.value, denominator: den.value, reason };
  if (den.value === 0) return { value: null, numerator: num.value, denominator: 0, reason: '分母为 0，无法计算比率' };
  return { value: round((num.value! / den.value!) * 100), numerator: num.value, denominator: den.value, reason: null };
}

/** Every indicator of one report, by key. */
export function computeIndicators(report: ReportTables, defs: readonly IndicatorDef[] = INDICATORS): Record<string, IndicatorValue> {
  return Object.fromEntries(defs.map((d) => [d.key, computeOne(d, report)]));
}

/** Whether a value counts: known, and its denominator at least the minimum. */
export function isJudged(def: IndicatorDef, v: IndicatorValue): boolean {
  if (v.value === null) return false;
  return def.minDenominator === null || (v.denominator ?? 0) >= def.minDenominator;
}

/** The flag of a value under thresholds (none when not judged or no thresholds). */
export function flagOf(def: IndicatorDef, v: IndicatorValue, thresholds: Thresholds | null): Flag | null {
  if (!thresholds || !def.direction || !isJudged(def, v)) return null;
  const x = v.value!;
  if (def.direction === 'higherWorse') return x >= thresholds.red ? 'red' : x >= thresholds.yellow ? 'yellow' : null;
  return x < thresholds.red ? 'red' : x < thresholds.yellow ? 'yellow' : null;
}

/** A value with its judgement: flag, and the reason it is not judged when its denominator is too small. */
export function judge(def: IndicatorDef, v: IndicatorValue, thresholds: Thresholds | null): Judged {
  const judged = isJudged(def, v);
  const short = def.denominator?.short ?? '分母';
  const reason = v.reason ?? (v.value !== null && !judged ? `${short}仅 ${v.denominator} 件，少于 ${def.minDenominator} 件，不作评判` : null);
  return { ...v, reason, judged, flag: flagOf(def, v, thresholds) };
}

/** Thresholds in words: “≥ 40% 红色，≥ 20% 黄色”. */
export function thresholdWords(def: IndicatorDef, t: Thresholds | null): string {
  if (!t || !def.direction) return '不设预警';
  const op = def.direction === 'higherWorse' ? '≥' : '<';
  return `${op} ${t.red}${def.unit} 红色；${op} ${t.yellow}${def.unit} 黄色`;
}

/** A thresholds pair that makes sense for the definition, or the problem in Chinese. */
export function thresholdsProblem(def: IndicatorDef, t: Thresholds): string | null {
  if (!def.direction) return `“${def.name}”是计数，不设预警`;
  if (![t.red, t.yellow].every(Number.isFinite)) return '阈值须为数字';
  if (def.kind === 'rate' && [t.red, t.yellow].some((x) => x < 0 || x > 100)) return '比率的阈值须在 0 至 100 之间';
  if (def.direction === 'higherWorse' && t.red < t.yellow) return `“${def.name}”越高越需关注，红色阈值不能低于黄色阈值`;
  if (def.direction === 'lowerWorse' && t.red > t.yellow) return `“${def.name}”越低越需关注，红色阈值不能高于黄色阈值`;
  return null;
}

// ─── Regions ─────────────────────────────────────────────────────────────────────────────────

/** Percentile p (0–1) of values sorted ascending, by linear interpolation (R type 7); null when empty. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return round(sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!));
}

export interface Distribution {
  /** Bodies counted (judged values). */
  n: number;
  min: number;
  p10: number;
  p25: number;
  median: number;
  p75: number;
  p90: number;
  max: number;
}

export function distribution(values: readonly number[]): Distribution | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const p = (x: number) => percentile(s, x)!;
  return { n: s.length, min: s[0]!, p10: p(0.1), p25: p(0.25), median: p(0.5), p75: p(0.75), p90: p(0.9), max: s[s.length - 1]! };
}

/** Ranks (1 = best) of the entries with a value; equal values share a rank. */
export function ranks(def: IndicatorDef, entries: readonly { id: string; value: number | null }[]): Map<string, number> {
  const known = entries.filter((e): e is { id: string; value: number } => e.value !== null);
  const better = def.direction === 'higherWorse' ? (a: number, b: number) => a - b : (a: number, b: number) => b - a;
  known.sort((a, b) => better(a.value, b.value));
  const out = new Map<string, number>();
  known.forEach((e, i) => out.set(e.id, i > 0 && known[i - 1]!.value === e.value ? out.get(known[i - 1]!.id)! : i + 1));
  return out;
}

export interface RegionValue {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  /** Bodies whose value entered the total. */
  counted: number;
  /** Bodies with a report whose value is unknown (left out). */
  missing: number;
}

/** A region's total of one indicator over its bodies' values (see the module's note). */
export function regionValue(def: IndicatorDef, values: readonly IndicatorValue[]): RegionValue {
  const known = values.filter((v) => v.numerator !== null && (def.kind !== 'rate' || v.denominator !== null));
  const missing = values.length - known.length;
  if (known.length === 0) return { value: null, numerator: null, denominator: null, counted: 0, missing };
  const numerator = round(known.reduce((n, v) => n + v.numerator!, 0));
  if (def.kind !== 'rate') return { value: numerator, numerator, denominator: null, counted: known.length, missing };
  const denominator = known.reduce((n, v) => n + v.denominator!, 0);
  return { value: denominator === 0 ? null : round((numerator / denominator) * 100), numerator, denominator, counted: known.length, missing };
}

/** Change on last year (percentage points for rates); null when either year is unknown. */
export function change(current: IndicatorValue | undefined, previous: IndicatorValue | undefined): number | null {
  if (current?.value == null || previous?.value == null) return null;
  return round(current.value - previous.value);
}
