/**
 * The indicators' routes: HTTP only. Each parses the request (src/api/indicators.ts), calls one
 * use case (src/app/indicators.ts) and answers with JSON or the Excel file.
 */
import { indicatorDefinitions, indicatorExport, indicatorView, setIndicatorThresholds } from '../../app/indicators.js';
import * as api from '../../api/indicators.js';
import { requireUser } from '../auth/session.js';
import type { RouteModule } from '../context.js';
import { sendFile } from '../http.js';

export const indicatorRoutes: RouteModule = (app, deps) => {
  app.openapi(api.definitions, (c) => c.json(indicatorDefinitions(), 200));

  app.openapi(api.table, async (c) => c.json(await indicatorView(deps, requireUser(c), c.req.valid('query')), 200));

  app.openapi(api.exportXlsx, async (c) => sendFile(c, await indicatorExport(deps, requireUser(c), c.req.valid('query'))));

  app.openapi(api.setThresholds, async (c) => c.json(await setIndicatorThresholds(deps, requireUser(c), c.req.valid('json')), 200));
};
