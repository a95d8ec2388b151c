/**
 * The supervisor's indicators, each defined once, as data: its name, its formula in words and as
 * the cells it reads (table paths taken from the template definitions, src/template/templates.ts),
 * its unit, the smallest denominator at which a rate means something, and its default red/yellow
 * thresholds with the direction that is worse. The definitions page, the computation, the flags,
 * the Excel export and the tests all read these; nothing else spells a formula.
 *
 * Indicators are computed from the three tables only (the corrected model of a published report),
 * never from the narrative. A blank (null) cell is never read as 0: an indicator that needs it is
 * null, and the reason names the cell.
 *
 * Definitions (where the issue left a choice):
 * - 办结 = table 三 row （七）总计, column 总计: the applications dealt with this year. The template's
 *   own balance is 新收 + 上年结转 = （七）总计 + 结转下年度继续办理; what was not finished by
 *   31 December is in 结转下年度, not in （七）, so nothing is subtracted from （七）.
 * - Every outcome rate has 办结 as its denominator and the 总计 column of the outcome rows as its
 *   numerator (for a group, the sum of its numbered rows).
 * - 已审结 (table 四) = 结果维持 + 结果纠正 + 其他结果 (尚未审结 left out).
 * - 诉讼败诉率 takes both groups of 行政诉讼 together (未经复议直接起诉 and 复议后起诉); the template
 *   does not tell first instance from appeal, so a case counts once, with the result reported.
 * - 信息处理费 amounts are written only in section 六 (narrative), so they are not an indicator;
 *   what the tables give is the count of applications closed because a fee notice went unpaid
 *   (table 三 （六）2, 2021 template) and 行政事业性收费 in table 二 (万元).
 */
import {
  APPLICATION_GROUP_LABELS,
  templateFor,
  type Template,
  type TemplateVersion,
} from '../template/templates.js';

export type IndicatorKind = 'count' | 'rate' | 'amount';
/** Which way is worse: a high value (不予公开率) or a low one (实质公开率); null: no judgement. */
export type Direction = 'higherWorse' | 'lowerWorse';

export interface Thresholds {
  /** Yellow from this value on (higherWorse: value ≥ yellow; lowerWorse: value < yellow). */
  yellow: number;
  /** Red from this value on (higherWorse: value ≥ red; lowerWorse: value < red). */
  red: number;
}

/** One side of a formula: the cells summed, by template. */
export interface Operand {
  /** In words, as the definitions page prints it. */
  words: string;
  /** A short name when it is a denominator (办结, 已审结): “办结仅 4 件”. */
  short?: string;
  /** The model paths summed (`applications.granted.total`); null: this template has no such cell. */
  paths: (t: Template) => string[] | null;
}

export interface IndicatorDef {
  key: string;
  name: string;
  kind: IndicatorKind;
  /** 件, %, 万元. Rates are percentages (0–100). */
  unit: string;
  numerator: Operand;
  /** Rates only. */
  denominator?: Operand;
  /** The whole formula in words. */
  formula: string;
  /** Rates: the denominator at which the rate is ranked, summarised and flagged; below it, shown but not judged. */
  minDenominator: number | null;
  direction: Direction | null;
  thresholds: Thresholds | null;
  /** What else a reader should know (template differences). */
  note?: string;
}

// ─── Operands from the template ──────────────────────────────────────────────────────────────

const [, WITHHELD, UNAVAILABLE, NOT_PROCESSED] = APPLICATION_GROUP_LABELS;
const T21 = templateFor('2021');

const rowLabel = (key: string) => T21.applicationRows.find((r) => r.key === key)!.label.replace(/（区分处理.*）$/, '');
const groupRows = (t: Template, group: string) => t.applicationRows.filter((r) => r.group === group).map((r) => r.key);
const totals = (keys: readonly string[]) => keys.map((k) => `applications.${k}.total`);

