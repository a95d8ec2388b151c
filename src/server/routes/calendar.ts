/** The working-day calendar's routes. Handlers only; the use cases are src/app/calendar.ts. */
import {
  deleteOverride,
  listCalendarYears,
  listOverrides,
  listStatutory,
  proposeNotice,
  putOverride,
  saveCalendarYearRoute,
  setYearComplete,
} from '../../api/calendar.js';
import {
  calendarOverrides,
  calendarStatutory,
  calendarYears,
  proposeCalendarYear,
  removeCalendarOverride,
  saveCalendarOverride,
  saveCalendarYear,
  setCalendarYearComplete,
} from '../../app/calendar.js';
import { requireUser } from '../auth/session.js';
import type { RouteModule } from '../context.js';

const ok = { ok: true as const };

export const calendarRoutes: RouteModule = (app, deps) => {
  app.openapi(listOverrides, async (c) => c.json(await calendarOverrides(deps), 200));

  app.openapi(listCalendarYears, async (c) => c.json(await calendarYears(deps), 200));

  app.openapi(listStatutory, (c) => c.json(calendarStatutory(c.req.valid('param').year), 200));

  app.openapi(proposeNotice, (c) => c.json(proposeCalendarYear(requireUser(c), c.req.valid('json')), 200));

  app.openapi(saveCalendarYearRoute, async (c) => {
    await saveCalendarYear(deps, requireUser(c), { year: c.req.valid('param').year, ...c.req.valid('json') });
    return c.json(ok, 200);
  });

  app.openapi(setYearComplete, async (c) => {
    await setCalendarYearComplete(deps, requireUser(c), c.req.valid('param').year, c.req.valid('json').complete);
    return c.json(ok, 200);
  });

  app.openapi(putOverride, async (c) => {
    await saveCalendarOverride(deps, requireUser(c), { ...c.req.valid('param'), ...c.req.valid('json') });
    return c.json(ok, 200);
  });

  app.openapi(deleteOverride, async (c) => {
    await removeCalendarOverride(deps, requireUser(c), c.req.valid('param').date);
    return c.json(ok, 200);
  });
};
