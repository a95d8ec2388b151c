/**
 * 报告总览: for a year, the totals of the supervisor's scope or of any region in it — bodies,
 * reported, late, missing, with errors — and of each region below it, a click going one level
 * down; then the region's bodies × years table, each cell saying in words what is wrong with a
 * link to each report, sortable by every column, filtered by level, the year's state, errors and
 * name, fifty a page, exported to Excel as filtered. Region, year, filters, sort and page live in
 * the address: a view can be bookmarked or sent. Below, the uploads that fit no body or year.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { ApiFailure, download } from '../../api.js';
import { LevelSelect } from '../../components/level-select.js';
import { BodiesTableView, Pager } from '../../components/supervisor/overview/BodiesTable.js';
import { ensureOverviewStyles } from '../../components/supervisor/overview/styles.js';
import { go, paramsOf, queryOf, type BodiesTable, type Params, type RegionOverview } from '../../components/supervisor/overview/params.js';
import { RegionLines, TotalsCards, Trail } from '../../components/supervisor/overview/RegionTotals.js';
import { StatusBadges, StatusLegend } from '../../components/supervisor/StatusBadges.js';
import { ensureSupervisorStyles } from '../../components/supervisor/styles.js';
import { Field, Loading, Notice, PageTitle } from '../../components/ui.js';
import { useGet } from '../../hooks.js';
import { Link, useLocation } from '../../router.js';
import type { PageProps } from '../../routes.js';

ensureSupervisorStyles();
ensureOverviewStyles();

const STATUS_OPTIONS: [string, string][] = [['reported', '已报送'], ['late', '逾期发布'], ['missing', '缺报'], ['unreadable', '无法读取']];

const failure = (e: unknown) => (e instanceof ApiFailure ? e.message : '操作失败，请稍后再试');

function Unplaced({ reports }: { reports: RegionOverview['unplaced'] }) {
  if (!reports.length) return null;
  return (
    <section aria-labelledby="unplaced-h">
      <h2 id="unplaced-h">未能归入上表的文件</h2>
      <p>机关或年度读不出来的文件（机关不明的只有上传者本人能看到；待匹配的请到<Link to="/supervisor/pending">待匹配</Link>选择机关）。</p>
      <div className="table-wrap">
        <table className="data">
          <caption className="sr-only">未能归入上表的文件</caption>
          <thead>
            <tr>
              <th scope="col">文件</th>
              <th scope="col">报告所署单位</th>
              <th scope="col">年度</th>
              <th scope="col">情况</th>
            </tr>
          </thead>
          <tbody>
            {reports.map((r) => (
              <tr key={r.id}>
                <th scope="row">
                  <Link to={`/supervisor/reports/${r.id}`}>{r.fileName}</Link>
                </th>
                <td>{r.unit ?? '（不明）'}</td>
                <td>{r.year ?? '（不明）'}</td>
                <td>
                  <StatusBadges report={r} /> {r.error}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** The table's filters: typed into a form, applied together (a new filter starts at page 1). */
function TableFilters({ p, onExport }: { p: Params; onExport: () => void }) {
  const [f, setF] = useState(p);
  // The address changed (a shared link, a total clicked, back): the form shows its filters.
  const applied = `${p.level}|${p.status}|${p.errors}|${p.q}`;
  useEffect(() => setF((old) => ({ ...old, level: p.level, status: p.status, errors: p.errors, q: p.q })), [applied]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    go({ ...p, level: f.level, status: f.status, errors: f.errors, q: f.q.trim(), page: '' });
  };
  const filtered = p.level || p.status || p.errors || p.q;
  return (
    <form className="filters" onSubmit={submit} role="search" aria-label="筛选机关">
      <Field label="机关名称">{(a) => <input {...a} type="search" value={f.q} onChange={(e) => setF({ ...f, q: e.target.value })} placeholder="如 云岭镇" />}</Field>
      <LevelSelect label="层级" value={f.level} onChange={(level) => setF({ ...f, level })} />
      <Field label={`${p.year || '所选'}年度情况`}>
        {(a) => (
          <select {...a} value={f.status} onChange={(e) => setF({ ...f, status: e.target.value })}>
            <option value="">全部</option>
            {STATUS_OPTIONS.map(([v, text]) => (
              <option key={v} value={v}>
                {text}
              </option>
            ))}
          </select>
        )}
      </Field>
      <label className="ov-check">
        <input type="checkbox" checked={f.errors === '1'} onChange={(e) => setF({ ...f, errors: e.target.checked ? '1' : '' })} />
        只看有错误的
      </label>
      <button type="submit">筛选</button>
      {filtered && (
        <button type="button" className="secondary" onClick={() => go({ ...p, level: '', status: '', errors: '', q: '', page: '' })}>
          清除筛选
        </button>
      )}
      <button type="button" className="secondary" onClick={onExport}>
        导出 Excel
      </button>
    </form>
  );
}

export default function OverviewPage(_props: PageProps) {
  const { search } = useLocation();
  const p = paramsOf(search);
  const regions = useGet<RegionOverview>(`/api/supervisor/overview/regions${queryOf({ region: p.region, year: p.year })}`);
  const table = useGet<BodiesTable>(`/api/supervisor/overview/bodies${queryOf(p)}`);
  const [error, setError] = useState<string | null>(null);
  const data = regions.data;
  const year = String(data?.year ?? p.year);
  const view = { ...p, year };
  const where = data ? data.region?.name ?? '监督范围内' : '';

  const exportXlsx = async () => {
    try {
      await download(`/api/supervisor/overview/bodies.xlsx${queryOf({ ...view, page: '' })}`);
      setError(null);
    } catch (e) {
      setError(failure(e));
    }
  };

  return (
    <>
      <PageTitle>报告总览</PageTitle>
      <p className="lead">
        您监督范围内各地区、各机关各年度的政府信息公开工作年度报告。<Link to="/supervisor/upload">上传报告</Link>
      </p>
      {regions.error && <Notice kind="error">{regions.error}</Notice>}
      {!data && !regions.error && <Loading what="报告总览" />}
      {data && (
        <>
          <Trail data={data} p={view} />
          <div className="ov-head">
            <Field label="统计年度">
              {(a) => (
                <select {...a} value={year} onChange={(e) => go({ ...p, year: e.target.value, page: '' })}>
                  {data.years.map((y) => (
                    <option key={y} value={y}>
                      {y}年度
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <h2 className="ov-where">
            {where}
            {data.year}年度报告情况
          </h2>
          <TotalsCards data={data} p={view} />
          <RegionLines data={data} p={view} />
        </>
      )}
      <h2 id="ov-table">各机关情况</h2>
      <TableFilters p={view} onExport={() => void exportXlsx()} />
      {error && <Notice kind="error">{error}</Notice>}
      {table.error && <Notice kind="error">{table.error}</Notice>}
      {!table.data && !table.error && <Loading what="各机关情况" />}
      {table.data &&
        (table.data.rows.length ? (
          <>
            <BodiesTableView data={table.data} p={view} where={where} />
            <Pager data={table.data} p={view} />
          </>
        ) : (
          <Notice>没有符合条件的机关。{p.level || p.status || p.errors || p.q ? '可清除筛选条件再看。' : '上传报告后，报告所属机关会出现在这里。'}</Notice>
        ))}
      <StatusLegend />
      {data && <Unplaced reports={data.unplaced} />}
    </>
  );
}
