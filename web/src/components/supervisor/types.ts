/** What the supervisor's API answers: the types of the API contract (src/api/supervisor.ts). */
import type { z } from '@hono/zod-openapi';
import type {
  CorrectionSchema,
  FindingViewSchema,
  LimitsSchema,
  OverviewSchema,
  ReportSummarySchema,
  ReportViewSchema,
  UploadResultSchema,
} from '../../../../src/api/supervisor.js';
import type { Severity } from '../../../../src/model/report.js';
import type { GridCell } from '../../../../src/render/layout.js';

export type { GridCell, Severity };

export type ReportSummary = z.infer<typeof ReportSummarySchema>;
export type Overview = z.infer<typeof OverviewSchema>;
export type FindingView = z.infer<typeof FindingViewSchema>;
export type ReportView = z.infer<typeof ReportViewSchema>;
export type CorrectionView = z.infer<typeof CorrectionSchema>;
export type UploadResult = z.infer<typeof UploadResultSchema>;
export type UploadLimits = z.infer<typeof LimitsSchema>;

export const SEVERITY_TEXT: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };
export const SEVERITY_BADGE: Record<Severity, string> = { error: 'badge-error', warning: 'badge-warning', info: 'badge-info' };
