/**
 * The source as read, line by line (the list's numbers are the line numbers findings cite), with
 * every value a finding concerns marked in place: a tint, an underline and a flag, and the
 * selected finding's marks outlined.
 */
import { useMemo, type ReactNode } from 'react';
import type { FindingView, Severity } from './types.js';

interface Range {
  start: number;
  end: number;
  severity: Severity;
  findings: number[];
}

const WORSE: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Each line's marked ranges, from every finding's spots. */
function rangesByLine(findings: readonly FindingView[]): Map<number, Range[]> {
  const map = new Map<number, Range[]>();
  findings.forEach((f, i) => {
    for (const s of f.spots) {
      const list = map.get(s.line) ?? [];
      const start = Math.max(0, s.column - 1);
      const same = list.find((r) => r.start === start && r.end === start + s.length);
      if (same) {
        same.findings.push(i);
        if (WORSE[f.severity] < WORSE[same.severity]) same.severity = f.severity;
      } else list.push({ start, end: start + Math.max(1, s.length), severity: f.severity, findings: [i] });
      map.set(s.line, list);
    }
  });
  return map;
}

function markedLine(text: string, ranges: readonly Range[], selected: number | null): ReactNode[] {
  const out: ReactNode[] = [];
  let at = 0;
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  for (const r of sorted) {
    const start = Math.max(at, Math.min(r.start, text.length));
    const end = Math.min(text.length, Math.max(start, r.end));
    if (start > at) out.push(text.slice(at, start));
    if (end > start) {
      const isSelected = selected !== null && r.findings.includes(selected);
      out.push(
        <mark key={start} className={`sv-mark sv-${r.severity}${isSelected ? ' sv-selected' : ''}`} data-findings={r.findings.join(' ')}>
          {text.slice(start, end)}
          <span className="sr-only">（检查发现）</span>
        </mark>,
      );
    }
    at = Math.max(at, end);
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}

export function SourceLines({ lines, findings, selected }: { lines: readonly string[]; findings: readonly FindingView[]; selected: number | null }) {
  const ranges = useMemo(() => rangesByLine(findings), [findings]);
  return (
    <ol className="sv-lines">
      {lines.map((text, i) => {
        const r = ranges.get(i + 1);
        return (
          <li key={i} id={`sv-L${i + 1}`}>
            {r ? markedLine(text, r, selected) : text || '\u00a0'}
          </li>
        );
      })}
    </ol>
  );
}
