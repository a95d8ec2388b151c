/**
 * The administrator's page: bodies, accounts (with their body or supervised set), holiday
 * overrides for years the calendar package does not cover, and the audit log.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { ApiFailure, del, get, post, put } from '../../api.js';
import { Field, Notice, PageTitle } from '../../components/ui.js';
import type { PageProps } from '../../routes.js';
import { Link } from '../../router.js';
import type { z } from 'zod';
import type { BodySchema, OverrideSchema } from '../../../../src/api/admin.js';

type Body = z.infer<typeof BodySchema>;
type Override = z.infer<typeof OverrideSchema>;

function useMessage() {
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const run = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      setMessage({ kind: 'success', text: done });
      return true;
    } catch (err) {
      setMessage({ kind: 'error', text: err instanceof ApiFailure ? err.message : '操作失败' });
      return false;
    }
  };
  return { message, run };
}

function Bodies({ bodies, reload }: { bodies: Body[]; reload: () => void }) {
  const [id, setId] = useState('');
  const [name, setName] = useState('');
  const [region, setRegion] = useState('');
  const { message, run } = useMessage();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await run(() => post('/api/admin/bodies', { id, name, ...(region ? { region } : {}) }), `已保存机关“${name}”`)) {
      setId('');
      setName('');
      reload();
    }
  };
  return (
    <section aria-labelledby="bodies-h">
      <h2 id="bodies-h">机关</h2>
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
      <form onSubmit={submit} className="filters">
        <Field label="编号" hint="字母、数字、- 和 _">{(p) => <input {...p} value={id} onChange={(e) => setId(e.target.value)} required />}</Field>
        <Field label="名称" hint="全称，如 青禾县云岭镇人民政府">{(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} required />}</Field>
        <Field label="所属地区">{(p) => <input {...p} value={region} onChange={(e) => setRegion(e.target.value)} />}</Field>
        <button type="submit">保存机关</button>
      </form>
      <div className="table-wrap">
        <table className="data">
          <caption className="sr-only">机关列表</caption>
          <thead><tr><th scope="col">编号</th><th scope="col">名称</th><th scope="col">层级</th><th scope="col">地区</th></tr></thead>
          <tbody>
            {bodies.map((b) => (
              <tr key={b.id}><td>{b.id}</td><td>{b.name}</td><td>{b.levelLabel}</td><td>{b.region ?? ''}</td></tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Users() {
  return (
    <section aria-labelledby="users-h">
      <h2 id="users-h">账号</h2>
      <p>
        新建账号，修改角色、所属机关和监督范围，停用账号，重置密码，解除登录锁定：<Link to="/admin/users">管理账号</Link>
      </p>
    </section>
  );
}

function Overrides({ overrides, reload }: { overrides: Override[]; reload: () => void }) {
  const [date, setDate] = useState('');
  const [work, setWork] = useState('false');
  const [source, setSource] = useState('');
  const { message, run } = useMessage();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await run(() => put(`/api/admin/calendar/overrides/${date}`, { work: work === 'true', ...(source ? { source } : {}) }), `已录入 ${date}`)) reload();
  };
  const remove = async (d: string) => {
    if (await run(() => del(`/api/admin/calendar/overrides/${d}`), `已删除 ${d}`)) reload();
  };
  return (
    <section aria-labelledby="cal-h">
      <h2 id="cal-h">节假日和调休</h2>
      <p>国务院办公厅公布新一年的放假安排后，在此逐日录入（放假日和调休上班日）。未录入年份的期限一律标为“暂定”。</p>
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
      <form onSubmit={submit} className="filters">
        <Field label="日期">{(p) => <input {...p} type="date" value={date} onChange={(e) => setDate(e.target.value)} required />}</Field>
        <Field label="这一天">
          {(p) => (
            <select {...p} value={work} onChange={(e) => setWork(e.target.value)}>
              <option value="false">放假</option>
              <option value="true">调休上班</option>
            </select>
          )}
        </Field>
        <Field label="依据" hint="如 国办发明电〔2026〕号">{(p) => <input {...p} value={source} onChange={(e) => setSource(e.target.value)} />}</Field>
        <button type="submit">录入</button>
      </form>
      <ul>
        {overrides.map((o) => (
          <li key={o.date}>
            {o.date} {o.work ? '调休上班' : '放假'} {o.source ?? ''}{' '}
            <button type="button" className="secondary" onClick={() => remove(o.date)} aria-label={`删除 ${o.date}`}>删除</button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Audit() {
  return (
    <section aria-labelledby="audit-h">
      <h2 id="audit-h">审计日志</h2>
      <p>
        谁在什么时间改了什么（改前 → 改后），可按人员、操作、机关和日期筛选并导出：<Link to="/admin/audit">查看审计日志</Link>
      </p>
    </section>
  );
}

export default function AdminPage(_props: PageProps) {
  const [data, setData] = useState<{ bodies: Body[]; overrides: Override[] } | null>(null);
  const [error, setError] = useState('');
  const load = useCallback(() => {
    Promise.all([get<Body[]>('/api/bodies'), get<Override[]>('/api/calendar/overrides')])
      .then(([bodies, overrides]) => setData({ bodies, overrides }))
      .catch((err: unknown) => setError(err instanceof ApiFailure ? err.message : '加载失败'));
  }, []);
  useEffect(load, [load]);
  return (
    <>
      <PageTitle>系统管理</PageTitle>
      {error && <Notice kind="error">{error}</Notice>}
      {data && (
        <>
          <Bodies bodies={data.bodies} reload={load} />
          <Users />
          <Overrides overrides={data.overrides} reload={load} />
          <Audit />
        </>
      )}
    </>
  );
}
