/**
 * The application form of 条例第二十九条. Checked in the browser with the same rules and Chinese
 * messages as the server (src/register/public-form.ts): each message beside its field, a summary
 * announced at the top, and the focus on the first field to fix.
 */
import { useRef, useState, type FormEvent } from 'react';
import { ApiFailure, post } from '../../api.js';
import { Field, Notice } from '../../components/ui.js';
import type { FormInfo, Submitted } from '../../components/public/types.js';
import { checkApplicationInput, DESCRIPTION_MIN, idKindsFor, isPerson, LIMITS, type ApplicationField, type ApplicationInput } from '../../../../src/register/public-form.js';
import { BodyChooser } from './BodyChooser.js';

type Values = Required<ApplicationInput>;
type Problems = Partial<Record<ApplicationField | 'readNotice', string>>;

/** Fields in the order they appear, for the summary and the focus. */
const ORDER: (ApplicationField | 'readNotice')[] = ['bodyId', 'applicantType', 'name', 'idKind', 'idNumber', 'contactPerson', 'phone', 'email', 'address', 'description', 'form', 'delivery', 'readNotice'];

const EMPTY: Values = {
  bodyId: '',
  applicantType: 'naturalPerson',
  name: '',
  idKind: 'resident',
  idNumber: '',
  contactPerson: '',
  phone: '',
  email: '',
  address: '',
  description: '',
  form: '',
  delivery: '',
};

function problemsOf(values: Values, readNotice: boolean, info: FormInfo): Problems {
  const problems: Problems = checkApplicationInput(values, info.applicantTypes.map((t) => t.key));
  if (!readNotice) problems.readNotice = '请先阅读上方的申请须知，并勾选确认';
  return problems;
}

