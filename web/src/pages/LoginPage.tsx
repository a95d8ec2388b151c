import { useState, type FormEvent } from 'react';
import { ApiFailure, post } from '../api.js';
import { Field, Notice, PageTitle } from '../components/ui.js';
import { navigate } from '../router.js';
import { useSession, type SessionUser } from '../session.js';

/** Where each role starts after signing in. */
export const HOME_OF: Record<SessionUser['role'], string> = {
  officer: '/officer',
  reviewer: '/officer',
  supervisor: '/supervisor',
  admin: '/admin',
};

export default function LoginPage() {
  const { refresh } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const next = new URLSearchParams(location.search).get('next');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError('');
    try {
      const s = await post<{ user: SessionUser }>('/api/session', { username, password });
      await refresh();
      // A password the administrator reset: the new one first, everything else after.
      if (s.user.mustChangePassword) return navigate('/account');
      navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : HOME_OF[s.user.role]);
    } catch (err) {
      setError(err instanceof ApiFailure ? err.message : '登录失败，请稍后再试');
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="narrow">
      <PageTitle>工作人员登录</PageTitle>
      <p>申请人无需登录：提交申请后凭申请编号和查询码查询办理情况。</p>
      {next && !error && <Notice kind="info">该页面需要登录。您可能尚未登录，或登录已失效（超时、已在别处退出、账号被停用或密码被重置），请登录后继续。</Notice>}
      {error && <Notice kind="error">{error}</Notice>}
      <form onSubmit={submit} noValidate>
        <Field label="用户名">{(p) => <input {...p} name="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required />}</Field>
        <Field label="密码">{(p) => <input {...p} name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />}</Field>
        <button type="submit" disabled={busy}>{busy ? '正在登录…' : '登录'}</button>
      </form>
    </section>
  );
}
