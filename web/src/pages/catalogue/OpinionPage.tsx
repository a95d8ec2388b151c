/**
 * /opinions: the opinion box (意见箱). Anyone leaves an opinion, a complaint or a report about a
 * body's disclosure work and gets a number and a query code; with both they read the body's
 * answer here. The code stays in the page's memory, never in the address.
 */
import { useRef, useState, type FormEvent } from 'react';
import { ApiFailure, post } from '../../api.js';
import { BodyPicker, chineseDate } from '../../components/catalogue-public/common.js';
import type { OpinionSubmitted, OpinionView } from '../../components/catalogue-public/types.js';
import '../../components/catalogue-public/catalogue-public.css';
import { Field, Id, Notice, PageTitle } from '../../components/ui.js';
import type { PageProps } from '../../routes.js';
import { checkOpinionInput, OPINION_KINDS, OPINION_LIMITS, type OpinionFieldErrors, type OpinionInput } from '../../../../src/catalogue/opinions.js';
import { queryCodeProblem } from '../../../../src/register/public-form.js';

const EMPTY: OpinionInput = { bodyId: '', kind: 'suggestion', subject: '', text: '', name: '', contact: '' };
const ORDER: (keyof OpinionInput)[] = ['bodyId', 'kind', 'subject', 'text', 'name', 'contact'];

