/**
 * 报告总览: the supervisor's bodies × years, each cell saying in words what is wrong — 缺报,
 * 无法读取, 错误, 警告, 逾期发布, 内容雷同 — with a link to each report; filtered by name, level
 * and year. Below, the uploads that could not be placed (body or year unknown).
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { ApiFailure, get, query } from '../../api.js';
import { StatusBadges, StatusLegend } from '../../components/supervisor/StatusBadges.js';
import { ensureSupervisorStyles } from '../../components/supervisor/styles.js';
import type { Overview, ReportSummary } from '../../components/supervisor/types.js';
import { Field, Loading, Notice, PageTitle } from '../../components/ui.js';
import { Link } from '../../router.js';
import type { PageProps } from '../../routes.js';
import { LevelSelect } from '../../components/level-select.js';

ensureSupervisorStyles();

interface Filters {
  q: string;
  level: string;
  year: string;
}

function ReportLink({ report, label }: { report: ReportSummary; label: string }) {
  return (
    <li>
      <Link to={`/supervisor/reports/${report.id}`} aria-label={`查看${label}（${report.fileName}）`}>
        查看
      </Link>
      <StatusBadges report={report} />
    </li>
  );
}

function StatusTable({ data }: { data: Overview }) {
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label="各机关年度报告情况表">
      <table className="data">
        <caption>各机关年度报告情况（{data.bodies.length} 个机关）</caption>
        <thead>
          <tr>
            <th scope="col">机关</th>
            <th scope="col">层级</th>
            {data.years.map((y) => (
              <th scope="col" key={y}>
                {y}年度
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.bodies.map((b) => (
            <tr key={b.id}>
              <th scope="row">{b.name}</th>
              <td>{b.levelLabel}</td>
              {b.cells.map((c) =>
                c.reports.length ? (
                  <td key={c.year}>
                    <ul className="sv-cell-list">
                      {c.reports.map((r) => (
                        <ReportLink key={r.id} report={r} label={`${b.name}${c.year}年度报告`} />
                      ))}
                    </ul>
                  </td>
                ) : (
                  <td key={c.year} className="sv-missing">
                    <span className="badge badge-error">缺报</span>
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Unplaced({ reports }: { reports: ReportSummary[] }) {
  if (!reports.length) return null;
  return (
    <section aria-labelledby="unplaced-h">
      <h2 id="unplaced-h">未能归入上表的文件</h2>
      <p>机关或年度读不出来的文件（机关不明的只有上传者本人能看到）。</p>
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

export default function OverviewPage(_props: PageProps) {
  const [filters, setFilters] = useState<Filters>({ q: '', level: '', year: '' });
  const [applied, setApplied] = useState<Filters>(filters);
  const [data, setData] = useState<Overview | null>(null);
  const [years, setYears] = useState<number[]>([]);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async (f: Filters) => {
    try {
      const d = await get<Overview>(`/api/supervisor/overview${query({ q: f.q.trim(), level: f.level, year: f.year })}`);
      setData(d);
      if (!f.year) setYears(d.years);
      setError(null);
    } catch (e) {
      setError(e instanceof ApiFailure ? e.message : '加载失败，请稍后再试');
    }
  }, []);

  useEffect(() => {
    void load(applied);
  }, [applied, load]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setApplied(filters);
  };
  const set = (k: keyof Filters) => (e: { target: { value: string } }) => setFilters({ ...filters, [k]: e.target.value });

  return (
    <>
      <PageTitle>报告总览</PageTitle>
      <p className="lead">
        您监督范围内各机关各年度的政府信息公开工作年度报告。<Link to="/supervisor/upload">上传报告</Link>
      </p>
      <form className="filters" onSubmit={submit} role="search" aria-label="筛选机关">
        <Field label="机关名称">{(p) => <input {...p} type="search" value={filters.q} onChange={set('q')} placeholder="如 云岭镇" />}</Field>
        <LevelSelect label="层级" value={filters.level} onChange={(level) => setFilters({ ...filters, level })} />
        <Field label="年度">
          {(p) => (
            <select {...p} value={filters.year} onChange={set('year')}>
              <option value="">全部年度</option>
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}年度
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit">筛选</button>
      </form>
      {error && <Notice kind="error">{error}</Notice>}
      {!data && !error && <Loading what="报告总览" />}
      {data && (
        <>
          {data.bodies.length ? <StatusTable data={data} /> : <Notice>没有符合条件的机关。上传报告后，报告所属机关会出现在这里。</Notice>}
          <StatusLegend />
          <Unplaced reports={data.unplaced} />
        </>
      )}
    </>
  );
}
