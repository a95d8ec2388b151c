/**
 * The file a rendered report is saved as: `<unit><year>年政府信息公开工作年度报告.<ext>`, the name
 * a portal editor expects, with the characters no file system accepts taken out; a draft's name
 * ends in （草稿）, so it is not uploaded by mistake.
 */
import type { AnnualReport } from '../model/report.js';

export type FileFormat = 'html' | 'docx' | 'pdf';

export const CONTENT_TYPES: Record<FileFormat, string> = {
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

export function reportFileName(report: Pick<AnnualReport, 'unit' | 'year'>, format: FileFormat, fallbackUnit = '', draft = false): string {
  const unit = (report.unit ?? fallbackUnit).replace(/[\\/:*?"<>|\p{Cc}]/gu, '').trim();
  return `${unit}${report.year ?? ''}年政府信息公开工作年度报告${draft ? '（草稿）' : ''}.${format}`;
}
