/**
 * 主动公开 (back office): the body's information items by tab — my review queue, drafts, in review,
 * published, rejected, publication deadlines with how each was counted, withheld items due for
 * re-examination — and the catalogue settings.
 */
import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { query } from '../../api.js';
import { useVocabulary } from '../../components/catalogue-office/common.js';
import { DuePanel } from '../../components/catalogue-office/DuePanel.js';
import { ItemTable } from '../../components/catalogue-office/ItemTable.js';
import { ReexamPanel } from '../../components/catalogue-office/ReexamPanel.js';
import { SettingsPanel } from '../../components/catalogue-office/SettingsPanel.js';
import type { ItemList, QueueRow, Vocabulary } from '../../components/catalogue-office/types.js';
import { ForBody } from '../../components/office-body.js';
import { Field, Loading, Notice, PageTitle } from '../../components/ui.js';
import { useGet } from '../../hooks.js';
import type { PageProps } from '../../routes.js';
import { Link, navigate, useLocation } from '../../router.js';

const TABS = [
  ['queue', '待我审核'],
  ['draft', '草稿'],
  ['inReview', '审核中'],
  ['settled', '已发布'],
  ['rejected', '被退回'],
  ['due', '即将超期/已超期'],
  ['reexam', '待复查'],
  ['settings', '设置'],
] as const;
type Tab = (typeof TABS)[number][0];

interface Filter {
  q: string;
  topic: string;
  type: string;
}

function Filters({ v, initial, onApply }: { v: Vocabulary; initial: Filter; onApply(f: Filter): void }) {
  const [f, setF] = useState(initial);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply(f);
  };
  return (
    <form className="filters" role="search" aria-label="搜索和筛选信息" onSubmit={submit}>
      <Field label="搜索" hint="名称、内容、索引号或文号">
        {(p) => <input {...p} type="search" value={f.q} onChange={(e) => setF({ ...f, q: e.target.value })} />}
      </Field>
      <Field label="主题分类">
        {(p) => (
          <select {...p} value={f.topic} onChange={(e) => setF({ ...f, topic: e.target.value })}>
            <option value="">全部</option>
            {v.topics.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
        )}
      </Field>
      <Field label="文件类型">
        {(p) => (
          <select {...p} value={f.type} onChange={(e) => setF({ ...f, type: e.target.value })}>
            <option value="">全部</option>
            {v.docTypes.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
        )}
      </Field>
      <button type="submit">筛选</button>
    </form>
  );
}

function StatusList({ bodyId, status, label, v }: { bodyId: string; status: string; label: string; v: Vocabulary }) {
  const [filter, setFilter] = useState<Filter>({ q: '', topic: '', type: '' });
  const { data, error } = useGet<ItemList>(`/api/bodies/${encodeURIComponent(bodyId)}/catalogue/items${query({ status, q: filter.q.trim(), topic: filter.topic, type: filter.type })}`);
  return (
    <>
      <Filters v={v} initial={filter} onApply={setFilter} />
      {error && <Notice kind="error">{error}</Notice>}
      {!data && !error && <Loading what="信息列表" />}
      {data && (
        <>
          <p role="status">
            {label}：共 {data.total} 条。
          </p>
          {data.items.length > 0 && <ItemTable rows={data.items} caption={`${data.body.name}：${label}`} />}
        </>
      )}
    </>
  );
}

function Queue() {
  const { data, error } = useGet<{ items: QueueRow[] }>('/api/office/catalogue/queue');
  if (error) return <Notice kind="error">{error}</Notice>;
  if (!data) return <Loading what="待审核信息" />;
  return (
    <>
      <p role="status">{data.items.length ? `有 ${data.items.length} 条信息等待您审核。` : '没有等待您审核的信息。'}</p>
      {data.items.length > 0 && <ItemTable rows={data.items} caption="待我审核" extra={{ header: '待审步骤', cell: (r) => (r as QueueRow).stepName }} />}
    </>
  );
}

function Tabs({ tabs, tab, onSelect }: { tabs: readonly (readonly [Tab, string])[]; tab: Tab; onSelect(t: Tab): void }) {
  const refs = useRef(new Map<Tab, HTMLButtonElement>());
  const onKey = (e: KeyboardEvent, i: number) => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step && e.key !== 'Home' && e.key !== 'End') return;
    e.preventDefault();
    const j = e.key === 'Home' ? 0 : e.key === 'End' ? tabs.length - 1 : (i + step + tabs.length) % tabs.length;
    const next = tabs[j]![0];
    onSelect(next);
    refs.current.get(next)?.focus();
  };
  return (
    <div role="tablist" aria-label="信息分类" className="cof-tabs">
      {tabs.map(([key, label], i) => (
        <button
          key={key}
          ref={(el) => {
            if (el) refs.current.set(key, el);
          }}
          type="button"
          role="tab"
          id={`tab-${key}`}
          aria-selected={tab === key}
          aria-controls="tab-panel"
          tabIndex={tab === key ? 0 : -1}
          onClick={() => onSelect(key)}
          onKeyDown={(e) => onKey(e, i)}
        >
          {label}
        </button>
      ))}
    </div>
  );
}

function Catalogue({ bodyId, role }: { bodyId: string; role: string }) {
  const { search } = useLocation();
  const { data: v, error } = useVocabulary();
  const tabs = TABS.filter(([k]) => (k === 'settings' ? role === 'officer' || role === 'admin' : k === 'queue' ? role !== 'admin' : true));
  const fallback: Tab = role === 'reviewer' ? 'queue' : 'draft';
  const asked = search.get('tab') as Tab | null;
  const tab: Tab = asked && tabs.some(([k]) => k === asked) ? asked : fallback;
  const select = (t: Tab) => navigate(`/officer/catalogue${query({ body: role === 'admin' ? bodyId : undefined, tab: t })}`, true);
  if (error) return <Notice kind="error">{error}</Notice>;
  if (!v) return <Loading what="目录" />;
  const label = TABS.find(([k]) => k === tab)![1];
  return (
    <>
      {role === 'officer' && (
        <div className="actions">
          <Link to="/officer/catalogue/new" className="button">
            拟稿：新建信息
          </Link>
        </div>
      )}
      <Tabs tabs={tabs} tab={tab} onSelect={select} />
      <section role="tabpanel" id="tab-panel" aria-labelledby={`tab-${tab}`} tabIndex={0}>
        <h2>{label}</h2>
        {tab === 'queue' && <Queue />}
        {(tab === 'draft' || tab === 'inReview' || tab === 'settled' || tab === 'rejected') && <StatusList key={tab} bodyId={bodyId} status={tab} label={label} v={v} />}
        {tab === 'due' && <DuePanel bodyId={bodyId} article={v.article26} />}
        {tab === 'reexam' && <ReexamPanel bodyId={bodyId} article={v.article18} />}
        {tab === 'settings' && <SettingsPanel bodyId={bodyId} />}
      </section>
    </>
  );
}

export default function ItemsPage(_props: PageProps) {
  return (
    <>
      <PageTitle>主动公开</PageTitle>
      <ForBody path="/officer/catalogue" action="查看目录">
        {(bodyId, user) => <Catalogue bodyId={bodyId} role={user.role} />}
      </ForBody>
    </>
  );
}
