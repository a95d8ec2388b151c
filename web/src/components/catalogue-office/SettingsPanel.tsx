/**
 * The body's catalogue settings: the index-number rule (with an example of the next number), the
 * review chain's steps and roles, who may take several of its steps (with a warning when the body
 * has fewer reviewers than the chain needs), and the re-examination period of withheld items
 * (第十八条). A changed chain applies to items in review from their next step.
 */
import { useState, type FormEvent } from 'react';
import { put } from '../../api.js';
import { SaveFailure } from '../save-failure.js';
import { Field, Loading, Notice } from '../ui.js';
import { useGet } from '../../hooks.js';
import type { Settings } from './types.js';

type Step = Settings['reviewSteps'][number];

function StepsEditor({ steps, set }: { steps: Step[]; set(s: Step[]): void }) {
  const update = (i: number, p: Partial<Step>) => set(steps.map((s, j) => (j === i ? { ...s, ...p } : s)));
  return (
    <fieldset>
      <legend>审核流程</legend>
      <p className="hint">第一步为拟稿（经办人）；之后每一步由所列角色审核。修改后，正在审核中的信息从下一步起按新流程审核：已通过的步骤不必重审，停在第一个尚未通过的步骤。</p>
      <ol className="cof-steps-edit">
        {steps.map((s, i) => (
          <li key={i}>
            <div className="filters">
              <Field label={`第${i + 1}步名称`}>{(p) => <input {...p} value={s.name} maxLength={20} onChange={(e) => update(i, { name: e.target.value })} />}</Field>
              <Field label={`第${i + 1}步角色`}>
                {(p) => (
                  <select {...p} value={s.role} disabled={i === 0} onChange={(e) => update(i, { role: e.target.value as Step['role'] })}>
                    <option value="officer">经办人</option>
                    <option value="reviewer">审核人</option>
                  </select>
                )}
              </Field>
              {i > 0 && steps.length > 2 && (
                <button type="button" className="secondary" onClick={() => set(steps.filter((_, j) => j !== i))}>
                  删除第{i + 1}步
                </button>
              )}
            </div>
          </li>
        ))}
      </ol>
      {steps.length < 8 && (
        <button type="button" className="secondary" onClick={() => set([...steps, { name: '', role: 'reviewer' }])}>
          增加审核步骤
        </button>
      )}
    </fieldset>
  );
}

function Form({ bodyId, initial, onSaved }: { bodyId: string; initial: Settings; onSaved(s: Settings): void }) {
  const [pattern, setPattern] = useState(initial.indexRule.pattern);
  const [org, setOrg] = useState(initial.indexRule.org ?? '');
  const [steps, setSteps] = useState<Step[]>(initial.reviewSteps);
  const [months, setMonths] = useState(String(initial.reexamineMonths));
  const [policy, setPolicy] = useState(initial.reviewerPolicy);
  const [message, setMessage] = useState<{ kind: 'success'; text: string } | { kind: 'error'; error: unknown } | null>(null);
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setMessage(null);
    try {
      const next = await put<Settings>(`/api/bodies/${encodeURIComponent(bodyId)}/catalogue/settings`, {
        indexRule: { pattern, ...(org.trim() ? { org: org.trim() } : {}) },
        reviewSteps: steps,
        reviewerPolicy: policy,
        reexamineMonths: Number(months),
        version: initial.version,
      });
      onSaved(next);
      setMessage({ kind: 'success', text: `已保存。下一个索引号形如 ${next.example}。` });
    } catch (err) {
      setMessage({ kind: 'error', error: err });
    }
  };
  return (
    <form onSubmit={save} aria-label="目录设置">
      <fieldset>
        <legend>索引号规则</legend>
        <Field label="规则" hint="可用 {org}（机构代码）、{body}（机关编号）、{year}（生成日期的年份）、{serial:位数}（流水号，每年重新编号）">
          {(p) => <input {...p} value={pattern} maxLength={80} onChange={(e) => setPattern(e.target.value)} />}
        </Field>
        <Field label="机构代码" hint="统一社会信用代码或组织机构代码；不填时用机关编号">
          {(p) => <input {...p} value={org} maxLength={40} onChange={(e) => setOrg(e.target.value)} />}
        </Field>
        <p className="hint">当前规则下的示例：{initial.example}</p>
      </fieldset>
      <StepsEditor steps={steps} set={setSteps} />
      <fieldset>
        <legend>谁可以审核哪些步骤</legend>
        {initial.reviewerPolicies.map((p) => (
          <label key={p.key} className="cof-choice">
            <input type="radio" name="reviewerPolicy" value={p.key} checked={policy === p.key} onChange={() => setPolicy(p.key)} /> {p.label}
            <br />
            <span className="hint">{p.note}</span>
          </label>
        ))}
        <p className="hint">
          本机关现有 {initial.reviewers} 名审核人员；按已保存的流程和规则至少需要 {initial.reviewersNeeded} 名。
        </p>
        {initial.chainWarning && <Notice kind="warning">{initial.chainWarning}</Notice>}
      </fieldset>
      <Field label="不予公开信息的复查周期（月）" hint="条例第十八条：对不予公开的信息定期评估审查">
        {(p) => <input {...p} type="number" min={1} max={60} value={months} onChange={(e) => setMonths(e.target.value)} />}
      </Field>
      {message?.kind === 'success' && <Notice kind="success">{message.text}</Notice>}
      {message?.kind === 'error' && <SaveFailure error={message.error} />}
      <div className="actions">
        <button type="submit">保存设置</button>
      </div>
    </form>
  );
}

export function SettingsPanel({ bodyId }: { bodyId: string }) {
  const { data, error, set } = useGet<Settings>(`/api/bodies/${encodeURIComponent(bodyId)}/catalogue/settings`);
  if (error) return <Notice kind="error">{error}</Notice>;
  if (!data) return <Loading what="设置" />;
  return <Form bodyId={bodyId} initial={data} onSaved={set} />;
}
