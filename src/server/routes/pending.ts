/** 待匹配 routes: HTTP only; the use cases are src/app/supervision/pending.ts. */
import * as api from '../../api/pending.js';
import { createPendingBody, pendingReports, pickPendingBody, searchScope } from '../../app/supervision/pending.js';
import { requireUser } from '../auth/session.js';
import type { RouteModule } from '../context.js';

export const pendingRoutes: RouteModule = (app, deps) => {
  app.openapi(api.pendingList, async (c) => c.json(await pendingReports(deps, requireUser(c)), 200));

  app.openapi(api.scopeBodies, async (c) => c.json(await searchScope(deps, requireUser(c), c.req.valid('query')), 200));

  app.openapi(api.pickBody, async (c) => c.json(await pickPendingBody(deps, requireUser(c), { reportId: c.req.valid('param').id, ...c.req.valid('json') }), 200));

  app.openapi(api.createBody, async (c) => c.json(await createPendingBody(deps, requireUser(c), { reportId: c.req.valid('param').id, ...c.req.valid('json') }), 200));
};
