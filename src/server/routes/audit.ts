/** The audit log's routes (administrators only). Handlers only; the use cases are src/app/audit.ts. */
import { auditChoices, exportAudit, listAudit } from '../../api/audit.js';
import { auditFilterChoices, auditLog, exportAuditLog } from '../../app/audit.js';
import { requireUser } from '../auth/session.js';
import type { RouteModule } from '../context.js';
import { sendFile } from '../http.js';

export const auditRoutes: RouteModule = (app, deps) => {
  app.openapi(listAudit, async (c) => c.json(await auditLog(deps, requireUser(c), c.req.valid('query')), 200));

  app.openapi(auditChoices, async (c) => c.json(await auditFilterChoices(deps, requireUser(c)), 200));

  app.openapi(exportAudit, async (c) => sendFile(c, await exportAuditLog(deps, requireUser(c), c.req.valid('query'))));
};
