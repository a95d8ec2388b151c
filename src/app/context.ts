/**
 * What every use case receives: the database, the stores, the calendar and the clock. The
 * server's dependencies extend this (secret, settings); the CLI builds it from the data folder.
 *
 * Use cases are functions `(services, actor, input) → plain result`: they check the actor's
 * permission (src/accounts/permissions.ts), run the pure core and the store in one transaction,
 * write the audit entry, and never see HTTP.
 */
import type { WorkingDayCalendar } from '../calendar/calendar.js';
import type { AccountStore } from '../store/account-store.js';
import type { Db } from '../store/db.js';
import type { RegisterStore } from '../store/register-store.js';
import type { ReportReader } from './reading/reader.js';

export interface AppServices {
  db: Db;
  register: RegisterStore;
  accounts: AccountStore;
  /** The working-day calendar with the administrator's overrides as of now. */
  calendar(): Promise<WorkingDayCalendar>;
  /** Forget the cached calendar after an override changed. */
  calendarChanged(): void;
  /** Today in Beijing time (YYYY-MM-DD); tests pin it. */
  today(): string;
  /** Reads report files in worker threads within the reading budget (threads start on first use). */
  reader: ReportReader;
}
