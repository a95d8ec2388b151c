/**
 * The findings of one report, worst first, each a button: choosing one outlines its cells and
 * scrolls the source and the tables to it.
 */
import { SEVERITY_BADGE, SEVERITY_TEXT, type FindingView } from './types.js';

function where(f: FindingView): string {
  const parts = [`位置：${f.place}`];
  const lines = [...new Set(f.spots.map((s) => s.line))];
  if (lines.length) parts.push(`原文第 ${lines.slice(0, 5).join('、')}${lines.length > 5 ? ' 等' : ''} 行`);
  return parts.join('；');
}

export function FindingList({ findings, selected, onSelect }: { findings: readonly FindingView[]; selected: number | null; onSelect: (i: number) => void }) {
  if (!findings.length) return <p>未发现问题。</p>;
  return (
    <ul className="sv-findings" aria-label="检查发现列表">
      {findings.map((f, i) => (
        <li key={i}>
          <button type="button" aria-pressed={selected === i} onClick={() => onSelect(i)} data-code={f.code}>
            <span className={`badge ${SEVERITY_BADGE[f.severity]}`}>{SEVERITY_TEXT[f.severity]}</span> <code>{f.code}</code> {f.message}
            <span className="sv-where">{where(f)}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
