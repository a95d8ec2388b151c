/**
 * Every rule gongkai applies, as data: stable code, severity, and what it checks (Chinese for
 * the users, English beside it). The codes of shared/spec/annual-report.md are kept verbatim;
 * rules a careful county reviewer adds are marked `extra`. The ROLLUP.* codes are what
 * `gongkai rollup` says of an area's sum (corpus/rollup.ts), not of any one report.
 */
import type { Severity } from '../model/report.js';

export interface RuleDef {
  code: string;
  severity: Severity;
  zh: string;
  en: string;
  /** Family: which module implements it. */
  family: 'arithmetic' | 'structure' | 'value' | 'narrative' | 'publication' | 'cross-year' | 'similarity' | 'rollup';
  /** Added by gongkai beyond the spec's table. */
  extra?: boolean;
}

export const RULES: readonly RuleDef[] = [
  { code: 'T3.ROW_TOTAL', severity: 'error', family: 'arithmetic', zh: '表三每行：总计 = 六类申请人之和', en: 'table 三, each row: total = the six applicant columns' },
  { code: 'T3.OUTCOME_TOTAL', severity: 'error', family: 'arithmetic', zh: '表三每列：（七）总计 = 各项办理结果之和', en: 'table 三, each column: (七) total = every outcome row' },
  { code: 'T3.BALANCE', severity: 'error', family: 'arithmetic', zh: '表三每列：本年新收 + 上年结转 = 总计 + 结转下年度', en: 'table 三, each column: new + carried over = total + carried forward' },
  { code: 'T3.SUBTOTAL', severity: 'error', family: 'arithmetic', zh: '表三的“小计”列 = 五类法人或其他组织之和', en: 'table 三 小计 = the five organisation columns' },
  { code: 'T4.GROUP_TOTAL', severity: 'error', family: 'arithmetic', zh: '表四每组：总计 = 维持 + 纠正 + 其他 + 尚未审结', en: 'table 四, each group: total = its four results' },
  { code: 'VALUE.INVALID', severity: 'error', family: 'value', zh: '数值为负数、小数或过大（本年增/减可为负，收费金额可为小数）', en: 'a count that is negative, fractional or implausibly large' },
  { code: 'VALUE.BLANK', severity: 'warning', family: 'value', zh: '应填数字处空白或写作“/”“-”（应填 0）', en: 'a blank where a number is expected' },
  { code: 'STRUCT.SECTION_MISSING', severity: 'error', family: 'structure', zh: '缺少六个部分之一', en: 'one of the six sections is missing' },
  { code: 'STRUCT.ROW_MISSING', severity: 'error', family: 'structure', zh: '缺少模板中的行', en: 'a template row is missing' },
  { code: 'STRUCT.COLUMN_MISSING', severity: 'error', family: 'structure', zh: '缺少模板中的列', en: 'a template column is missing' },
  { code: 'STRUCT.TABLE_MISSING', severity: 'error', family: 'structure', zh: '缺少统计表', en: 'a statistical table is missing', extra: true },
  { code: 'STRUCT.TEMPLATE_OUTDATED', severity: 'warning', family: 'structure', zh: '2021 年以后的报告使用了 2019 年模板', en: 'a report for 2021 or later uses the 2019 layout' },
  { code: 'STRUCT.LABEL_VARIANT', severity: 'info', family: 'structure', zh: '标签写法与模板不同', en: 'a label worded differently from the template' },
  { code: 'TEXT.APPLICATIONS_MISMATCH', severity: 'warning', family: 'narrative', zh: '正文所述收到申请数与表三本年新收总计不一致', en: 'the text states another number of applications received than table 三' },
  { code: 'TEXT.YEAR_MISMATCH', severity: 'warning', family: 'narrative', zh: '正文把别的年份当作本年（统计期限、截至日期、对本年的“将”）——照搬上年报告的迹象', en: 'the text speaks of another year as the current one' },
  { code: 'TEXT.FEE_MISMATCH', severity: 'warning', family: 'narrative', zh: '第六部分关于信息处理费的说法与表三“逾期未缴费”行矛盾', en: 'section 六 on processing fees contradicts table 三 row （六）2', extra: true },
  { code: 'TEXT.FEE_NOT_REPORTED', severity: 'info', family: 'narrative', zh: '第六部分未说明信息处理费收取情况', en: 'section 六 does not report processing fees', extra: true },
  { code: 'PUB.LATE', severity: 'warning', family: 'publication', zh: '发布日期晚于法定或本地规定的期限', en: 'published after the deadline' },
  { code: 'PUB.BEFORE_PERIOD', severity: 'warning', family: 'publication', zh: '落款或发布日期早于报告年度结束', en: 'dated before the report year ended', extra: true },
  { code: 'PLAUS.FEE_UNIT', severity: 'warning', family: 'value', zh: '收费金额按“万元”看不合理（可能填成了“元”）', en: 'fee amount implausible in 万元 (probably 元)' },
  { code: 'CROSS.CARRY', severity: 'error', family: 'cross-year', zh: '本年“上年结转” ≠ 上年“结转下年度继续办理”', en: "this year's carried over ≠ last year's carried forward" },
  { code: 'CROSS.IN_FORCE', severity: 'warning', family: 'cross-year', zh: '现行有效件数 ≠ 上年现行有效 + 本年制发 − 本年废止', en: 'in force ≠ last year in force + issued − repealed' },
  { code: 'CROSS.YEAR_GAP', severity: 'info', family: 'cross-year', zh: '作比较的两份报告不是相邻年度', en: 'the two reports compared are not consecutive years', extra: true },
  { code: 'SIM.DUPLICATE', severity: 'warning', family: 'similarity', zh: '正文与另一份报告（或本机关上年报告）高度雷同', en: 'narrative nearly identical to another report' },
  { code: 'ROLLUP.NULL_CELL', severity: 'warning', family: 'rollup', zh: '汇总时某机关此格为空（未填数），地区合计无法得出，记为空而不按 0 计算；按 2019 年模板只填“（六）其他处理”一行的，三个子行无法汇总', en: "a body left this cell blank, so the area's sum is blank too (never read as 0); 2019's single （六） row cannot be split into its three sub-rows", extra: true },
  { code: 'ROLLUP.REFUSED', severity: 'warning', family: 'rollup', zh: '报告未计入汇总：年度不同或无法确定、模板与多数报告不同（2019 与 2021 年模板不混加），或同一机关重复提供', en: 'a report left out of the sum: another or unknown year, another template (2019 and 2021 are never added together), or the same body twice', extra: true },
  { code: 'ROLLUP.MISSING', severity: 'warning', family: 'rollup', zh: '应报机关名单中的机关没有提供该年度报告，汇总数不含该机关', en: 'a body on the list of those expected to report gave no report for the year: the sum leaves it out', extra: true },
];

export const RULE_BY_CODE = new Map(RULES.map((r) => [r.code, r]));
