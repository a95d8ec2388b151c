/**
 * What the applicant can do online: send the 补正 the body asked for (条例第三十条), and withdraw
 * the application after confirming. Both answer with the updated status.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiFailure, post } from '../../api.js';
import { Field, Notice } from '../../components/ui.js';
import { chineseDate } from '../../components/public/dates.js';
import type { PublicStatus } from '../../components/public/types.js';
import { LIMITS } from '../../../../src/register/public-form.js';

interface ActionProps {
  status: PublicStatus;
  code: string;
  onDone: (next: PublicStatus, message: string) => void;
}

const failureText = (err: unknown) => (err instanceof ApiFailure ? err.message : '操作失败，请检查网络后重试');
const pathOf = (id: string, action: string) => `/api/public/applications/${encodeURIComponent(id)}/${action}`;

export function CorrectionForm({ status, code, onDone }: ActionProps) {
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure('');
    if (text.trim().length < 2) {
      setError('请填写补正内容：按补正通知写明所需政府信息的名称、文号或其他特征性描述');
      return;
    }
    setError('');
    setBusy(true);
    try {
      onDone(await post<PublicStatus>(pathOf(status.id, 'correction'), { code, text }), '补正内容已提交。答复期限自今日起重新计算，请查看新的答复期限。');
    } catch (err) {
      setFailure(failureText(err));
    } finally {
      setBusy(false);
    }
  };
  const c = status.correction!;
  return (
    <section className="public-section" aria-labelledby="correction-heading">
      <h2 id="correction-heading">在线补正</h2>
      <Notice kind="warning">
        行政机关于{chineseDate(c.requestedOn)}通知您补正申请。{c.note ? <>需要补正的内容：<strong>{c.note}</strong>。</> : '请按补正通知书的要求补正。'}
        逾期无正当理由不补正的，视为放弃申请（条例第三十条）。
      </Notice>
      {failure && <Notice kind="error">{failure}</Notice>}
      <form onSubmit={submit} noValidate>
        <Field label="补正内容（必填）" hint={`提交后，答复期限自收到补正之日起重新计算。不超过 ${LIMITS.correction} 字。`} error={error}>
          {(p) => <textarea {...p} name="correction" aria-required="true" rows={5} maxLength={LIMITS.correction} value={text} onChange={(e) => setText(e.target.value)} />}
        </Field>
        <div className="submit-row">
          <button type="submit" disabled={busy}>{busy ? '正在提交…' : '提交补正'}</button>
        </div>
      </form>
    </section>
  );
}

export function WithdrawPanel({ status, code, onDone }: ActionProps) {
  const [asking, setAsking] = useState(false);
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState(false);
  const question = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (asking) question.current?.focus();
  }, [asking]);
  const confirm = async () => {
    setBusy(true);
    setFailure('');
    try {
      onDone(await post<PublicStatus>(pathOf(status.id, 'withdraw'), { code }), '申请已撤回，行政机关不再办理。');
    } catch (err) {
      setFailure(failureText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="public-section" aria-labelledby="withdraw-heading">
      <h2 id="withdraw-heading">撤回申请</h2>
      <p>答复之前，您可以撤回申请。撤回后行政机关不再办理，撤回不能取消；如仍需要该信息，需重新申请。</p>
      {failure && <Notice kind="error">{failure}</Notice>}
      {!asking ? (
        <button type="button" className="secondary" onClick={() => setAsking(true)}>
          撤回申请
        </button>
      ) : (
        <div className="notice notice-warning">
          <p ref={question} tabIndex={-1}>
            <strong>确定要撤回申请 {status.id} 吗？</strong>
          </p>
          <div className="actions">
            <button type="button" onClick={confirm} disabled={busy}>
              {busy ? '正在撤回…' : '确认撤回'}
            </button>
            <button type="button" className="secondary" onClick={() => setAsking(false)} disabled={busy}>
              不撤回
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
