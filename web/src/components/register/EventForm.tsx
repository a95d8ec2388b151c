/**
 * 登记办理事项: the officer picks one of the events the lifecycle allows next and fills in its
 * facts. The server checks the order again; its refusal (in Chinese) is shown as it comes.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { get, post } from '../../api.js';
import { Field, Notice } from '../ui.js';
import type { ApplicationDetail, EventKind, Vocabulary } from './types.js';

interface FieldDef {
  key: string;
  label: string;
  kind: 'date' | 'text' | 'textarea' | 'select' | 'number' | 'outcome';
  hint?: string;
  options?: [string, string][];
}

const date = (key: string, label: string, hint?: string): FieldDef => ({ key, label, kind: 'date', ...(hint ? { hint } : {}) });

function fieldsOf(kind: EventKind, v: Vocabulary): FieldDef[] {
  switch (kind) {
    case 'correctionRequested':
      return [
        date('on', '告知补正的日期', '条例第三十条：收到申请之日起7个工作日内一次性告知'),
        { key: 'note', label: '需要补正的事项', kind: 'textarea', hint: '写明需要补正的内容和合理的补正期限' },
      ];
    case 'correctionReceived':
      return [date('on', '收到补正的日期', '答复期限自收到补正后的申请之日起重新计算')];
    case 'consultation':
      return [
        { key: 'party', label: '征求意见的对象', kind: 'select', options: Object.entries(v.parties) },
        date('from', '开始日期', '第三方自收到征求意见书之日起15个工作日内提出意见（第三十二条）'),
        date('to', '结束日期', '征求意见所需时间不计入答复期限（第三十三条第三款）'),
      ];
    case 'extended':
      return [date('on', '延期日期'), { key: 'approvedBy', label: '批准人', kind: 'text', hint: '须经政府信息公开工作机构负责人同意并告知申请人，延长不超过20个工作日（第三十三条第二款）' }];
    case 'feeNotice':
      return [
        date('on', '发出收费通知的日期'),
        { key: 'method', label: '计收方式', kind: 'select', options: Object.entries(v.feeMethods), hint: '国办函〔2020〕109号；同一申请只能选择一种方式' },
        { key: 'pages', label: '提供的页数（按量计收）', kind: 'number' },
      ];
    case 'feePaid':
      return [date('on', '缴费日期')];
    case 'withdrawn':
      return [date('on', '撤回日期')];
    case 'replied':
      return [date('on', '答复日期'), { key: 'outcome', label: '办理结果（表三）', kind: 'outcome' }, { key: 'letterNo', label: '答复书文号', kind: 'text', hint: '例如：云政公复〔2026〕1号' }];
  }
}

function OutcomeSelect({ v, props, value, onChange }: { v: Vocabulary; props: object; value: string; onChange(x: string): void }) {
  const groups = [...new Set(v.outcomes.map((o) => o.group))];
  return (
    <select {...props} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">请选择</option>
      {groups.map((g) => {
        const rows = v.outcomes.filter((o) => o.group === g);
        if (rows.length === 1 && rows[0]!.label === g) {
          return (
            <option key={g} value={rows[0]!.key}>
              {g}
            </option>
          );
        }
        return (
          <optgroup key={g} label={g}>
            {rows.map((o) => (
              <option key={o.key} value={o.key}>
                {o.label}
              </option>
            ))}
          </optgroup>
        );
      })}
    </select>
  );
}

function Input({ def, v, value, onChange }: { def: FieldDef; v: Vocabulary; value: string; onChange(x: string): void }) {
  return (
    <Field label={def.label} {...(def.hint ? { hint: def.hint } : {})}>
      {(p) => {
        switch (def.kind) {
          case 'textarea':
            return <textarea {...p} value={value} onChange={(e) => onChange(e.target.value)} />;
          case 'select':
            return (
              <select {...p} value={value} onChange={(e) => onChange(e.target.value)}>
                {def.options!.map(([k, l]) => (
                  <option key={k} value={k}>
                    {l}
                  </option>
                ))}
              </select>
            );
          case 'outcome':
            return <OutcomeSelect v={v} props={p} value={value} onChange={onChange} />;
          case 'number':
            return <input {...p} type="number" min={0} inputMode="numeric" value={value} onChange={(e) => onChange(e.target.value)} />;
          default:
            return <input {...p} type={def.kind} {...(def.kind === 'date' && def.key !== 'to' ? { max: v.today } : {})} value={value} onChange={(e) => onChange(e.target.value)} />;
        }
      }}
    </Field>
  );
}

function defaults(kind: EventKind, v: Vocabulary): Record<string, string> {
  const values: Record<string, string> = {};
  for (const f of fieldsOf(kind, v)) values[f.key] = f.kind === 'date' ? v.today : f.kind === 'select' ? (f.options?.[0]?.[0] ?? '') : '';
  return values;
}

/** The 信息处理费 the server would charge, shown before the notice is recorded. */
function FeeQuote({ id, method, pages }: { id: string; method: string; pages: string }) {
  const [text, setText] = useState<string | null>(null);
  useEffect(() => {
    if (method === 'perVolume' && pages === '') {
      setText(null);
      return;
    }
    const q = new URLSearchParams({ method, ...(method === 'perVolume' ? { pages } : {}) });
    get<{ amountYuan: number; explanation: string }>(`/api/applications/${encodeURIComponent(id)}/fee-quote?${q}`)
      .then((r) => setText(r.amountYuan > 0 ? r.explanation : `${r.explanation}。按标准不收费，无需发出收费通知。`))
      .catch((e: Error) => setText(e.message));
  }, [id, method, pages]);
  return text ? <Notice kind="info">{text}</Notice> : null;
}