export function ApplicationForm({ info, onSubmitted }: { info: FormInfo; onSubmitted: (s: Submitted) => void }) {
  const [values, setValues] = useState<Values>(EMPTY);
  const [readNotice, setReadNotice] = useState(false);
  const [problems, setProblems] = useState<Problems>({});
  const [tried, setTried] = useState(false);
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  const person = isPerson(values.applicantType);
  const idKinds = idKindsFor(values.applicantType);

  // After a first attempt, messages follow the typing: a fixed field loses its message at once.
  const update = (patch: Partial<Values>) => {
    const next = { ...values, ...patch };
    setValues(next);
    if (tried) setProblems(problemsOf(next, readNotice, info));
  };
  const set = (field: ApplicationField) => (e: { target: { value: string } }) => update({ [field]: e.target.value });
  const setType = (type: string) => update({ applicantType: type, idKind: idKindsFor(type)[0]?.key ?? '' });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    setFailure('');
    const found = problemsOf(values, readNotice, info);
    setProblems(found);
    const first = ORDER.find((f) => found[f]);
    if (first) {
      formRef.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
      return;
    }
    setBusy(true);
    try {
      onSubmitted(await post<Submitted>('/api/public/applications', values));
    } catch (err) {
      setFailure(err instanceof ApiFailure ? err.message : '提交失败，请检查网络后重试');
    } finally {
      setBusy(false);
    }
  };

  const count = ORDER.filter((f) => problems[f]).length;
  return (
    <form ref={formRef} id="apply-form" onSubmit={submit} noValidate aria-label="政府信息公开申请表">
      {count > 0 && (
        <Notice kind="error">
          <div className="error-summary">
            <strong>申请表有 {count} 处需要修改：</strong>
            <ul>
              {ORDER.filter((f) => problems[f]).map((f) => (
                <li key={f}>{problems[f]}</li>
              ))}
            </ul>
          </div>
        </Notice>
      )}
      {failure && <Notice kind="error">{failure}</Notice>}

      <fieldset className="form-group">
        <legend>一、受理机关</legend>
        <BodyChooser value={values.bodyId} onChange={(id) => update({ bodyId: id })} error={problems.bodyId} />
      </fieldset>

      <fieldset className="form-group">
        <legend>二、申请人信息</legend>
        <Field label="申请人类型（必填）" hint="法人或其他组织请按单位性质选择" error={problems.applicantType}>
          {(p) => (
            <select {...p} name="applicantType" aria-required="true" value={values.applicantType} onChange={(e) => setType(e.target.value)}>
              {info.applicantTypes.map((t) => (
                <option key={t.key} value={t.key}>{t.label}</option>
              ))}
            </select>
          )}
        </Field>
        <Field label={person ? '姓名（必填）' : '单位名称（必填）'} error={problems.name}>
          {(p) => <input {...p} name="name" aria-required="true" autoComplete={person ? 'name' : 'organization'} maxLength={LIMITS.name} value={values.name} onChange={set('name')} />}
        </Field>
        <Field label="身份证明：证件类型（必填）" error={problems.idKind}>
          {(p) => (
            <select {...p} name="idKind" aria-required="true" value={values.idKind} onChange={set('idKind')}>
              {idKinds.map((k) => (
                <option key={k.key} value={k.key}>{k.label}</option>
              ))}
            </select>
          )}
        </Field>
        <Field label="证件号码（必填）" hint={person ? '查询时只显示部分数字' : '统一社会信用代码为18位'} error={problems.idNumber}>
          {(p) => <input {...p} name="idNumber" aria-required="true" autoComplete="off" autoCapitalize="characters" spellCheck={false} maxLength={LIMITS.idNumber} value={values.idNumber} onChange={set('idNumber')} />}
        </Field>
        {!person && (
          <Field label="联系人" hint="办理中与机关联系的人" error={problems.contactPerson}>
            {(p) => <input {...p} name="contactPerson" autoComplete="name" maxLength={LIMITS.contactPerson} value={values.contactPerson} onChange={set('contactPerson')} />}
          </Field>
        )}
        <Field label="联系电话（必填）" hint="手机号码，或带区号的固定电话" error={problems.phone}>
          {(p) => <input {...p} name="phone" type="tel" inputMode="tel" aria-required="true" autoComplete="tel" maxLength={LIMITS.phone} value={values.phone} onChange={set('phone')} />}
        </Field>
        <Field label="电子邮箱" hint="选择通过电子邮件获取信息时必填" error={problems.email}>
          {(p) => <input {...p} name="email" type="email" inputMode="email" aria-required={values.delivery === 'email'} autoComplete="email" maxLength={LIMITS.email} value={values.email} onChange={set('email')} />}
        </Field>
        <Field label="通信地址" hint="选择邮寄时必填，请写到门牌号" error={problems.address}>
          {(p) => <input {...p} name="address" aria-required={values.delivery === 'post'} autoComplete="street-address" maxLength={LIMITS.address} value={values.address} onChange={set('address')} />}
        </Field>
      </fieldset>

      <fieldset className="form-group">
        <legend>三、所需政府信息</legend>
        <Field
          label="所需政府信息的名称、文号或者便于查询的其他特征性描述（必填）"
          hint={`例如：“青禾县2025年云岭镇土地征收补偿安置方案（青政发〔2025〕8号）”。至少${DESCRIPTION_MIN}个字，已输入 ${values.description.trim().length} / ${LIMITS.description} 字。`}
          error={problems.description}
        >
          {(p) => <textarea {...p} name="description" aria-required="true" rows={5} value={values.description} onChange={set('description')} />}
        </Field>
        <Field label="所需信息的提供形式（必填）" error={problems.form}>
          {(p) => (
            <select {...p} name="form" aria-required="true" value={values.form} onChange={set('form')}>
              <option value="">请选择</option>
              {info.forms.map((f) => (
                <option key={f.key} value={f.key}>{f.label}</option>
              ))}
            </select>
          )}
        </Field>
        <Field label="获取信息的方式（必填）" error={problems.delivery}>
          {(p) => (
            <select {...p} name="delivery" aria-required="true" value={values.delivery} onChange={set('delivery')}>
              <option value="">请选择</option>
              {info.deliveries.map((d) => (
                <option key={d.key} value={d.key}>{d.label}</option>
              ))}
            </select>
          )}
        </Field>
      </fieldset>

      <div className="check-field">
        <Field label="我已阅读并理解上方的申请须知，会妥善保存申请编号和查询码" error={problems.readNotice}>
          {(p) => (
            <input
              {...p}
              name="readNotice"
              type="checkbox"
              aria-required="true"
              checked={readNotice}
              onChange={(e) => {
                setReadNotice(e.target.checked);
                if (tried) setProblems(problemsOf(values, e.target.checked, info));
              }}
            />
          )}
        </Field>
      </div>
      <div className="submit-row">
        <button type="submit" disabled={busy}>{busy ? '正在提交…' : '提交申请'}</button>
      </div>
    </form>
  );
}
