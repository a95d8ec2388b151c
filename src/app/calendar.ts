/**
 * Holiday overrides: the administrator enters, day by day, the holidays and make-up working days
 * of a year the calendar package does not cover yet (the list is public). Each change is audited
 * in its transaction, and the cached working-day calendar is dropped after it.
 */
import { actorId, type Actor } from '../accounts/permissions.js';
import { writeAudit } from '../store/audit.js';
import { CalendarStore, type OverrideRow } from '../store/calendar-store.js';
import { requireAdmin } from './admin.js';
import type { AppServices } from './context.js';

export async function calendarOverrides(s: AppServices): Promise<OverrideRow[]> {
  return new CalendarStore(s.db).overrides();
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
