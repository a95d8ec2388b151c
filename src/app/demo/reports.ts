/**
 * The demo's annual reports. The county's published reports, written here in the demo's own
 * words and printed in the official layout by the renderer, are uploaded by the supervisor —
 * some with the defects a county office meets: a total that does not add up, an empty cell, a
 * carry-over that does not match last year's, text copied from last year, a report published
 * after 31 January. And 云岭镇's draft for last year, drawn from its register and saved by its
 * officer with the first section written.
 */
import { emptyReport, type AnnualReport, type CellRow } from '../../model/report.js';
import { renderHtml } from '../../render/html.js';
import type { AppServices } from '../context.js';
import { getReport, saveReport } from '../reports.js';
import { confirmFinding, dismissFinding, issueList } from '../supervision/findings-work.js';
import { supervisorOverview, uploadReports } from '../supervision/index.js';
import { COUNTY, SHIQUAN, YUNLING, type DemoStaff } from './accounts.js';
import type { DemoClock } from './clock.js';

const COLUMNS = ['naturalPerson', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrg'] as const;

/** Table 三's rows, each by column in COLUMNS' order; the 总计 column added, unless a row gives its own. */
type Rows = Record<string, readonly number[] | { cells: readonly (number | null)[]; total: number }>;

interface Published {
  unit: string;
  year: number;
  publishedOn: string;
  sections: readonly string[];
  normativeDocuments: [issued: number, repealed: number, inForce: number];
  decisions: { licensing: number; penalty: number; coercion: number; feesWan: number };
  rows: Rows;
  appeals?: Partial<Record<'reconsideration' | 'litigationDirect', Partial<Record<'upheld' | 'corrected' | 'other' | 'pending', number>>>>;
}

const SECTION_TITLES = ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'];

function rowOf(spec: Rows[string]): CellRow {
  const cells = Array.isArray(spec) ? spec : (spec as { cells: readonly (number | null)[] }).cells;
  // A null stays blank: the published cell was left empty.
  const row: CellRow = Object.fromEntries(COLUMNS.map((c, i) => [c, cells[i] === undefined ? 0 : cells[i]!]));
  row.total = Array.isArray(spec) ? spec.reduce((a: number, b: number) => a + b, 0) : (spec as { total: number }).total;
  return row;
}

/** The report as the body published it. */
function publishedReport(p: Published): AnnualReport {
  const report = emptyReport('2021');
  report.unit = p.unit;
  report.year = p.year;
  report.title = `${p.unit}${p.year}年政府信息公开工作年度报告`;
  report.publishedOn = p.publishedOn;
  report.sections = SECTION_TITLES.map((title, i) => ({ no: i + 1, title, text: p.sections[i] ?? '' }));
  report.proactive = {
    regulations: { issued: 0, repealed: 0, inForce: 0 },
    normativeDocuments: { issued: p.normativeDocuments[0], repealed: p.normativeDocuments[1], inForce: p.normativeDocuments[2] },
    licensing: { decisions: p.decisions.licensing },
    penalty: { decisions: p.decisions.penalty },
    coercion: { decisions: p.decisions.coercion },
    fees: { amount: p.decisions.feesWan },
  };
  for (const key of Object.keys(report.applications)) report.applications[key] = rowOf(p.rows[key] ?? [0, 0, 0, 0, 0, 0]);
  for (const [group, results] of Object.entries(report.appeals)) {
    const given = p.appeals?.[group as 'reconsideration'] ?? {};
    for (const r of ['upheld', 'corrected', 'other', 'pending'] as const) results[r] = given[r] ?? 0;
    results.total = (['upheld', 'corrected', 'other', 'pending'] as const).reduce((n, r) => n + (results[r] ?? 0), 0);
  }
  return report;
}

/** The county government's report: in order (a county government reports by 31 March). */
function countyReport(year: number, publishedOn: string): Published {
  return {
    unit: COUNTY.name,
    year,
    publishedOn,
    sections: [
      `${year}年，青禾县人民政府以群众关注的民生事项为重点，推进决策、执行、管理、服务和结果公开，全年在县政府门户网站主动公开政府信息1268条，办理政府信息公开申请31件，未发生因公开不当引发的重大舆情。`,
      '县政府及部门全年制发行政规范性文件9件，均在印发后20个工作日内公开并同步发布政策解读。',
      '本年新收政府信息公开申请29件，上年结转2件，均已按期答复，其中予以公开18件、部分公开4件。',
      '本年因政府信息公开被申请行政复议2件，均维持原行政行为；被提起行政诉讼1件，尚未审结。',
      '存在的主要问题是部分乡镇对依申请公开答复文书的说理不够充分。下一步将组织答复文书集中评查，并开展一次全县业务培训。',
      `本年未收取信息处理费。按照上级要求，县政府办公室对全县${year}年政务公开工作进行了年度考核。`,
    ],
    normativeDocuments: [9, 2, 46],
    decisions: { licensing: 3210, penalty: 418, coercion: 12, feesWan: 86.4 },
    rows: {
      newReceived: [21, 4, 1, 1, 1, 1],
      carriedOver: [2, 0, 0, 0, 0, 0],
      granted: [13, 3, 1, 0, 1, 0],
      partlyGranted: [3, 1, 0, 0, 0, 0],
      'withheld.thirdPartyRights': [1, 0, 0, 0, 0, 0],
      'unavailable.notHeld': [3, 0, 0, 1, 0, 0],
      'notProcessed.petition': [2, 0, 0, 0, 0, 0],
      'otherHandling.other': [1, 0, 0, 0, 0, 1],
      total: [23, 4, 1, 1, 1, 1],
    },
    appeals: { reconsideration: { upheld: 2 }, litigationDirect: { pending: 1 } },
  };
}

const SHIQUAN_TEXT = {
  one: (year: number) =>
    `${year}年，石泉街道办事处坚持以公开促落实、以公开优服务，依托街道门户网站和社区公开栏公开辖区建设、民生保障等信息，全年主动公开政府信息214条。`,
  five: '存在的主要问题是社区公开栏更新不够及时。下一步将明确各社区的公开责任人，每月检查一次公开栏。',
};

/** The sub-district's year before: its 结转 is what the next report must carry over. */
function shiquanEarlier(year: number, publishedOn: string): Published {
  return {
    unit: SHIQUAN.name,
    year,
    publishedOn,
    sections: [SHIQUAN_TEXT.one(year), '本年制发行政规范性文件1件。', '本年新收申请12件，结转下年度3件。', '本年未发生政府信息公开行政复议、行政诉讼。', SHIQUAN_TEXT.five, '本年未收取信息处理费。'],
    normativeDocuments: [1, 0, 3],
    decisions: { licensing: 57, penalty: 9, coercion: 0, feesWan: 0 },
    rows: {
      newReceived: [9, 2, 0, 0, 1, 0],
      carriedOver: [0, 0, 0, 0, 0, 0],
      granted: [5, 1, 0, 0, 1, 0],
      partlyGranted: [1, 0, 0, 0, 0, 0],
      'unavailable.notHeld': [1, 0, 0, 0, 0, 0],
      'otherHandling.other': [1, 0, 0, 0, 0, 0],
      total: [8, 1, 0, 0, 1, 0],
      carriedForward: [1, 1, 0, 0, 0, 0],
    },
  };
}

/**
 * The sub-district's report: section 一 and 五 copied from the year before, 上年结转 that is not
 * last year's 结转, a 总计 cell that is not the sum of its row, a blank cell where a figure belongs,
 * published after 31 January.
 */
function shiquanLater(year: number, publishedOn: string): Published {
  return {
    unit: SHIQUAN.name,
    year,
    publishedOn,
    sections: [SHIQUAN_TEXT.one(year - 1), '本年制发行政规范性文件2件。', '本年新收申请16件。', '', SHIQUAN_TEXT.five, '本年未收取信息处理费。'],
    normativeDocuments: [2, 0, 5],
    decisions: { licensing: 61, penalty: 7, coercion: 1, feesWan: 0 },
    rows: {
      newReceived: { cells: [12, 3, 0, 0, 1, 0], total: 17 },
      carriedOver: [1, 0, 0, 0, 0, 0],
      granted: [7, 2, 0, 0, 1, 0],
      partlyGranted: [2, 0, 0, 0, 0, 0],
      'unavailable.notHeld': { cells: [2, null, 0, 0, 0, 0], total: 2 },
      'notProcessed.duplicate': [1, 0, 0, 0, 0, 0],
      'otherHandling.other': [0, 1, 0, 0, 0, 0],
      total: [12, 3, 0, 0, 1, 0],
      carriedForward: [1, 0, 0, 0, 0, 0],
    },
  };
}

/** The supervisor's uploads, unless the supervisor already holds reports. */
export async function demoUploads(s: AppServices, staff: DemoStaff, clock: DemoClock): Promise<boolean> {
  const { supervisor } = staff;
  const overview = await supervisorOverview(s, supervisor, {});
  if (overview.unplaced.length > 0 || overview.bodies.some((b) => b.cells.some((c) => c.reports.length > 0))) return false;
  const { lastYear, year, today } = clock;
  const notAfterToday = (date: string) => (date > today ? today : date);
  const reports = [
    ['青禾县人民政府年度报告.html', countyReport(lastYear, notAfterToday(`${year}-02-26`))],
    ['石泉街道年度报告-上一年.html', shiquanEarlier(lastYear - 1, clock.workday(`${lastYear}-01-22`))],
    ['石泉街道年度报告.html', shiquanLater(lastYear, notAfterToday(clock.workday(`${year}-02-09`)))],
  ] as const;
  const files = reports.map(([file, p]) => ({ file, bytes: new TextEncoder().encode(renderHtml(publishedReport(p))) }));
  await uploadReports(s, supervisor, { files, limits: { maxFileBytes: 5 * 1024 * 1024, maxFiles: 10 } });
  await reviewFindings(s, supervisor, lastYear);
  return true;
}

/**
 * The county office has begun its review: 石泉街道's errors of last year confirmed for 整改, its
 * late publication dismissed with a reason; the rest waits (待审核) for a newcomer to try.
 */
async function reviewFindings(s: AppServices, supervisor: DemoStaff['supervisor'], year: number): Promise<void> {
  const { rows } = await issueList(s, supervisor, { body: SHIQUAN.id, year });
  for (const f of rows.filter((r) => r.severity === 'error').slice(0, 2)) await confirmFinding(s, supervisor, f);
  const late = rows.find((r) => r.code === 'PUB.LATE');
  if (late) await dismissFinding(s, supervisor, { ...late, reason: '经核实，该街道已于1月下旬在公告栏张贴纸质报告，网上发布延迟系网站改版所致。' });
}

/** 云岭镇's draft of last year's report: the register's figures, the first section written by the officer. */
export async function demoDraft(s: AppServices, staff: DemoStaff, clock: DemoClock): Promise<boolean> {
  const { officer } = staff;
  const year = clock.lastYear;
  const current = await getReport(s, officer, { bodyId: YUNLING.id, year });
  if (current.status === 'draft') return false;
  const report = structuredClone(current.report);
  const received = report.applications.newReceived?.total ?? 0;
  report.sections = report.sections.map((section) =>
    section.no === 1
      ? {
          ...section,
          text: `${year}年，云岭镇人民政府围绕群众关心的征地补偿、社会救助、农村建设等事项推进政务公开，通过镇政府门户网站、政务新媒体和各村公开栏主动公开政府信息，全年收到政府信息公开申请${received}件，均已登记办理。`,
        }
      : section,
  );
  await saveReport(s, officer, { bodyId: YUNLING.id, year, report, revision: 0 });
  return true;
}
