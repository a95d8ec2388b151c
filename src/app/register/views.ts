/**
 * How the register shows an application to someone: its row in a list, its due date with the
 * explanation, its timeline, masked as the viewer's permission requires. Pure functions of the
 * application, the calendar and what the store recorded; the use cases (applications.ts) decide
 * who sees what and call these.
 */
import { weekdayZh, type WorkingDayCalendar } from '../../calendar/calendar.js';
import type { ReplyDue } from '../../calendar/clock.js';
import { maskContact, maskIdNumber } from '../../accounts/mask.js';
import { APPLICANT_TYPE_LABELS, CHANNEL_LABELS, EVENT_LABELS, eventText, isNaturalPerson, outcomeLabel, RECEIPT_RULES } from '../../register/labels.js';
import { dueOf, eventDate } from '../../register/lifecycle.js';
import { STATE_LABELS, type Standing } from '../../register/standing.js';
import type { Application, RegisterEvent } from '../../register/types.js';
import type { RecordedBy } from '../../store/register-store.js';

/** The list filters of the register page. */
export type RegisterFilter = 'open' | 'closed' | 'overdue' | 'dueSoon';

/** 张三 → 张**: the surname stays, the length does not show. Organisations' names are not personal data. */
const maskName = (type: string, name: string) => (isNaturalPerson(type) ? `${[...name][0] ?? ''}**` : name);

/** The application with the applicant's name masked (for those who may not see personal data). */
export const withMaskedName = (app: Application): Application => ({ ...app, applicant: { ...app.applicant, name: maskName(app.applicant.type, app.applicant.name) } });

function dueView(due: ReplyDue, workingDays: number | null) {
  return {
    due: due.due,
    weekday: weekdayZh(due.due),
    provisional: due.provisional,
    steps: due.steps.map((s) => ({ date: s.date, weekday: weekdayZh(s.date), label: s.label, ...(s.note ? { note: s.note } : {}) })),
    workingDays,
  };
}

/** The due date to show: running, or — once closed — the one the reply was measured against. */
export function dueOfStanding(app: Application, standing: Standing, calendar: WorkingDayCalendar): { due: ReturnType<typeof dueView> | null; note: string | null; late: boolean } {
  if (standing.state === 'overdue' || standing.state === 'dueSoon' || standing.state === 'open') return { due: dueView(standing.due, standing.workingDays), note: null, late: false };
  if (standing.state === 'awaitingCorrection') {
    return { due: null, note: `已于 ${standing.requestedOn} 告知补正；答复期限自收到补正后的申请之日起重新计算（条例第三十条）`, late: false };
  }
  const pendingCorrection = app.events.some((e) => e.kind === 'correctionRequested') && !app.events.some((e) => e.kind === 'correctionReceived');
  if (pendingCorrection) return { due: null, note: null, late: false };
  const due = dueOf(app, calendar);
  return { due: dueView(due, null), note: null, late: standing.state === 'replied' && standing.closedOn > due.due };
}

/** One line of the register's list. */
export function rowOf(app: Application, standing: Standing, calendar: WorkingDayCalendar, personal: boolean) {
  const { due, note } = dueOfStanding(app, standing, calendar);
  const closed = standing.state === 'replied' || standing.state === 'withdrawn' ? standing : null;
  return {
    id: app.id,
    receivedOn: app.receivedOn,
    applicantType: app.applicant.type,
    applicantTypeLabel: APPLICANT_TYPE_LABELS[app.applicant.type] ?? app.applicant.type,
    applicantName: personal ? app.applicant.name : maskName(app.applicant.type, app.applicant.name),
    // In lists, always masked — even for the officer, who sees them on the application's page.
    idNumber: maskIdNumber(app.applicant.idNumber) || null,
    contact: maskContact(app.applicant.contact) || null,
    description: app.description,
    channelLabel: CHANNEL_LABELS[app.channel],
    state: standing.state,
    stateLabel: STATE_LABELS[standing.state],
    due,
    dueNote: note,
    outcome: closed?.outcome ?? null,
    outcomeLabel: closed ? outcomeLabel(closed.outcome) : null,
    closedOn: closed?.closedOn ?? null,
  };
}

export function matches(filter: RegisterFilter | undefined, s: Standing): boolean {
  switch (filter) {
    case undefined:
      return true;
    case 'closed':
      return s.state === 'replied' || s.state === 'withdrawn';
    case 'open':
      return s.state !== 'replied' && s.state !== 'withdrawn';
    default:
      return s.state === filter;
  }
}

/**
 * The application's timeline: its receipt, then its events by date (in the order recorded within
 * a day), each with who recorded it — a user's display name, or the actor id as recorded.
 */
export function timelineOf(
  app: Application,
  history: { created: RecordedBy; events: (RecordedBy & { seq: number; event: RegisterEvent })[] },
  onlineCorrection: string | undefined,
) {
  const who = (r: RecordedBy) => r.actorName ?? r.actor;
  // An online 补正 keeps the applicant's text beside its event: the officer reads it here.
  const textOf = (event: RegisterEvent) =>
    event.kind === 'correctionReceived' && onlineCorrection !== undefined ? `${eventText(event)}。申请人在线提交的补正内容：${onlineCorrection}` : eventText(event);
  const { created } = history;
  const receipt = { date: app.receivedOn, kind: 'received', label: '收到申请', text: `通过${CHANNEL_LABELS[app.channel]}提交；${RECEIPT_RULES[app.channel]}（条例第三十一条）`, actor: who(created), recordedAt: created.recordedAt };
  const rest = history.events
    .map((e) => ({ date: eventDate(e.event), kind: e.event.kind, label: EVENT_LABELS[e.event.kind], text: textOf(e.event), actor: who(e), recordedAt: e.recordedAt, seq: e.seq }))
    .sort((a, b) => a.date.localeCompare(b.date) || a.seq - b.seq)
    .map(({ seq: _seq, ...e }) => e);
  return [receipt, ...rest];
}