function payloadOf(kind: EventKind, values: Record<string, string>): Record<string, unknown> {
  const body: Record<string, unknown> = { kind };
  for (const [k, x] of Object.entries(values)) {
    if (x.trim() === '') continue;
    if (k === 'pages') {
      if (values.method === 'perVolume') body.pages = Number(x);
    } else body[k] = x.trim();
  }
  if (kind === 'extended' && body.approvedBy === undefined) body.approvedBy = '';
  return body;
}

export function EventForm({ detail, v, onRecorded }: { detail: ApplicationDetail; v: Vocabulary; onRecorded(d: ApplicationDetail, what: string): void }) {
  const [kind, setKind] = useState<EventKind | ''>('');
  const [values, setValues] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const choose = (k: EventKind | '') => {
    setKind(k);
    setFailure(null);
    setValues(k ? defaults(k, v) : {});
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!kind) return;
    setBusy(true);
    setFailure(null);
    try {
      const d = await post<ApplicationDetail>(`/api/applications/${encodeURIComponent(detail.id)}/events`, payloadOf(kind, values));
      onRecorded(d, v.events[kind]);
      choose('');
    } catch (err) {
      setFailure((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="narrow" onSubmit={submit} aria-label="登记办理事项">
      <Field label="要登记的事项">
        {(p) => (
          <select {...p} value={kind} onChange={(e) => choose(e.target.value as EventKind | '')}>
            <option value="">请选择</option>
            {detail.allowed.map((k) => (
              <option key={k} value={k}>
                {v.events[k]}
              </option>
            ))}
          </select>
        )}
      </Field>
      {kind &&
        fieldsOf(kind, v)
          .filter((f) => f.key !== 'pages' || values.method === 'perVolume')
          .map((f) => <Input key={`${kind}-${f.key}`} def={f} v={v} value={values[f.key] ?? ''} onChange={(x) => setValues((s) => ({ ...s, [f.key]: x }))} />)}
      {kind === 'feeNotice' && values.method && <FeeQuote id={detail.id} method={values.method} pages={values.pages ?? ''} />}
      {failure && <Notice kind="error">{failure}</Notice>}
      {kind && (
        <div className="actions">
          <button type="submit" disabled={busy}>
            登记
          </button>
        </div>
      )}
    </form>
  );
}
