/**
 * What the text says against what the tables say: the number of applications received
 * (TEXT.APPLICATIONS_MISMATCH), the year the text treats as current (TEXT.YEAR_MISMATCH, the
 * mark of last year's report reused), and processing fees in section 六 (TEXT.FEE_*; the fee
 * statement is expected from report year 2021, when the fee measures took effect).
 */
import type { AnnualReport, Section } from '../model/report.js';
import type { Finding } from './finding.js';
import { statedApplicationCounts } from './narrative-numbers.js';

const sectionText = (s: Section) => s.text.replace(/\n/g, '');

/** `2023年1月1日至2023年12月31日`, `2023 年 1 月 1 日起至 2023 年 12 月 31 日止`. */
const PERIOD = /((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日[^。；;]{0,6}?(?:至|到|—|-|~|－)\s*((?:19|20)\d{2})\s*年\s*12\s*月\s*31\s*日/g;
const AS_OF = /截[至止]\s*((?:19|20)\d{2})\s*年\s*12\s*月\s*31\s*日/g;
/**
 * A plan for the year itself: `2024年，我镇将严格…` inside the 2024 report. 将 must be the
 * future marker (followed by an adverb or a verb of intent), not the object marker of
 * `2024年，我镇将政务公开纳入考核` (which describes what was done).
 */
const PLAN = /((?:19|20)\d{2})\s*年度?\s*[，,]?\s*(?:(?:我|本|全)[\u4e00-\u9fff]{0,3}?|[\u4e00-\u9fff]{2,6}?(?:镇|乡|街道|局|区|县|市|委|办))?(?:将|要|计划)(?=严格|进一步|继续|持续|加强|不断|切实|着力|重点|认真|全面|深入|积极|坚持|按照|围绕|努力|大力|扎实|强化|做好|抓好|提升|推进|以|在|从)/g;

function yearFindings(report: AnnualReport): Finding[] {
  const year = report.year;
  if (year === null) return [];
  const findings: Finding[] = [];
  const add = (s: Section, found: number, raw: string, why: string) =>
    findings.push({
      code: 'TEXT.YEAR_MISMATCH',
      severity: 'warning',
      message: `第${s.no}部分写有“${raw}”，${why}——可能照搬了${found < year ? '往年' : '其他年度'}的报告，请按${year}年度的实际情况改写`,
      at: `sections.${s.no}`,
      expected: year,
      found,
    });
  for (const s of report.sections) {
    const text = sectionText(s);
    for (const m of text.matchAll(PERIOD)) {
      const wrong = [Number(m[1]), Number(m[2])].find((y) => y !== year);
      if (wrong !== undefined) add(s, wrong, m[0], `统计期限不是报告年度${year}年`);
    }
    for (const m of text.matchAll(AS_OF)) {
      if (Number(m[1]) !== year) add(s, Number(m[1]), m[0], `截止日期不在报告年度${year}年末`);
    }
    for (const m of text.matchAll(PLAN)) {
      if (Number(m[1]) === year) add(s, year - 1, m[0], `把报告年度${year}年当作将来（计划应针对${year + 1}年）`);
    }
  }
  return findings;
}

function applicationFindings(report: AnnualReport): Finding[] {
  const table = report.applications.newReceived?.total;
  if (table === null || table === undefined) return [];
  const findings: Finding[] = [];
  for (const s of report.sections.filter((x) => x.no === 1 || x.no === 3)) {
    for (const stated of statedApplicationCounts(s.text)) {
      const agrees = stated.approximate ? Math.abs(stated.value - table) <= Math.max(2, stated.value * 0.5) : stated.value === table;
      if (agrees) continue;
      findings.push({
        code: 'TEXT.APPLICATIONS_MISMATCH',
        severity: 'warning',
        message: `第${s.no}部分写“${stated.raw}”（${stated.value}件），表三“本年新收政府信息公开申请数量”总计为 ${table} 件，两者应一致`,
        at: `sections.${s.no}`,
        expected: table,
        found: stated.value,
      });
    }
  }
  return findings;
}

/** A fee statement: 信息处理费, or simply “未发生收费情况”, “未收取任何费用”. */
const FEE_WORDS = /处理费|收费|收取[^。；，]{0,8}费|费用/;
/** The year 《政府信息公开信息处理费管理办法》 took effect (国办函〔2020〕109号). */
const FEE_MEASURES_FROM = 2021;
const NO_NOTICE = /(?:未|没有)(?:发出|下发|送达)[^。；]{0,12}收费通知/;

function feeFindings(report: AnnualReport): Finding[] {
  const other = report.sections.find((s) => s.no === 6);
  if (!other) return [];
  const text = sectionText(other);
  const unpaid = report.applications['otherHandling.feeUnpaid']?.total ?? null;
  if (unpaid !== null && unpaid > 0 && NO_NOTICE.test(text)) {
    return [
      {
        code: 'TEXT.FEE_MISMATCH',
        severity: 'warning',
        message: `第六部分称未发出收费通知，但表三“申请人逾期未按收费通知要求缴纳费用”有 ${unpaid} 件（说明发出过收费通知），两者矛盾`,
        at: 'sections.6',
        expected: '发出过收费通知',
        found: NO_NOTICE.exec(text)![0],
      },
    ];
  }
  // The fee measures apply from 1 January 2021: earlier reports had no fee to report. A prompt
  // still asking for the fee statement is TEXT.PLACEHOLDER's (it names the fee), not this one's.
  const measuresInForce = report.year === null || report.year >= FEE_MEASURES_FROM;
  if (measuresInForce && !FEE_WORDS.test(text) && !report.sections.some((s) => FEE_WORDS.test(sectionText(s)))) {
    return [
      {
        code: 'TEXT.FEE_NOT_REPORTED',
        severity: 'warning',
        message: '报告未说明信息处理费的收取情况：《政府信息公开信息处理费管理办法》（国办函〔2020〕109号，2021年1月1日起施行）施行后，年度报告应说明收取信息处理费的情况，通常写在第六部分“其他需要报告的事项”，没有收取也应写明（如“本年度未收取信息处理费”）',
        at: 'sections.6',
        expected: null,
        found: null,
      },
    ];
  }
  return [];
}

export function narrativeFindings(report: AnnualReport): Finding[] {
  return [...yearFindings(report), ...applicationFindings(report), ...feeFindings(report)];
}
