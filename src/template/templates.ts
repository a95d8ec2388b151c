/**
 * The national annual-report templates as data — the one place a label is spelled.
 *
 * 2019: 国办公开办函〔2019〕60号 (report years 2019, 2020). 2021: 国办公开办函〔2021〕30号 (2021 on).
 * Reading, checking, rendering and the UI all read these definitions; canonical keys are those
 * of `gongkai.report/v1` (shared/spec/annual-report.md).
 */

export type TemplateVersion = '2019' | '2021';
export const TEMPLATE_VERSIONS: readonly TemplateVersion[] = ['2019', '2021'];

export interface SectionDef {
  readonly no: number;
  /** The title as the template prints it. */
  readonly title: string;
  /** The title without its numeral: what a heading must contain to be this section. */
  readonly core: string;
  /** Other cores met in real reports (and the other template's wording). */
  readonly coreVariants: readonly string[];
}

/** One numeric field of a table 二 row. */
export interface FieldDef {
  readonly key: string;
  /** Column header as printed. */
  readonly label: string;
  /** count: non-negative integer; signed: integer that may be negative; amount: decimal. */
  readonly kind: 'count' | 'signed' | 'amount';
}

export interface ProactiveRowDef {
  readonly key: string;
  readonly label: string;
  readonly variants: readonly string[];
  readonly fields: readonly FieldDef[];
}

export interface ProactiveBlockDef {
  /** 第二十条第（一）项 … */
  readonly header: string;
  readonly rows: readonly ProactiveRowDef[];
}

export interface ColumnDef {
  readonly key: string;
  readonly label: string;
  /** Distinctive fragments that survive a header broken across lines (`商业\n企业`). */
  readonly fragments: readonly string[];
}

export interface ApplicationRowDef {
  readonly key: string;
  /** The row's own label, verbatim (with its numbering). */
  readonly label: string;
  /** The group label printed in the merged cell to its left, if any. */
  readonly group?: string;
  /**
   * What identifies the row once numbering is stripped. `numbered` rows (`3.其他`, `（七）总计`)
   * need their numbering too, because the bare word also appears in headers.
   */
  readonly core: string;
  readonly numbered?: boolean;
  readonly variants: readonly string[];
}

export interface AppealGroupDef {
  readonly key: string;
  readonly label: string;
}

export interface Template {
  readonly version: TemplateVersion;
  readonly notice: string;
  readonly sections: readonly SectionDef[];
  readonly proactive: readonly ProactiveBlockDef[];
  /** Table 三 columns in template order (the seven canonical ones). */
  readonly applicationColumns: readonly ColumnDef[];
  /** Table 三 rows in template order. */
  readonly applicationRows: readonly ApplicationRowDef[];
  readonly appealGroups: readonly AppealGroupDef[];
  readonly appealResults: readonly ColumnDef[];
}

// ---------------------------------------------------------------------------------------------
// Sections

const SECTIONS_2021: readonly SectionDef[] = [
  { no: 1, title: '一、总体情况', core: '总体情况', coreVariants: ['概述', '基本情况'] },
  { no: 2, title: '二、主动公开政府信息情况', core: '主动公开政府信息情况', coreVariants: ['主动公开情况'] },
  {
    no: 3,
    title: '三、收到和处理政府信息公开申请情况',
    core: '收到和处理政府信息公开申请情况',
    coreVariants: ['依申请公开政府信息情况', '收到和处理政府信息公开申请'],
  },
  {
    no: 4,
    title: '四、政府信息公开行政复议、行政诉讼情况',
    core: '政府信息公开行政复议、行政诉讼情况',
    coreVariants: ['因政府信息公开工作被申请行政复议、提起行政诉讼情况', '行政复议、行政诉讼情况'],
  },
  {
    no: 5,
    title: '五、存在的主要问题及改进情况',
    core: '存在的主要问题及改进情况',
    coreVariants: ['政府信息公开工作存在的主要问题及改进情况', '存在的主要问题及改进措施', '存在的问题及改进情况'],
  },
  { no: 6, title: '六、其他需要报告的事项', core: '其他需要报告的事项', coreVariants: [] },
];

