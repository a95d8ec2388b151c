/**
 * The catalogue's search form: words (several separated by spaces, all required), and under
 * “更多检索条件” the index number, 文号, topic, document type, publishing body (by name and
 * level) and date range. The search lives in the address, so a result page can be shared.
 */
import { useState, type FormEvent } from 'react';
import { query } from '../../api.js';
import { Field } from '../ui.js';
import { Link, navigate } from '../../router.js';
import { BodyPicker } from './common.js';
import type { CatalogueOptions } from './types.js';

const FILTER_KEYS = ['q', 'indexNo', 'docNo', 'topic', 'type', 'body', 'from', 'to'] as const;
export type Filters = Record<(typeof FILTER_KEYS)[number], string>;

export const filtersOf = (search: URLSearchParams): Filters =>
  Object.fromEntries(FILTER_KEYS.map((k) => [k, search.get(k) ?? ''])) as Filters;

export function SearchForm({ initial, options }: { initial: Filters; options: CatalogueOptions | null }) {
  const [f, setF] = useState(initial);
  const set = (k: keyof Filters) => (value: string) => setF((x) => ({ ...x, [k]: value }));
  const advanced = FILTER_KEYS.some((k) => k !== 'q' && initial[k]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate(`/catalogue${query({ ...f })}`);
  };
  return (
    <form className="cat-search" role="search" aria-label="检索政府信息" onSubmit={submit}>
      <div className="search-row">
        <Field label="关键词" hint="可输入多个词，以空格分隔；也可输入索引号、文号中的文字">
          {(p) => <input {...p} type="search" name="q" value={f.q} onChange={(e) => set('q')(e.target.value)} />}
        </Field>
        <div className="actions">
          <button type="submit">检索</button>
        </div>
      </div>
      <details open={advanced}>
        <summary>更多检索条件</summary>
        <div className="two">
          <Field label="索引号" hint="完整的索引号">
            {(p) => <input {...p} name="indexNo" value={f.indexNo} onChange={(e) => set('indexNo')(e.target.value)} autoComplete="off" spellCheck={false} />}
          </Field>
          <Field label="文号" hint="例如 青政发〔2025〕3号，括号写法不限">
            {(p) => <input {...p} name="docNo" value={f.docNo} onChange={(e) => set('docNo')(e.target.value)} autoComplete="off" />}
          </Field>
          <Field label="主题分类">
            {(p) => (
              <select {...p} name="topic" value={f.topic} onChange={(e) => set('topic')(e.target.value)}>
                <option value="">全部</option>
                {options?.topics.map((t) => (
                  <option key={t}>{t}</option>
                ))}
              </select>
            )}
          </Field>
          <Field label="文件类型">
            {(p) => (
              <select {...p} name="type" value={f.type} onChange={(e) => set('type')(e.target.value)}>
                <option value="">全部</option>
                {options?.types.map((t) => (
                  <option key={t}>{t}</option>
                ))}
              </select>
            )}
          </Field>
          <Field label="发布日期（起）">
            {(p) => <input {...p} type="date" name="from" value={f.from} onChange={(e) => set('from')(e.target.value)} />}
          </Field>
          <Field label="发布日期（止）">
            {(p) => <input {...p} type="date" name="to" value={f.to} onChange={(e) => set('to')(e.target.value)} />}
          </Field>
        </div>
        <BodyPicker label="发布机关" value={f.body} onChange={set('body')} allLabel="全部机关" />
      </details>
      <p>
        <Link to="/catalogue">清除全部条件</Link>
      </p>
    </form>
  );
}
