/**
 * What an applicant sees of their application: a status in words, the events as a timeline in
 * Chinese, the correction asked for, and the outcome. Pure: the register's application in, the
 * public view out. Internal details (who approved an extension, who recorded an event) stay out.
 */
import { TEMPLATE_2021 } from '../template/templates.js';
import { closingEvent } from './lifecycle.js';
import type { Application, Channel, RegisterEvent } from './types.js';

export type PublicStatusKey = 'processing' | 'awaitingCorrection' | 'awaitingFee' | 'replied' | 'withdrawn';

const STATUS_LABELS: Record<PublicStatusKey, string> = {
  processing: '办理中',
  awaitingCorrection: '待补正',
  awaitingFee: '待缴费',
  replied: '已答复',
  withdrawn: '已撤回',
};

export interface TimelineEntry {
  date: string;
  label: string;
  note?: string;
}

export interface PublicCorrection {
  requestedOn: string;
  /** What must be corrected, as the officer wrote it. */
  note?: string;
  receivedOn?: string;
}

export interface PublicView {
  status: PublicStatusKey;
  statusLabel: string;
  closed: boolean;
  timeline: TimelineEntry[];
  correction?: PublicCorrection;
  outcome?: { on: string; label: string; letterNo?: string };
}

const CHANNEL_NOTES: Record<Channel, string> = {
  inPerson: '当面提交',
  postSigned: '邮寄（挂号信、快递），以签收之日为收到之日',
  ordinaryLetter: '平信寄送，以确认之日为收到之日',
  online: '通过网上申请系统提交，系统即时确认，以确认之日为收到之日（条例第三十一条）',
  fax: '传真提交，以双方确认之日为收到之日',
};

const stripNumber = (text: string) => text.replace(/^(（[一二三四五六七]）|\d+\.|[一二三四]、)/, '');

/** The table 三 outcome row in plain words: 予以公开, 不予公开：属于国家秘密 … */
function outcomeLabel(key: string): string {
  const row = TEMPLATE_2021.applicationRows.find((r) => r.key === key);
  if (!row) return key;
  const core = stripNumber(row.core);
  return row.group && !row.group.startsWith('三、') ? `${stripNumber(row.group)}：${core}` : core;
}

const FEE_METHODS = { perApplication: '按件计收', perVolume: '按量计收' } as const;

function entryOf(e: RegisterEvent): TimelineEntry {
  switch (e.kind) {
    case 'correctionRequested':
      return { date: e.on, label: '行政机关发出补正通知', ...(e.note ? { note: `需要补正：${e.note}` } : {}) };
    case 'correctionReceived':
      return { date: e.on, label: '收到补正后的申请', note: '答复期限自收到补正申请之日起重新计算（条例第三十条）' };
    case 'consultation':
      return {
        date: e.from,
        label: e.party === 'third-party' ? '征求第三方意见' : '征求有关机关意见',
        note: `${e.from} 至 ${e.to}，所需时间不计入答复期限（条例第三十三条）`,
      };
    case 'extended':
      return { date: e.on, label: '延长答复期限', note: '经政府信息公开工作机构负责人同意，延长不超过20个工作日（条例第三十三条）' };
    case 'feeNotice':
      return { date: e.on, label: '发出收费通知', note: `信息处理费 ${e.amountYuan} 元（${FEE_METHODS[e.method]}，国办函〔2020〕109号）` };
    case 'feePaid':
      return { date: e.on, label: '已缴纳信息处理费' };
    case 'withdrawn':
      return { date: e.on, label: '申请人撤回申请' };
    case 'replied':
      return { date: e.on, label: '作出答复', note: `答复结果：${outcomeLabel(e.outcome)}${e.letterNo ? `（${e.letterNo}）` : ''}` };
  }
}

function statusOf(app: Application): PublicStatusKey {
  const closing = closingEvent(app);
  if (closing) return closing.kind;
  const has = (kind: RegisterEvent['kind']) => app.events.some((e) => e.kind === kind);
  if (has('correctionRequested') && !has('correctionReceived')) return 'awaitingCorrection';
  if (has('feeNotice') && !has('feePaid')) return 'awaitingFee';
  return 'processing';
}

function correctionOf(app: Application): PublicCorrection | undefined {
  const requested = app.events.find((e) => e.kind === 'correctionRequested');
  if (!requested) return undefined;
  const received = app.events.find((e) => e.kind === 'correctionReceived');
  return { requestedOn: requested.on, ...(requested.note ? { note: requested.note } : {}), ...(received ? { receivedOn: received.on } : {}) };
}

export function publicView(app: Application): PublicView {
  const status = statusOf(app);
  const closing = closingEvent(app);
  const correction = correctionOf(app);
  return {
    status,
    statusLabel: STATUS_LABELS[status],
    closed: closing !== undefined,
    timeline: [{ date: app.receivedOn, label: '收到申请', note: CHANNEL_NOTES[app.channel] }, ...app.events.map(entryOf)],
    ...(correction ? { correction } : {}),
    ...(closing?.kind === 'replied'
      ? { outcome: { on: closing.on, label: outcomeLabel(closing.outcome), ...(closing.letterNo ? { letterNo: closing.letterNo } : {}) } }
      : {}),
  };
}

/** Why a correction cannot be submitted now, or undefined when it can. */
export function correctionRefusal(app: Application): string | undefined {
  const closing = closingEvent(app);
  if (closing) return `该申请已于 ${closing.on} ${closing.kind === 'replied' ? '答复' : '撤回'}，不能再补正`;
  const correction = correctionOf(app);
  if (!correction) return '行政机关没有要求补正，无需提交补正内容';
  if (correction.receivedOn) return `已于 ${correction.receivedOn} 收到您的补正，补正只进行一次（条例第三十条），不能重复提交`;
  return undefined;
}

/** Why the application cannot be withdrawn now, or undefined when it can. */
export function withdrawalRefusal(app: Application): string | undefined {
  const closing = closingEvent(app);
  if (!closing) return undefined;
  return closing.kind === 'withdrawn' ? `该申请已于 ${closing.on} 撤回，无需再次撤回` : `该申请已于 ${closing.on} 答复办结，不能撤回`;
}
