/**
 * Two reports of the same body: CROSS.CARRY (this year's 上年结转 = last year's 结转下年度, column
 * by column) and CROSS.IN_FORCE (现行有效 = last year's 现行有效 + 本年制发 − 本年废止).
 */
import type { AnnualReport } from '../model/report.js';
import { TEMPLATE_2021 } from '../template/templates.js';
import type { Finding } from './finding.js';
import { placeName } from './labels.js';

export function crossYearFindings(current: AnnualReport, previous: AnnualReport): Finding[] {
  const findings: Finding[] = [];
  if (current.year !== null && previous.year !== null && current.year - previous.year !== 1) {
    findings.push({
      code: 'CROSS.YEAR_GAP',
      severity: 'info',
      message: `与 ${previous.year} 年报告比较，两者不是相邻年度，跨年核对仅供参考`,
      at: 'year',
      expected: current.year - 1,
      found: previous.year,
    });
  }
  for (const c of TEMPLATE_2021.applicationColumns) {
    const now = current.applications.carriedOver?.[c.key] ?? null;
    const before = previous.applications.carriedForward?.[c.key] ?? null;
    if (now === null || before === null || now === before) continue;
    findings.push({
      code: 'CROSS.CARRY',
      severity: 'error',
      message: `${placeName(`applications.carriedOver.${c.key}`)}为 ${now}，而 ${previous.year ?? '上'}年报告“结转下年度继续办理”的“${c.label}”为 ${before}，两者应相等`,
      at: `applications.carriedOver.${c.key}`,
      expected: before,
      found: now,
    });
  }
  if (current.template === '2021' && previous.template === '2021') {
    for (const row of ['regulations', 'normativeDocuments']) {
      const n = current.proactive[row];
      const p = previous.proactive[row];
      const [inForce, issued, repealed, last] = [n?.inForce, n?.issued, n?.repealed, p?.inForce];
      if ([inForce, issued, repealed, last].some((v) => v === null || v === undefined)) continue;
      const expected = last! + issued! - repealed!;
      if (expected === inForce) continue;
      findings.push({
        code: 'CROSS.IN_FORCE',
        severity: 'warning',
        message: `${placeName(`proactive.${row}.inForce`)}为 ${inForce}，按上年现行有效 ${last} + 本年制发 ${issued} − 本年废止 ${repealed} 应为 ${expected}（如有清理、失效等情况请在报告中说明）`,
        at: `proactive.${row}.inForce`,
        expected,
        found: inForce!,
      });
    }
  }
  return findings;
}
