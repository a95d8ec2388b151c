/**
 * The parsed tables in the template's layout (the grids of src/render/layout.ts, so every label
 * is the template's own), with the cells findings concern marked — tint, outline, flag and a
 * screen-reader note — and the selected finding's cells outlined. Corrected cells are marked
 * too (a dashed frame, a pencil, and in words: as read → now); each value is a button that
 * opens the correction form when the reader may correct.
 */
import { useMemo } from 'react';
import { valueText } from './Corrections.js';
import type { FindingView, GridCell, ReportView, Severity } from './types.js';

type Corrected = ReportView['corrected'][number];

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

interface CellProps {
  cell: GridCell;
  hit: Hit | undefined;
  selected: number | null;
  fixed: Corrected | undefined;
  place: string | undefined;
  picked: boolean;
  onPick: ((path: string) => void) | undefined;
}

function Cell({ cell, hit, selected, fixed, place, picked, onPick }: CellProps) {
  const span = { ...(cell.rowSpan && cell.rowSpan > 1 ? { rowSpan: cell.rowSpan } : {}), ...(cell.colSpan && cell.colSpan > 1 ? { colSpan: cell.colSpan } : {}) };
  if (cell.role === 'head') return <th scope={cell.colSpan && cell.colSpan > 1 ? 'colgroup' : 'col'} {...span}>{cell.text}</th>;
  if (cell.role === 'label') return <th scope="row" className="sv-label" {...span}>{cell.text}</th>;
  const classes = [
    ...(hit ? [`sv-hit sv-${hit.severity}`, ...(selected !== null && hit.findings.includes(selected) ? ['sv-selected'] : [])] : []),
    ...(fixed ? ['sv-fixed'] : []),
    ...(picked ? ['sv-picked'] : []),
  ].join(' ');
  const note = fixed ? `已更正：原文读出 ${valueText(fixed.read)} → ${valueText(fixed.value)}（${fixed.by}，理由：${fixed.reason}）` : undefined;
  const path = cell.path;
  return (
    <td {...span} id={path ? `sv-cell-${path}` : undefined} className={classes || undefined} data-path={path} title={note}>
      {path && onPick ? (
        <button type="button" className="sv-cellbtn" onClick={() => onPick(path)} aria-label={`更正 ${place ?? path}，当前值 ${cell.text}`} aria-pressed={picked}>
          {cell.text}
        </button>
      ) : (
        cell.text
      )}
      {fixed && <span className="sv-was" aria-hidden="true">原为{valueText(fixed.read)}</span>}
      {hit && <span className="sr-only">（检查发现）</span>}
      {note && <span className="sr-only">（{note}）</span>}
    </td>
  );
}

interface TablesProps {
  tables: readonly { no: number; caption: string; grid: GridCell[][] }[];
  findings: readonly FindingView[];
  selected: number | null;
  corrected?: readonly Corrected[];
  places?: Record<string, string>;
  picked?: string | null;
  onPick?: (path: string) => void;
}

export function ReportTables({ tables, findings, selected, corrected = [], places = {}, picked = null, onPick }: TablesProps) {
  const hits = useMemo(() => hitsOf(findings), [findings]);
  const fixes = useMemo(() => new Map(corrected.map((c) => [c.path, c])), [corrected]);
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
                  <Cell
                    key={c}
                    cell={cell}
                    hit={cell.path ? hits.get(cell.path) : undefined}
                    selected={selected}
                    fixed={cell.path ? fixes.get(cell.path) : undefined}
                    place={cell.path ? places[cell.path] : undefined}
                    picked={Boolean(cell.path && cell.path === picked)}
                    onPick={onPick}
                  />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </>
  );
}
