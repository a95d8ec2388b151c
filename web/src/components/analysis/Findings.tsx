/** A list of findings, worst first, each with its severity in words (never colour alone). */
import { placeName } from '../../../../src/rules/labels.js';
import type { Finding } from './types.js';

const SEVERITY: Record<Finding['severity'], { text: string; badge: string }> = {
  error: { text: '错误', badge: 'badge-error' },
  warning: { text: '警告', badge: 'badge-warning' },
  info: { text: '提示', badge: 'badge-info' },
};

export function Findings({ findings }: { findings: readonly Finding[] }) {
  if (findings.length === 0) return <p>未发现问题：汇总表的各项勾稽关系成立。</p>;
  return (
    <ol>
      {findings.map((f, i) => (
        <li key={i}>
          <span className={`badge ${SEVERITY[f.severity].badge}`}>{SEVERITY[f.severity].text}</span> {f.message}
          <span className="gk-meta">（位置：{placeName(f.at)}；规则 <code>{f.code}</code>）</span>
        </li>
      ))}
    </ol>
  );
}