/** One row of table 三, 总计 column. */
function appRow(key: string, words = `表三“${rowLabel(key)}”总计`): Operand {
  return { words, paths: (t) => (t.applicationRows.some((r) => r.key === key) ? totals([key]) : null) };
}

/** Every numbered row of a group of table 三 (（三）不予公开 1–8), 总计 column. */
function appGroup(group: string): Operand {
  const rows = groupRows(T21, group).map((k) => rowLabel(k));
  return { words: `表三“${group}”各项（${rows[0]}……${rows[rows.length - 1]}）总计之和`, paths: (t) => totals(groupRows(t, group)) };
}

const RESULT_LABEL = Object.fromEntries(T21.appealResults.map((c) => [c.key, c.label]));
const GROUP_LABEL = Object.fromEntries(T21.appealGroups.map((g) => [g.key, g.label]));
const CONCLUDED = ['upheld', 'corrected', 'other'] as const;

function appeals(groups: readonly string[], results: readonly string[], short?: string): Operand {
  const where = groups.map((g) => `“${GROUP_LABEL[g]}”`).join('与');
  const what = results.map((r) => `“${RESULT_LABEL[r]}”`).join(' + ');
  return { words: `表四${where}的${what}`, ...(short ? { short } : {}), paths: () => groups.flatMap((g) => results.map((r) => `appeals.${g}.${r}`)) };
}

/** A field of a table 二 row, in the templates that have it (by template, the field's key). */
function proactive(row: string, fields: Partial<Record<TemplateVersion, string>>): Operand {
  const label = (v: TemplateVersion) => {
    const r = templateFor(v).proactive.flatMap((b) => b.rows).find((x) => x.key === row)!;
    return `表二“${r.label}”的“${r.fields.find((f) => f.key === fields[v])!.label}”`;
  };
  const versions = (Object.keys(fields) as TemplateVersion[]).sort().reverse();
  const words = versions.map((v) => (versions.length > 1 ? `${label(v)}（${v}年模板）` : label(v))).join('；');
  return { words, paths: (t) => (fields[t.version] ? [`proactive.${row}.${fields[t.version]}`] : null) };
}

// ─── The indicators ──────────────────────────────────────────────────────────────────────────

const CLOSED: Operand = { ...appRow('total', '办结（表三“（七）总计”行总计列）'), short: '办结' };
const RECEIVED = appRow('newReceived');
const CARRIED_IN = appRow('carriedOver');
const CARRIED_FORWARD = appRow('carriedForward');
const GRANTED = appRow('granted');
const SUBSTANTIVE: Operand = {
  words: `表三“${rowLabel('granted')}”总计 + “${rowLabel('partlyGranted')}”总计`,
  paths: () => totals(['granted', 'partlyGranted']),
};
const HANDLED_DUE: Operand = {
  words: `表三“${rowLabel('newReceived')}”总计 + “${rowLabel('carriedOver')}”总计`,
  short: '应办理（新收 + 上年结转）',
  paths: () => totals(['newReceived', 'carriedOver']),
};
const RECONSIDERATION_CONCLUDED = appeals(['reconsideration'], CONCLUDED, '已审结复议');
const LITIGATION = ['litigationDirect', 'litigationAfterReconsideration'] as const;

function rate(
  key: string, name: string, numerator: Operand, denominator: Operand, min: number, direction: Direction | null, thresholds: Thresholds | null, note?: string,
): IndicatorDef {
  const wrap = (o: Operand) => (o.words.includes(' + ') ? `（${o.words}）` : o.words);
  const formula = `${wrap(numerator)} ÷ ${wrap(denominator)} × 100%`;
  return { key, name, kind: 'rate', unit: '%', numerator, denominator, formula, minDenominator: min, direction, thresholds, ...(note ? { note } : {}) };
}

function count(key: string, name: string, numerator: Operand, unit = '件', note?: string): IndicatorDef {
  return { key, name, kind: unit === '件' ? 'count' : 'amount', unit, numerator, formula: numerator.words, minDenominator: null, direction: null, thresholds: null, ...(note ? { note } : {}) };
}

