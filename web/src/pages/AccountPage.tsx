import { useState, type FormEvent } from 'react';
import { ApiFailure, post } from '../api.js';
import { Field, Id, Notice, PageTitle } from '../components/ui.js';
import { useSession } from '../session.js';

export default function AccountPage() {
  const { user, refresh } = useSession();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  // Signed in with a one-time password: the current one was spent at sign-in and is not asked.
  const mustChange = user?.mustChangePassword ?? false;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await post('/api/session/password', mustChange ? { next } : { current, next });
      await refresh();
      setMessage({ kind: 'success', text: mustChange ? '新密码已设置，现在可以正常使用系统了。' : '密码已修改，其他设备上的登录已退出。' });
      setCurrent('');
      setNext('');
    } catch (err) {
      setMessage({ kind: 'error', text: err instanceof ApiFailure ? err.message : '修改失败' });
    }
  };
  return (
    <section className="narrow">
      <PageTitle>我的账号</PageTitle>
      <p>
        {user?.displayName}（<Id>{user?.username}</Id>，{user?.roleLabel}）
      </p>
      <h2>{mustChange ? '设置新密码' : '修改密码'}</h2>
      {mustChange && <Notice kind="warning">管理员已重置您的密码，您刚才使用的一次性密码已经失效。请设置自己的新密码，设置后才能继续使用系统。</Notice>}
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
      <form onSubmit={submit}>
        {!mustChange && <Field label="当前密码">{(p) => <input {...p} type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} />}</Field>}
        <Field label="新密码" hint="至少 10 个字符">{(p) => <input {...p} type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} />}</Field>
        <button type="submit">{mustChange ? '设置新密码' : '修改密码'}</button>
      </form>
    </section>
  );
}
