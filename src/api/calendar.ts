/**
 * The API contract of the working-day calendar: the statutory holidays of a year (public), the days entered
 * from the State Council's notice (public), and the administrator's loading of a year: a pasted notice read
 * into a proposal, the confirmed proposal saved in one step, the “该年已完整” flag; single days for a regional
 * exception.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { errors, IsoDate, jsonBody, jsonOf, OkSchema } from './common.js';

const tags = ['日历 calendar'];
const CalendarYear = z.coerce.number().int().min(2000).max(2099);

export const OverrideSchema = z
  .object({ date: IsoDate, work: z.boolean(), source: z.string().nullable(), name: z.string().nullable().optional() })
  .openapi('CalendarOverride');

export const listOverrides = createRoute({
  method: 'get',
  path: '/api/calendar/overrides',
  tags,
  summary: '录入的节假日和调休（公开）(holiday overrides)',
  responses: { 200: jsonOf(z.array(OverrideSchema)) },
});

export const CalendarYearsSchema = z
  .object({
    builtIn: z.object({ first: z.number().int(), last: z.number().int() }).nullable().openapi({ description: '程序自带节假日安排的年份范围' }),
    years: z.array(
      z.object({
        year: z.number().int(),
        complete: z.boolean(),
        source: z.string().nullable(),
        updatedAt: z.string(),
        days: z.number().int().openapi({ description: '放假日数' }),
        workDays: z.number().int().openapi({ description: '调休上班日数' }),
      }),
    ),
  })
  .openapi('CalendarYears');

export const listCalendarYears = createRoute({
  method: 'get',
  path: '/api/calendar/years',
  tags,
  summary: '已按国务院通知录入的年份（公开）(years loaded from the notice)',
  responses: { 200: jsonOf(CalendarYearsSchema) },
});

export const StatutoryHolidaySchema = z.object({ date: IsoDate, name: z.string() }).openapi('StatutoryHoliday');

export const listStatutory = createRoute({
  method: 'get',
  path: '/api/calendar/statutory/{year}',
  tags,
  summary: '某年的法定节假日（按《全国年节及纪念日放假办法》推算，公开）(statutory holidays of a year)',
  request: { params: z.object({ year: CalendarYear }) },
  responses: { 200: jsonOf(z.array(StatutoryHolidaySchema)), 400: errors[400] },
});

const DaySchema = z.object({ date: IsoDate, work: z.boolean(), name: z.string().max(40).nullable().optional() });

export const NoticeProposalSchema = z
  .object({
    year: z.number().int(),
    source: z.string().optional(),
    days: z.array(z.object({ date: IsoDate, work: z.boolean(), name: z.string() })),
    warnings: z.array(z.string()),
    statutory: z.array(StatutoryHolidaySchema),
  })
  .openapi('NoticeProposal');

export const proposeNotice = createRoute({
  method: 'post',
  path: '/api/admin/calendar/notice',
  tags,
  summary: '读取粘贴的国务院办公厅节假日通知，给出放假日和调休上班日的建议（不保存）(read a pasted notice)',
  request: { body: jsonBody(z.object({ text: z.string().min(1).max(20_000), year: CalendarYear.optional() })) },
  responses: { 200: jsonOf(NoticeProposalSchema), 400: errors[400], 401: errors[401], 403: errors[403] },
});

export const saveCalendarYearRoute = createRoute({
  method: 'put',
  path: '/api/admin/calendar/years/{year}',
  tags,
  summary: '保存确认后的一年安排（替换该年已录入的日期），可同时标记该年已完整 (save a year)',
  request: {
    params: z.object({ year: CalendarYear }),
    body: jsonBody(z.object({ days: z.array(DaySchema).max(400), complete: z.boolean(), source: z.string().max(200).nullable().optional() })),
  },
  responses: { 200: jsonOf(OkSchema), 400: errors[400], 401: errors[401], 403: errors[403] },
});

export const setYearComplete = createRoute({
  method: 'put',
  path: '/api/admin/calendar/years/{year}/complete',
  tags,
  summary: '标记或取消“该年已完整” (mark a year complete)',
  request: { params: z.object({ year: CalendarYear }), body: jsonBody(z.object({ complete: z.boolean() })) },
  responses: { 200: jsonOf(OkSchema), 400: errors[400], 401: errors[401], 403: errors[403] },
});

export const putOverride = createRoute({
  method: 'put',
  path: '/api/admin/calendar/overrides/{date}',
  tags,
  summary: '录入或修改一天的节假日或调休（如地方例外）(enter a holiday or make-up working day)',
  request: { params: z.object({ date: IsoDate }), body: jsonBody(z.object({ work: z.boolean(), source: z.string().max(200).optional() })) },
  responses: { 200: jsonOf(OkSchema), 400: errors[400], 401: errors[401], 403: errors[403] },
});

export const deleteOverride = createRoute({
  method: 'delete',
  path: '/api/admin/calendar/overrides/{date}',
  tags,
  summary: '删除一天的录入 (remove an override)',
  request: { params: z.object({ date: IsoDate }) },
  responses: { 200: jsonOf(OkSchema), 401: errors[401], 403: errors[403] },
});
