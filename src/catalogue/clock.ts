/**
 * The catalogue's clocks. Pure: the calendar and today come in.
 *
 * - Publication (条例 第二十六条): proactive information is published within 20 working days of
 *   being made or changed. Counted like the register's reply clock (src/calendar/clock.ts): the
 *   生成日期 itself is not counted, the first working day after it is day 1, the due date is day
 *   20; holidays and 调休 from the same WorkCalendar, and a result that depends on a year whose
 *   holiday schedule we do not have is provisional (暂定), never a silent Monday–Friday guess.
 *   The explanation lists the holidays skipped and the 调休 Saturdays/Sundays counted.
 * - Re-examination (第十八条): withheld information is re-examined periodically; the date is the
 *   生成日期 (or the last re-examination) plus the body's period in months (default 12).
 */
import { addDays, dateText, dayNumber, type DayInfo, type WorkingDayCalendar } from '../calendar/calendar.js';
import type { ClockStep } from '../calendar/clock.js';

const PUBLICATION_WORKING_DAYS = 20;
export const DUE_SOON_WORKING_DAYS = 5;
export const DEFAULT_REEXAMINE_MONTHS = 12;
/** Withheld items whose re-examination falls within this many calendar days are listed as coming up. */
export const REEXAMINE_SOON_DAYS = 30;

export interface PublicationDue {
  due: string;
  provisional: boolean;
  steps: ClockStep[];
}

const isWeekend = (date: string) => {
  const w = new Date(dayNumber(date) * 86_400_000).getUTCDay();
  return w === 0 || w === 6;
};

/**
 * The calendar facts inside the period: each run of consecutive days off that contains a named
 * holiday (春节, 国庆节 …) and each working Saturday or Sunday (调休). Plain weekends go unsaid.
 */
function calendarSteps(days: readonly DayInfo[]): ClockStep[] {
  const steps: ClockStep[] = [];
  let run: DayInfo[] = [];
  const flush = () => {
    const names = [...new Set(run.filter((d) => d.name && d.source !== 'weekday').map((d) => d.name!))];
    if (names.length) {
      const first = run[0]!.date;
      const last = run[run.length - 1]!.date;
      steps.push({ date: first, label: `${names.join('、')}放假`, note: `${first === last ? first : `${first} 至 ${last}`}，共 ${run.length} 天，不计入工作日` });
    }
    run = [];
  };
  for (const d of days) {
    if (!d.work) {
      run.push(d);
      continue;
    }
    flush();
    if (isWeekend(d.date)) steps.push({ date: d.date, label: '调休上班', note: `${d.date}（${d.name ? `${d.name}调休` : '调休'}）为工作日，计入` });
  }
  flush();
  return steps;
}

function provisionalNote(days: readonly DayInfo[]): string | undefined {
  const years = [...new Set(days.filter((d) => !d.covered).map((d) => d.date.slice(0, 4)))].sort();
  return years.length ? `计算涉及 ${years.join('、')} 年，尚未收录该年国务院节假日安排，暂按周一至周五推算，结果为暂定` : undefined;
}

/**
 * The publication due date of information made or changed on `madeOn`, with its explanation.
 * `changed`: the date is a change (变更), which restarts the clock the same way.
 */
export function publicationDue(madeOn: string, calendar: WorkingDayCalendar, changed = false): PublicationDue {
  const { date: due, provisional } = calendar.addWorkingDays(madeOn, PUBLICATION_WORKING_DAYS);
  const days: DayInfo[] = [];
  for (let d = dayNumber(madeOn) + 1; d <= dayNumber(due); d++) days.push(calendar.dayInfo(dateText(d)));
  const startInfo = calendar.dayInfo(madeOn);
  const start: ClockStep = {
    date: madeOn,
    label: changed ? '信息变更（生成日期）' : '信息形成（生成日期）',
    note: `当日不计，自次日起的第一个工作日算第1天${startInfo.work ? '' : `；当日为${startInfo.name ? `${startInfo.name}假期` : '休息日'}`}`,
  };
  const end: ClockStep = {
    date: due,
    label: `${PUBLICATION_WORKING_DAYS}个工作日届满（第二十六条）`,
    ...(provisional ? { note: provisionalNote(days)! } : {}),
  };
  return { due, provisional, steps: [start, ...calendarSteps(days), end] };
}

export type ClockState = 'overdue' | 'dueSoon' | 'open';

/** Where an unpublished item stands on `today`: working days left (0 = due today), or past due. */
export function publicationStanding(due: PublicationDue, today: string, calendar: WorkingDayCalendar): { state: ClockState; workingDays: number } {
  if (due.due < today) return { state: 'overdue', workingDays: calendar.workingDaysBetween(due.due, today).days };
  const left = calendar.workingDaysBetween(today, due.due).days;
  return { state: left <= DUE_SOON_WORKING_DAYS ? 'dueSoon' : 'open', workingDays: left };
}

/** `date` plus `months` calendar months; the 31st of a shorter month falls on its last day. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const index = y! * 12 + (m! - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d!, last)).padStart(2, '0')}`;
}

/** The next re-examination of a withheld item: `from` (made or last re-examined) plus the period. */
export function reexaminationDate(from: string, months = DEFAULT_REEXAMINE_MONTHS): string {
  return addMonths(from, months);
}

export type ReexamineState = 'due' | 'soon' | 'later';

/** due: on or before today; soon: within REEXAMINE_SOON_DAYS calendar days. */
export function reexamineState(reviewOn: string, today: string): ReexamineState {
  if (reviewOn <= today) return 'due';
  return reviewOn <= addDays(today, REEXAMINE_SOON_DAYS) ? 'soon' : 'later';
}
