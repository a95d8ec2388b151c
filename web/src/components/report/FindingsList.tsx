/**
 * Every finding of the live check, worst first, numbered as the marks in the tables are; each
 * says where it is and takes the officer there.
 */
import type { AnnualReport } from '../../../../src/model/report.js';
import type { Finding } from '../../../../src/rules/finding.js';
import { placeName } from '../../../../src/rules/labels.js';
import { templateFor } from '../../../../src/template/templates.js';
import { SEVERITY_LABEL, SEVERITY_SYMBOL } from './ReportTable.js';
import { splitPath } from './cells.js';

const FIELD_PLACES: Record<string, string> = { publishedOn: '发布日期', unit: '机关名称', title: '标题', year: '年度' };

/** Where a finding is, in words. */
export function placeOf(at: string, report: AnnualReport): string {
  const section = /^sections\.(\d)$/.exec(at);
  if (section) return templateFor(report.template).sections.find((s) => s.no === Number(section[1]))?.title ?? at;
  if (FIELD_PLACES[at]) return FIELD_PLACES[at]!;
  const table = at.split('.')[0];
  return table === 'proactive' || table === 'applications' || table === 'appeals' ? placeName(at) : at;
}

/** Move to the control a finding is about (its first cell, a section, a field). */
export function locate(at: string): void {
  const target = document.querySelector<HTMLElement>(`[data-at="${CSS.escape(at)}"]`);
  if (!target) return;
  target.scrollIntoView({ block: 'center' });
  target.focus();
}

export function summaryOf(findings: readonly Finding[]): string {
  if (findings.length === 0) return '检查通过：没有发现问题';
  const n = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length;
  const parts = [`${n('error')} 个错误`, `${n('warning')} 个警告`, `${n('info')} 个提示`];
  return `检查结果：${parts.join('、')}`;
}

export function FindingsList({ findings, report, targetOf }: { findings: readonly Finding[]; report: AnnualReport; targetOf(f: Finding): string | null }) {
  return (
    <section className="findings-panel" aria-labelledby="findings-title">
      <h2 id="findings-title">检查发现</h2>
      <p className="findings-summary">
        {summaryOf(findings)}
      </p>
      {findings.length > 0 && (
        <ol className="findings-list">
          {findings.map((f, i) => {
            const target = targetOf(f);
            return (
              <li key={`${f.code}${f.at}${i}`} id={`finding-${i + 1}`} tabIndex={-1} className={`finding finding-${f.severity}`}>
                <span className={`badge badge-${f.severity}`}>
                  {SEVERITY_SYMBOL[f.severity]} {SEVERITY_LABEL[f.severity]}
                </span>{' '}
                {f.message}
                <span className="finding-place">
                  位置：{placeOf(f.at, report)}（规则 <code>{f.code}</code>）
                  {target && (
                    <button type="button" className="link-button" onClick={() => locate(target)}>
                      转到{splitPath(target) ? '单元格' : '此处'}
                    </button>
                  )}
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
