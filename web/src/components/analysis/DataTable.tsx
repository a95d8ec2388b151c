/** The text alternative of a chart: its numbers in a table with a caption and header scopes. */
import type { Matrix } from './chart-options.js';

export function DataTable({ caption, corner, matrix, total }: { caption: string; corner: string; matrix: Matrix; total?: boolean }) {
  const sum = (row: (number | null)[]) => (row.some((v) => v === null) ? null : row.reduce<number>((n, v) => n + (v ?? 0), 0));
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={caption}>
      <table className="data">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{corner}</th>
            {matrix.columns.map((c) => (
              <th key={c.key} scope="col">
                {c.label}
              </th>
            ))}
            {total && <th scope="col">合计</th>}
          </tr>
        </thead>
        <tbody>
          {matrix.rows.map((r, i) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              {matrix.values[i]!.map((v, j) => (
                <td key={j} className="num">
                  {v === null ? '/' : v}
                </td>
              ))}
              {total && <td className="num">{sum(matrix.values[i]!) ?? '/'}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
