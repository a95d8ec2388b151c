/**
 * PUB.LATE and PUB.BEFORE_PERIOD. Deadlines follow 条例 第四十九条 — departments (and, by
 * common local rule, townships and streets) by 31 January, a county-level-or-above
 * government's own report by 31 March — and can be set per jurisdiction.
 */
import type { AnnualReport } from '../model/report.js';
import type { Finding } from './finding.js';

export interface Deadlines {
  /** MM-DD in the year after the report year. */
  body: string;
  government: string;
  /** An explicit date (YYYY-MM-DD) that overrides both, e.g. a stricter local rule. */
  override?: string;
}

export const DEFAULT_DEADLINES: Deadlines = { body: '01-31', government: '03-31' };

/** A government above the township level: 省/市/州/盟/县/区/旗 人民政府 (a 镇/乡 government reports by 31 January). */
const GOVERNMENT = /(省|市|自治区|州|盟|县|区|旗)人民政府$/;

function deadlineFor(report: AnnualReport, deadlines: Deadlines): string | null {
  if (report.year === null) return null;
  if (deadlines.override) return deadlines.override;
  const isGovernment = GOVERNMENT.test(report.unit ?? '');
  return `${report.year + 1}-${isGovernment ? deadlines.government : deadlines.body}`;
}

export function publicationFindings(report: AnnualReport, deadlines: Deadlines = DEFAULT_DEADLINES): Finding[] {
  if (!report.publishedOn || report.year === null) return [];
  const findings: Finding[] = [];
  const due = deadlineFor(report, deadlines);
  if (due && report.publishedOn > due) {
    findings.push({
      code: 'PUB.LATE',
      severity: 'warning',
      message: `报告落款（发布）日期 ${report.publishedOn} 晚于期限 ${due}（条例第四十九条；本地另有规定的以本地为准）`,
      at: 'publishedOn',
      expected: due,
      found: report.publishedOn,
    });
  }
  if (report.publishedOn <= `${report.year}-12-31`) {
    findings.push({
      code: 'PUB.BEFORE_PERIOD',
      severity: 'warning',
      message: `报告落款日期 ${report.publishedOn} 早于 ${report.year} 年度结束：可能沿用了上年报告的日期`,
      at: 'publishedOn',
      expected: `${report.year + 1}-01-01 之后`,
      found: report.publishedOn,
    });
  }
  return findings;
}
