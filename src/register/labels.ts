/**
 * Chinese words for the register's codes, for screens, letters and exports. Applicant types and
 * outcomes come from the template data (the one place a table 三 label is spelled); channels,
 * events and the like are the register's own.
 */
import { APPLICATION_GROUP_LABELS, TEMPLATE_2021 } from '../template/templates.js';
import { APPLICANT_TYPES, OUTCOME_KEYS, type Channel, type RegisterEvent } from './types.js';

/** The template's column label; its bare “其他” column reads “其他组织” on its own (as in the 台账 export). */
export const APPLICANT_TYPE_LABELS: Readonly<Record<string, string>> = Object.fromEntries(
  TEMPLATE_2021.applicationColumns.filter((c) => APPLICANT_TYPES.includes(c.key)).map((c) => [c.key, c.key === 'otherOrg' ? '其他组织' : c.label]),
);

export const isNaturalPerson = (type: string): boolean => type === 'naturalPerson';

export const CHANNELS: readonly Channel[] = ['inPerson', 'postSigned', 'ordinaryLetter', 'online', 'fax'];

/** The same words as the 台账 spreadsheet (register/excel.ts). */
export const CHANNEL_LABELS: Readonly<Record<Channel, string>> = {
  inPerson: '当面',
  postSigned: '邮寄（签收）',
  ordinaryLetter: '平信',
  online: '网络',
  fax: '传真',
};

/** 第三十一条, channel by channel: which day is the date of receipt. */
export const RECEIPT_RULES: Readonly<Record<Channel, string>> = {
  inPerson: '当面提交的，以提交之日为收到申请之日',
  postSigned: '以邮寄方式提交、需要签收的（挂号信、EMS 等），以本机关签收之日为收到申请之日',
  ordinaryLetter: '以平常信函等无需签收的邮寄方式提交的，应当于收到之日与申请人确认，以确认之日为收到申请之日',
  online: '通过互联网渠道提交的，以双方确认之日为收到申请之日',
  fax: '通过本机关传真提交的，以双方确认之日为收到申请之日',
};

const groupOf = new Map(TEMPLATE_2021.applicationRows.map((r) => [r.key, r.group]));

/** A table 三 outcome row as officers name it: `（三）不予公开 1.属于国家秘密`, or the row alone for （一）（二）. */
export function outcomeLabel(key: string): string {
  const row = TEMPLATE_2021.applicationRows.find((r) => r.key === key);
  if (!row) return key;
  return row.group && row.group !== APPLICATION_GROUP_LABELS[0] ? `${row.group} ${row.label}` : row.label;
}

export interface OutcomeOption {
  key: string;
  /** The group's label (`（三）不予公开`), or the row's own for （一）（二）. */
  group: string;
  /** The row's label, verbatim. */
  label: string;
}

/** Every outcome row of the 2021 template, in template order, grouped as the table groups them. */
export const OUTCOME_OPTIONS: readonly OutcomeOption[] = TEMPLATE_2021.applicationRows
  .filter((r) => OUTCOME_KEYS.includes(r.key))
  .map((r) => {
    const group = groupOf.get(r.key);
    return { key: r.key, group: group && group !== APPLICATION_GROUP_LABELS[0] ? group : r.label, label: r.label };
  });

export const EVENT_LABELS: Readonly<Record<RegisterEvent['kind'], string>> = {
  correctionRequested: '告知补正',
  correctionReceived: '收到补正',
  consultation: '征求意见',
  extended: '延长答复期限',
  feeNotice: '发出收费通知',
  feePaid: '缴纳信息处理费',
  withdrawn: '申请人撤回申请',
  replied: '答复',
};

export const PARTY_LABELS = { 'third-party': '第三方', agency: '有关机关' } as const;

export const FEE_METHOD_LABELS = { perApplication: '按件计收', perVolume: '按量计收' } as const;

/** One sentence for the timeline. */
export function eventText(e: RegisterEvent): string {
  switch (e.kind) {
    case 'correctionRequested':
      return `一次性告知申请人补正${e.note ? `：${e.note}` : ''}（条例第三十条）`;
    case 'correctionReceived':
      return '收到补正后的申请，答复期限自当日起重新计算（条例第三十条）';
    case 'consultation':
      return `${e.from} 至 ${e.to} 征求${PARTY_LABELS[e.party]}意见，所需时间不计入答复期限（条例第三十三条第三款）`;
    case 'extended':
      return `经${e.approvedBy}同意，答复期限延长20个工作日（条例第三十三条第二款）`;
    case 'feeNotice':
      return `发出收费通知：${FEE_METHOD_LABELS[e.method]} ${e.amountYuan} 元`;
    case 'feePaid':
      return '申请人缴纳信息处理费';
    case 'withdrawn':
      return '申请人撤回申请，终止办理';
    case 'replied':
      return `答复：${outcomeLabel(e.outcome)}${e.letterNo ? `（${e.letterNo}）` : ''}`;
  }
}

/** 2026-03-02 → 2026年3月2日, as dates are written in official letters. */
export function chineseDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}
