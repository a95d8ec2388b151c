/**
 * Bodies (public list; the administrator adds them): the administrator's screens. Handlers only;
 * the use cases are src/app/admin.ts. Holiday overrides are ./calendar.ts. Accounts are ./users.ts. The audit log's routes are ./audit.ts.
 */
import { addBody, listBodies } from '../../api/admin.js';
import { saveBody, searchBodies } from '../../app/admin.js';
import { requireUser } from '../auth/session.js';
import type { RouteModule } from '../context.js';

const ok = { ok: true as const };

export const adminRoutes: RouteModule = (app, deps) => {
  app.openapi(listBodies, async (c) => c.json(await searchBodies(deps, c.req.valid('query')), 200));

  app.openapi(addBody, async (c) => {
    await saveBody(deps, requireUser(c), c.req.valid('json'));
    return c.json(ok, 200);
  });
};