const SECTIONS_2019: readonly SectionDef[] = SECTIONS_2021.map((s) => {
  if (s.no === 4) return { ...s, title: '四、因政府信息公开工作被申请行政复议、提起行政诉讼情况' };
  if (s.no === 5) return { ...s, title: '五、政府信息公开工作存在的主要问题及改进情况' };
  return s;
});

// ---------------------------------------------------------------------------------------------
// Table 二

const ISSUED_2021: readonly FieldDef[] = [
  { key: 'issued', label: '本年制发件数', kind: 'count' },
  { key: 'repealed', label: '本年废止件数', kind: 'count' },
  { key: 'inForce', label: '现行有效件数', kind: 'count' },
];
const DECISIONS_2021: readonly FieldDef[] = [{ key: 'decisions', label: '本年处理决定数量', kind: 'count' }];

const PROACTIVE_2021: readonly ProactiveBlockDef[] = [
  {
    header: '第二十条第（一）项',
    rows: [
      { key: 'regulations', label: '规章', variants: [], fields: ISSUED_2021 },
      { key: 'normativeDocuments', label: '行政规范性文件', variants: ['规范性文件'], fields: ISSUED_2021 },
    ],
  },
  { header: '第二十条第（五）项', rows: [{ key: 'licensing', label: '行政许可', variants: [], fields: DECISIONS_2021 }] },
  {
    header: '第二十条第（六）项',
    rows: [
      { key: 'penalty', label: '行政处罚', variants: [], fields: DECISIONS_2021 },
      { key: 'coercion', label: '行政强制', variants: [], fields: DECISIONS_2021 },
    ],
  },
  {
    header: '第二十条第（八）项',
    rows: [
      {
        key: 'fees',
        label: '行政事业性收费',
        variants: [],
        fields: [{ key: 'amount', label: '本年收费金额（单位：万元）', kind: 'amount' }],
      },
    ],
  },
];

const MADE_2019: readonly FieldDef[] = [
  { key: 'newlyMade', label: '本年新制作数量', kind: 'count' },
  { key: 'newlyPublished', label: '本年新公开数量', kind: 'count' },
  { key: 'totalPublished', label: '对外公开总数量', kind: 'count' },
];
const ITEMS_2019: readonly FieldDef[] = [
  { key: 'previousYear', label: '上一年项目数量', kind: 'count' },
  { key: 'change', label: '本年增/减', kind: 'signed' },
  { key: 'decisions', label: '处理决定数量', kind: 'count' },
];

const PROACTIVE_2019: readonly ProactiveBlockDef[] = [
  {
    header: '第二十条第（一）项',
    rows: [
      { key: 'regulations', label: '规章', variants: [], fields: MADE_2019 },
      { key: 'normativeDocuments', label: '规范性文件', variants: ['行政规范性文件'], fields: MADE_2019 },
    ],
  },
  {
    header: '第二十条第（五）项',
    rows: [
      { key: 'licensing', label: '行政许可', variants: [], fields: ITEMS_2019 },
      { key: 'otherServices', label: '其他对外管理服务事项', variants: [], fields: ITEMS_2019 },
    ],
  },
  {
    header: '第二十条第（六）项',
    rows: [
      { key: 'penalty', label: '行政处罚', variants: [], fields: ITEMS_2019 },
      { key: 'coercion', label: '行政强制', variants: [], fields: ITEMS_2019 },
    ],
  },
  {
    header: '第二十条第（八）项',
    rows: [{ key: 'fees', label: '行政事业性收费', variants: [], fields: ITEMS_2019.slice(0, 2) }],
  },
  {
    header: '第二十条第（九）项',
    rows: [
      {
        key: 'procurement',
        label: '政府集中采购',
        variants: [],
        fields: [
          { key: 'projects', label: '采购项目数量', kind: 'count' },
          { key: 'amount', label: '采购总金额', kind: 'amount' },
        ],
      },
    ],
  },
];

// ---------------------------------------------------------------------------------------------
// Table 三

