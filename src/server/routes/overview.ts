/**
 * The region overview's routes: HTTP only. Each parses the request (src/api/overview.ts), calls
 * one use case (src/app/supervision/overview.ts) and answers with JSON or the Excel file.
 */
import { bodiesTable, exportBodiesTable, regionOverview } from '../../app/supervision/overview.js';
import * as api from '../../api/overview.js';
import { requireUser } from '../auth/session.js';
import type { RouteModule } from '../context.js';
import { sendFile } from '../http.js';

export const overviewRoutes: RouteModule = (app, deps) => {
  app.openapi(api.regions, async (c) => c.json(await regionOverview(deps, requireUser(c), c.req.valid('query')), 200));

  app.openapi(api.bodies, async (c) => c.json(await bodiesTable(deps, requireUser(c), c.req.valid('query')), 200));

  app.openapi(api.bodiesXlsx, async (c) => sendFile(c, await exportBodiesTable(deps, requireUser(c), c.req.valid('query'))));
};
