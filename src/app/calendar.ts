/**
 * The working-day calendar's administration: the holidays and make-up working days of years the calendar
 * package does not cover, loaded a year at a time from the State Council's notice (pasted, read into a
 * proposal, confirmed by the administrator) and marked complete; single days for a regional exception. The
 * lists are public. Each change is audited in its transaction, and the cached working-day calendar is dropped
 * after it.
 */
import { actorId, type Actor } from '../accounts/permissions.js';
import { CalendarInputError, checkDate, packageYears, WorkCalendar, type CalendarOverride } from '../calendar/calendar.js';
import { parseHolidayNotice, type NoticeProposal } from '../calendar/notice.js';
import { statutoryHolidays, type StatutoryHoliday } from '../calendar/statutory.js';
import { writeAudit } from '../store/audit.js';
import { CalendarStore, type CalendarYearRow, type OverrideRow } from '../store/calendar-store.js';
import type { Db } from '../store/db.js';
import { requireAdmin } from './admin.js';
import type { AppServices } from './context.js';

/** The working-day calendar with the database's overrides and complete years. */
export async function loadWorkCalendar(db: Db): Promise<WorkCalendar> {
  const store = new CalendarStore(db);
  const [rows, years] = await Promise.all([store.overrides(), store.years()]);
  const overrides = rows.map((r): CalendarOverride => ({ date: r.date, work: r.work, ...(r.source ? { source: r.source } : {}) }));
  // A year marked complete without any day entered cannot be complete (the constructor refuses it): ignore the flag.
  const completeYears = years.filter((y) => y.complete && rows.some((r) => r.date.startsWith(`${y.year}-`))).map((y) => y.year);
  return new WorkCalendar(overrides, { completeYears });
}

export async function calendarOverrides(s: AppServices): Promise<OverrideRow[]> {
  return new CalendarStore(s.db).overrides();
}

export interface CalendarYearsView {
  /** The years whose schedule comes with the program (the `chinese-days` data). */
  builtIn: { first: number; last: number } | null;
  years: (CalendarYearRow & { days: number; workDays: number })[];
}

/** The years loaded from a notice, with how many days each holds. */
export async function calendarYears(s: AppServices): Promise<CalendarYearsView> {
  const store = new CalendarStore(s.db);
  const [years, rows] = await Promise.all([store.years(), store.overrides()]);
  const builtIn = [...packageYears()];
  return {
    builtIn: builtIn.length ? { first: Math.min(...builtIn), last: Math.max(...builtIn) } : null,
    years: years.map((y) => {
      const own = rows.filter((r) => r.date.startsWith(`${y.year}-`));
      return { ...y, days: own.filter((r) => !r.work).length, workDays: own.filter((r) => r.work).length };
    }),
  };
}

/** The statutory holidays of a year by the 放假办法 (public). */
export function calendarStatutory(year: number): StatutoryHoliday[] {
  return statutoryHolidays(year);
}

/** Read a pasted notice into a proposal; nothing is saved. */
export function proposeCalendarYear(actor: Actor, input: { text: string; year?: number | undefined }) {
  requireAdmin(actor);
  const p: NoticeProposal = parseHolidayNotice(input.text, input.year);
  return { ...p, days: [...p.days], warnings: [...p.warnings], statutory: [...p.statutory] };
}

export interface CalendarYearInput {
  year: number;
  days: readonly { date: string; work: boolean; name?: string | null | undefined }[];
  complete: boolean;
  source?: string | null | undefined;
}

/** Save a confirmed proposal: the year's days replace what it held, in one transaction, audited as one change. */
export async function saveCalendarYear(s: AppServices, actor: Actor, input: CalendarYearInput): Promise<void> {
  requireAdmin(actor);
  const seen = new Set<string>();
  for (const [i, d] of input.days.entries()) {
    checkDate(d.date, `第${i + 1}个日期`);
    const ownYear = d.date.startsWith(`${input.year}-`);
    if (!ownYear && !(d.date.startsWith(`${input.year - 1}-12-`) && !d.work)) {
      throw new CalendarInputError(`${d.date} 不属于 ${input.year} 年的安排`);
    }
    if (seen.has(d.date)) throw new CalendarInputError(`${d.date} 出现了两次`);
    seen.add(d.date);
  }
  if (input.complete && !input.days.some((d) => d.date.startsWith(`${input.year}-`))) {
    throw new CalendarInputError(`${input.year} 年还没有任何放假或调休日期，不能标记为“该年已完整”`);
  }
  const source = input.source?.trim() || null;
  const rows: OverrideRow[] = input.days.map((d) => ({ date: d.date, work: d.work, source, name: d.name ?? null }));
  await s.db.transaction(async (tx) => {
    const old = await new CalendarStore(tx).replaceYear(input.year, rows, { complete: input.complete, source });
    await writeAudit(tx, actorId(actor), 'replace', 'calendar-year', String(input.year), old, { days: rows, complete: input.complete, source });
  });
  s.calendarChanged();
}

/** Mark a year complete (its dates are no longer provisional) or take the mark back. */
export async function setCalendarYearComplete(s: AppServices, actor: Actor, year: number, complete: boolean): Promise<void> {
  requireAdmin(actor);
  await s.db.transaction(async (tx) => {
    const store = new CalendarStore(tx);
    if (complete && !(await store.overrides()).some((r) => r.date.startsWith(`${year}-`))) {
      throw new CalendarInputError(`${year} 年还没有任何放假或调休日期，不能标记为“该年已完整”`);
    }
    const old = await store.setComplete(year, complete);
    await writeAudit(tx, actorId(actor), 'update', 'calendar-year', String(year), old === null ? null : { complete: old }, { complete });
  });
  s.calendarChanged();
}

/** Enter or change one day: a holiday (work false) or a make-up working day (work true). */
export async function saveCalendarOverride(s: AppServices, actor: Actor, input: { date: string; work: boolean; source?: string | undefined }): Promise<void> {
  requireAdmin(actor);
  const row = { date: input.date, work: input.work, source: input.source ?? null };
  await s.db.transaction(async (tx) => {
    const old = await new CalendarStore(tx).put(row);
    await writeAudit(tx, actorId(actor), 'upsert', 'calendar-override', row.date, old, { work: row.work, source: row.source });
  });
  s.calendarChanged();
}

export async function removeCalendarOverride(s: AppServices, actor: Actor, date: string): Promise<void> {
  requireAdmin(actor);
  await s.db.transaction(async (tx) => {
    const old = await new CalendarStore(tx).remove(date);
    await writeAudit(tx, actorId(actor), 'delete', 'calendar-override', date, old, null);
  });
  s.calendarChanged();
}
