/**
 * The administrator's holiday overrides: days the State Council's notice makes a holiday or a
 * make-up working day, for years the calendar package does not cover yet.
 */
import type { Db } from './db.js';

export interface OverrideRow {
  date: string;
  work: boolean;
  source: string | null;
}

/** What a day held before a change (audited as it was). */
export type OldOverride = Pick<OverrideRow, 'work' | 'source'> | null;

export class CalendarStore {
  constructor(private readonly db: Db) {}

  async overrides(): Promise<OverrideRow[]> {
    return this.db.query<OverrideRow>('SELECT date, work, source FROM calendar_overrides ORDER BY date');
  }

  /** Enter or change one day; returns what it held before. */
  async put(row: OverrideRow): Promise<OldOverride> {
    const old = (await this.db.query<NonNullable<OldOverride>>('SELECT work, source FROM calendar_overrides WHERE date = $1', [row.date]))[0] ?? null;
    await this.db.query(
      'INSERT INTO calendar_overrides (date, work, source) VALUES ($1, $2, $3) ON CONFLICT (date) DO UPDATE SET work = EXCLUDED.work, source = EXCLUDED.source',
      [row.date, row.work, row.source],
    );
    return old;
  }

  /** Remove one day; returns what it held. */
  async remove(date: string): Promise<OldOverride> {
    return (await this.db.query<NonNullable<OldOverride>>('DELETE FROM calendar_overrides WHERE date = $1 RETURNING work, source', [date]))[0] ?? null;
  }
}