/** Applications counted before a rate over 办结 is judged. */
export const MIN_CLOSED = 10;
/** Concluded 复议/诉讼 cases before a correction rate is judged. */
export const MIN_CONCLUDED = 3;

export const INDICATORS: readonly IndicatorDef[] = [
  count('received', '本年新收申请', RECEIVED),
  count('carriedIn', '上年结转申请', CARRIED_IN),
  count('closed', '本年办结申请', CLOSED, '件', '办结即“（七）总计”：本年度已有办理结果的申请。未办结的计入“四、结转下年度继续办理”，不从总计中扣除。'),
  count('carriedForward', '结转下年度继续办理', CARRIED_FORWARD),
  rate('closureRate', '办结率', CLOSED, HANDLED_DUE, MIN_CLOSED, 'lowerWorse', { yellow: 90, red: 75 }, '分母为本年应办理的申请（新收 + 上年结转）。'),
  rate('grantRate', '予以公开率', GRANTED, CLOSED, MIN_CLOSED, 'lowerWorse', null, '默认不设预警（各地区可自行设定）：予以公开率低可能因无法提供、不予处理较多，应结合其他指标看。'),
  rate('disclosureRate', '实质公开率', SUBSTANTIVE, CLOSED, MIN_CLOSED, 'lowerWorse', { yellow: 50, red: 30 }, '实质公开 = 予以公开 + 部分公开；分母为办结（“（七）总计”）。'),
  rate('withheldRate', '不予公开率', appGroup(WITHHELD!), CLOSED, MIN_CLOSED, 'higherWorse', { yellow: 20, red: 40 }),
  rate('unavailableRate', '无法提供率', appGroup(UNAVAILABLE!), CLOSED, MIN_CLOSED, 'higherWorse', { yellow: 40, red: 60 }),
  rate('notProcessedRate', '不予处理率', appGroup(NOT_PROCESSED!), CLOSED, MIN_CLOSED, 'higherWorse', { yellow: 20, red: 40 }),
  rate(
    'reconsiderationCorrectionRate', '复议纠错率', appeals(['reconsideration'], ['corrected']), RECONSIDERATION_CONCLUDED, MIN_CONCLUDED,
    'higherWorse', { yellow: 10, red: 30 }, '已审结 = 结果维持 + 结果纠正 + 其他结果（尚未审结不计）。',
  ),
  rate(
    'litigationLossRate', '诉讼败诉率', appeals(LITIGATION, ['corrected']), appeals(LITIGATION, CONCLUDED, '已审结诉讼'), MIN_CONCLUDED,
    'higherWorse', { yellow: 10, red: 30 }, '行政诉讼两组（未经复议直接起诉、复议后起诉）合计；表四不区分一审、二审，每件按报告所填结果计一次。已审结 = 结果维持 + 结果纠正 + 其他结果。',
  ),
  count('normativeIssued', '规范性文件本年制发', proactive('normativeDocuments', { '2021': 'issued', '2019': 'newlyMade' })),
  count('normativeInForce', '规范性文件现行有效', proactive('normativeDocuments', { '2021': 'inForce' }), '件', '2019年模板没有“现行有效件数”（只有“对外公开总数量”，含义不同），按2019年模板填报的报告此项为空。'),
  count(
    'feeUnpaidClosed', '因逾期未缴费不再处理的申请', appRow('otherHandling.feeUnpaid'), '件',
    '信息处理费的金额只写在第六部分（文字），不在表格中，不作为指标；表格中与收费有关的是此行。2019年模板没有此行。',
  ),
  count('adminFees', '行政事业性收费金额', proactive('fees', { '2021': 'amount' }), '万元', '2019年模板只有“上一年项目数量”“本年增/减”，没有金额，此项为空。'),
];

export const INDICATOR_KEYS = INDICATORS.map((d) => d.key);

export function indicatorDef(key: string): IndicatorDef | undefined {
  return INDICATORS.find((d) => d.key === key);
}
