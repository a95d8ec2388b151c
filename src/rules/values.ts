/**
 * VALUE.INVALID (counts must be whole, non-negative, plausible) and PLAUS.FEE_UNIT (a fee amount
 * in 万元 that reads like 元). Which fields may be signed or decimal comes from the template.
 */
import { forEachCell, type AnnualReport } from '../model/report.js';
import { templateFor } from '../template/templates.js';
import type { Finding } from './finding.js';
import { placeName } from './labels.js';

/** A township's whole administrative fee income above this many 万元 (10 million 元) is implausible. */
const TOWNSHIP_FEE_LIMIT = 1000;
/** No single body takes in more than this many 万元 (10 billion 元) in administrative fees. */
const ANY_FEE_LIMIT = 1_000_000;
const TOWNSHIP = /(镇|乡|街道|街道办事处|办事处)(人民政府)?$/;

function fieldKind(report: AnnualReport, table: string, row: string, column: string): 'count' | 'signed' | 'amount' {
  if (table !== 'proactive') return 'count';
  const def = templateFor(report.template).proactive.flatMap((b) => b.rows).find((r) => r.key === row);
  return def?.fields.find((f) => f.key === column)?.kind ?? 'count';
}

export function valueFindings(report: AnnualReport): Finding[] {
  const findings: Finding[] = [];
  forEachCell(report, (table, row, column, value) => {
    if (value === null) return;
    const at = `${table}.${row}.${column}`;
    const kind = fieldKind(report, table, row, column);
    const problem =
      !Number.isFinite(value) || Math.abs(value) > Number.MAX_SAFE_INTEGER
        ? '不是一个可信的数（位数过多）'
        : kind !== 'amount' && !Number.isInteger(value)
          ? '是小数，件数应为整数'
          : kind !== 'signed' && value < 0
            ? '是负数，件数和金额不能为负'
            : null;
    if (problem) {
      findings.push({ code: 'VALUE.INVALID', severity: 'error', message: `${placeName(at)}写作 ${value}，${problem}`, at, expected: null, found: value });
    }
  });
  const fee = report.template === '2021' ? report.proactive.fees?.amount : null;
  if (fee !== null && fee !== undefined && fee > 0) {
    const raw = report.provenance['proactive.fees.amount']?.raw ?? '';
    const writtenInYuan = /元/.test(raw) && !/万元/.test(raw);
    const limit = TOWNSHIP.test(report.unit ?? '') ? TOWNSHIP_FEE_LIMIT : ANY_FEE_LIMIT;
    if (writtenInYuan || fee > limit) {
      findings.push({
        code: 'PLAUS.FEE_UNIT',
        severity: 'warning',
        message: `表二“行政事业性收费”的本年收费金额单位是万元，填写的 ${raw || fee}${writtenInYuan ? '写明是“元”' : `折合 ${(fee / 10000).toFixed(2)} 亿元，对${limit === TOWNSHIP_FEE_LIMIT ? '乡镇（街道）' : '一个机关'}而言过大`}，可能把“元”填成了“万元”；若按元计应填 ${+(fee / 10000).toFixed(4)}`,
        at: 'proactive.fees.amount',
        expected: +(fee / 10000).toFixed(4),
        found: fee,
      });
    }
  }
  return findings;
}
