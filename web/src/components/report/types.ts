/** What the annual-report routes answer (src/server/routes/reports.ts). */
import type { AnnualReport } from '../../../../src/model/report.js';
import type { Finding } from '../../../../src/rules/finding.js';

export type ReportStatus = 'draft' | 'notStarted';

export interface ReportView {
  bodyId: string;
  bodyName: string;
  year: number;
  status: ReportStatus;
  statusLabel: string;
  revision: number;
  updatedAt: string | null;
  updatedBy: string | null;
  canEdit: boolean;
  report: AnnualReport;
  fromRegister: AnnualReport;
  previous: AnnualReport | null;
  findings: Finding[];
}

export interface SaveResult {
  status: ReportStatus;
  revision: number;
  updatedAt: string;
  updatedBy: string;
  findings: Finding[];
}

export interface ReportYear {
  year: number;
  status: ReportStatus;
  statusLabel: string;
  applications: number;
  revision: number;
  updatedAt: string | null;
  updatedBy: string | null;
  errors: number | null;
  warnings: number | null;
}

export interface ReportList {
  bodyId: string;
  bodyName: string;
  defaultYear: number;
  canEdit: boolean;
  years: ReportYear[];
}

export const reportsPath = (bodyId: string) => `/api/bodies/${encodeURIComponent(bodyId)}/reports`;
export const reportPath = (bodyId: string, year: number) => `${reportsPath(bodyId)}/${year}`;

/** A time as an officer reads it, in Beijing time. */
export function localTime(iso: string | null): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}
