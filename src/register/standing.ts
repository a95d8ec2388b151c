/**
 * Where an application stands on a given day, for the register's lists: closed (replied or
 * withdrawn), waiting for the applicant's 补正, or running against its due date — overdue, due
 * within a few working days, or simply open. Also which events may be recorded next, and the
 * 信息处理费 an application would cost. Pure: the calendar and the day go in.
 */
import type { WorkingDayCalendar } from '../calendar/calendar.js';
import type { ReplyDue } from '../calendar/clock.js';
import { perApplicationFee, perVolumeFee } from './fees.js';
import { closingEvent, dueOf, outcomeOf } from './lifecycle.js';
import type { Application, RegisterEvent } from './types.js';

/** “Due soon”: at most this many working days left (the register's warning list). */
export const DUE_SOON_WORKING_DAYS = 5;

export type Standing =
  | { state: 'replied' | 'withdrawn'; closedOn: string; outcome: string }
  /** 第三十条: the period restarts when the corrected application arrives; until then no due date runs. */
  | { state: 'awaitingCorrection'; requestedOn: string }
  /** `workingDays`: left until the due date (0 = due today), or, when overdue, past it. */
  | { state: 'overdue' | 'dueSoon' | 'open'; due: ReplyDue; workingDays: number };

const has = (app: Application, kind: RegisterEvent['kind']) => app.events.some((e) => e.kind === kind);

export function standingOf(app: Application, today: string, calendar: WorkingDayCalendar): Standing {
  const closing = closingEvent(app);
  if (closing) return { state: closing.kind === 'replied' ? 'replied' : 'withdrawn', closedOn: closing.on, outcome: outcomeOf(app)! };
  const requested = app.events.find((e) => e.kind === 'correctionRequested');
  if (requested && !has(app, 'correctionReceived')) return { state: 'awaitingCorrection', requestedOn: requested.on };
  const due = dueOf(app, calendar);
  if (due.due < today) return { state: 'overdue', due, workingDays: calendar.workingDaysBetween(due.due, today).days };
  const left = calendar.workingDaysBetween(today, due.due).days;
  return { state: left <= DUE_SOON_WORKING_DAYS ? 'dueSoon' : 'open', due, workingDays: left };
}

export const STATE_LABELS: Readonly<Record<Standing['state'], string>> = {
  replied: '已答复',
  withdrawn: '已撤回',
  awaitingCorrection: '待补正',
  overdue: '已逾期',
  dueSoon: '即将到期',
  open: '办理中',
};

/** The events that may be recorded next (the lifecycle still checks each one as it is recorded). */
export function allowedEvents(app: Application): RegisterEvent['kind'][] {
  if (closingEvent(app)) return [];
  const kinds: RegisterEvent['kind'][] = [];
  if (!has(app, 'correctionRequested')) kinds.push('correctionRequested');
  else if (!has(app, 'correctionReceived')) kinds.push('correctionReceived');
  kinds.push('consultation');
  if (!has(app, 'extended')) kinds.push('extended');
  if (!has(app, 'feeNotice')) kinds.push('feeNotice');
  else if (!has(app, 'feePaid')) kinds.push('feePaid');
  kinds.push('withdrawn', 'replied');
  return kinds;
}

/**
 * The applicant as the fee measures count them (“同一申请人”): by ID number when there is one,
 * else by type and name.
 */
const applicantKey = (a: Application) => (a.applicant.idNumber?.trim() ? `id:${a.applicant.idNumber.trim().toUpperCase()}` : `name:${a.applicant.type}:${a.applicant.name.trim()}`);

export interface FeeQuote {
  amountYuan: number;
  explanation: string;
}

/**
 * 信息处理费 (国办函〔2020〕109号). 按件: this application's place among the same applicant's
 * applications to this body received in the same calendar month (`all` is the body's register).
 * 按量: the pages provided for this one application.
 */
export function feeQuote(app: Application, all: readonly Application[], method: 'perApplication' | 'perVolume', pages?: number): FeeQuote {
  if (method === 'perVolume') {
    if (pages === undefined) throw new RangeError('按量计收须填写提供的页数');
    const amountYuan = perVolumeFee(pages);
    return { amountYuan, explanation: `按量计收：本申请提供 ${pages} 页，30页以内免费，31至100页每页10元，101至200页每页20元，200页以上每页40元，合计 ${amountYuan} 元` };
  }
  const month = app.receivedOn.slice(0, 7);
  const key = applicantKey(app);
  const earlier = all.filter((a) => applicantKey(a) === key && a.receivedOn.slice(0, 7) === month && (a.receivedOn < app.receivedOn || (a.receivedOn === app.receivedOn && a.id <= app.id)));
  const k = Math.max(1, earlier.length + (earlier.some((a) => a.id === app.id) ? 0 : 1));
  const amountYuan = perApplicationFee(k);
  return { amountYuan, explanation: `按件计收：本申请是该申请人${Number(month.slice(0, 4))}年${Number(month.slice(5))}月向本机关提出的第 ${k} 件申请（10件以内免费，11至30件每件100元，此后每10件一档、每档加收100元），本件 ${amountYuan} 元` };
}
