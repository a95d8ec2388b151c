/**
 * The editor's bar, kept in view at the foot of the screen: the live check's summary, save,
 * preview and the three downloads. Preview and downloads show the saved draft, so unsaved edits
 * are saved first.
 */
import type { Finding } from '../../../../src/rules/finding.js';
import { summaryOf } from '../../components/report/FindingsList.js';

export type FileFormat = 'html' | 'docx' | 'pdf';

const FORMAT_LABELS: Record<FileFormat, string> = { html: '下载 HTML', docx: '下载 Word', pdf: '下载 PDF' };

export interface ToolbarProps {
  findings: readonly Finding[];
  canEdit: boolean;
  dirty: boolean;
  busy: string | null;
  onSave(): void;
  onPreview(): void;
  onDownload(format: FileFormat): void;
}

export function ReportToolbar(p: ToolbarProps) {
  return (
    <div className="report-toolbar">
      <p role="status" className="report-toolbar-status">
        {summaryOf(p.findings)}
        {p.canEdit && (p.dirty ? '；有未保存的修改' : '')}
        {p.busy && `；${p.busy}`}
      </p>
      <div className="actions">
        {p.canEdit && (
          <button type="button" onClick={p.onSave} disabled={p.busy !== null}>
            保存
          </button>
        )}
        <button type="button" className="secondary" onClick={p.onPreview} disabled={p.busy !== null}>
          预览
        </button>
        {(Object.keys(FORMAT_LABELS) as FileFormat[]).map((f) => (
          <button key={f} type="button" className="secondary" onClick={() => p.onDownload(f)} disabled={p.busy !== null}>
            {FORMAT_LABELS[f]}
          </button>
        ))}
      </div>
    </div>
  );
}
