/**
 * Building the use cases' services on an open database: the register and account stores (the
 * schema brought up to date first), the working-day calendar with the administrator's overrides,
 * and today's date in Beijing. The server (src/server/start.ts) and the CLI (src/cli/services.ts)
 * both build theirs here, so a use case sees the same calendar and clock from either door.
 */
import type { WorkCalendar } from '../calendar/calendar.js';
import { AccountStore } from '../store/account-store.js';
import type { Db } from '../store/db.js';
import { RegisterStore } from '../store/register-store.js';
import { DEFAULT_READ_BUDGET, type ReadBudget } from '../read/budget.js';
import { loadWorkCalendar } from './calendar.js';
import { ReportReader } from './reading/reader.js';
import type { AppServices } from './context.js';

/** Today in Beijing: what a date of receipt or a deadline means. */
function beijingToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The calendar with the overrides in the database, reloaded only after a change. */
function calendarOf(db: Db): Pick<AppServices, 'calendar' | 'calendarChanged'> {
  let cached: Promise<WorkCalendar> | undefined;
  return {
    calendar: () => (cached ??= loadWorkCalendar(db)),
    calendarChanged: () => {
      cached = undefined;
    },
  };
}

export interface ServiceOptions {
  /** Today's date (tests pin it); Beijing's by default. */
  today?: () => string;
  /** The reading budget of report files (src/read/budget.ts); the defaults otherwise. */
  readBudget?: ReadBudget;
}

/** The services of the use cases on an open database, its schema brought up to date. */
export async function openServices(db: Db, options: ServiceOptions = {}): Promise<AppServices> {
  const register = await RegisterStore.open(db);
  return {
    db,
    register,
    accounts: new AccountStore(db),
    ...calendarOf(db),
    today: options.today ?? (() => beijingToday()),
    reader: new ReportReader(options.readBudget ?? DEFAULT_READ_BUDGET),
  };
}
