/**
 * /status: look up an application by its number and query code; see its status, timeline and due
 * date; send a 补正 when asked; withdraw it. The code stays in the page's memory, never in the
 * address.
 */
import { useRef, useState, type FormEvent } from 'react';
import { ApiFailure, post } from '../../api.js';
import { Field, Notice, PageTitle } from '../../components/ui.js';
import '../../components/public/public.css';
import type { PublicStatus } from '../../components/public/types.js';
import type { PageProps } from '../../routes.js';
import { Link, useLocation } from '../../router.js';
import { queryCodeProblem } from '../../../../src/register/public-form.js';
import { CorrectionForm, WithdrawPanel } from './Actions.js';
import { StatusView } from './StatusView.js';

export default function StatusPage(_props: PageProps) {
  const { search } = useLocation();
  const [id, setId] = useState(() => search.get('id') ?? '');
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<{ id?: string; code?: string }>({});
  const [failure, setFailure] = useState('');
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ status: PublicStatus; code: string } | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  const lookup = async (e: FormEvent) => {
    e.preventDefault();
    setFailure('');
    setMessage('');
    const found = { ...(id.trim() ? {} : { id: '请填写申请编号' }), ...(queryCodeProblem(code) ? { code: queryCodeProblem(code) } : {}) };
    setErrors(found);
    if (found.id || found.code) {
      document.querySelector<HTMLElement>(`[name="${found.id ? 'applicationId' : 'queryCode'}"]`)?.focus();
      return;
    }
    setBusy(true);
    try {
      const status = await post<PublicStatus>(`/api/public/applications/${encodeURIComponent(id.trim())}/status`, { code });
      setResult({ status, code });
      requestAnimationFrame(() => heading.current?.focus());
    } catch (err) {
      setResult(null);
      setFailure(err instanceof ApiFailure ? err.message : '查询失败，请检查网络后重试');
    } finally {
      setBusy(false);
    }
  };

  const done = (next: PublicStatus, text: string) => {
    setResult((r) => (r ? { ...r, status: next } : r));
    setMessage(text);
    // The form or button just used is gone: continue from the updated status.
    requestAnimationFrame(() => heading.current?.focus());
  };

  return (
    <section className="public-page">
      <PageTitle>办理查询</PageTitle>
      <p>凭提交申请时获得的申请编号和查询码，查询办理进度和答复期限，在线补正或撤回申请。</p>
      <form onSubmit={lookup} noValidate aria-label="查询申请">
        <Field label="申请编号" hint={<>例如 <code>yl-2026-0001</code></>} error={errors.id}>
          {(p) => <input {...p} name="applicationId" aria-required="true" autoComplete="off" spellCheck={false} value={id} onChange={(e) => setId(e.target.value)} />}
        </Field>
        <Field label="查询码" hint="12位字母和数字，可不输入短横线，不区分大小写" error={errors.code}>
          {(p) => <input {...p} name="queryCode" aria-required="true" autoComplete="off" autoCapitalize="characters" spellCheck={false} value={code} onChange={(e) => setCode(e.target.value)} />}
        </Field>
        <div className="submit-row">
          <button type="submit" disabled={busy}>{busy ? '正在查询…' : '查询'}</button>
        </div>
      </form>
      {failure && <Notice kind="error">{failure}</Notice>}
      {!result && (
        <p className="hint">
          还没有申请？<Link to="/apply">在线申请政府信息公开</Link>
        </p>
      )}
      {result && (
        <>
          {message && <Notice kind="success">{message}</Notice>}
          <StatusView ref={heading} status={result.status} />
          {result.status.canCorrect && <CorrectionForm status={result.status} code={result.code} onDone={done} />}
          {result.status.canWithdraw && <WithdrawPanel status={result.status} code={result.code} onDone={done} />}
        </>
      )}
    </section>
  );
}
