/**
 * The demo's dates, all counted back from the services' today so its deadlines look live on any
 * day it is loaded: working days before today, working days after a date, the same date moved to
 * a working day, and the services as they were on a past day (a use case that stamps "today" —
 * an online application, a publication, an opinion's answer — then stamps that day).
 */
import type { WorkingDayCalendar } from '../../calendar/calendar.js';
import { addDays } from '../../calendar/calendar.js';
import type { AppServices } from '../context.js';

export interface DemoClock {
  today: string;
  /** The year of today, and the year before it (the one the annual reports now cover). */
  year: number;
  lastYear: number;
  /** The date itself when it is a working day, else the next working day. */
  workday(date: string): string;
  /** The n-th working day after `date`. */
  after(date: string, n: number): string;
  /** The working day n working days before today (0: today, or the last working day before it). */
  ago(n: number): string;
  /** The services with their clock set back to `day`. */
  on<S extends AppServices>(s: S, day: string): S;
}

export function demoClock(today: string, calendar: WorkingDayCalendar): DemoClock {
  const workday = (date: string) => (calendar.isWorkday(date) ? date : calendar.addWorkingDays(date, 1).date);
  return {
    today,
    year: Number(today.slice(0, 4)),
    lastYear: Number(today.slice(0, 4)) - 1,
    workday,
    after: (date, n) => calendar.addWorkingDays(date, n).date,
    ago(n) {
      let day = today;
      while (!calendar.isWorkday(day)) day = addDays(day, -1);
      for (let left = n; left > 0; ) {
        day = addDays(day, -1);
        if (calendar.isWorkday(day)) left--;
      }
      return day;
    },
    on: (s, day) => ({ ...s, today: () => day }),
  };
}