const APPLICATION_COLUMNS: readonly ColumnDef[] = [
  { key: 'naturalPerson', label: '自然人', fragments: ['自然人'] },
  { key: 'commercial', label: '商业企业', fragments: ['商业'] },
  { key: 'research', label: '科研机构', fragments: ['科研'] },
  { key: 'publicInterest', label: '社会公益组织', fragments: ['公益'] },
  { key: 'legalService', label: '法律服务机构', fragments: ['法律', '服务'] },
  { key: 'otherOrg', label: '其他', fragments: ['其他'] },
  { key: 'total', label: '总计', fragments: ['总计'] },
];

/** The optional eighth column some reports print: a 小计 of the five organisation columns. */
export const SUBTOTAL_COLUMN: ColumnDef = { key: 'subtotal', label: '小计', fragments: ['小计'] };

/** The five 法人或其他组织 columns (what a 小计 adds up). */
export const ORGANISATION_COLUMNS = ['commercial', 'research', 'publicInterest', 'legalService', 'otherOrg'] as const;

const OUTCOME = '三、本年度办理结果';
const WITHHELD = '（三）不予公开';
const UNAVAILABLE = '（四）无法提供';
const NOT_PROCESSED = '（五）不予处理';
const OTHER_HANDLING = '（六）其他处理';

function row(key: string, label: string, core: string, extra: Partial<ApplicationRowDef> = {}): ApplicationRowDef {
  return { key, label, core, variants: [], ...extra };
}

const ROWS_HEAD: readonly ApplicationRowDef[] = [
  row('newReceived', '一、本年新收政府信息公开申请数量', '本年新收政府信息公开申请数量'),
  row('carriedOver', '二、上年结转政府信息公开申请数量', '上年结转政府信息公开申请数量'),
  row('granted', '（一）予以公开', '予以公开', { group: OUTCOME }),
  row('partlyGranted', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '部分公开', { group: OUTCOME }),
  row('withheld.stateSecret', '1.属于国家秘密', '属于国家秘密', { group: WITHHELD }),
  row('withheld.lawForbidden', '2.其他法律行政法规禁止公开', '其他法律行政法规禁止公开', {
    group: WITHHELD,
    variants: ['其他法律法规禁止公开', '法律行政法规禁止公开'],
  }),
  row('withheld.securityStability', '3.危及“三安全一稳定”', '危及三安全一稳定', { group: WITHHELD }),
  row('withheld.thirdPartyRights', '4.保护第三方合法权益', '保护第三方合法权益', { group: WITHHELD }),
  row('withheld.internalAffairs', '5.属于三类内部事务信息', '属于三类内部事务信息', { group: WITHHELD }),
  row('withheld.processInfo', '6.属于四类过程性信息', '属于四类过程性信息', { group: WITHHELD }),
  row('withheld.enforcementFile', '7.属于行政执法案卷', '属于行政执法案卷', { group: WITHHELD }),
  row('withheld.adminQuery', '8.属于行政查询事项', '属于行政查询事项', { group: WITHHELD }),
  row('unavailable.notHeld', '1.本机关不掌握相关政府信息', '本机关不掌握相关政府信息', { group: UNAVAILABLE }),
  row('unavailable.needsCreation', '2.没有现成信息需要另行制作', '没有现成信息需要另行制作', { group: UNAVAILABLE }),
  row('unavailable.unclear', '3.补正后申请内容仍不明确', '补正后申请内容仍不明确', { group: UNAVAILABLE }),
  row('notProcessed.petition', '1.信访举报投诉类申请', '信访举报投诉类申请', { group: NOT_PROCESSED }),
  row('notProcessed.duplicate', '2.重复申请', '重复申请', { group: NOT_PROCESSED }),
  row('notProcessed.publication', '3.要求提供公开出版物', '要求提供公开出版物', { group: NOT_PROCESSED }),
  row('notProcessed.excessive', '4.无正当理由大量反复申请', '无正当理由大量反复申请', { group: NOT_PROCESSED }),
  row('notProcessed.confirmation', '5.要求行政机关确认或重新出具已获取信息', '要求行政机关确认或重新出具已获取信息', {
    group: NOT_PROCESSED,
    variants: ['要求确认或重新出具已获取信息'],
  }),
];

