/**
 * The catalogue's share of the annual report, for one body and year. Pure.
 *
 * (a) Section 一's draft: the items first published in the year, by topic, by document type and
 *     by channel (an item out on two channels counts once under each), with a drafted sentence.
 *     An item counts in the year it was first published: a later change re-publishes it but
 *     does not make it a new item. Only published (proactive) items count.
 * (b) Table 二's 规章 and 行政规范性文件 rows. The items become the register's `RuleDocument`s and
 *     the figures are computed by the register's own annual report (`reportFromRegister`), so
 *     the definitions are the same by construction:
 *       本年制发 issued   — issued in the year;
 *       本年废止 repealed — repealed in the year, or expired (有效期至 passed: 失效 ends it too);
 *       现行有效 inForce  — issued on or before 31 December and not repealed on or before it.
 *     An item's issue date is its 施行日期 when entered, else the day it was first published.
 *     Drafts and items still in review are not issued yet and do not count.
 */
import { reportFromRegister } from '../register/annual.js';
import type { RuleDocument } from '../register/types.js';
import type { CatalogueItem } from './items.js';
import { endOfValidity } from './validity.js';
import { CHANNELS, DOC_TYPES, RULE_KIND_LABELS, TOPICS, type RuleKind } from './vocabulary.js';

export type FigureItem = Pick<CatalogueItem, 'indexNo' | 'title' | 'status' | 'topic' | 'docType' | 'channels' | 'firstPublishedOn' | 'ruleKind' | 'effectiveOn' | 'expiresOn' | 'repealedOn'>;

export interface Count {
  label: string;
  count: number;
}

export interface SectionOneFigures {
  total: number;
  byTopic: Count[];
  byDocType: Count[];
  byChannel: Count[];
  sentence: string;
}

export interface RuleRow {
  issued: number;
  repealed: number;
  inForce: number;
}

export type TableTwoRows = Record<RuleKind, RuleRow>;

const inYear = (date: string | null, year: number) => !!date && date.startsWith(`${year}-`);

/** Counts in the order of the fixed list, zeros left out; labels outside the list (older data) last. */
function countBy(labels: readonly string[], order: readonly string[]): Count[] {
  const counts = new Map<string, number>();
  for (const l of labels) counts.set(l, (counts.get(l) ?? 0) + 1);
  const known = order.filter((l) => counts.has(l));
  const other = [...counts.keys()].filter((l) => !order.includes(l)).sort();
  return [...known, ...other].map((label) => ({ label, count: counts.get(label)! }));
}

const unitOf = (docType: string) => (docType === '规章' || docType === '行政规范性文件' ? '件' : '条');
const list = (counts: Count[], unit: (label: string) => string) => counts.map((c) => `${c.label}${c.count}${unit(c.label)}`).join('、');

function sentenceOf(total: number, byDocType: Count[], byTopic: Count[], byChannel: Count[]): string {
  if (total === 0) return '本年度未通过政府信息公开目录主动公开政府信息。';
  const parts = [`本年度主动公开政府信息${total}条，其中${list(byDocType, unitOf)}`];
  parts.push(`按主题分，${list(byTopic, () => '条')}`);
  if (byChannel.length) parts.push(`通过${byChannel.map((c) => `${c.label}发布${c.count}条`).join('、')}`);
  return `${parts.join('；')}。`;
}

export function sectionOneFigures(items: readonly FigureItem[], year: number): SectionOneFigures {
  const published = items.filter((i) => i.status === 'published' && inYear(i.firstPublishedOn, year));
  const byTopic = countBy(published.map((i) => i.topic), TOPICS);
  const byDocType = countBy(published.map((i) => i.docType), DOC_TYPES);
  const byChannel = countBy(published.flatMap((i) => i.channels), CHANNELS);
  return { total: published.length, byTopic, byDocType, byChannel, sentence: sentenceOf(published.length, byDocType, byTopic, byChannel) };
}

/**
 * The published 规章 and 行政规范性文件 as the register's rule documents: what
 * `RegisterStore.annualReport` needs to take table 二 from the catalogue.
 */
export function ruleDocumentsOf(items: readonly FigureItem[]): RuleDocument[] {
  return items.flatMap((i) => {
    const issuedOn = i.effectiveOn ?? i.firstPublishedOn;
    if (i.status !== 'published' || !i.ruleKind || !issuedOn) return [];
    const endsOn = endOfValidity(i);
    return [{ id: i.indexNo, kind: i.ruleKind, title: i.title, issuedOn, ...(endsOn ? { repealedOn: endsOn } : {}) }];
  });
}

/** Table 二's two rows, by the register's own definitions (see the module comment). */
export function tableTwoRows(items: readonly FigureItem[], year: number): TableTwoRows {
  const report = reportFromRegister({ unit: '', year, applications: [], appeals: [], documents: ruleDocumentsOf(items) });
  const row = (kind: RuleKind): RuleRow => {
    const r = report.proactive[kind]!;
    return { issued: r.issued ?? 0, repealed: r.repealed ?? 0, inForce: r.inForce ?? 0 };
  };
  return { regulations: row('regulations'), normativeDocuments: row('normativeDocuments') };
}

/** A sentence for table 二's rows, e.g. for the report's first section. */
export function tableTwoSentence(rows: TableTwoRows): string {
  return (['regulations', 'normativeDocuments'] as const)
    .map((k) => `本年制发${RULE_KIND_LABELS[k]}${rows[k].issued}件、废止${rows[k].repealed}件，现行有效${rows[k].inForce}件`)
    .join('；')
    .concat('。');
}
