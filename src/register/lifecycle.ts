/**
 * What may happen to an application, in which order, and where it stands on a given day.
 * A refused event leaves the application unchanged and says why, in Chinese.
 */
import { CalendarInputError, checkDate, type WorkingDayCalendar } from '../calendar/calendar.js';
import { replyDue, type ReplyDue } from '../calendar/clock.js';
import { OUTCOME_KEYS, type Application, type RegisterEvent } from './types.js';

export class RegisterError extends Error {}

/** The date an event happened (a consultation: its start). */
export function eventDate(e: RegisterEvent): string {
  return e.kind === 'consultation' ? e.from : e.on;
}

/** The closing event, if the application is closed: a reply or a withdrawal. */
export function closingEvent(app: Application): Extract<RegisterEvent, { kind: 'replied' | 'withdrawn' }> | undefined {
  return app.events.find((e): e is Extract<RegisterEvent, { kind: 'replied' | 'withdrawn' }> => e.kind === 'replied' || e.kind === 'withdrawn');
}

/** The table 三 row an application closed in: its reply's outcome, or 其他处理·其他 for a withdrawal. */
export function outcomeOf(app: Application): string | null {
  const closing = closingEvent(app);
  if (!closing) return null;
  return closing.kind === 'replied' ? closing.outcome : 'otherHandling.other';
}

export function closedOn(app: Application): string | null {
  const closing = closingEvent(app);
  return closing ? closing.on : null;
}

function validDate(date: string, label: string): void {
  try {
    checkDate(date, label);
  } catch (error) {
    throw new RegisterError((error as Error).message);
  }
}

/** Check a new application's own fields (its date of receipt must exist). */
export function checkApplication(app: Pick<Application, 'id' | 'receivedOn' | 'description'>): void {
  if (!app.id.trim()) throw new RegisterError('申请编号不能为空');
  if (!app.description.trim()) throw new RegisterError('申请内容（所需政府信息的名称、文号或描述）不能为空（条例第二十九条）');
  validDate(app.receivedOn, '收到申请的日期');
}

/** Add an event; throws `RegisterError` and changes nothing when the event cannot happen. */
export function recordEvent(app: Application, event: RegisterEvent): Application {
  const on = eventDate(event);
  validDate(on, '事件日期');
  if (event.kind === 'consultation') validDate(event.to, '征求意见结束日期');
  if (on < app.receivedOn) throw new RegisterError(`事件日期 ${on} 早于收到申请的日期 ${app.receivedOn}`);
  const closing = closingEvent(app);
  if (closing) throw new RegisterError(`申请 ${app.id} 已于 ${closing.on} ${closing.kind === 'replied' ? '答复' : '撤回'}，不能再记录“${event.kind}”`);
  const has = (kind: RegisterEvent['kind']) => app.events.some((e) => e.kind === kind);
  switch (event.kind) {
    case 'replied':
      if (!OUTCOME_KEYS.includes(event.outcome)) {
        throw new RegisterError(`“${event.outcome}”不是表三的办理结果行；应为 ${OUTCOME_KEYS.join('、')} 之一`);
      }
      break;
    case 'correctionReceived':
      if (!has('correctionRequested')) throw new RegisterError('没有发出补正通知，不能记录收到补正');
      if (has('correctionReceived')) throw new RegisterError('已经记录过收到补正，补正只有一次（条例第三十条）');
      break;
    case 'correctionRequested':
      if (has('correctionRequested')) throw new RegisterError('补正通知只能一次性发出（条例第三十条）');
      break;
    case 'extended':
      if (has('extended')) throw new RegisterError('答复期限只能延长一次，且不超过20个工作日（条例第三十三条）');
      if (!event.approvedBy.trim()) throw new RegisterError('延长答复期限须经政府信息公开工作机构负责人同意，请填写批准人');
      break;
    case 'consultation':
      if (event.to < event.from) throw new RegisterError(`征求意见的结束日期 ${event.to} 早于开始日期 ${event.from}`);
      break;
    case 'feePaid':
      if (!has('feeNotice')) throw new RegisterError('没有发出收费通知，不能记录缴费');
      break;
    case 'feeNotice':
      if (!(event.amountYuan > 0)) throw new RegisterError('收费金额应大于0');
      break;
    case 'withdrawn':
      break;
  }
  const events = [...app.events, event].sort((a, b) => eventDate(a).localeCompare(eventDate(b)));
  return { ...app, events };
}

/**
 * Due dates already counted, per calendar: a register list counts the same few receipt dates
 * over and over (a busy office receives many applications a day). A calendar with other
 * overrides is another object, so its answers are never mixed up with these.
 */
const counted = new WeakMap<WorkingDayCalendar, Map<string, ReplyDue>>();

/** The reply due date, computed from the events; never typed in. */
export function dueOf(app: Application, calendar: WorkingDayCalendar): ReplyDue {
  const corrected = app.events.find((e) => e.kind === 'correctionReceived');
  const pauses = app.events.flatMap((e) => (e.kind === 'consultation' ? [{ from: e.from, to: e.to, kind: e.party }] : []));
  const input = {
    received: app.receivedOn,
    ...(corrected ? { correctionReceived: corrected.on } : {}),
    extended: app.events.some((e) => e.kind === 'extended'),
    pauses,
  };
  let memo = counted.get(calendar);
  if (!memo) counted.set(calendar, (memo = new Map()));
  const key = JSON.stringify(input);
  const known = memo.get(key);
  if (known) return known;
  try {
    const due = replyDue(input, calendar);
    if (memo.size > 50_000) memo.clear();
    memo.set(key, due);
    return due;
  } catch (error) {
    if (error instanceof CalendarInputError) throw new RegisterError(error.message);
    throw error;
  }
}

/** Open on the given day: received by then and not yet closed. */
export function isOpenOn(app: Application, day: string): boolean {
  const closed = closedOn(app);
  return app.receivedOn <= day && (closed === null || closed > day);
}
