/**
 * One year's tables 二, 三, 四 in the template's layout (the grids of src/render/layout.ts), each
 * cell that changed from the year before marked — a frame, the change as ▲ / ▼ and the number,
 * and in words for screen readers and on hover (上年 15).
 */
import type { GridCell } from '../supervisor/types.js';
import type { BodyYear } from './types.js';

type Change = BodyYear['changes'][number];

const num = (n: number | null) => (n === null ? '空白' : String(n));

/** ▲5, ▼3, or 原为空白 / 现为空白 when one side is blank. */
export function deltaText(c: Change): string {
  if (c.delta === null) return c.before === null ? '上年空白' : '本年空白';
  return c.delta > 0 ? `▲${c.delta}` : `▼${-c.delta}`;
}

function Cell({ cell, change }: { cell: GridCell; change: Change | undefined }) {
  const span = { ...(cell.rowSpan && cell.rowSpan > 1 ? { rowSpan: cell.rowSpan } : {}), ...(cell.colSpan && cell.colSpan > 1 ? { colSpan: cell.colSpan } : {}) };
  if (cell.role === 'head') return <th scope={cell.colSpan && cell.colSpan > 1 ? 'colgroup' : 'col'} {...span}>{cell.text}</th>;
  if (cell.role === 'label') return <th scope="row" className="sv-label" {...span}>{cell.text}</th>;
  if (!change) return <td {...span}>{cell.text}</td>;
  const cls = change.delta === null ? 'bd-changed' : change.delta > 0 ? 'bd-up' : 'bd-down';
  return (
    <td {...span} className={cls} data-path={cell.path} title={`上年 ${num(change.before)}，本年 ${num(change.after)}`}>
      {cell.text}
      <span className="bd-delta" aria-hidden="true">{deltaText(change)}</span>
      <span className="sr-only">（上年 {num(change.before)}）</span>
    </td>
  );
}

export function YearTables({ year }: { year: BodyYear }) {
  const changes = new Map(year.changes.map((c) => [c.path, c]));
  if (!year.tables.length) return <p>{year.error ? `这份报告无法读取：${year.error}` : '没有读出表格。'}</p>;
  return (
    <>
      {year.tables.map((t) => (
        <table key={t.no} className="sv-official">
          <caption>{t.caption}</caption>
          <tbody>
            {t.grid.map((row, r) => (
              <tr key={r}>
                {row.map((cell, c) => (
                  <Cell key={c} cell={cell} change={cell.path ? changes.get(cell.path) : undefined} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </>
  );
}
