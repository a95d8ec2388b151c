/**
 * 问题清单: every finding of the latest reports in the supervisor's scope with its state — 待审核,
 * 已确认（整改中）, 已整改, 已核销, 已驳回, 已消除 — filtered by year, body, rule, severity and state
 * (the filters live in the address, so a filtered list can be bookmarked or sent), fifty a page,
 * exported to Excel as filtered. Each new finding is confirmed (it goes to the body as a 整改 item)
 * or dismissed with a reason; an answered one is accepted. The 整改通知书 of a body and year is
 * downloaded with the answer deadline the supervisor sets.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { z } from '@hono/zod-openapi';
import type { IssueListSchema, IssueSchema } from '../../../../src/api/findings-work.js';
import { ApiFailure, download, get, post, query } from '../../api.js';
import { ensureFindingsStyles } from '../../components/supervisor/findings-styles.js';
import { ensureSupervisorStyles } from '../../components/supervisor/styles.js';
import { Field, Loading, Notice, PageTitle } from '../../components/ui.js';
import { Link, navigate, useLocation } from '../../router.js';
import type { PageProps } from '../../routes.js';

ensureSupervisorStyles();
ensureFindingsStyles();

type IssueList = z.infer<typeof IssueListSchema>;
type Issue = z.infer<typeof IssueSchema>;

const FILTER_KEYS = ['year', 'body', 'code', 'severity', 'status'] as const;
type Filters = Record<(typeof FILTER_KEYS)[number], string>;

const STATUS_OPTIONS: [string, string][] = [
  ['new', '待审核'], ['confirmed', '已确认（整改中）'], ['answered', '已整改'], ['accepted', '已核销'], ['dismissed', '已驳回'], ['resolved', '已消除'],
];
const SEVERITY: Record<string, [string, string]> = { error: ['错误', 'badge-error'], warning: ['警告', 'badge-warning'], info: ['提示', 'badge-ok'] };
const STATUS_BADGE: Record<string, string> = {
  new: 'badge-warning', confirmed: 'badge-error', answered: 'badge-warning', accepted: 'badge-ok', dismissed: 'badge-ok', resolved: 'badge-ok',
};

const keyPath = (i: Issue) => `/api/supervisor/issues/${encodeURIComponent(i.bodyId)}/${i.year}/${i.fingerprint}`;
const failure = (e: unknown) => (e instanceof ApiFailure ? e.message : '操作失败，请稍后再试');

function filtersOf(search: URLSearchParams): Filters {
  return Object.fromEntries(FILTER_KEYS.map((k) => [k, search.get(k) ?? ''])) as Filters;
}

/** A labelled drop-down: an optional first choice (“全部…”), then the options as [value, label]. */
function Choice({ label, value, onChange, options, first, className }: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly (readonly [string | number, string])[];
  first?: string;
  className?: string;
}) {
  return (
    <Field label={label}>
      {(p) => (
        <select {...p} value={value} onChange={(e) => onChange(e.target.value)} {...(className ? { className } : {})}>
          {first !== undefined && <option value="">{first}</option>}
          {options.map(([v, text]) => (
            <option key={v} value={v}>
              {text}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** The actions of one row: confirm or dismiss (with a reason) a new finding, accept an answered one. */
function Actions({ issue, onDone }: { issue: Issue; onDone: (message: string) => void }) {
  const [dismissing, setDismissing] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const run = async (action: string, body: unknown, message: string) => {
    try {
      await post(`${keyPath(issue)}/${action}`, body);
      setError(null);
      setDismissing(false);
      onDone(message);
    } catch (e) {
      setError(failure(e));
    }
  };
  const what = `${issue.bodyName}${issue.year}年度${issue.place}的问题`;
  const dismiss = (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) return setError('请填写驳回理由');
    void run('dismiss', { reason }, `已驳回${what}。`);
  };
  const canDecide = issue.status === 'new' || (issue.status === 'dismissed' && issue.reportId !== null);
  return (
    <div className="fw-actions">
      {canDecide && !dismissing && (
        <button type="button" onClick={() => void run('confirm', {}, `已确认${what}，已列为该机关的整改事项。`)} aria-label={`确认${what}`}>
          确认
        </button>
      )}
      {(issue.status === 'new' || issue.status === 'confirmed') && !dismissing && (
        <button type="button" className="secondary" onClick={() => setDismissing(true)} aria-label={`驳回${what}`}>
          驳回
        </button>
      )}
      {issue.status === 'answered' || (issue.status === 'resolved' && issue.answeredAt !== null) ? (
        <button type="button" onClick={() => void run('accept', {}, `已核销${what}。`)} aria-label={`核销${what}`}>
          核销
        </button>
      ) : null}
      {dismissing && (
        <form onSubmit={dismiss} aria-label={`驳回${what}`}>
          <Field label="驳回理由（必填）">{(p) => <textarea {...p} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={1000} />}</Field>
          <button type="submit">确认驳回</button>{' '}
          <button type="button" className="secondary" onClick={() => setDismissing(false)}>
            取消
          </button>
          {error && <p role="alert" className="fw-error">{error}</p>}
        </form>
      )}
      {error && !dismissing && <p role="alert" className="fw-error">{error}</p>}
    </div>
  );
}

function IssueRow({ issue, onDone }: { issue: Issue; onDone: (message: string) => void }) {
  const [severity, severityClass] = SEVERITY[issue.severity] ?? [issue.severity, 'badge-ok'];
  return (
    <tr data-fingerprint={issue.fingerprint}>
      <th scope="row">
        <Link to={`/supervisor/bodies/${encodeURIComponent(issue.bodyId)}`}>{issue.bodyName}</Link>
        <br />
        <span className="hint">{issue.year}年度</span>
      </th>
      <td>{issue.place}</td>
      <td>
        <strong>{issue.rule}</strong>
        <br />
        {issue.message}
        <br />
        <code className="hint" translate="no">{issue.code}</code>
        {issue.reportId !== null && (
          <>
            {' '}
            <Link to={`/supervisor/reports/${issue.reportId}`}>查看报告</Link>
          </>
        )}
      </td>
      <td>
        <span className={`badge ${severityClass}`}>{severity}</span>
      </td>
      <td>
        <span className={`badge ${STATUS_BADGE[issue.status] ?? 'badge-ok'}`}>{issue.statusLabel}</span>
        {issue.reason && <p className="hint">驳回理由：{issue.reason}</p>}
        {issue.answeredAt && <p className="hint">整改情况：{issue.answer ?? '（未填写说明）'}</p>}
      </td>
      <td>
        <Actions issue={issue} onDone={onDone} />
      </td>
    </tr>
  );
}

/** The 整改通知书 of one body and year, with the answer deadline. */
function NoticeForm({ data, filters }: { data: IssueList; filters: Filters }) {
  const [body, setBody] = useState(filters.body);
  const [year, setYear] = useState(filters.year || String(data.years[0] ?? ''));
  const [deadline, setDeadline] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!body || !year || !deadline) return setError('请选择机关、年度并填写答复期限');
    try {
      await download(`/api/supervisor/issues/${encodeURIComponent(body)}/${year}/notice.docx${query({ deadline })}`);
      setError(null);
    } catch (err) {
      setError(failure(err));
    }
  };
  return (
    <section aria-labelledby="notice-h" className="fw-notice">
      <h2 id="notice-h">整改通知书</h2>
      <p className="hint">列出该机关该年度全部已确认的问题及其所在单元格，载明答复期限；本机关经办人在“整改事项”中逐项答复。</p>
      <form className="filters" onSubmit={(e) => void submit(e)} aria-label="下载整改通知书">
        <Choice label="机关" value={body} onChange={setBody} first="请选择" options={data.bodies.map((b) => [b.id, b.name] as const)} />
        <Choice label="年度" value={year} onChange={setYear} options={data.years.map((y) => [y, `${y}年度`] as const)} />
        <Field label="答复期限">{(p) => <input {...p} type="date" value={deadline} onChange={(e) => setDeadline(e.target.value)} />}</Field>
        <button type="submit">下载整改通知书（Word）</button>
      </form>
      {error && <Notice kind="error">{error}</Notice>}
    </section>
  );
}

export default function IssuesPage(_props: PageProps) {
  const { search } = useLocation();
  const applied = filtersOf(search);
  const page = Math.max(1, Number(search.get('page') ?? 1) || 1);
  const appliedKey = search.toString();
  const [filters, setFilters] = useState<Filters>(applied);
  const [data, setData] = useState<IssueList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setData(await get<IssueList>(`/api/supervisor/issues?${appliedKey}`));
      setError(null);
    } catch (e) {
      setError(failure(e));
    }
  }, [appliedKey]);

  useEffect(() => {
    setFilters(filtersOf(new URLSearchParams(appliedKey)));
    void load();
  }, [appliedKey, load]);

  const go = (f: Filters, p = 1) => navigate(`/supervisor/issues${query({ ...f, page: p > 1 ? p : undefined })}`);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    go(filters);
  };
  const set = (k: keyof Filters) => (value: string) => setFilters({ ...filters, [k]: value });
  const onDone = (message: string) => {
    setDone(message);
    void load();
  };
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  const exportXlsx = async () => {
    try {
      await download(`/api/supervisor/issues.xlsx${query(applied)}`);
    } catch (e) {
      setError(failure(e));
    }
  };

  return (
    <>
      <PageTitle>问题清单</PageTitle>
      <p className="lead">监督范围内各机关最新一份年度报告的检查发现。逐条确认（列为该机关的整改事项）或驳回（须说明理由）；机关答复整改情况后核销。重新上传或更正报告后，处理结果仍然保留。</p>
      <form className="filters" onSubmit={submit} role="search" aria-label="筛选问题">
        <Choice label="年度" value={filters.year} onChange={set('year')} first="全部年度" options={(data?.years ?? []).map((y) => [y, `${y}年度`] as const)} />
        <Choice label="机关" value={filters.body} onChange={set('body')} first="全部机关" options={(data?.bodies ?? []).map((b) => [b.id, b.name] as const)} />
        <Choice label="规则" value={filters.code} onChange={set('code')} first="全部规则" className="fw-rule" options={(data?.codes ?? []).map((c) => [c.code, c.rule] as const)} />
        <Choice label="严重程度" value={filters.severity} onChange={set('severity')} first="全部" options={Object.entries(SEVERITY).map(([k, [text]]) => [k, text] as const)} />
        <Choice label="状态" value={filters.status} onChange={set('status')} first="全部状态" options={STATUS_OPTIONS} />
        <button type="submit">筛选</button>
        <button type="button" className="secondary" onClick={() => void exportXlsx()}>
          导出 Excel
        </button>
      </form>
      {done && <Notice kind="success">{done}</Notice>}
      {error && <Notice kind="error">{error}</Notice>}
      {!data && !error && <Loading what="问题清单" />}
      {data && (
        <>
          {data.rows.length ? (
            <div className="table-wrap" tabIndex={0} role="region" aria-label="问题清单">
              <table className="data fw-issues">
                <caption>
                  共 {data.total} 条，第 {data.page} / {pages} 页
                </caption>
                <thead>
                  <tr>
                    <th scope="col">机关</th>
                    <th scope="col">位置</th>
                    <th scope="col">问题</th>
                    <th scope="col">严重程度</th>
                    <th scope="col">状态</th>
                    <th scope="col">处理</th>
                  </tr>
                </thead>
                <tbody>
                  {data.rows.map((r) => (
                    <IssueRow key={`${r.bodyId}|${r.year}|${r.fingerprint}`} issue={r} onDone={onDone} />
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <Notice>没有符合条件的问题。</Notice>
          )}
          {pages > 1 && (
            <nav aria-label="分页" className="actions">
              <button type="button" className="secondary" disabled={page <= 1} onClick={() => go(applied, page - 1)}>
                上一页
              </button>
              <span>
                第 {page} / {pages} 页
              </span>
              <button type="button" className="secondary" disabled={page >= pages} onClick={() => go(applied, page + 1)}>
                下一页
              </button>
            </nav>
          )}
          <NoticeForm data={data} filters={applied} />
        </>
      )}
    </>
  );
}
