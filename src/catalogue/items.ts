/**
 * An information item of the catalogue (条例 第十二条、第二十条) and the checks on what an officer
 * enters. Pure: today comes in as an argument.
 */
import { CatalogueError } from './errors.js';
import {
  CHANNELS,
  DISCLOSURES,
  DOC_TYPES,
  RULE_KIND_OF_TYPE,
  TOPICS,
  WITHHELD_GROUND_KEYS,
  type Disclosure,
  type ItemStatus,
  type RuleKind,
  type WithheldGround,
} from './vocabulary.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** What the officer edits. */
export interface ItemFields {
  title: string;
  summary: string;
  content: string;
  /** 生成日期: the day the information was made or last changed. */
  madeOn: string;
  publisher: string;
  docNo: string | null;
  topic: string;
  docType: string;
  disclosure: Disclosure;
  withheldGround: WithheldGround | null;
  /** 规章 / 行政规范性文件 only. */
  effectiveOn: string | null;
  /** 有效期至: the last day of a validity period. */
  expiresOn: string | null;
  /** 修改日期: the day a later document amended it. */
  amendedOn: string | null;
  repealedOn: string | null;
  channels: string[];
  /** A 政策解读 item: the item it interprets. */
  interpretationOf: number | null;
}

/** The stored item, as the pure functions (clocks, annual figures) need it. */
export interface CatalogueItem extends ItemFields {
  id: number;
  bodyId: string;
  indexNo: string;
  status: ItemStatus;
  ruleKind: RuleKind | null;
  publishedOn: string | null;
  /** The first publication (a change re-publishes but the item was issued on this day). */
  firstPublishedOn: string | null;
  reviewOn: string | null;
}

const LIMITS = { title: 200, summary: 2000, content: 200_000, publisher: 100, docNo: 100 } as const;

function realDate(value: string, label: string): string {
  const [y, m, d] = value.split('-').map(Number);
  const t = new Date(Date.UTC(y!, m! - 1, d!));
  if (!DATE.test(value) || t.getUTCFullYear() !== y || t.getUTCMonth() !== m! - 1 || t.getUTCDate() !== d) {
    throw new CatalogueError(`${label}“${value}”不是有效日期，应写成 YYYY-MM-DD`);
  }
  return value;
}

function text(value: string, label: string, max: number, required: boolean): string {
  const v = value.trim();
  if (required && !v) throw new CatalogueError(`请填写${label}`);
  if (v.length > max) throw new CatalogueError(`${label}不能超过 ${max} 个字符`);
  return v;
}

function oneOf<T extends string>(value: string, list: readonly T[], label: string): T {
  if (!list.includes(value as T)) throw new CatalogueError(`${label}“${value}”不在可选范围内；应为 ${list.join('、')} 之一`);
  return value as T;
}

/** 规章 and 行政规范性文件 are counted in table 二 and must be public (第二十条第一项). */
export const ruleKindOf = (docType: string): RuleKind | null => RULE_KIND_OF_TYPE[docType] ?? null;

type ValidityFields = Pick<ItemFields, 'effectiveOn' | 'expiresOn' | 'amendedOn' | 'repealedOn'>;

/** 施行日期, 有效期至, 修改日期, 废止日期: for 规章 and 行政规范性文件 only, each after the 施行日期. */
function checkValidity(f: ItemFields, ruleKind: RuleKind | null): ValidityFields {
  if (!ruleKind) return { effectiveOn: null, expiresOn: null, amendedOn: null, repealedOn: null };
  const effectiveOn = f.effectiveOn ? realDate(f.effectiveOn, '施行日期') : null;
  const later = { expiresOn: '有效期至', amendedOn: '修改日期', repealedOn: '废止日期' } as const;
  const checked = { effectiveOn, expiresOn: null, amendedOn: null, repealedOn: null } as ValidityFields;
  for (const [key, label] of Object.entries(later) as [keyof typeof later, string][]) {
    const value = f[key] ? realDate(f[key], label) : null;
    if (value && !effectiveOn) throw new CatalogueError(`填写${label}前请先填写施行日期`);
    if (value && effectiveOn && value < effectiveOn) throw new CatalogueError(`${label} ${value} 早于施行日期 ${effectiveOn}`);
    checked[key] = value;
  }
  return checked;
}

function checkDisclosure(f: ItemFields, ruleKind: RuleKind | null): Pick<ItemFields, 'disclosure' | 'withheldGround' | 'channels'> {
  const disclosure = oneOf(f.disclosure, DISCLOSURES, '公开属性');
  if (ruleKind && disclosure !== 'proactive') throw new CatalogueError(`${f.docType}应当主动公开（条例第二十条第一项），公开属性请选“主动公开”`);
  if (disclosure === 'withheld') {
    if (!f.withheldGround) throw new CatalogueError('不予公开须选择法律依据：条例第十四条、第十五条或第十六条');
    oneOf(f.withheldGround, WITHHELD_GROUND_KEYS, '不予公开的依据');
  }
  const channels = [...new Set(f.channels)].map((c) => oneOf(c, CHANNELS, '发布渠道'));
  // Channels say where the item went out: only proactive information goes out.
  return { disclosure, withheldGround: disclosure === 'withheld' ? f.withheldGround : null, channels: disclosure === 'proactive' ? channels : [] };
}

/**
 * Check and tidy what the officer entered. `today` bounds 生成日期 (information is not made in
 * the future). Throws `CatalogueError` with the first problem.
 */
export function checkItemFields(f: ItemFields, today: string): ItemFields {
  const title = text(f.title, '名称', LIMITS.title, true);
  const madeOn = realDate(f.madeOn, '生成日期');
  if (madeOn > today) throw new CatalogueError(`生成日期 ${madeOn} 晚于今天（${today}）`);
  const docType = oneOf(f.docType, DOC_TYPES, '文件类型');
  const ruleKind = ruleKindOf(docType);
  const interpretationOf = docType === '政策解读' ? f.interpretationOf : null;
  return {
    title,
    summary: text(f.summary, '内容概述', LIMITS.summary, false),
    content: text(f.content, '正文', LIMITS.content, false),
    madeOn,
    publisher: text(f.publisher, '发布机构', LIMITS.publisher, true),
    docNo: text(f.docNo ?? '', '文号', LIMITS.docNo, false) || null,
    topic: oneOf(f.topic, TOPICS, '主题分类'),
    docType,
    ...checkDisclosure({ ...f, docType }, ruleKind),
    ...checkValidity(f, ruleKind),
    interpretationOf,
  };
}

/** What must be there before the item goes to review (a draft may be incomplete). */
export function checkReadyToSubmit(f: ItemFields): void {
  if (!f.summary.trim() && !f.content.trim()) throw new CatalogueError('提交审核前请填写内容概述或正文');
  if (f.disclosure === 'proactive' && f.channels.length === 0) throw new CatalogueError('主动公开的信息请至少选择一个发布渠道');
}
