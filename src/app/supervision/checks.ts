/**
 * The checks of an upload: each new report as `gongkai check` runs it, against the stored
 * reports in the uploader's scope (the same body's previous year for CROSS.*, the others of
 * this year and last for SIM.DUPLICATE). What a new report changes for a stored one is written
 * back to that one too. Pure: the stores are read before and written after.
 */
import type { AnnualReport } from '../../model/report.js';
import { checkReport } from '../../rules/check.js';
import { crossYearFindings } from '../../rules/crossyear.js';
import { sortFindings, type Finding } from '../../rules/finding.js';
import { DEFAULT_DEADLINES, type Deadlines } from '../../rules/publication.js';
import { DEFAULT_SIMILARITY_THRESHOLD, jaccard, narrativeOf, shingles, similarityFinding } from '../../rules/similarity.js';
import type { BodyRef } from '../../store/published-store.js';

/** A new report to check, with the body it was matched to (if any); its findings are filled in. */
export interface CheckItem {
  report: AnnualReport | null;
  error: string | null;
  body: BodyRef | null;
  findings: Finding[];
}

/** A report already compared with the batch: a stored one (its id) or one of the batch. */
export interface PoolEntry {
  storedId?: number;
  bodyId: string | null;
  year: number | null;
  report: AnnualReport;
  shingles: Set<string>;
  findings: Finding[];
  changed: boolean;
}

/** A stored report as the pool starts with it. */
export function poolEntry(p: { id: number; bodyId: string | null; year: number | null; report: AnnualReport; findings: Finding[] }): PoolEntry {
  return { storedId: p.id, bodyId: p.bodyId, year: p.year, report: p.report, shingles: shingles(narrativeOf(p.report)), findings: [...p.findings], changed: false };
}

/**
 * 条例 第四十九条 by the body's level: a government of county level or above by 31 March, any
 * other body (departments, townships, offices) by 31 January.
 */
function deadlinesOf(body: BodyRef | null, year: number | null): Deadlines {
  if (!body || year === null) return DEFAULT_DEADLINES;
  const government = (body.level === 'province' || body.level === 'city' || body.level === 'county') && /人民政府$/.test(body.name);
  return { ...DEFAULT_DEADLINES, override: `${year + 1}-${government ? DEFAULT_DEADLINES.government : DEFAULT_DEADLINES.body}` };
}

const addOnce = (list: Finding[], more: readonly Finding[]) => {
  for (const f of more) if (!list.some((g) => g.code === f.code && g.message === f.message)) list.push(f);
};

/**
 * checkReport as `gongkai check` runs it: the same body's previous year paired for CROSS.*, and
 * the other reports in scope (this year and last) compared for SIM.DUPLICATE — except the same
 * body's other copies of the same year, which are the one report published twice. What a new
 * report changes for a stored one (it is the stored one's previous year; their texts match) is
 * written back to the stored one too.
 */
export function checkBatch(items: CheckItem[], pool: PoolEntry[]): void {
  const order = items.filter((i) => i.report && !i.error).sort((a, b) => (a.report!.year ?? 9999) - (b.report!.year ?? 9999));
  for (const item of order) {
    const r = item.report!;
    const body = item.body;
    const near = r.year === null ? [] : pool.filter((p) => p.year !== null && Math.abs(p.year - r.year!) <= 1 && !(body && p.bodyId === body.id && p.year === r.year));
    const previous = body ? near.filter((p) => p.bodyId === body.id && p.year === r.year! - 1).at(-1) : undefined;
    const findings = checkReport(r, { ...(previous ? { previous: previous.report } : {}), deadlines: deadlinesOf(body, r.year) });
    const mine = shingles(narrativeOf(r));
    for (const p of near) {
      // Scored once, for both directions (the measure is symmetric): a batch of copies costs no narrative twice.
      const score = jaccard(mine, p.shingles);
      if (score < DEFAULT_SIMILARITY_THRESHOLD) continue;
      if (p !== previous) findings.push(similarityFinding(r, p.report, score));
      const before = p.findings.length;
      addOnce(p.findings, [similarityFinding(p.report, r, score)]);
      p.changed ||= p.findings.length !== before;
    }
    for (const p of near) {
      if (!body || p.bodyId !== body.id || p.year !== r.year! + 1) continue;
      // In place: a batch entry's list is its item's own.
      p.findings.splice(0, p.findings.length, ...p.findings.filter((f) => !f.code.startsWith('CROSS.')), ...crossYearFindings(p.report, r));
      p.changed = true;
    }
    item.findings = sortFindings(findings);
    pool.push({ bodyId: body?.id ?? null, year: r.year, report: r, shingles: mine, findings: item.findings, changed: false });
  }
}
