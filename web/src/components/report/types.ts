/** What the annual-report routes answer: the types of the API contract (src/api/reports.ts). */
import type { z } from '@hono/zod-openapi';
import type { ReportListSchema, ReportViewSchema, SaveResultSchema } from '../../../../src/api/reports.js';

export type ReportView = z.infer<typeof ReportViewSchema>;
export type SaveResult = z.infer<typeof SaveResultSchema>;
export type ReportList = z.infer<typeof ReportListSchema>;

export const reportsPath = (bodyId: string) => `/api/bodies/${encodeURIComponent(bodyId)}/reports`;
export const reportPath = (bodyId: string, year: number) => `${reportsPath(bodyId)}/${year}`;

/** A time as an officer reads it, in Beijing time. */
export function localTime(iso: string | null): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}
