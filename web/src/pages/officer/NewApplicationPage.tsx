/**
 * 登记新申请 (条例第二十九条): who applies, what they seek, in which form, and how it arrived. The
 * date of receipt is not typed: the officer enters what happened (the day it arrived, and for
 * post, fax and online applications the day it was signed for or confirmed) and 第三十一条
 * fixes the date — shown here as it will be recorded. The number comes from the server.
 */
import { useState, type FormEvent } from 'react';
import { post } from '../../api.js';
import { bodyOf } from '../../components/office-body.js';
import { useVocabulary } from '../../components/register/common.js';
import type { Vocabulary } from '../../components/register/types.js';
import { Field, Loading, Notice, PageTitle } from '../../components/ui.js';
import type { PageProps } from '../../routes.js';
import { Link, navigate, useLocation } from '../../router.js';
import { useSession } from '../../session.js';

// The same words the public form keeps in the register (src/register/public-form.ts).
const FORMS = ['纸质', '电子数据', '现场查阅、抄录'];
const DELIVERIES = ['邮寄', '电子邮件', '自行领取'];

interface Draft {
  type: string;
  name: string;
  idNumber: string;
  contact: string;
  description: string;
  form: string;
  delivery: string;
  channel: string;
  arrivedOn: string;
  signedForOn: string;
  confirmedOn: string;
}

/** What the second date of each channel is called (第三十一条); none for 当面. */
const SECOND_DATE: Record<string, { key: 'signedForOn' | 'confirmedOn'; label: string; required: boolean } | undefined> = {
  postSigned: { key: 'signedForOn', label: '签收日期', required: false },
  ordinaryLetter: { key: 'confirmedOn', label: '与申请人确认的日期', required: true },
  online: { key: 'confirmedOn', label: '双方确认的日期', required: true },
  fax: { key: 'confirmedOn', label: '双方确认的日期', required: true },
};

const ARRIVED_LABEL: Record<string, string> = { inPerson: '提交日期', postSigned: '信件到达日期', ordinaryLetter: '信件到达日期', online: '申请到达日期', fax: '传真到达日期' };

/** The date of receipt as the server will fix it (register/receipt.ts), or null while a date is missing. */
function receivedOf(d: Draft): string | null {
  if (d.channel === 'inPerson') return d.arrivedOn || null;
  if (d.channel === 'postSigned') return d.signedForOn || d.arrivedOn || null;
  return d.confirmedOn || null;
}

function ApplicantFields({ d, set, v, errors }: { d: Draft; set(p: Partial<Draft>): void; v: Vocabulary; errors: Partial<Record<keyof Draft, string>> }) {
  const person = v.applicantTypes.filter((t) => !t.organisation);
  const orgs = v.applicantTypes.filter((t) => t.organisation);
  return (
    <fieldset>
      <legend>申请人</legend>
      <Field label="申请人类型">
        {(p) => (
          <select {...p} value={d.type} onChange={(e) => set({ type: e.target.value })}>
            {person.map((t) => (
              <option key={t.key} value={t.key}>
                {t.label}
              </option>
            ))}
            <optgroup label="法人或其他组织">
              {orgs.map((t) => (
                <option key={t.key} value={t.key}>
                  {t.label}
                </option>
              ))}
            </optgroup>
          </select>
        )}
      </Field>
      <Field label="姓名或名称" error={errors.name}>
        {(p) => <input {...p} value={d.name} autoComplete="off" onChange={(e) => set({ name: e.target.value })} />}
      </Field>
      <Field label="身份证件号码" hint="自然人填写身份证件号码；法人或其他组织可填写统一社会信用代码（条例第二十九条：身份证明）">
        {(p) => <input {...p} value={d.idNumber} autoComplete="off" onChange={(e) => set({ idNumber: e.target.value })} />}
      </Field>
      <Field label="联系方式" hint="电话、通信地址或电子邮箱">
        {(p) => <input {...p} value={d.contact} autoComplete="off" onChange={(e) => set({ contact: e.target.value })} />}
      </Field>
    </fieldset>
  );
}

function RequestFields({ d, set, errors }: { d: Draft; set(p: Partial<Draft>): void; errors: Partial<Record<keyof Draft, string>> }) {
  const choice = (label: string, key: 'form' | 'delivery', options: string[]) => (
    <Field label={label}>
      {(p) => (
        <select {...p} value={d[key]} onChange={(e) => set({ [key]: e.target.value })}>
          <option value="">未指定</option>
          {options.map((o) => (
            <option key={o}>{o}</option>
          ))}
        </select>
      )}
    </Field>
  );
  return (
    <fieldset>
      <legend>所需政府信息</legend>
      <Field label="所需政府信息的名称、文号或描述" error={errors.description}>
        {(p) => <textarea {...p} value={d.description} onChange={(e) => set({ description: e.target.value })} />}
      </Field>
      {choice('所需信息的形式', 'form', FORMS)}
      {choice('获取信息的方式', 'delivery', DELIVERIES)}
    </fieldset>
  );
}

