/**
 * /admin/users: the administrator's accounts — create one; change its name, role and bodies (or
 * the bodies a supervisor oversees); disable or enable it (its sign-ins end at once); reset its
 * password (a one-time password shown here once); see when it last signed in; and lift the
 * sign-in locks that too many failed passwords set.
 */
import { useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { api, ApiFailure, del, post, put } from '../../api.js';
import { Field, Id, Loading, Notice, PageTitle } from '../../components/ui.js';
import { useGet } from '../../hooks.js';
import type { PageProps } from '../../routes.js';
import { Link } from '../../router.js';
import { useSession } from '../../session.js';
import { ROLE_LABELS, ROLES, type Role } from '../../../../src/accounts/permissions.js';
import type { BodySchema } from '../../../../src/api/admin.js';
import type { SignInLockSchema, UserSchema } from '../../../../src/api/users.js';
import './users.css';

type Body = z.infer<typeof BodySchema>;
type User = z.infer<typeof UserSchema>;
type Lock = z.infer<typeof SignInLockSchema>;
type Message = { kind: 'error' | 'success'; text: string; code?: string } | null;

/** Beijing time, as every date in the back office is shown. */
const beijing = (iso: string) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

const splitBodies = (text: string) => text.split(/[\s,，、;；]+/).filter(Boolean);

const BODY_HINT = '经办人、审核人填一个机关编号；监督者可另加监督地区以外的机关编号，用逗号分隔；管理员不填';

const REGION_HINT = '仅监督者填写：行政区划代码，用逗号分隔；含该地区及其下各级地区的全部机关';

type Region = { code: string; name: string };

/** The regions as typed, each with its name from the directory (or said unknown). */
function RegionNames({ text, regions }: { text: string; regions: readonly Region[] }) {
  const codes = splitBodies(text);
  if (!codes.length) return null;
  return (
    <p className="hint" role="status">
      {codes.map((c) => `${regions.find((r) => r.code === c)?.name ?? '名录中没有此代码'}（${c}）`).join('、')}
    </p>
  );
}

/** Run an API call, turning a refusal into the page's message; true when it went through. */
function useAction(setMessage: (m: Message) => void) {
  return async (work: () => Promise<unknown>, done: string): Promise<boolean> => {
    try {
      await work();
      setMessage({ kind: 'success', text: done });
      return true;
    } catch (err) {
      setMessage({ kind: 'error', text: err instanceof ApiFailure ? err.message : '操作失败，请稍后再试' });
      return false;
    }
  };
}

function RoleSelect({ value, onChange }: { value: Role; onChange(r: Role): void }) {
  return (
    <Field label="角色">
      {(p) => (
        <select {...p} value={value} onChange={(e) => onChange(e.target.value as Role)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

function NewAccount({ reload, regions }: { reload(): Promise<void>; regions: readonly Region[] }) {
  const empty = { username: '', displayName: '', password: '', role: 'officer' as Role, bodies: '', regions: '' };
  const [form, setForm] = useState(empty);
  const [message, setMessage] = useState<Message>(null);
  const act = useAction(setMessage);
  const set = (k: 'username' | 'displayName' | 'password' | 'bodies' | 'regions') => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const scope = form.role === 'supervisor' ? splitBodies(form.regions) : [];
    if (await act(() => post('/api/admin/users', { ...form, bodies: splitBodies(form.bodies), regions: scope }), `已创建账号 ${form.username}`)) {
      setForm(empty);
      await reload();
    }
  };
  return (
    <section aria-labelledby="new-user-h">
      <h2 id="new-user-h">新建账号</h2>
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
      <form onSubmit={submit} className="filters">
        <Field label="用户名">{(p) => <input {...p} value={form.username} onChange={set('username')} required autoComplete="off" />}</Field>
        <Field label="姓名或单位">{(p) => <input {...p} value={form.displayName} onChange={set('displayName')} required />}</Field>
        <Field label="初始密码" hint="至少 10 个字符">{(p) => <input {...p} type="password" value={form.password} onChange={set('password')} required autoComplete="new-password" />}</Field>
        <RoleSelect value={form.role} onChange={(role) => setForm({ ...form, role })} />
        {form.role === 'supervisor' && (
          <div>
            <Field label="监督地区" hint={REGION_HINT}>{(p) => <input {...p} value={form.regions} onChange={set('regions')} inputMode="numeric" />}</Field>
            <RegionNames text={form.regions} regions={regions} />
          </div>
        )}
        <Field label="机关编号" hint={BODY_HINT}>{(p) => <input {...p} value={form.bodies} onChange={set('bodies')} />}</Field>
        <button type="submit">创建账号</button>
      </form>
    </section>
  );
}

/** The edit form of one account: name, role and bodies together (an officer has one body). */
function EditAccount({ user, regions: known, onDone, act }: { user: User; regions: readonly Region[]; onDone(changed: boolean): Promise<void>; act: ReturnType<typeof useAction> }) {
  const [displayName, setDisplayName] = useState(user.displayName);
  const [role, setRole] = useState<Role>(user.role);
  const [bodies, setBodies] = useState(user.bodies.join('，'));
  const [regions, setRegions] = useState(user.regions.join('，'));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const scope = role === 'supervisor' ? splitBodies(regions) : [];
    const ok = await act(() => api('PATCH', `/api/admin/users/${user.id}`, { displayName, role, bodies: splitBodies(bodies), regions: scope }), `已修改账号 ${user.username}`);
    if (ok) await onDone(true);
  };
  return (
    <form onSubmit={submit} className="filters" aria-label={`修改账号 ${user.displayName}`}>
      <Field label="姓名或单位">{(p) => <input {...p} value={displayName} onChange={(e) => setDisplayName(e.target.value)} required />}</Field>
      <RoleSelect value={role} onChange={setRole} />
      {role === 'supervisor' && (
        <div>
          <Field label="监督地区" hint={REGION_HINT}>{(p) => <input {...p} value={regions} onChange={(e) => setRegions(e.target.value)} inputMode="numeric" />}</Field>
          <RegionNames text={regions} regions={known} />
        </div>
      )}
      <Field label="机关编号" hint={BODY_HINT}>{(p) => <input {...p} value={bodies} onChange={(e) => setBodies(e.target.value)} />}</Field>
      <button type="submit">保存修改</button>
      <button type="button" className="secondary" onClick={() => void onDone(false)}>
        取消
      </button>
    </form>
  );
}

function statusOf(u: User) {
  if (u.disabled) return <span className="badge badge-error">已停用</span>;
  if (u.mustChangePassword) return <span className="badge badge-warning">待设置新密码</span>;
  return <span className="badge badge-ok">正常</span>;
}

function Accounts({ users, bodies, regions, reload }: { users: User[]; bodies: Body[]; regions: readonly Region[]; reload(): Promise<void> }) {
  const { user: me } = useSession();
  const [editing, setEditing] = useState<number | null>(null);
  const [message, setMessage] = useState<Message>(null);
  const act = useAction(setMessage);
  const name = (id: string) => bodies.find((b) => b.id === id)?.name ?? `${id}（机关不存在）`;
  const regionName = (code: string) => `${regions.find((r) => r.code === code)?.name ?? '名录中没有此代码'}（${code}）及以下`;
  const scopeOf = (u: User) => [...u.regions.map(regionName), ...u.bodies.map(name)].join('、') || '—';

  const toggle = async (u: User) => {
    const disabling = !u.disabled;
    if (disabling && !window.confirm(`停用账号 ${u.username}（${u.displayName}）？停用后该账号的登录立即失效，不能再登录，直到重新启用。`)) return;
    if (await act(() => put(`/api/admin/users/${u.id}/disabled`, { disabled: disabling }), disabling ? `已停用账号 ${u.username}，其登录已全部失效` : `已启用账号 ${u.username}`)) await reload();
  };
  const reset = async (u: User) => {
    if (!window.confirm(`重置账号 ${u.username}（${u.displayName}）的密码？原密码立即失效，该账号的登录全部退出。`)) return;
    try {
      const { password } = await post<{ password: string }>(`/api/admin/users/${u.id}/password-reset`);
      setMessage({ kind: 'success', text: `已重置账号 ${u.username} 的密码。一次性密码：`, code: password });
      await reload();
    } catch (err) {
      setMessage({ kind: 'error', text: err instanceof ApiFailure ? err.message : '重置失败，请稍后再试' });
    }
  };

  return (
    <section aria-labelledby="users-h">
      <h2 id="users-h">账号列表</h2>
      {message && (
        <Notice kind={message.kind}>
          {message.text}
          {message.code && (
            <>
              <strong className="one-time-password" aria-label="一次性密码">
                {' '}
                <code>{message.code}</code>
              </strong>
              <br />
              请当面或电话告知本人。此密码只显示这一次，只能登录一次；登录后须立即设置自己的新密码。
            </>
          )}
        </Notice>
      )}
      <div className="table-wrap">
        <table className="data users-table">
          <caption className="sr-only">账号列表</caption>
          <thead>
            <tr>
              <th scope="col">用户名</th>
              <th scope="col">姓名或单位</th>
              <th scope="col">角色</th>
              <th scope="col">机关或监督范围</th>
              <th scope="col">状态</th>
              <th scope="col">最近登录</th>
              <th scope="col">操作</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <td><Id>{u.username}</Id></td>
                <td>{u.displayName}</td>
                <td>{ROLE_LABELS[u.role]}</td>
                <td>{scopeOf(u)}</td>
                <td>{statusOf(u)}</td>
                <td className="nowrap">{u.lastSignInAt ? beijing(u.lastSignInAt) : '从未登录'}</td>
                <td>
                  {editing === u.id ? (
                    <EditAccount
                      user={u}
                      regions={regions}
                      act={act}
                      onDone={async (changed) => {
                        setEditing(null);
                        if (changed) await reload();
                      }}
                    />
                  ) : (
                    <div className="actions">
                      <button type="button" className="secondary" onClick={() => setEditing(u.id)} aria-label={`修改 ${u.displayName}`}>
                        修改
                      </button>
                      {u.username !== me?.username && (
                        <button type="button" className="secondary" onClick={() => void toggle(u)} aria-label={`${u.disabled ? '启用' : '停用'} ${u.displayName}`}>
                          {u.disabled ? '启用' : '停用'}
                        </button>
                      )}
                      <button type="button" className="secondary" onClick={() => void reset(u)} aria-label={`重置密码 ${u.displayName}`}>
                        重置密码
                      </button>
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Locks({ locks, reload }: { locks: Lock[]; reload(): Promise<void> }) {
  const [message, setMessage] = useState<Message>(null);
  const act = useAction(setMessage);
  const clear = async (l: Lock) => {
    if (await act(() => del(`/api/admin/sign-in-locks/${l.kind}/${encodeURIComponent(l.key)}`), `已解除${l.kindLabel} ${l.key} 的登录锁定`)) await reload();
  };
  return (
    <section aria-labelledby="locks-h">
      <h2 id="locks-h">登录锁定</h2>
      <p>
        同一账号连续输错密码 5 次、同一来源地址输错 30 次后，暂停登录 1 分钟；此后每再错一次，暂停时间加倍，最长 1 小时。解除锁定会同时清零失败次数。
      </p>
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
      {locks.length === 0 ? (
        <p>目前没有被锁定的账号或来源地址。</p>
      ) : (
        <div className="table-wrap">
          <table className="data users-table">
            <caption className="sr-only">被锁定的账号和来源地址</caption>
            <thead>
              <tr>
                <th scope="col">类型</th>
                <th scope="col">账号或地址</th>
                <th scope="col">失败次数</th>
                <th scope="col">最近一次失败</th>
                <th scope="col">锁定至</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {locks.map((l) => (
                <tr key={`${l.kind}:${l.key}`}>
                  <td>{l.kindLabel}</td>
                  <td>{l.key}</td>
                  <td>{l.failures}</td>
                  <td className="nowrap">{beijing(l.lastFailureAt)}</td>
                  <td className="nowrap">{beijing(l.lockedUntil)}</td>
                  <td>
                    <button type="button" className="secondary" onClick={() => void clear(l)} aria-label={`解除锁定 ${l.key}`}>
                      解除锁定
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export default function UsersPage(_props: PageProps) {
  const users = useGet<User[]>('/api/admin/users');
  const bodies = useGet<Body[]>('/api/bodies');
  const locks = useGet<Lock[]>('/api/admin/sign-in-locks');
  // The directory names observed bodies too (the public list has only those that work here).
  const directory = useGet<{ regions: Region[]; bodies: Body[] }>('/api/admin/directory');
  const regions = directory.data?.regions ?? [];
  const named = bodies.data && [...bodies.data, ...(directory.data?.bodies ?? [])];
  const reload = async () => {
    await Promise.all([users.reload(), locks.reload()]);
  };
  const error = users.error ?? bodies.error ?? locks.error;
  return (
    <>
      <PageTitle>账号管理</PageTitle>
      <p>
        <Link to="/admin">返回系统管理</Link>
      </p>
      {error && <Notice kind="error">{error}</Notice>}
      <NewAccount reload={reload} regions={regions} />
      {users.data && named ? <Accounts users={users.data} bodies={named} regions={regions} reload={reload} /> : !error && <Loading what="账号" />}
      {locks.data && <Locks locks={locks.data} reload={locks.reload} />}
    </>
  );
}
