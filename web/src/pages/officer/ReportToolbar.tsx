/**
 * The editor's bar, kept in view at the foot of the screen: the live check's summary, save,
 * 定稿, preview and the three downloads. Preview and downloads show the saved draft, so unsaved
 * edits are saved first; a report not final prints 草稿 in every file. 定稿 is refused while an
 * error stands, and the bar says so beside the button.
 */
import type { Finding } from '../../../../src/rules/finding.js';
import { summaryOf } from '../../components/report/FindingsList.js';

export type FileFormat = 'html' | 'docx' | 'pdf';

const FORMAT_LABELS: Record<FileFormat, string> = { html: '下载 HTML', docx: '下载 Word', pdf: '下载 PDF' };

export interface ToolbarProps {
  findings: readonly Finding[];
  canEdit: boolean;
  dirty: boolean;
  /** Declared final (定稿) and not changed since. */
  final: boolean;
  busy: string | null;
  onSave(): void;
  onFinalize(): void;
  onPreview(): void;
  onDownload(format: FileFormat): void;
}

export function ReportToolbar(p: ToolbarProps) {
  const errors = p.findings.filter((f) => f.severity === 'error').length;
  const final = p.final && !p.dirty;
  return (
    <div className="report-toolbar">
      <p role="status" className="report-toolbar-status">
        {final ? '已定稿；' : '草稿；'}
        {summaryOf(p.findings)}
        {p.canEdit && (p.dirty ? '；有未保存的修改' : '')}
        {p.canEdit && !final && errors > 0 && `；有错误，不能定稿`}
        {p.busy && `；${p.busy}`}
      </p>
      <div className="actions">
        {p.canEdit && (
          <button type="button" onClick={p.onSave} disabled={p.busy !== null}>
            保存
          </button>
        )}
        {p.canEdit && !final && (
          <button type="button" onClick={p.onFinalize} disabled={p.busy !== null} aria-describedby="finalize-hint">
            定稿
          </button>
        )}
        <span id="finalize-hint" className="sr-only">
          定稿前报告须没有错误；定稿后下载的文件不再标注“草稿”，再修改保存即退回草稿
        </span>
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
