/**
 * 申请台账: what is overdue or due soon (with how each due date was counted) on top, then the
 * body's applications, searched and filtered, and the Excel export.
 */
import { useState, type FormEvent } from 'react';
import { download, query } from '../../api.js';
import { ForBody } from '../../components/office-body.js';
import { DuePanel } from '../../components/register/DuePanel.js';
import { RegisterTable } from '../../components/register/RegisterTable.js';
import type { RegisterList } from '../../components/register/types.js';
import { Field, Loading, Notice, PageTitle } from '../../components/ui.js';
import { useGet } from '../../hooks.js';
import type { PageProps } from '../../routes.js';
import { Link } from '../../router.js';

const STATUS = [
  ['', '全部'],
  ['open', '未办结'],
  ['overdue', '已逾期'],
  ['dueSoon', '5个工作日内到期'],
  ['closed', '已办结'],
] as const;

interface Filter {
  q: string;
  status: string;
  year: string;
}

function Filters({ years, initial, onApply }: { years: number[]; initial: Filter; onApply(f: Filter): void }) {
  const [f, setF] = useState(initial);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply(f);
  };
  return (
    <form className="filters" role="search" aria-label="搜索和筛选申请" onSubmit={submit}>
      <Field label="搜索" hint="编号、申请内容或申请人">
        {(p) => <input {...p} type="search" value={f.q} onChange={(e) => setF({ ...f, q: e.target.value })} />}
      </Field>
      <Field label="状态">
        {(p) => (
          <select {...p} value={f.status} onChange={(e) => setF({ ...f, status: e.target.value })}>
            {STATUS.map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="收到年份">
        {(p) => (
          <select {...p} value={f.year} onChange={(e) => setF({ ...f, year: e.target.value })}>
            <option value="">全部年份</option>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}年
              </option>
            ))}
          </select>
        )}
      </Field>
      <button type="submit">筛选</button>
    </form>
  );
}

function Register({ bodyId }: { bodyId: string }) {
  const [filter, setFilter] = useState<Filter>({ q: '', status: '', year: '' });
  const [exportError, setExportError] = useState<string | null>(null);
  const base = `/api/bodies/${encodeURIComponent(bodyId)}/applications`;
  const { data, error } = useGet<RegisterList>(`${base}${query({ q: filter.q.trim(), status: filter.status, year: filter.year })}`);
  const exportXlsx = (unmasked: boolean) => {
    setExportError(null);
    download(`${base}.xlsx${unmasked ? '?unmasked=1' : ''}`).catch((e: Error) => setExportError(e.message));
  };
  if (error) return <Notice kind="error">{error}</Notice>;
  if (!data) return <Loading what="台账" />;
  return (
    <>
      <p className="lead">{data.body.name}</p>
      {data.canWrite && (
        <div className="actions">
          <Link to="/officer/new" className="button">
            登记新申请
          </Link>
        </div>
      )}
      <DuePanel bodyId={bodyId} />
      <section aria-labelledby="list-heading">
        <h2 id="list-heading">全部申请</h2>
        <Filters years={data.years} initial={filter} onApply={setFilter} />
        <p role="status">
          共 {data.total} 件{data.total > data.items.length ? `，显示最近收到的 ${data.items.length} 件` : ''}。
          {!data.personalData && '申请人姓名、身份证件号码和联系方式已遮蔽。'}
        </p>
        {data.items.length > 0 && <RegisterTable rows={data.items} caption={`${data.body.name}政府信息公开申请台账`} />}
        <div className="actions">
          <button type="button" className="secondary" onClick={() => exportXlsx(false)}>
            导出 Excel
          </button>
          {data.personalData && (
            <button type="button" className="secondary" onClick={() => exportXlsx(true)}>
              导出 Excel（含申请人姓名，记入审计日志）
            </button>
          )}
        </div>
        {exportError && <Notice kind="error">{exportError}</Notice>}
      </section>
    </>
  );
}

export default function RegisterPage(_props: PageProps) {
  return (
    <>
      <PageTitle>申请台账</PageTitle>
      <ForBody path="/officer" action="查看台账">
        {(bodyId) => <Register bodyId={bodyId} />}
      </ForBody>
    </>
  );
}
