/**
 * The parsed tables in the template's layout (the grids of src/render/layout.ts, so every label
 * is the template's own), with the cells findings concern marked — tint, outline, flag and a
 * screen-reader note — and the selected finding's cells outlined.
 */
import { useMemo } from 'react';
import type { FindingView, GridCell, Severity } from './types.js';

interface Hit {
  severity: Severity;
  findings: number[];
}

const WORSE: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function hitsOf(findings: readonly FindingView[]): Map<string, Hit> {
  const map = new Map<string, Hit>();
  findings.forEach((f, i) => {
    for (const path of f.cells) {
      const hit = map.get(path);
      if (!hit) map.set(path, { severity: f.severity, findings: [i] });
      else {
        hit.findings.push(i);
        if (WORSE[f.severity] < WORSE[hit.severity]) hit.severity = f.severity;
      }
    }
  });
  return map;
}

function Cell({ cell, hit, selected }: { cell: GridCell; hit: Hit | undefined; selected: number | null }) {
  const span = { ...(cell.rowSpan && cell.rowSpan > 1 ? { rowSpan: cell.rowSpan } : {}), ...(cell.colSpan && cell.colSpan > 1 ? { colSpan: cell.colSpan } : {}) };
  if (cell.role === 'head') return <th scope={cell.colSpan && cell.colSpan > 1 ? 'colgroup' : 'col'} {...span}>{cell.text}</th>;
  if (cell.role === 'label') return <th scope="row" className="sv-label" {...span}>{cell.text}</th>;
  const classes = hit ? `sv-hit sv-${hit.severity}${selected !== null && hit.findings.includes(selected) ? ' sv-selected' : ''}` : undefined;
  return (
    <td {...span} id={cell.path ? `sv-cell-${cell.path}` : undefined} className={classes} data-path={cell.path}>
      {cell.text}
      {hit && <span className="sr-only">（检查发现）</span>}
    </td>
  );
}

export function ReportTables({ tables, findings, selected }: { tables: readonly { no: number; caption: string; grid: GridCell[][] }[]; findings: readonly FindingView[]; selected: number | null }) {
  const hits = useMemo(() => hitsOf(findings), [findings]);
  if (!tables.length) return <p>没有读出表格。</p>;
  return (
    <>
      {tables.map((t) => (
        <table key={t.no} className="sv-official">
          <caption>{t.caption}</caption>
          <tbody>
            {t.grid.map((row, r) => (
              <tr key={r}>
                {row.map((cell, c) => (
                  <Cell key={c} cell={cell} hit={cell.path ? hits.get(cell.path) : undefined} selected={selected} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </>
  );
}
