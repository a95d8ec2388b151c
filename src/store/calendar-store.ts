/**
 * The administrator's holiday overrides: days the State Council's notice makes a holiday or a
 * make-up working day, for years the calendar package does not cover yet; and the years loaded
 * from a notice, with the flag that says the year is complete.
 */
import type { Db } from './db.js';

export interface OverrideRow {
  date: string;
  work: boolean;
  source: string | null;
  /** The holiday it belongs to, e.g. 春节 (null when entered by hand). */
  name?: string | null;
}

/** What a day held before a change (audited as it was). */
export type OldOverride = Pick<OverrideRow, 'work' | 'source'> | null;

export interface CalendarYearRow {
  year: number;
  complete: boolean;
  source: string | null;
  updatedAt: string;
}

export class CalendarStore {
  constructor(private readonly db: Db) {}

  async overrides(): Promise<OverrideRow[]> {
    return this.db.query<OverrideRow>('SELECT date, work, source, name FROM calendar_overrides ORDER BY date');
  }

  /** Enter or change one day; returns what it held before. */
  async put(row: OverrideRow): Promise<OldOverride> {
    const old = (await this.db.query<NonNullable<OldOverride>>('SELECT work, source FROM calendar_overrides WHERE date = $1', [row.date]))[0] ?? null;
    await this.db.query(
      'INSERT INTO calendar_overrides (date, work, source, name) VALUES ($1, $2, $3, $4) ON CONFLICT (date) DO UPDATE SET work = EXCLUDED.work, source = EXCLUDED.source, name = EXCLUDED.name',
      [row.date, row.work, row.source, row.name ?? null],
    );
    return old;
  }

  /** Remove one day; returns what it held. */
  async remove(date: string): Promise<OldOverride> {
    return (await this.db.query<NonNullable<OldOverride>>('DELETE FROM calendar_overrides WHERE date = $1 RETURNING work, source', [date]))[0] ?? null;
  }

  async years(): Promise<CalendarYearRow[]> {
    return this.db.query<CalendarYearRow>(
      `SELECT year, complete, source, to_char(updated_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') AS "updatedAt" FROM calendar_years ORDER BY year`,
    );
  }

  /**
   * Replace a year's overrides (every date of `year`, plus the given days of other years, e.g. a 元旦 break
   * starting in December) with `days`, and record the year. Returns what the year held before.
   */
  async replaceYear(
    year: number,
    days: readonly OverrideRow[],
    meta: { complete: boolean; source: string | null },
  ): Promise<{ days: OverrideRow[]; complete: boolean; source: string | null } | null> {
    const before = (await this.db.query<{ complete: boolean; source: string | null }>('SELECT complete, source FROM calendar_years WHERE year = $1', [year]))[0];
    const removed = await this.db.query<OverrideRow>(
      `DELETE FROM calendar_overrides WHERE date LIKE $1 OR date = ANY($2::text[]) RETURNING date, work, source, name`,
      [`${year}-%`, days.map((d) => d.date)],
    );
    for (const d of days) await this.put(d);
    await this.db.query(
      `INSERT INTO calendar_years (year, complete, source, updated_at) VALUES ($1, $2, $3, now())
       ON CONFLICT (year) DO UPDATE SET complete = EXCLUDED.complete, source = EXCLUDED.source, updated_at = now()`,
      [year, meta.complete, meta.source],
    );
    if (!before && !removed.length) return null;
    return { days: removed.sort((a, b) => a.date.localeCompare(b.date)), complete: before?.complete ?? false, source: before?.source ?? null };
  }

  /** Mark a year complete or not; returns the old flag (null when the year was not recorded). */
  async setComplete(year: number, complete: boolean): Promise<boolean | null> {
    const old = (await this.db.query<{ complete: boolean }>('SELECT complete FROM calendar_years WHERE year = $1', [year]))[0];
    await this.db.query(
      `INSERT INTO calendar_years (year, complete) VALUES ($1, $2) ON CONFLICT (year) DO UPDATE SET complete = EXCLUDED.complete, updated_at = now()`,
      [year, complete],
    );
    return old?.complete ?? null;
  }
}
