/** What the supervisor's API answers (see /api/openapi.json: SupervisorOverview, PublishedReportView, UploadResult). */
import type { Severity } from '../../../../src/model/report.js';
import type { GridCell } from '../../../../src/render/layout.js';

export type { GridCell, Severity };

export interface ReportSummary {
  id: number;
  fileName: string;
  unit: string | null;
  year: number | null;
  error: string | null;
  errors: number;
  warnings: number;
  late: boolean;
  similar: boolean;
}

export interface Overview {
  years: number[];
  bodies: { id: string; name: string; level: string; levelLabel: string; cells: { year: number; reports: ReportSummary[] }[] }[];
  unplaced: ReportSummary[];
}

export interface Mark {
  line: number;
  column: number;
  length: number;
  cell?: string;
}

export interface FindingView {
  code: string;
  severity: Severity;
  message: string;
  at: string;
  place: string;
  line?: number;
  cells: string[];
  spots: Mark[];
}

export interface ReportView {
  id: number;
  fileName: string;
  format: string;
  uploadedAt: string;
  body: { id: string; name: string; level: string; levelLabel: string } | null;
  unit: string | null;
  year: number | null;
  publishedOn: string | null;
  template: string | null;
  title: string | null;
  error: string | null;
  hasHtml: boolean;
  lines: string[];
  findings: FindingView[];
  tables: { no: number; caption: string; grid: GridCell[][] }[];
}

export interface UploadResult {
  file: string;
  ok: boolean;
  reportId: number | null;
  unit: string | null;
  year: number | null;
  bodyId: string | null;
  bodyCreated: boolean;
  errors: number;
  warnings: number;
  error?: string;
}

export interface UploadLimits {
  maxFileBytes: number;
  maxFiles: number;
  maxRequestBytes: number;
}

export const SEVERITY_TEXT: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };
export const SEVERITY_BADGE: Record<Severity, string> = { error: 'badge-error', warning: 'badge-warning', info: 'badge-info' };