function OpinionForm({ onDone }: { onDone(s: OpinionSubmitted): void }) {
  const [input, setInput] = useState<OpinionInput>(EMPTY);
  const [errors, setErrors] = useState<OpinionFieldErrors>({});
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState(false);
  const set = (k: keyof OpinionInput) => (v: string) => setInput((x) => ({ ...x, [k]: v }));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure('');
    const found = checkOpinionInput(input);
    setErrors(found);
    const first = ORDER.find((k) => found[k]);
    if (first) {
      setFailure(`表单有 ${Object.keys(found).length} 处需要修改`);
      document.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
      return;
    }
    setBusy(true);
    try {
      onDone(await post<OpinionSubmitted>('/api/opinions', input));
    } catch (err) {
      setFailure(err instanceof ApiFailure ? err.message : '提交失败，请检查网络后重试');
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="leave-h">
      <h2 id="leave-h">提出意见、投诉或举报</h2>
      <BodyPicker label="涉及的机关（必填）" value={input.bodyId} onChange={set('bodyId')} error={errors.bodyId} />
      <Field label="类别（必填）" error={errors.kind}>
        {(p) => (
          <select {...p} name="kind" value={input.kind} onChange={(e) => set('kind')(e.target.value)}>
            {OPINION_KINDS.map((k) => (
              <option key={k.key} value={k.key}>
                {k.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="标题（必填）" error={errors.subject}>
        {(p) => <input {...p} name="subject" aria-required="true" maxLength={OPINION_LIMITS.subject + 20} value={input.subject} onChange={(e) => set('subject')(e.target.value)} />}
      </Field>
      <Field label="具体内容（必填）" hint="请写明涉及的信息、时间、经过和您的诉求" error={errors.text}>
        {(p) => <textarea {...p} name="text" aria-required="true" rows={6} value={input.text} onChange={(e) => set('text')(e.target.value)} />}
      </Field>
      <Field label="姓名（选填）" hint="可以匿名；留下姓名和联系方式便于机关联系您核实" error={errors.name}>
        {(p) => <input {...p} name="name" autoComplete="name" value={input.name} onChange={(e) => set('name')(e.target.value)} />}
      </Field>
      <Field label="联系方式（选填）" hint="电话或电子邮箱，仅本机关经办人可见" error={errors.contact}>
        {(p) => <input {...p} name="contact" autoComplete="tel" value={input.contact} onChange={(e) => set('contact')(e.target.value)} />}
      </Field>
      {failure && <Notice kind="error">{failure}</Notice>}
      <div className="actions">
        <button type="submit" disabled={busy}>
          {busy ? '正在提交…' : '提交'}
        </button>
      </div>
    </form>
  );
}

function Submitted({ s }: { s: OpinionSubmitted }) {
  return (
    <section aria-labelledby="done-h">
      <h2 id="done-h" tabIndex={-1}>
        已提交
      </h2>
      <Notice kind="success">
        您的意见已于{chineseDate(s.receivedOn)}提交给{s.bodyName}。
      </Notice>
      <dl className="receipt-box">
        <dt>编号</dt>
        <dd className="ref-no"><Id>{s.refNo}</Id></dd>
        <dt>查询码</dt>
        <dd className="query-code">{s.queryCode}</dd>
      </dl>
      <Notice kind="warning">
        <strong>请抄写或截图保存编号和查询码。</strong>查询码只显示这一次，凭编号和查询码在本页下方查看答复。
      </Notice>
    </section>
  );
}

function Lookup({ initialRef }: { initialRef: string }) {
  const [refNo, setRefNo] = useState(initialRef);
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<{ refNo?: string; code?: string }>({});
  const [failure, setFailure] = useState('');
  const [found, setFound] = useState<OpinionView | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure('');
    const problems = { ...(refNo.trim() ? {} : { refNo: '请填写编号' }), ...(queryCodeProblem(code) ? { code: queryCodeProblem(code)! } : {}) };
    setErrors(problems);
    if (problems.refNo || problems.code) return;
    try {
      setFound(await post<OpinionView>(`/api/opinions/${encodeURIComponent(refNo.trim())}/status`, { code }));
      requestAnimationFrame(() => heading.current?.focus());
    } catch (err) {
      setFound(null);
      setFailure(err instanceof ApiFailure ? err.message : '查询失败，请检查网络后重试');
    }
  };
  return (
    <section aria-labelledby="lookup-h" className="public-section">
      <h2 id="lookup-h">查看答复</h2>
      <form onSubmit={submit} noValidate aria-label="查看答复">
        <Field label="编号" hint={<>例如 <code>yl-YJ-2026-0001</code></>} error={errors.refNo}>
          {(p) => <input {...p} name="refNo" autoComplete="off" spellCheck={false} value={refNo} onChange={(e) => setRefNo(e.target.value)} />}
        </Field>
        <Field label="查询码" hint="12位字母和数字，可不输入短横线，不区分大小写" error={errors.code}>
          {(p) => <input {...p} name="code" autoComplete="off" autoCapitalize="characters" spellCheck={false} value={code} onChange={(e) => setCode(e.target.value)} />}
        </Field>
        <div className="actions">
          <button type="submit">查看</button>
        </div>
      </form>
      {failure && <Notice kind="error">{failure}</Notice>}
      {found && (
        <div className="opinion-card">
          <h3 ref={heading} tabIndex={-1}>
            <Id>{found.refNo}</Id>：{found.subject}
          </h3>
          <p className="hint">
            {found.kindLabel} · {found.bodyName} · {chineseDate(found.receivedOn)}提交
          </p>
          <p className="text">{found.text}</p>
          {found.answer ? (
            <div className="answer-box" role="region" aria-label="机关的答复">
              <p>
                <strong>{found.bodyName}于{chineseDate(found.answeredOn)}答复：</strong>
              </p>
              <p className="text">{found.answer}</p>
            </div>
          ) : (
            <p className="status-text">尚未答复，机关答复后可在此查看。</p>
          )}
        </div>
      )}
    </section>
  );
}

export default function OpinionPage(_props: PageProps) {
  const [submitted, setSubmitted] = useState<OpinionSubmitted | null>(null);
  const done = (s: OpinionSubmitted) => {
    setSubmitted(s);
    requestAnimationFrame(() => document.getElementById('done-h')?.focus());
  };
  return (
    <section className="cat-page">
      <PageTitle>意见箱</PageTitle>
      <p>对机关的政府信息公开工作有意见建议，或者认为机关未依法公开政府信息，可以在这里提出，机关会答复您。认为侵犯您合法权益的，也可以依法申请行政复议或者提起行政诉讼（见各机关的政府信息公开指南）。</p>
      {submitted ? <Submitted s={submitted} /> : <OpinionForm onDone={done} />}
      <Lookup key={submitted?.refNo ?? ''} initialRef={submitted?.refNo ?? ''} />
    </section>
  );
}
