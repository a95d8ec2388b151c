/**
 * Findings as work: HTTP only. Each handler parses the request (src/api/findings-work.ts), calls
 * one use case (src/app/supervision/findings-work.ts) and answers.
 */
import * as api from '../../api/findings-work.js';
import {
  acceptFinding, answerFinding, confirmFinding, dismissFinding, exportIssues, issueList, rectificationItems, rectificationNotice,
} from '../../app/supervision/findings-work.js';
import { requireUser } from '../auth/session.js';
import type { RouteModule } from '../context.js';
import { sendFile } from '../http.js';

export const findingsWorkRoutes: RouteModule = (app, deps) => {
  app.openapi(api.listIssues, async (c) => c.json(await issueList(deps, requireUser(c), c.req.valid('query')), 200));
  app.openapi(api.exportIssues, async (c) => sendFile(c, await exportIssues(deps, requireUser(c), c.req.valid('query'))));
  app.openapi(api.confirmIssue, async (c) => {
    await confirmFinding(deps, requireUser(c), c.req.valid('param'));
    return c.json({ ok: true as const }, 200);
  });
  app.openapi(api.dismissIssue, async (c) => {
    await dismissFinding(deps, requireUser(c), { ...c.req.valid('param'), ...c.req.valid('json') });
    return c.json({ ok: true as const }, 200);
  });
  app.openapi(api.acceptIssue, async (c) => {
    await acceptFinding(deps, requireUser(c), c.req.valid('param'));
    return c.json({ ok: true as const }, 200);
  });
  app.openapi(api.notice, async (c) => sendFile(c, await rectificationNotice(deps, requireUser(c), { ...c.req.valid('param'), ...c.req.valid('query') })));
  app.openapi(api.rectificationItems, async (c) => c.json(await rectificationItems(deps, requireUser(c)), 200));
  app.openapi(api.answerItem, async (c) => {
    await answerFinding(deps, requireUser(c), { ...c.req.valid('param'), ...c.req.valid('json') });
    return c.json({ ok: true as const }, 200);
  });
};
