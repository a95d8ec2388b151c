/**
 * A report's state in words, each in a badge whose text says it all (colour only repeats it):
 * 无法读取, 错误 N, 警告 N, 逾期发布, 内容雷同 — or 未发现问题.
 */
import type { ReportSummary } from './types.js';

export function StatusBadges({ report }: { report: Pick<ReportSummary, 'error' | 'errors' | 'warnings' | 'late' | 'similar'> }) {
  const badges: { text: string; kind: string }[] = [];
  if (report.error) badges.push({ text: '无法读取', kind: 'badge-error' });
  if (report.errors) badges.push({ text: `错误 ${report.errors}`, kind: 'badge-error' });
  if (report.late) badges.push({ text: '逾期发布', kind: 'badge-warning' });
  if (report.similar) badges.push({ text: '内容雷同', kind: 'badge-warning' });
  if (report.warnings) badges.push({ text: `警告 ${report.warnings}`, kind: 'badge-warning' });
  if (!badges.length) badges.push({ text: '未发现问题', kind: 'badge-ok' });
  return (
    <span className="sv-badges">
      {badges.map((b) => (
        <span key={b.text} className={`badge ${b.kind}`}>
          {b.text}
        </span>
      ))}
    </span>
  );
}

/** The legend under the overview table. */
export function StatusLegend() {
  return (
    <ul className="sv-legend" aria-label="图例">
      <li><span className="badge badge-error">缺报</span> 该年度没有上传报告</li>
      <li><span className="badge badge-warning">逾期发布</span> 落款日期晚于条例第四十九条的期限</li>
      <li><span className="badge badge-warning">内容雷同</span> 文字与其他报告高度相似</li>
      <li><span className="badge badge-error">无法读取</span> 文件无法读取，原因见报告页</li>
    </ul>
  );
}
