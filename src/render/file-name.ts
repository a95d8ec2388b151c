/**
 * The file a rendered report is saved as: `<unit><year>年政府信息公开工作年度报告.<ext>`, the name
 * a portal editor expects, with the characters no file system accepts taken out.
 */
import type { AnnualReport } from '../model/report.js';

export type FileFormat = 'html' | 'docx' | 'pdf';

export const CONTENT_TYPES: Record<FileFormat, string> = {
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

export function reportFileName(report: Pick<AnnualReport, 'unit' | 'year'>, format: FileFormat, fallbackUnit = ''): string {
  const unit = (report.unit ?? fallbackUnit).replace(/[\\/:*?"<>|\p{Cc}]/gu, '').trim();
  return `${unit}${report.year ?? ''}年政府信息公开工作年度报告.${format}`;
}

/** RFC 6266 / 5987: an ASCII fallback name and the UTF-8 name every current browser uses. */
export function contentDisposition(fileName: string, asciiFallback: string): string {
  const encoded = encodeURIComponent(fileName).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${asciiFallback}"; filename*=UTF-8''${encoded}`;
}