/** 2021: （六）其他处理 is a group of three rows. */
const ROWS_OTHER_2021: readonly ApplicationRowDef[] = [
  row(
    'otherHandling.noCorrection',
    '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    { group: OTHER_HANDLING },
  ),
  row(
    'otherHandling.feeUnpaid',
    '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    { group: OTHER_HANDLING },
  ),
  row('otherHandling.other', '3.其他', '3.其他', { group: OTHER_HANDLING, numbered: true }),
];

/** 2019: （六）其他处理 is a single data row. */
export const OTHER_HANDLING_SINGLE: ApplicationRowDef = row('otherHandling', OTHER_HANDLING, '其他处理', { group: OUTCOME });

const ROWS_TAIL: readonly ApplicationRowDef[] = [
  row('total', '（七）总计', '（七）总计', { group: OUTCOME, numbered: true }),
  row('carriedForward', '四、结转下年度继续办理', '结转下年度继续办理', { variants: ['结转下一年度继续办理'] }),
];

/** The group labels of table 三 (merged cells, never data rows except 2019's （六）). */
export const APPLICATION_GROUP_LABELS = [OUTCOME, WITHHELD, UNAVAILABLE, NOT_PROCESSED, OTHER_HANDLING] as const;

// ---------------------------------------------------------------------------------------------
// Table 四

const APPEAL_GROUPS: readonly AppealGroupDef[] = [
  { key: 'reconsideration', label: '行政复议' },
  { key: 'litigationDirect', label: '行政诉讼·未经复议直接起诉' },
  { key: 'litigationAfterReconsideration', label: '行政诉讼·复议后起诉' },
];

const APPEAL_RESULTS: readonly ColumnDef[] = [
  { key: 'upheld', label: '结果维持', fragments: ['维持'] },
  { key: 'corrected', label: '结果纠正', fragments: ['纠正'] },
  { key: 'other', label: '其他结果', fragments: ['其他'] },
  { key: 'pending', label: '尚未审结', fragments: ['尚未'] },
  { key: 'total', label: '总计', fragments: ['总计'] },
];

// ---------------------------------------------------------------------------------------------

export const TEMPLATE_2021: Template = {
  version: '2021',
  notice: '国办公开办函〔2021〕30号',
  sections: SECTIONS_2021,
  proactive: PROACTIVE_2021,
  applicationColumns: APPLICATION_COLUMNS,
  applicationRows: [...ROWS_HEAD, ...ROWS_OTHER_2021, ...ROWS_TAIL],
  appealGroups: APPEAL_GROUPS,
  appealResults: APPEAL_RESULTS,
};

export const TEMPLATE_2019: Template = {
  version: '2019',
  notice: '国办公开办函〔2019〕60号',
  sections: SECTIONS_2019,
  proactive: PROACTIVE_2019,
  applicationColumns: APPLICATION_COLUMNS,
  applicationRows: [...ROWS_HEAD, OTHER_HANDLING_SINGLE, ...ROWS_TAIL],
  appealGroups: APPEAL_GROUPS,
  appealResults: APPEAL_RESULTS,
};

export function templateFor(version: TemplateVersion): Template {
  return version === '2019' ? TEMPLATE_2019 : TEMPLATE_2021;
}

/** The table 三 row keys a model carries: the template's, plus 2019's single row in a 2021 report that printed it. */
export function applicationRowKeys(version: TemplateVersion, singleOtherHandling: boolean): string[] {
  const keys = templateFor(version).applicationRows.map((r) => r.key);
  if (version === '2021' && singleOtherHandling) {
    keys.splice(keys.indexOf('otherHandling.noCorrection'), 0, OTHER_HANDLING_SINGLE.key);
  }
  return keys;
}

/** Rows whose sum is 总计 (every outcome row). */
export function outcomeRowKeys(keys: readonly string[]): string[] {
  const first = keys.indexOf('granted');
  const last = keys.indexOf('total');
  return keys.slice(first, last);
}
