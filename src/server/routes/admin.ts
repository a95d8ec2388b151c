/**
 * Bodies (public list; the administrator adds them), accounts, holiday overrides and the audit
 * log: the administrator's screens.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { BODY_LEVEL_LABELS, BODY_LEVELS } from '../../register/bodies.js';
import { writeAudit } from '../../store/audit.js';
import { hashPassword, passwordProblem } from '../../app/accounts/password.js';
import { ROLES } from '../../accounts/permissions.js';
import { actorOf, requireRole } from '../auth/session.js';
import type { RouteModule } from '../context.js';
import { ApiError } from '../errors.js';
import { errors, IsoDate, jsonBody, jsonOf, OkSchema } from '../../api/common.js';

export const BodySchema = z
  .object({ id: z.string(), name: z.string(), level: z.enum(BODY_LEVELS), levelLabel: z.string(), region: z.string().nullable() })
  .openapi('Body');

const listBodies = createRoute({
  method: 'get',
  path: '/api/bodies',
  tags: ['机关 bodies'],
  summary: '机关列表，可按名称和层级筛选（公开）(bodies, filtered by name and level)',
  request: { query: z.object({ q: z.string().max(100).optional(), level: z.enum(BODY_LEVELS).optional() }) },
  responses: { 200: jsonOf(z.array(BodySchema)) },
});

const addBody = createRoute({
  method: 'post',
  path: '/api/admin/bodies',
  tags: ['管理 admin'],
  summary: '新增或修改机关 (add or rename a body)',
  request: {
    body: jsonBody(
      z.object({
        id: z.string().regex(/^[\w-]{1,40}$/, '机关编号只能用字母、数字、- 和 _'),
        name: z.string().min(2).max(100),
        level: z.enum(BODY_LEVELS).optional(),
        region: z.string().max(100).optional(),
      }),
    ),
  },
  responses: { 200: jsonOf(OkSchema), 400: errors[400], 401: errors[401], 403: errors[403] },
});

const UserSchema = z
  .object({ id: z.number().int(), username: z.string(), displayName: z.string(), role: z.enum(ROLES), disabled: z.boolean(), bodies: z.array(z.string()) })
  .openapi('User');

const listUsers = createRoute({
  method: 'get',
  path: '/api/admin/users',
  tags: ['管理 admin'],
  summary: '账号列表 (accounts)',
  responses: { 200: jsonOf(z.array(UserSchema)), 401: errors[401], 403: errors[403] },
});

const createUser = createRoute({
  method: 'post',
  path: '/api/admin/users',
  tags: ['管理 admin'],
  summary: '新建账号 (create an account)',
  request: {
    body: jsonBody(
      z.object({
        username: z.string().regex(/^[\w.@-]{2,60}$/, '用户名只能用字母、数字和 . @ - _'),
        displayName: z.string().min(1).max(60),
        password: z.string().max(200),
        role: z.enum(ROLES),
        bodies: z.array(z.string()).max(5000).default([]),
      }),
    ),
  },
  responses: { 200: jsonOf(z.object({ id: z.number().int() })), 400: errors[400], 401: errors[401], 403: errors[403] },
});

const setUserBodies = createRoute({
  method: 'put',
  path: '/api/admin/users/{id}/bodies',
  tags: ['管理 admin'],
  summary: '设置账号所属机关或监督范围 (set the bodies of an account)',
  request: { params: z.object({ id: z.coerce.number().int() }), body: jsonBody(z.object({ bodies: z.array(z.string()).max(5000) })) },
  responses: { 200: jsonOf(OkSchema), 400: errors[400], 401: errors[401], 403: errors[403] },
});

const OverrideSchema = z.object({ date: IsoDate, work: z.boolean(), source: z.string().nullable() }).openapi('CalendarOverride');

const listOverrides = createRoute({
  method: 'get',
  path: '/api/calendar/overrides',
  tags: ['日历 calendar'],
  summary: '手工录入的节假日和调休（公开）(holiday overrides)',
  responses: { 200: jsonOf(z.array(OverrideSchema)) },
});

const putOverride = createRoute({
  method: 'put',
  path: '/api/admin/calendar/overrides/{date}',
  tags: ['管理 admin'],
  summary: '录入或修改一天的节假日或调休 (enter a holiday or make-up working day)',
  request: { params: z.object({ date: IsoDate }), body: jsonBody(z.object({ work: z.boolean(), source: z.string().max(200).optional() })) },
  responses: { 200: jsonOf(OkSchema), 400: errors[400], 401: errors[401], 403: errors[403] },
});

const deleteOverride = createRoute({
  method: 'delete',
  path: '/api/admin/calendar/overrides/{date}',
  tags: ['管理 admin'],
  summary: '删除一天的录入 (remove an override)',
  request: { params: z.object({ date: IsoDate }) },
  responses: { 200: jsonOf(OkSchema), 401: errors[401], 403: errors[403] },
});

const AuditSchema = z
  .object({ seq: z.number(), actor: z.string(), action: z.string(), entity: z.string(), entityId: z.string(), oldValue: z.unknown(), newValue: z.unknown(), at: z.string() })
  .openapi('AuditEntry');

const listAudit = createRoute({
  method: 'get',
  path: '/api/admin/audit',
  tags: ['管理 admin'],
  summary: '审计日志（最近的在前）(audit log, newest first)',
  request: { query: z.object({ limit: z.coerce.number().int().min(1).max(1000).default(200), entity: z.string().optional() }) },
  responses: { 200: jsonOf(z.array(AuditSchema)), 401: errors[401], 403: errors[403] },
});

export const adminRoutes: RouteModule = (app, deps) => {
  app.openapi(listBodies, async (c) => {
    const { q, level } = c.req.valid('query');
    const rows = await deps.db.query<{ id: string; name: string; level: (typeof BODY_LEVELS)[number]; region: string | null }>(
      `SELECT id, name, level, region FROM bodies
        WHERE ($1::text IS NULL OR name ILIKE '%' || $1 || '%' OR region ILIKE '%' || $1 || '%') AND ($2::text IS NULL OR level = $2)
        ORDER BY name LIMIT 5000`,
      [q?.trim() || null, level ?? null],
    );
    return c.json(rows.map((r) => ({ ...r, levelLabel: BODY_LEVEL_LABELS[r.level] })), 200);
  });

  app.openapi(addBody, async (c) => {
    const user = requireRole(c, 'admin');
    const b = c.req.valid('json');
    await deps.register.addBody(b.id, b.name.trim(), actorOf(user), { ...(b.level ? { level: b.level } : {}), ...(b.region ? { region: b.region } : {}) });
    return c.json({ ok: true as const }, 200);
  });

  app.openapi(listUsers, async (c) => {
    requireRole(c, 'admin');
    return c.json(await deps.accounts.users(), 200);
  });

  app.openapi(createUser, async (c) => {
    const admin = requireRole(c, 'admin');
    const u = c.req.valid('json');
    const problem = passwordProblem(u.password);
    if (problem) throw new ApiError(400, problem);
    if ((u.role === 'officer' || u.role === 'reviewer') && u.bodies.length !== 1) throw new ApiError(400, '经办人和审核人须属于一个机关 (officers and reviewers belong to one body)');
    try {
      const id = await deps.accounts.createUser({ ...u, passwordHash: await hashPassword(u.password) }, actorOf(admin));
      return c.json({ id }, 200);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === '23505') throw new ApiError(400, `用户名 ${u.username} 已被使用 (user name taken)`);
      if (code === '23503') throw new ApiError(400, '所列机关中有不存在的机关 (unknown body)');
      throw error;
    }
  });

  app.openapi(setUserBodies, async (c) => {
    const admin = requireRole(c, 'admin');
    const { id } = c.req.valid('param');
    try {
      await deps.accounts.setBodies(id, c.req.valid('json').bodies, actorOf(admin));
    } catch (error) {
      if ((error as { code?: string }).code === '23503') throw new ApiError(400, '所列机关中有不存在的机关或账号不存在 (unknown body or account)');
      throw error;
    }
    return c.json({ ok: true as const }, 200);
  });

  app.openapi(listOverrides, async (c) => {
    const rows = await deps.db.query<{ date: string; work: boolean; source: string | null }>('SELECT date, work, source FROM calendar_overrides ORDER BY date');
    return c.json(rows, 200);
  });

  app.openapi(putOverride, async (c) => {
    const admin = requireRole(c, 'admin');
    const { date } = c.req.valid('param');
    const { work, source } = c.req.valid('json');
    await deps.db.transaction(async (tx) => {
      const old = (await tx.query('SELECT work, source FROM calendar_overrides WHERE date = $1', [date]))[0] ?? null;
      await tx.query('INSERT INTO calendar_overrides (date, work, source) VALUES ($1, $2, $3) ON CONFLICT (date) DO UPDATE SET work = EXCLUDED.work, source = EXCLUDED.source', [date, work, source ?? null]);
      await writeAudit(tx, actorOf(admin), 'upsert', 'calendar-override', date, old, { work, source: source ?? null });
    });
    deps.calendarChanged();
    return c.json({ ok: true as const }, 200);
  });

  app.openapi(deleteOverride, async (c) => {
    const admin = requireRole(c, 'admin');
    const { date } = c.req.valid('param');
    await deps.db.transaction(async (tx) => {
      const old = (await tx.query('DELETE FROM calendar_overrides WHERE date = $1 RETURNING work, source', [date]))[0] ?? null;
      await writeAudit(tx, actorOf(admin), 'delete', 'calendar-override', date, old, null);
    });
    deps.calendarChanged();
    return c.json({ ok: true as const }, 200);
  });

  app.openapi(listAudit, async (c) => {
    requireRole(c, 'admin');
    const { limit, entity } = c.req.valid('query');
    const rows = await deps.db.query<{ seq: string; actor: string; action: string; entity: string; entity_id: string; old_value: unknown; new_value: unknown; at: Date | string }>(
      'SELECT seq, actor, action, entity, entity_id, old_value, new_value, at FROM audit_log WHERE ($1::text IS NULL OR entity = $1) ORDER BY seq DESC LIMIT $2',
      [entity ?? null, limit],
    );
    return c.json(
      rows.map((r) => ({ seq: Number(r.seq), actor: r.actor, action: r.action, entity: r.entity, entityId: r.entity_id, oldValue: r.old_value, newValue: r.new_value, at: new Date(r.at).toISOString() })),
      200,
    );
  });
};
