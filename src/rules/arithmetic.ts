/**
 * T3.ROW_TOTAL, T3.OUTCOME_TOTAL, T3.BALANCE, T3.SUBTOTAL, T4.GROUP_TOTAL: each relation that
 * can be checked (no blank cell in it) and does not hold is a finding, with the likeliest
 * correction beside it.
 */
import type { AnnualReport } from '../model/report.js';
import { suggestCorrections } from './culprit.js';
import type { Finding } from './finding.js';
import { placeName } from './labels.js';
import { cellValue, relationsOf, residual, type Relation } from './relations.js';

function sumOf(terms: Relation['parts'], read: (p: string) => number | null): number {
  return terms.reduce((a, t) => a + (read(t.path) ?? 0), 0);
}

function message(r: Relation, found: number, expected: number): string {
  switch (r.code) {
    case 'T3.ROW_TOTAL':
      return `表三${r.along}：“总计”写作 ${found}，六类申请人之和为 ${expected}`;
    case 'T3.SUBTOTAL':
      return `表三${r.along}：“小计”写作 ${found}，五类法人或其他组织之和为 ${expected}`;
    case 'T3.OUTCOME_TOTAL':
      return `表三${r.along}：“（七）总计”写作 ${found}，各项办理结果之和为 ${expected}`;
    case 'T3.BALANCE':
      return `表三${r.along}：本年新收 + 上年结转 = ${found}，而（七）总计 + 结转下年度继续办理 = ${expected}（两者应相等）`;
    case 'T4.GROUP_TOTAL':
      return `表四${r.along}：“总计”写作 ${found}，维持、纠正、其他、尚未审结之和为 ${expected}`;
  }
}

export function arithmeticFindings(report: AnnualReport): Finding[] {
  const read = (p: string) => cellValue(report, p);
  const relations = relationsOf(report);
  const suggestions = suggestCorrections(relations, read, placeName);
  const findings: Finding[] = [];
  for (const r of relations) {
    const res = residual(r, read);
    if (res === null || res === 0) continue;
    const found = sumOf(r.total, read);
    const expected = sumOf(r.parts, read);
    const suggestion = suggestions.get(r);
    const finding: Finding = {
      code: r.code,
      severity: 'error',
      message: message(r, found, expected) + (suggestion ? `。${suggestion.message}` : '。请核对各数并改正'),
      at: r.at,
      expected,
      found,
    };
    if (suggestion) finding.suggestion = suggestion;
    findings.push(finding);
  }
  return findings;
}
