/**
 * The bodies × years table: one row per body, one column per year, each cell its state in words
 * (按时报送 / 逾期发布 / 无法读取 / 缺报, 错误 N) with a link to each report; every column sorts
 * (the sort lives in the address), fifty rows a page.
 */
import { Link } from '../../../router.js';
import { StatusBadges } from '../StatusBadges.js';
import { go, type BodiesTable, type Params, type TableCell, type TableRow } from './params.js';

/** A year column sorts worst first on the first click; the others alphabetically. */
const firstDir = (k: string) => (k.startsWith('y') ? 'desc' : 'asc');

function SortHeader({ label, k, p }: { label: string; k: string; p: Params }) {
  const active = p.sort === k || (!p.sort && k === 'name');
  const dir = p.dir || firstDir(k);
  const next = active ? (dir === 'asc' ? 'desc' : 'asc') : firstDir(k);
  const words = k.startsWith('y') ? (next === 'desc' ? '问题多的在前' : '情况好的在前') : next === 'asc' ? '升序' : '降序';
  return (
    <th scope="col" aria-sort={active ? (dir === 'desc' ? 'descending' : 'ascending') : undefined}>
      <button
        type="button"
        className={active ? 'ov-sorted' : undefined}
        data-arrow={active ? (dir === 'asc' ? '▲' : '▼') : undefined}
        aria-label={`按${label}排列（${words}）`}
        onClick={() => go({ ...p, sort: k, dir: next, page: '' })}
      >
        {label}
      </button>
    </th>
  );
}

const STATUS_BADGE: Record<TableCell['status'], string> = { reported: 'badge-ok', late: 'badge-warning', unreadable: 'badge-error', missing: 'badge-error' };

function YearCell({ row, cell }: { row: TableRow; cell: TableCell }) {
  if (cell.status === 'missing') {
    return (
      <td className="sv-missing">
        <span className="badge badge-error">缺报</span>
      </td>
    );
  }
  return (
    <td className={cell.errors ? 'ov-cell-errors' : undefined}>
      <ul className="sv-cell-list">
        {cell.reports.map((r, i) => (
          <li key={r.id}>
            <Link to={`/supervisor/reports/${r.id}`} aria-label={`${i === 0 ? '查看' : '另一份'}${row.name}${cell.year}年度报告（${r.fileName}）`}>
              {i === 0 ? '查看' : '另一份'}
            </Link>
            {i === 0 && cell.status !== 'unreadable' ? (
              <span className="sv-badges">
                <span className={`badge ${STATUS_BADGE[cell.status]}`}>{cell.statusLabel}</span>
                {r.errors > 0 && <span className="badge badge-error">错误 {r.errors}</span>}
                {r.warnings > 0 && <span className="badge badge-warning">警告 {r.warnings}</span>}
                {r.similar && <span className="badge badge-warning">内容雷同</span>}
              </span>
            ) : (
              <StatusBadges report={r} />
            )}
          </li>
        ))}
      </ul>
    </td>
  );
}

export function BodiesTableView({ data, p, where }: { data: BodiesTable; p: Params; where: string }) {
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label="各机关年度报告情况表">
      <table className="data ov-table">
        <caption>
          {where}各机关年度报告情况（共 {data.total} 个机关{data.pages > 1 ? `，第 ${data.page} / ${data.pages} 页` : ''}）
        </caption>
        <thead>
          <tr>
            <SortHeader label="机关" k="name" p={p} />
            <SortHeader label="层级" k="level" p={p} />
            <SortHeader label="地区" k="region" p={p} />
            {data.years.map((y) => (
              <SortHeader key={y} label={`${y}年度`} k={`y${y}`} p={p} />
            ))}
          </tr>
        </thead>
        <tbody>
          {data.rows.map((b) => (
            <tr key={b.id}>
              <th scope="row">
                <Link to={`/supervisor/bodies/${encodeURIComponent(b.id)}`}>{b.name}</Link>
              </th>
              <td>{b.levelLabel}</td>
              <td>{b.regionName ?? '—'}</td>
              {b.cells.map((c) => (
                <YearCell key={c.year} row={b} cell={c} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Previous and next page, and the first and the last. */
export function Pager({ data, p }: { data: BodiesTable; p: Params }) {
  if (data.pages <= 1) return null;
  const to = (page: number) => go({ ...p, page: String(page) });
  return (
    <nav aria-label="分页" className="actions ov-pager">
      <button type="button" className="secondary" disabled={data.page <= 1} onClick={() => to(1)}>
        首页
      </button>
      <button type="button" className="secondary" disabled={data.page <= 1} onClick={() => to(data.page - 1)}>
        上一页
      </button>
      <span>
        第 {data.page} / {data.pages} 页
      </span>
      <button type="button" className="secondary" disabled={data.page >= data.pages} onClick={() => to(data.page + 1)}>
        下一页
      </button>
      <button type="button" className="secondary" disabled={data.page >= data.pages} onClick={() => to(data.pages)}>
        末页
      </button>
    </nav>
  );
}
