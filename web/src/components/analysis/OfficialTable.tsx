/**
 * One of the report's three tables drawn from the server's layout grid: the same labels and
 * merged cells as the official report. Header cells are <th> with their scope, row labels are
 * row headers; the table scrolls sideways on a phone inside a focusable region.
 */
import type { GridCell, OfficialTable as Table } from './types.js';

function Cell({ cell }: { cell: GridCell }) {
  const span = { ...(cell.rowSpan && cell.rowSpan > 1 ? { rowSpan: cell.rowSpan } : {}), ...(cell.colSpan && cell.colSpan > 1 ? { colSpan: cell.colSpan } : {}) };
  if (cell.role === 'head') return <th scope={cell.colSpan && cell.colSpan > 1 ? 'colgroup' : 'col'} {...span}>{cell.text}</th>;
  if (cell.role === 'label') return <th scope={cell.rowSpan && cell.rowSpan > 1 ? 'rowgroup' : 'row'} className="gk-label" {...span}>{cell.text}</th>;
  return <td {...span} data-path={cell.path}>{cell.text}</td>;
}

export function OfficialTable({ table, title }: { table: Table; title: string }) {
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={title}>
      <table className={`gk-official${table.no === 2 ? '' : ' gk-wide'}`}>
        <caption>{title}</caption>
        <colgroup>
          {table.widths.map((w, i) => (
            <col key={i} style={{ width: `${w.toFixed(2)}%` }} />
          ))}
        </colgroup>
        <tbody>
          {table.grid.map((row, r) => (
            <tr key={r}>
              {row.map((cell, c) => (
                <Cell key={c} cell={cell} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
