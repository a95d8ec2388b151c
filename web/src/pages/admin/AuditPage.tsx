/**
 * /admin/audit: the audit log as an administrator reads it — who did what to which entry and
 * when (Beijing time), each changed field before → after; filtered by person, action, kind of
 * entry, body and days, 50 a page, the filters and the page in the address so a view can be
 * shared; the filtered set exported to Excel.
 */
import { useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { ApiFailure, download, query } from '../../api.js';
import { Pager } from '../../components/catalogue-public/common.js';
import { Field, Id, Loading, Notice, PageTitle } from '../../components/ui.js';
import { useGet } from '../../hooks.js';
import type { PageProps } from '../../routes.js';
import { navigate, useLocation } from '../../router.js';
import { EMPTY } from '../../../../src/accounts/audit-format.js';
import type { AuditChoicesSchema, AuditEntrySchema, AuditPageSchema } from '../../../../src/api/audit.js';
import './audit.css';

type Entry = z.infer<typeof AuditEntrySchema>;
type AuditPageData = z.infer<typeof AuditPageSchema>;
type Choices = z.infer<typeof AuditChoicesSchema>;

const PAGE_SIZE = 50;
const FILTERS = ['actor', 'action', 'entity', 'body', 'from', 'to'] as const;
type Filters = Record<(typeof FILTERS)[number], string>;

const filtersOf = (search: URLSearchParams): Filters => Object.fromEntries(FILTERS.map((k) => [k, search.get(k) ?? ''])) as Filters;

/** A filter's choices; `data` when they are names from the log (people, bodies), not words of the interface. */
function Select({ label, value, onChange, options, all, data = false }: { label: string; value: string; onChange(v: string): void; options: { value: string; label: string }[]; all: string; data?: boolean }) {
  // A value from a shared address that the log no longer offers is still shown, not dropped.
  const list = value && !options.some((o) => o.value === value) ? [...options, { value, label: '（当前筛选）' }] : options;
  return (
    <Field label={label}>
      {(p) => (
        <select {...p} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{all}</option>
          {list.map((o) => (
            <option key={o.value} value={o.value} {...(data ? { translate: 'no' as const } : {})}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

function FilterForm({ current, choices }: { current: Filters; choices: Choices | null }) {
  const [f, setF] = useState(current);
  const [message, setMessage] = useState('');
  const set = (k: keyof Filters) => (v: string) => setF({ ...f, [k]: v });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate(`/admin/audit${query(f)}`);
  };
  const exportXlsx = async () => {
    setMessage('');
    try {
      await download(`/api/admin/audit.xlsx${query(current)}`);
    } catch (err) {
      setMessage(err instanceof ApiFailure ? err.message : '导出失败');
    }
  };
  const c = choices ?? { actors: [], actions: [], entities: [], bodies: [] };
  return (
    <form onSubmit={submit} className="filters audit-filters" aria-label="筛选审计日志">
      <Select label="操作人" value={f.actor} onChange={set('actor')} options={c.actors} all="全部人员" data />
      <Select label="操作" value={f.action} onChange={set('action')} options={c.actions} all="全部操作" />
      <Select label="对象类别" value={f.entity} onChange={set('entity')} options={c.entities} all="全部类别" />
      <Select label="机关" value={f.body} onChange={set('body')} options={c.bodies} all="全部机关" data />
      <Field label="起始日期">{(p) => <input {...p} type="date" value={f.from} onChange={(e) => set('from')(e.target.value)} />}</Field>
      <Field label="截止日期">{(p) => <input {...p} type="date" value={f.to} onChange={(e) => set('to')(e.target.value)} />}</Field>
      <div className="audit-actions">
        <button type="submit">筛选</button>
        <button type="button" className="secondary" onClick={() => navigate('/admin/audit')}>
          清除筛选
        </button>
        <button type="button" className="secondary" onClick={() => void exportXlsx()}>
          按当前筛选导出 Excel
        </button>
      </div>
      {message && <Notice kind="error">{message}</Notice>}
    </form>
  );
}

/**
 * Text from the formatter: its own words are all Chinese, so a Latin run in it is data (a user
 * name, a body's code, a stored value), marked as such rather than as a word of the interface.
 */
function Data({ text }: { text: string }) {
  const parts = text.split(/([A-Za-z][\w.:@/-]*)/);
  return (
    <>
      {parts.map((part, i) =>
        i % 2 ? (
          <Id key={i}>{part}</Id>
        ) : (
          part
        ),
      )}
    </>
  );
}

/** A value before (struck through) or after; an empty one is said, not marked as removed or added. */
function Value({ kind, text }: { kind: 'del' | 'ins'; text: string }) {
  if (text === EMPTY) return <span className="muted">{text}</span>;
  return kind === 'del' ? (
    <del title="改前">
      <Data text={text} />
    </del>
  ) : (
    <ins title="改后">
      <Data text={text} />
    </ins>
  );
}

function Changes({ entry }: { entry: Entry }) {
  if (entry.changes.length === 0) return <span className="muted">（没有记录字段改动）</span>;
  return (
    <ul className="audit-changes">
      {entry.changes.map((c, i) => (
        <li key={i}>
          <span className="audit-field">{c.field}</span>：<Value kind="del" text={c.before} />
          <span aria-label="改为"> → </span>
          <Value kind="ins" text={c.after} />
        </li>
      ))}
      {entry.more > 0 && <li className="muted">另有 {entry.more} 项改动（导出 Excel 可见全部概要）</li>}
    </ul>
  );
}

function Entries({ data, page }: { data: AuditPageData; page: number }) {
  if (data.total === 0) return <p role="status">没有符合条件的记录。</p>;
  const first = (page - 1) * PAGE_SIZE + 1;
  return (
    <>
      <p role="status">
        共 {data.total} 条，当前显示第 {first}–{first + data.entries.length - 1} 条（最近的在前）。
      </p>
      <div className="table-wrap">
        <table className="data audit-table">
          <caption className="sr-only">审计日志</caption>
          <thead>
            <tr>
              <th scope="col">时间</th>
              <th scope="col">操作人</th>
              <th scope="col">操作</th>
              <th scope="col">对象</th>
              <th scope="col">改动（改前 → 改后）</th>
            </tr>
          </thead>
          <tbody>
            {data.entries.map((e) => (
              <tr key={e.seq}>
                <td className="nowrap" data-label="时间">{e.when}</td>
                <td data-label="操作人">
                  <Data text={e.who} />
                </td>
                <td data-label="操作">{e.action}</td>
                <td data-label="对象">
                  <Data text={e.what} />
                  {e.body && !e.what.includes(e.body) && (
                    <div className="muted">
                      <Data text={e.body} />
                    </div>
                  )}
                </td>
                <td data-label="改动">
                  <Changes entry={e} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

export default function AuditPage(_props: PageProps) {
  const { search } = useLocation();
  const filters = filtersOf(search);
  const page = Math.max(1, Number(search.get('page')) || 1);
  const choices = useGet<Choices>('/api/admin/audit/choices');
  const log = useGet<AuditPageData>(`/api/admin/audit${query({ ...filters, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE })}`);
  const pages = log.data ? Math.max(1, Math.ceil(log.data.total / PAGE_SIZE)) : null;
  return (
    <>
      <PageTitle>审计日志</PageTitle>
      <p>每一次改动都记在这里：谁、什么时间、做了什么、改了哪些内容（改前 → 改后）。时间为北京时间。</p>
      {choices.error && <Notice kind="error">{choices.error}</Notice>}
      {/* Keyed by the address: going back or clearing shows the filters of the view shown. */}
      <FilterForm key={query(filters)} current={filters} choices={choices.data} />
      {log.error && <Notice kind="error">{log.error}</Notice>}
      {!log.data && !log.error && <Loading what="审计日志" />}
      {log.data && <Entries data={log.data} page={page} />}
      {log.data && pages && <Pager page={page} pages={pages} hasMore={page < pages} href={(p) => `/admin/audit${query({ ...filters, page: p })}`} />}
    </>
  );
}
