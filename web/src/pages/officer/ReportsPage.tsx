/**
 * /officer/reports: the body's annual reports by year — drafts saved and years the register has
 * applications for — and a way to start a year (by default the last one: the report for year Y
 * is written in January of Y+1).
 */
import { useEffect, useState, type FormEvent } from 'react';
import { get } from '../../api.js';
import { BodyPicker, bodyQuery, useReportBody } from '../../components/report/BodyPicker.js';
import { localTime, reportsPath, type ReportList } from '../../components/report/types.js';
import { Field, Loading, Notice, PageTitle } from '../../components/ui.js';
import type { PageProps } from '../../routes.js';
import { Link, navigate } from '../../router.js';
import { useSession } from '../../session.js';

const STATUS_BADGE: Record<ReportList['years'][number]['status'], string> = { final: 'badge-ok', draft: 'badge-warning', notStarted: 'badge-info' };

function NewYear({ list, suffix }: { list: ReportList; suffix: string }) {
  const [year, setYear] = useState(String(list.defaultYear));
  const [error, setError] = useState<string | undefined>();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const y = Number(year);
    if (!Number.isInteger(y) || y < 2008 || y > list.defaultYear + 1) {
      setError(`请填写 2008 至 ${list.defaultYear + 1} 之间的年份`);
      return;
    }
    navigate(`/officer/reports/${y}${suffix}`);
  };
  return (
    <form className="new-year" onSubmit={submit} noValidate>
      <Field label="报告年度" hint={`一般为上一年度（${list.defaultYear}年）`} error={error}>
        {(p) => <input {...p} inputMode="numeric" value={year} onChange={(e) => setYear(e.target.value)} />}
      </Field>
      <button type="submit">{list.canEdit ? '编写该年度报告' : '查看该年度报告'}</button>
    </form>
  );
}

export default function ReportsPage(_props: PageProps) {
  const bodyId = useReportBody();
  const { user } = useSession();
  const [list, setList] = useState<ReportList | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (bodyId) get<ReportList>(reportsPath(bodyId)).then(setList, (e: Error) => setError(e.message));
  }, [bodyId]);
  const suffix = bodyId && user?.bodies.length !== 1 ? bodyQuery(bodyId) : '';
  return (
    <>
      <PageTitle>政府信息公开工作年度报告{list ? `：${list.bodyName}` : ''}</PageTitle>
      {!bodyId && <BodyPicker />}
      {error && <Notice kind="error">{error}</Notice>}
      {bodyId && !list && !error && <Loading what="年度列表" />}
      {list && (
        <>
          <p>年度报告由申请台账自动生成表二、表三、表四的数字，经办人核对、补充正文后保存、预览和下载（HTML、Word、PDF）；检查没有错误后定稿，定稿前下载的文件标有“草稿”。</p>
          <NewYear list={list} suffix={suffix} />
          <div className="table-wrap">
            <table className="data">
              <caption className="sr-only">各年度报告</caption>
              <thead>
                <tr>
                  <th scope="col">年度</th>
                  <th scope="col">状态</th>
                  <th scope="col">台账中当年收到的申请</th>
                  <th scope="col">检查</th>
                  <th scope="col">最后保存</th>
                </tr>
              </thead>
              <tbody>
                {list.years.map((y) => (
                  <tr key={y.year}>
                    <th scope="row">
                      <Link to={`/officer/reports/${y.year}${suffix}`}>{y.year}年度报告</Link>
                    </th>
                    <td>
                      <span className={`badge ${STATUS_BADGE[y.status]}`}>{y.statusLabel}</span>
                    </td>
                    <td className="num">{y.applications} 件</td>
                    <td>
                      {y.errors === null ? '—' : y.errors + (y.warnings ?? 0) === 0 ? '通过' : `${y.errors} 个错误、${y.warnings ?? 0} 个警告`}
                    </td>
                    <td>{y.updatedAt ? `${localTime(y.updatedAt)}（${y.updatedByName ?? ''}）` : '—'}</td>
                  </tr>
                ))}
                {list.years.length === 0 && (
                  <tr>
                    <td colSpan={5}>还没有任何年度：台账中尚无申请，也没有保存过报告。可在上方选择年度开始编写。</td>
                  </tr>
                )}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}
