/**
 * The administrator's page: bodies, and links to the accounts, the holiday calendar and the audit log.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { ApiFailure, get, post } from '../../api.js';
import { Field, Notice, PageTitle } from '../../components/ui.js';
import type { PageProps } from '../../routes.js';
import { Link } from '../../router.js';
import type { z } from 'zod';
import type { BodySchema } from '../../../../src/api/admin.js';

type Body = z.infer<typeof BodySchema>;

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

function Calendar() {
  return (
    <section aria-labelledby="cal-h">
      <h2 id="cal-h">节假日和调休</h2>
      <p>
        国务院办公厅公布新一年的放假安排后，粘贴通知正文一次载入，并标记该年已完整：<Link to="/admin/calendar">管理节假日和调休</Link>
      </p>
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
  const [data, setData] = useState<{ bodies: Body[] } | null>(null);
  const [error, setError] = useState('');
  const load = useCallback(() => {
    get<Body[]>('/api/bodies')
      .then((bodies) => setData({ bodies }))
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
          <Calendar />
          <Audit />
        </>
      )}
    </>
  );
}