function ArrivalFields({ d, set, v, errors }: { d: Draft; set(p: Partial<Draft>): void; v: Vocabulary; errors: Partial<Record<keyof Draft, string>> }) {
  const channel = v.channels.find((c) => c.key === d.channel);
  const second = SECOND_DATE[d.channel];
  const received = receivedOf(d);
  return (
    <fieldset>
      <legend>提交渠道和收到日期（条例第三十一条）</legend>
      <Field label="提交渠道" hint={channel?.rule}>
        {(p) => (
          <select {...p} value={d.channel} onChange={(e) => set({ channel: e.target.value })}>
            {v.channels.map((c) => (
              <option key={c.key} value={c.key}>
                {c.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={ARRIVED_LABEL[d.channel] ?? '到达日期'} error={errors.arrivedOn}>
        {(p) => <input {...p} type="date" max={v.today} value={d.arrivedOn} onChange={(e) => set({ arrivedOn: e.target.value })} />}
      </Field>
      {second && (
        <Field label={second.label} hint={second.required ? '必填' : '未填写时以到达日期为签收日期'} error={errors[second.key]}>
          {(p) => <input {...p} type="date" max={v.today} value={d[second.key]} onChange={(e) => set({ [second.key]: e.target.value })} />}
        </Field>
      )}
      <p role="status">{received ? <>收到申请之日：<strong>{received}</strong>，答复期限自次日起计算。</> : '填写确认日期后得出收到申请之日。'}</p>
    </fieldset>
  );
}

function check(d: Draft): Partial<Record<keyof Draft, string>> {
  const errors: Partial<Record<keyof Draft, string>> = {};
  if (!d.name.trim()) errors.name = '请填写申请人姓名或名称';
  if (!d.description.trim()) errors.description = '请填写所需政府信息的名称、文号或描述';
  if (!d.arrivedOn) errors.arrivedOn = '请填写日期';
  const second = SECOND_DATE[d.channel];
  if (second?.required && !d[second.key]) errors[second.key] = `请填写${second.label}`;
  return errors;
}

function NewApplicationForm({ bodyId, v }: { bodyId: string; v: Vocabulary }) {
  const [d, setD] = useState<Draft>({ type: 'naturalPerson', name: '', idNumber: '', contact: '', description: '', form: '', delivery: '', channel: 'inPerson', arrivedOn: v.today, signedForOn: '', confirmedOn: '' });
  const [errors, setErrors] = useState<Partial<Record<keyof Draft, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (p: Partial<Draft>) => setD((x) => ({ ...x, ...p }));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found = check(d);
    setErrors(found);
    setFailure(Object.keys(found).length ? '请按提示补全后再提交。' : null);
    if (Object.keys(found).length) return;
    const second = SECOND_DATE[d.channel];
    const opt = (s: string) => s.trim() || undefined;
    setBusy(true);
    try {
      const { id } = await post<{ id: string }>(`/api/bodies/${encodeURIComponent(bodyId)}/applications`, {
        applicant: { type: d.type, name: d.name.trim(), idNumber: opt(d.idNumber), contact: opt(d.contact) },
        description: d.description.trim(),
        form: opt(d.form),
        delivery: opt(d.delivery),
        channel: d.channel,
        arrivedOn: d.arrivedOn,
        ...(second && d[second.key] ? { [second.key]: d[second.key] } : {}),
      });
      navigate(`/officer/applications/${encodeURIComponent(id)}?registered=1`);
    } catch (err) {
      setFailure((err as Error).message);
      setBusy(false);
    }
  };
  return (
    <form className="narrow" onSubmit={submit} noValidate>
      <ApplicantFields d={d} set={set} v={v} errors={errors} />
      <RequestFields d={d} set={set} errors={errors} />
      <ArrivalFields d={d} set={set} v={v} errors={errors} />
      {failure && <Notice kind="error">{failure}</Notice>}
      <div className="actions">
        <button type="submit" disabled={busy}>
          登记
        </button>
        <Link to="/officer" className="button secondary">
          返回台账
        </Link>
      </div>
    </form>
  );
}

export default function NewApplicationPage(_props: PageProps) {
  const { user } = useSession();
  const { search } = useLocation();
  const bodyId = bodyOf(user, search);
  const { data: v, error } = useVocabulary();
  return (
    <>
      <PageTitle>登记新申请</PageTitle>
      {error && <Notice kind="error">{error}</Notice>}
      {!bodyId ? <Notice kind="error">您的账号没有所属机关，不能登记申请。</Notice> : v ? <NewApplicationForm bodyId={bodyId} v={v} /> : <Loading what="表单" />}
    </>
  );
}
