/**
 * The disclosure register (依申请公开台账): applications and what happened to them, appeals, and
 * the proactive documents behind table 二. Plain data; `lifecycle.ts` says what may happen in
 * which order, `annual.ts` turns a year of it into the annual report.
 */
import { TEMPLATE_2021 } from '../template/templates.js';

/** Table 三's applicant columns. */
export const APPLICANT_TYPES = TEMPLATE_2021.applicationColumns.filter((c) => c.key !== 'total').map((c) => c.key);
export type ApplicantType = (typeof APPLICANT_TYPES)[number];

/** 第三十一条: how the application arrived decides its date of receipt. */
export type Channel = 'inPerson' | 'postSigned' | 'ordinaryLetter' | 'online' | 'fax';

/** Every table 三 outcome row of the 2021 template: the one an answered application lands in. */
export const OUTCOME_KEYS: readonly string[] = TEMPLATE_2021.applicationRows
  .map((r) => r.key)
  .filter((k) => !['newReceived', 'carriedOver', 'total', 'carriedForward'].includes(k));

export interface Applicant {
  type: ApplicantType;
  name: string;
  idNumber?: string;
  contact?: string;
}

export type RegisterEvent =
  | { kind: 'correctionRequested'; on: string; note?: string }
  | { kind: 'correctionReceived'; on: string }
  | { kind: 'consultation'; from: string; to: string; party: 'third-party' | 'agency' }
  | { kind: 'extended'; on: string; approvedBy: string }
  | { kind: 'feeNotice'; on: string; amountYuan: number; method: 'perApplication' | 'perVolume' }
  | { kind: 'feePaid'; on: string }
  | { kind: 'withdrawn'; on: string }
  | { kind: 'replied'; on: string; outcome: string; letterNo?: string };

export interface Application {
  id: string;
  applicant: Applicant;
  /** 第二十九条: the name, document number or description of the information sought. */
  description: string;
  /** 第二十九条: the form asked for (paper, electronic …) and how to receive it. */
  form?: string;
  delivery?: string;
  channel: Channel;
  /** The date of receipt under 第三十一条 (for post and online: the day it was signed for or confirmed). */
  receivedOn: string;
  events: RegisterEvent[];
}

/** 行政复议 or 行政诉讼 (direct, or after 复议) caused by the body's disclosure work. */
export interface Appeal {
  id: string;
  applicationId?: string;
  kind: 'reconsideration' | 'litigationDirect' | 'litigationAfterReconsideration';
  filedOn: string;
  /** Unset while the case is open. */
  decided?: { on: string; result: 'upheld' | 'corrected' | 'other' };
}

/** A 规章 or 行政规范性文件: issued, and repealed if it was. In force is derived, never typed. */
export interface RuleDocument {
  id: string;
  kind: 'regulations' | 'normativeDocuments';
  title: string;
  issuedOn: string;
  repealedOn?: string;
}

/** Table 二 figures that come from other systems (licensing, penalties, fees) for one year. */
export interface YearFigures {
  licensing: number;
  penalty: number;
  coercion: number;
  /** 万元. */
  feesAmount: number;
}
