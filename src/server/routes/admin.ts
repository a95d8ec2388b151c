/**
 * Bodies (public list; the administrator adds them) and holiday overrides: the administrator's
 * screens. Handlers only; the use cases are src/app/admin.ts and src/app/calendar.ts. Accounts
 * are ./users.ts. The audit log's routes are ./audit.ts.
 */
import { addBody, deleteOverride, listBodies, listOverrides, putOverride } from '../../api/admin.js';
import { saveBody, searchBodies } from '../../app/admin.js';
import { calendarOverrides, removeCalendarOverride, saveCalendarOverride } from '../../app/calendar.js';
import { requireUser } from '../auth/session.js';
import type { RouteModule } from '../context.js';

const ok = { ok: true as const };

export const adminRoutes: RouteModule = (app, deps) => {
  app.openapi(listBodies, async (c) => c.json(await searchBodies(deps, c.req.valid('query')), 200));

  app.openapi(addBody, async (c) => {
    await saveBody(deps, requireUser(c), c.req.valid('json'));
    return c.json(ok, 200);
  });

  app.openapi(listOverrides, async (c) => c.json(await calendarOverrides(deps), 200));

  app.openapi(putOverride, async (c) => {
    await saveCalendarOverride(deps, requireUser(c), { ...c.req.valid('param'), ...c.req.valid('json') });
    return c.json(ok, 200);
  });

  app.openapi(deleteOverride, async (c) => {
    await removeCalendarOverride(deps, requireUser(c), c.req.valid('param').date);
    return c.json(ok, 200);
  });
};
