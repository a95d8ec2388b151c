/**
 * A supervisor's rollup of the bodies they selected: each body's report of the year (or none)
 * goes through `rollup`, and every body comes back with what happened to it — included, refused
 * (with rollup's reason) or missing — beside the area's model and its own check. Pure.
 *
 * Each report enters the rollup under its body's registered name, so the lists speak of the
 * bodies the supervisor ticked (a report that printed its unit differently, or not at all, is
 * still its body's); the unit as printed is kept beside it.
 */
import type { AnnualReport } from '../model/report.js';
import { checkReport } from '../rules/check.js';
import type { Finding } from '../rules/finding.js';
import type { TemplateVersion } from '../template/templates.js';
import { rollup, sameName, type RollupResult } from './rollup.js';

export interface RollupSource {
  /** The body's key (its id, or `u:…` for a unit with no registered body). */
  key: string;
  name: string;
  region: string | null;
  /** The body's newest report of the year, if any. */
  report: { id: number; model: AnnualReport } | null;
}

export type SourceStatus = 'included' | 'refused' | 'missing';

export interface SourceOutcome {
  key: string;
  name: string;
  /** The unit as the report printed it. */
  unit: string | null;
  reportId: number | null;
  template: TemplateVersion | null;
  status: SourceStatus;
  /** Why it was refused or is missing, in Chinese. */
  reason: string | null;
}

export interface AreaRollup {
  area: string;
  year: number;
  result: RollupResult;
  sources: SourceOutcome[];
  /** The check of the area's own model (its arithmetic must hold when every input's does). */
  findings: Finding[];
}

export const DEFAULT_AREA = '汇总';

/** The area's name when none is given: the region the bodies share, else 汇总. */
export function defaultArea(sources: readonly Pick<RollupSource, 'region'>[]): string {
  const regions = new Set(sources.map((s) => s.region?.trim() || null));
  const [only] = regions;
  return regions.size === 1 && only ? only : DEFAULT_AREA;
}

/**
 * Each source's fate, in the order rollup met them: of two bodies of one name the first is
 * included and the second refused (rollup counts a name once), so names are queued, not looked up.
 */
function statuses(sources: readonly RollupSource[], result: RollupResult, year: number): SourceOutcome[] {
  const queue = (pairs: [string, string][]) => {
    const m = new Map<string, string[]>();
    for (const [k, v] of pairs) m.set(k, [...(m.get(k) ?? []), v]);
    return m;
  };
  const included = queue(result.included.map((n) => [sameName(n), n]));
  const refused = queue(result.refused.map((r) => [sameName(r.unit ?? ''), r.reason]));
  return sources.map((s): SourceOutcome => {
    const base = { key: s.key, name: s.name, unit: s.report?.model.unit ?? null, reportId: s.report?.id ?? null, template: s.report?.model.template ?? null };
    if (!s.report) return { ...base, status: 'missing', reason: `没有${year}年度报告` };
    const key = sameName(s.name);
    if (included.get(key)?.shift() !== undefined) return { ...base, status: 'included', reason: null };
    return { ...base, status: 'refused', reason: refused.get(key)?.shift() ?? '未计入汇总' };
  });
}

export function rollupArea(sources: readonly RollupSource[], year: number, area?: string): AreaRollup {
  const name = area?.trim() || defaultArea(sources);
  const models = sources.flatMap((s) => (s.report ? [{ ...s.report.model, unit: s.name }] : []));
  const absent = sources.filter((s) => !s.report).map((s) => s.name);
  const result = rollup(models, { unit: name, year, expected: absent });
  // Not the area government's own report: the title says it is a sum of its bodies' tables.
  result.report.title = `${name}${year}年政府信息公开工作年度报告统计数据汇总`;
  const outcomes = statuses(sources, result, year);
  return { area: name, year, result, sources: outcomes, findings: checkReport(result.report) };
}
