/**
 * The figures a supervisor's charts show for one report: applications received, how they ended
 * (by kind of outcome, as table 三 groups them), what was carried forward, and the appeals. Pure:
 * the server shapes its series from stored models with it, tests compare it with hand counts.
 *
 * A blank (null) cell is never read as 0: a figure that needs it is null, and the chart leaves a
 * gap rather than drawing a zero the report never gave.
 */
import type { AnnualReport, Cell } from '../model/report.js';
import { APPLICATION_GROUP_LABELS, TEMPLATE_2021 } from '../template/templates.js';

/** Kinds of outcome, in the order of table 三's rows （一）…（六）. */
export const OUTCOME_KINDS = ['granted', 'partlyGranted', 'withheld', 'unavailable', 'notProcessed', 'otherHandling'] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];

const rowLabel = (key: string) => TEMPLATE_2021.applicationRows.find((r) => r.key === key)!.label;
const [, WITHHELD, UNAVAILABLE, NOT_PROCESSED, OTHER_HANDLING] = APPLICATION_GROUP_LABELS;

/**
 * Labels of the kinds as the template prints them; 部分公开's bracketed note (区分处理的，只计这一
 * 情形…) is left off, it is a rule for filling the table, not part of the name.
 */
export const OUTCOME_LABELS: Record<OutcomeKind, string> = {
  granted: rowLabel('granted'),
  partlyGranted: rowLabel('partlyGranted').replace(/（区分处理.*）$/, ''),
  withheld: WITHHELD,
  unavailable: UNAVAILABLE,
  notProcessed: NOT_PROCESSED,
  otherHandling: OTHER_HANDLING,
};

export interface ReportFigures {
  /** 一、本年新收 (总计 column). */
  newReceived: Cell;
  /** 二、上年结转. */
  carriedOver: Cell;
  /** （七）总计: applications dealt with this year. */
  handled: Cell;
  /** 四、结转下年度继续办理. */
  carriedForward: Cell;
  outcomes: Record<OutcomeKind, Cell>;
  /** Table 四: 行政复议 总计. */
  reconsideration: Cell;
  /** Table 四: 行政诉讼 总计 (direct and after reconsideration). */
  litigation: Cell;
}

/** The sum of the cells, or null when any is blank (or there are none). */
export function sumOrNull(cells: readonly Cell[]): Cell {
  if (cells.length === 0 || cells.some((c) => c === null)) return null;
  return cells.reduce<number>((n, c) => n + (c ?? 0), 0);
}

/** The 总计 column of every row of a family (`withheld.*`), or the single row of that name (2019's （六）). */
function family(report: AnnualReport, name: string): Cell {
  const apps = report.applications;
  if (name in apps) return apps[name]?.total ?? null;
  const rows = Object.keys(apps).filter((k) => k.startsWith(`${name}.`));
  return sumOrNull(rows.map((k) => apps[k]?.total ?? null));
}

export function figuresOf(report: AnnualReport): ReportFigures {
  const total = (row: string): Cell => report.applications[row]?.total ?? null;
  const appeal = (group: string): Cell => report.appeals[group]?.total ?? null;
  return {
    newReceived: total('newReceived'),
    carriedOver: total('carriedOver'),
    handled: total('total'),
    carriedForward: total('carriedForward'),
    outcomes: {
      granted: total('granted'),
      partlyGranted: total('partlyGranted'),
      withheld: family(report, 'withheld'),
      unavailable: family(report, 'unavailable'),
      notProcessed: family(report, 'notProcessed'),
      otherHandling: family(report, 'otherHandling'),
    },
    reconsideration: appeal('reconsideration'),
    litigation: sumOrNull([appeal('litigationDirect'), appeal('litigationAfterReconsideration')]),
  };
}
