/**
 * The validity (效力状态) of a 规章 or 行政规范性文件 on a given day, from its dates. Pure: the day
 * comes in as an argument (services have a `today`).
 *
 * The dates an item keeps:
 * - 施行日期 (effectiveOn): the day it takes effect; published earlier, it is 尚未施行 until then.
 * - 有效期至 (expiresOn): the last day of its validity period (行政规范性文件 often carry one);
 *   from the next day it is 已失效.
 * - 修改日期 (amendedOn): the day a later document amended it; from then it is 已修改 (the
 *   amended text is in force, this version is not wholly).
 * - 废止日期 (repealedOn): the day it was repealed; from then it is 已废止.
 *
 * The order of precedence, first match wins: 已废止, 已失效, 尚未施行, 已修改, 现行有效. A date
 * still in the future is announced (将于……废止) but does not change today's state.
 */
import type { RuleKind } from './vocabulary.js';

export const VALIDITY_STATES = ['notYetEffective', 'inForce', 'amended', 'repealed', 'expired'] as const;
export type ValidityState = (typeof VALIDITY_STATES)[number];

export const VALIDITY_LABELS: Readonly<Record<ValidityState, string>> = {
  notYetEffective: '尚未施行',
  inForce: '现行有效',
  amended: '已修改',
  repealed: '已废止',
  expired: '已失效',
};

export interface ValidityDates {
  ruleKind: RuleKind | null;
  effectiveOn: string | null;
  expiresOn: string | null;
  amendedOn: string | null;
  repealedOn: string | null;
}

export interface Validity {
  state: ValidityState;
  label: string;
  /** Since when the state holds, when a date says so (施行日期 for 现行有效, the 废止日期 for 已废止 …). */
  since: string | null;
  /** One sentence for the reader, e.g. “自 2027-01-01 起施行”. */
  note: string;
}

/** The day after an ISO date. */
function nextDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + 1)).toISOString().slice(0, 10);
}

/** What is still to come after today: 施行, 失效, 废止 announced in advance. */
function upcoming(v: ValidityDates, today: string): string {
  const later: string[] = [];
  if (v.repealedOn && v.repealedOn > today) later.push(`将于 ${v.repealedOn} 废止`);
  else if (v.expiresOn && v.expiresOn >= today) later.push(`有效期至 ${v.expiresOn}`);
  return later.length ? `；${later.join('；')}` : '';
}

/** The item's validity on `today`; null for items that are not 规章 or 行政规范性文件. */
export function validityOf(v: ValidityDates, today: string): Validity | null {
  if (!v.ruleKind) return null;
  const make = (state: ValidityState, since: string | null, note: string): Validity => ({ state, label: VALIDITY_LABELS[state], since, note });
  if (v.repealedOn && v.repealedOn <= today) return make('repealed', v.repealedOn, `已于 ${v.repealedOn} 废止`);
  if (v.expiresOn && v.expiresOn < today) return make('expired', nextDay(v.expiresOn), `有效期至 ${v.expiresOn}，已于 ${nextDay(v.expiresOn)} 失效`);
  if (v.effectiveOn && v.effectiveOn > today) return make('notYetEffective', null, `自 ${v.effectiveOn} 起施行${upcoming(v, today)}`);
  if (v.amendedOn && v.amendedOn <= today) return make('amended', v.amendedOn, `已于 ${v.amendedOn} 修改，以修改后的文本为准${upcoming(v, today)}`);
  return make('inForce', v.effectiveOn, `${v.effectiveOn ? `自 ${v.effectiveOn} 起施行` : '自发布之日起施行'}${upcoming(v, today)}`);
}

/**
 * The first day an item no longer counts as in force (table 二): its 废止日期, or the day after its
 * 有效期至, whichever comes first; null while neither is set. 失效 ends validity just as 废止 does.
 */
export function endOfValidity(v: Pick<ValidityDates, 'expiresOn' | 'repealedOn'>): string | null {
  const repealed = v.repealedOn;
  const expired = v.expiresOn ? nextDay(v.expiresOn) : null;
  if (repealed && expired) return repealed < expired ? repealed : expired;
  return repealed ?? expired;
}
