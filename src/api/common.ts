/**
 * The API contract's shared pieces: every route is declared once with zod (`createRoute`) in
 * src/api/<area>.ts, which both validates requests (the server) and writes /api/openapi.json; the
 * browser takes its types from the same schemas (`import type`, z.infer).
 */
import { z } from '@hono/zod-openapi';

export const ErrorSchema = z.object({ error: z.string().openapi({ example: '没有找到该申请 (not found)' }) }).openapi('Error');

/** The usual error answers, for `responses`. */
export const errors = {
  400: { description: '请求内容有误（说明见 error）', content: { 'application/json': { schema: ErrorSchema } } },
  401: { description: '未登录', content: { 'application/json': { schema: ErrorSchema } } },
  403: { description: '无权限或安全令牌无效', content: { 'application/json': { schema: ErrorSchema } } },
  404: { description: '不存在', content: { 'application/json': { schema: ErrorSchema } } },
  409: { description: '与他人的修改冲突或状态已变（说明见 error）', content: { 'application/json': { schema: ErrorSchema } } },
  413: { description: '文件或请求过大', content: { 'application/json': { schema: ErrorSchema } } },
} as const;

/** `{ description, content: application/json }` for a response schema. */
export const jsonOf = <T extends z.ZodType>(schema: T, description = '成功') => ({
  description,
  content: { 'application/json': { schema } },
});

/** A JSON request body. */
export const jsonBody = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } }, required: true });

/** A text field of a public form, with its length limit said in Chinese. */
export const text = (max: number) => z.string({ error: '应填写文字' }).max(max, `不超过 ${max} 个字符`);

/** The query code a citizen was given (application or opinion), sent in the body, never the address. */
export const QueryCodeBody = z.object({ code: text(40) });

export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD').openapi({ example: '2026-03-02' });

export const OkSchema = z.object({ ok: z.literal(true) }).openapi('Ok');

/** A form refused field by field: one Chinese sentence per field, keyed by the field's name. */
export const FieldErrorSchema = z.object({ error: z.string(), fields: z.record(z.string(), z.string()).optional() }).openapi('FieldErrors');

/** The answer of a rate-limited public form. */
export const tooMany = {
  description: '提交过于频繁（见 Retry-After）',
  headers: z.object({ 'Retry-After': z.string().openapi({ description: '等待的秒数' }) }),
  content: { 'application/json': { schema: FieldErrorSchema } },
};

/** A body named in the path (`/api/bodies/{bodyId}/…`). */
export const BodyParam = z.object({ bodyId: z.string().min(1).max(60) });

/** A report's year, as a path or query parameter. */
export const Year = z.coerce.number().int().min(2000).max(2100);
