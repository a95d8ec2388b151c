/**
 * The annual report from the register, consistent by construction:
 * - 本年新收: applications received in the year; 上年结转: open at the end of the previous year;
 * - each outcome row: applications closed in the year, by their outcome (a withdrawal is 其他处理·其他);
 * - 结转下年度: open on 31 December — so this year's 结转 is next year's 上年结转, column by column;
 * - table 四: cases filed in the year, by their result if decided by 31 December, else 尚未审结;
 * - table 二: documents issued and repealed in the year, in force on 31 December, and the figures given.
 * The narrative sections are drafted from the figures for the officer to edit.
 */
import { emptyReport, type AnnualReport } from '../model/report.js';
import { closedOn, isOpenOn, outcomeOf } from './lifecycle.js';
import type { Appeal, Application, RuleDocument, YearFigures } from './types.js';

export interface RegisterYear {
  unit: string;
  year: number;
  applications: readonly Application[];
  appeals: readonly Appeal[];
  documents: readonly RuleDocument[];
  figures?: YearFigures;
  /** Section 一's sentence on what was published proactively (from the catalogue), when known. */
  proactiveSentence?: string;
  /** Section 一's 监督保障 sentence (opinions and complaints received and answered), when known. */
  supervisionSentence?: string;
}

const inYear = (date: string | null | undefined, year: number) => !!date && date.startsWith(`${year}-`);

function addTo(report: AnnualReport, row: string, column: string): void {
  const cells = report.applications[row]!;
  cells[column] = (cells[column] ?? 0) + 1;
  cells.total = (cells.total ?? 0) + 1;
}

function zeroed(report: AnnualReport): void {
  for (const table of [report.applications, report.appeals]) {
    for (const row of Object.values(table)) for (const k of Object.keys(row)) row[k] = 0;
  }
}

function applicationsTable(report: AnnualReport, apps: readonly Application[], year: number): void {
  const lastYearEnd = `${year - 1}-12-31`;
  const yearEnd = `${year}-12-31`;
  for (const app of apps) {
    const column = app.applicant.type;
    if (inYear(app.receivedOn, year)) addTo(report, 'newReceived', column);
    else if (isOpenOn(app, lastYearEnd)) addTo(report, 'carriedOver', column);
    else continue; // closed before this year began, or received after it
    if (isOpenOn(app, yearEnd)) {
      addTo(report, 'carriedForward', column);
    } else if (inYear(closedOn(app), year)) {
      addTo(report, outcomeOf(app)!, column);
      addTo(report, 'total', column);
    }
  }
}

function appealsTable(report: AnnualReport, appeals: readonly Appeal[], year: number): void {
  for (const a of appeals.filter((x) => inYear(x.filedOn, year))) {
    const row = report.appeals[a.kind]!;
    const result = a.decided && a.decided.on <= `${year}-12-31` ? a.decided.result : 'pending';
    row[result] = (row[result] ?? 0) + 1;
    row.total = (row.total ?? 0) + 1;
  }
}

function proactiveTable(report: AnnualReport, documents: readonly RuleDocument[], year: number, figures?: YearFigures): void {
  const yearEnd = `${year}-12-31`;
  for (const kind of ['regulations', 'normativeDocuments'] as const) {
    const docs = documents.filter((d) => d.kind === kind);
    report.proactive[kind] = {
      issued: docs.filter((d) => inYear(d.issuedOn, year)).length,
      repealed: docs.filter((d) => inYear(d.repealedOn, year)).length,
      inForce: docs.filter((d) => d.issuedOn <= yearEnd && !(d.repealedOn && d.repealedOn <= yearEnd)).length,
    };
  }
  // Figures from other systems stay null until given: an unknown count is not 0.
  report.proactive.licensing = { decisions: figures?.licensing ?? null };
  report.proactive.penalty = { decisions: figures?.penalty ?? null };
  report.proactive.coercion = { decisions: figures?.coercion ?? null };
  report.proactive.fees = { amount: figures?.feesAmount ?? null };
}

function draftSections(report: AnnualReport, unit: string, year: number, proactiveSentence?: string, supervisionSentence?: string): AnnualReport['sections'] {
  const a = report.applications;
  const received = a.newReceived!.total ?? 0;
  const carried = a.carriedOver!.total ?? 0;
  const closed = a.total!.total ?? 0;
  const open = a.carriedForward!.total ?? 0;
  const appeals = Object.values(report.appeals).reduce((n, r) => n + (r.total ?? 0), 0);
  const docs = report.proactive.normativeDocuments!;
  return [
    {
      no: 1,
      title: '一、总体情况',
      text:
        `${year}年，${unit}依照《中华人民共和国政府信息公开条例》做好政府信息公开工作。本报告统计期限为${year}年1月1日至${year}年12月31日。\n` +
        `（一）主动公开。本年制发行政规范性文件${docs.issued}件、废止${docs.repealed}件，现行有效${docs.inForce}件。${proactiveSentence ?? '（请补充主动公开信息的数量、渠道和重点领域。）'}\n` +
        (received === 0
          ? `（二）依申请公开。本年未收到政府信息公开申请。`
          : `（二）依申请公开。本年新收政府信息公开申请${received}件，上年结转${carried}件，办结${closed}件，结转下年度继续办理${open}件。`) +
        (supervisionSentence ? `\n（五）监督保障。${supervisionSentence}` : ''),
    },
    { no: 2, title: '二、主动公开政府信息情况', text: '' },
    { no: 3, title: '三、收到和处理政府信息公开申请情况', text: '' },
    { no: 4, title: '四、政府信息公开行政复议、行政诉讼情况', text: appeals === 0 ? '' : `本年因政府信息公开工作被申请行政复议、提起行政诉讼共${appeals}件。` },
    { no: 5, title: '五、存在的主要问题及改进情况', text: `（请根据${year}年的实际情况填写存在的问题和${year + 1}年的改进措施。）` },
    { no: 6, title: '六、其他需要报告的事项', text: '（请说明信息处理费的收取情况。）' },
  ];
}

export function reportFromRegister(input: RegisterYear): AnnualReport {
  const report = emptyReport('2021');
  zeroed(report);
  applicationsTable(report, input.applications, input.year);
  appealsTable(report, input.appeals, input.year);
  proactiveTable(report, input.documents, input.year, input.figures);
  report.unit = input.unit;
  report.year = input.year;
  report.title = `${input.unit}${input.year}年政府信息公开工作年度报告`;
  report.sections = draftSections(report, input.unit, input.year, input.proactiveSentence, input.supervisionSentence);
  return report;
}
