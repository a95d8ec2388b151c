/**
 * The item's form (条例 第十二条、第二十条): what the officer enters. 公开属性 不予公开 asks for its
 * legal ground (第十四–十六条, the statutory words shown); 规章 and 行政规范性文件 ask for their
 * validity; a 政策解读 links to the item it interprets. The server checks everything again.
 */
import { useState, type FormEvent } from 'react';
import { Field } from '../ui.js';
import { SaveFailure } from '../save-failure.js';
import { useGet } from '../../hooks.js';
import type { Fields, ItemList, Vocabulary } from './types.js';

export function emptyFields(v: Vocabulary, publisher: string): Fields {
  return {
    title: '',
    summary: '',
    content: '',
    madeOn: v.today,
    publisher,
    docNo: '',
    topic: v.topics[0]!,
    docType: '其他文件',
    disclosure: 'proactive',
    withheldGround: null,
    effectiveOn: null,
    expiresOn: null,
    amendedOn: null,
    repealedOn: null,
    channels: ['门户网站'],
    interpretationOf: null,
  };
}

function Select({ label, value, options, onChange, hint }: { label: string; value: string; options: { value: string; label: string }[]; onChange(v: string): void; hint?: string }) {
  return (
    <Field label={label} {...(hint ? { hint } : {})}>
      {(p) => (
        <select {...p} value={value} onChange={(e) => onChange(e.target.value)}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

const plain = (list: string[]) => list.map((x) => ({ value: x, label: x }));

function Disclosure({ f, set, v, groundError }: { f: Fields; set(p: Partial<Fields>): void; v: Vocabulary; groundError?: string | undefined }) {
  const ground = v.grounds.find((g) => g.key === f.withheldGround);
  return (
    <>
      <Select label="公开属性" value={f.disclosure} options={v.disclosures.map((d) => ({ value: d.key, label: d.label }))} onChange={(x) => set({ disclosure: x as Fields['disclosure'] })} />
      {f.disclosure === 'withheld' && (
        <Field label="不予公开的法律依据" hint={ground?.text ?? '请选择条例第十四条、第十五条或第十六条'} error={groundError}>
          {(p) => (
            <select {...p} value={f.withheldGround ?? ''} onChange={(e) => set({ withheldGround: (e.target.value || null) as Fields['withheldGround'] })}>
              <option value="">请选择</option>
              {v.grounds.map((g) => (
                <option key={g.key} value={g.key}>
                  {g.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      {f.disclosure === 'proactive' && (
        <fieldset>
          <legend>发布渠道</legend>
          <div className="cof-checks">
            {v.channels.map((c) => (
              <label key={c}>
                <input
                  type="checkbox"
                  checked={f.channels.includes(c)}
                  onChange={(e) => set({ channels: e.target.checked ? [...f.channels, c] : f.channels.filter((x) => x !== c) })}
                />
                {c}
              </label>
            ))}
          </div>
        </fieldset>
      )}
    </>
  );
}

function Validity({ f, set }: { f: Fields; set(p: Partial<Fields>): void }) {
  return (
    <fieldset>
      <legend>效力（用于年度报告表二）</legend>
      <Field label="施行日期" hint="未填写时以首次发布日期为制发日期">
        {(p) => <input {...p} type="date" value={f.effectiveOn ?? ''} onChange={(e) => set({ effectiveOn: e.target.value || null })} />}
      </Field>
      <Field label="有效期至" hint="文件规定了有效期的，填写有效期的最后一天；次日起为“已失效”">
        {(p) => <input {...p} type="date" value={f.expiresOn ?? ''} onChange={(e) => set({ expiresOn: e.target.value || null })} />}
      </Field>
      <Field label="修改日期" hint="被后来的文件修改的，填写修改之日；起为“已修改”">
        {(p) => <input {...p} type="date" value={f.amendedOn ?? ''} onChange={(e) => set({ amendedOn: e.target.value || null })} />}
      </Field>
      <Field label="废止日期" hint="仍然有效的不填">
        {(p) => <input {...p} type="date" value={f.repealedOn ?? ''} onChange={(e) => set({ repealedOn: e.target.value || null })} />}
      </Field>
    </fieldset>
  );
}

function Interprets({ bodyId, f, set, selfId }: { bodyId: string; f: Fields; set(p: Partial<Fields>): void; selfId?: number | undefined }) {
  const { data } = useGet<ItemList>(`/api/bodies/${encodeURIComponent(bodyId)}/catalogue/items?status=settled`);
  const items = (data?.items ?? []).filter((i) => i.id !== selfId && i.docType !== '政策解读');
  return (
    <Field label="被解读的文件" hint="政策解读与其解读的文件相互链接">
      {(p) => (
        <select {...p} value={f.interpretationOf ?? ''} onChange={(e) => set({ interpretationOf: e.target.value ? Number(e.target.value) : null })}>
          <option value="">（不链接）</option>
          {items.map((i) => (
            <option key={i.id} value={i.id} translate="no">
              {i.indexNo} {i.title}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function ItemForm(props: { v: Vocabulary; bodyId: string; initial: Fields; selfId?: number; submitLabel: string; intro?: string; onSave(f: Fields): Promise<void> }) {
  const { v, bodyId, initial, submitLabel } = props;
  const [f, setF] = useState<Fields>(initial);
  const [error, setError] = useState<unknown>(null);
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const set = (p: Partial<Fields>) => setF((old) => ({ ...old, ...p }));
  const titleError = tried && !f.title.trim() ? '请填写名称' : undefined;
  const groundError = tried && f.disclosure === 'withheld' && !f.withheldGround ? '不予公开须选择法律依据' : undefined;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    setError(null);
    if (!f.title.trim() || (f.disclosure === 'withheld' && !f.withheldGround)) return;
    setBusy(true);
    try {
      await props.onSave(f);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} noValidate aria-label={submitLabel}>
      {props.intro && <p className="hint">{props.intro}</p>}
      <Field label="名称" error={titleError}>
        {(p) => <input {...p} value={f.title} maxLength={200} onChange={(e) => set({ title: e.target.value })} />}
      </Field>
      <Field label="文号" hint="如：青云政发〔2026〕3号；没有文号的不填">
        {(p) => <input {...p} value={f.docNo ?? ''} maxLength={100} onChange={(e) => set({ docNo: e.target.value })} />}
      </Field>
      <Select label="主题分类" value={f.topic} options={plain(v.topics)} onChange={(x) => set({ topic: x })} />
      <Select label="文件类型" value={f.docType} options={plain(v.docTypes)} onChange={(x) => set({ docType: x })} />
      <Field label="生成日期" hint="信息形成或变更之日；主动公开的信息自此起20个工作日内发布（条例第二十六条）">
        {(p) => <input {...p} type="date" value={f.madeOn} max={v.today} onChange={(e) => set({ madeOn: e.target.value })} />}
      </Field>
      <Field label="发布机构">{(p) => <input {...p} value={f.publisher} maxLength={100} onChange={(e) => set({ publisher: e.target.value })} />}</Field>
      <Disclosure f={f} set={set} v={v} groundError={groundError} />
      {v.ruleTypes[f.docType] && <Validity f={f} set={set} />}
      {f.docType === '政策解读' && <Interprets bodyId={bodyId} f={f} set={set} selfId={props.selfId} />}
      <Field label="内容概述">{(p) => <textarea {...p} value={f.summary} maxLength={2000} onChange={(e) => set({ summary: e.target.value })} />}</Field>
      <Field label="正文">{(p) => <textarea {...p} rows={12} value={f.content} onChange={(e) => set({ content: e.target.value })} />}</Field>
      {error !== null && <SaveFailure error={error} />}
      <div className="actions">
        <button type="submit" disabled={busy}>
          {busy ? '正在保存…' : submitLabel}
        </button>
      </div>
    </form>
  );
}
