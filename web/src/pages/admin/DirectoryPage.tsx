/**
 * /admin/directory: the directory of regions and bodies (机关名录). The administrator uploads a
 * CSV or Excel file (all or nothing; a wrong row is named), downloads it back, browses the region
 * tree and edits a body — its name, level, region, aliases, credit code and whether it works in
 * gongkai (takes applications) or is only observed (its published reports are loaded).
 */
import { useMemo, useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { ApiFailure, api, download, put } from '../../api.js';
import { isStale, SaveFailure } from '../../components/save-failure.js';
import { Field, Loading, Notice, PageTitle } from '../../components/ui.js';
import { useGet } from '../../hooks.js';
import type { PageProps } from '../../routes.js';
import type { DirectorySchema, ImportSummarySchema } from '../../../../src/api/directory.js';
import { buildTree, type BodyRecord, type RegionNode } from '../../../../src/directory/tree.js';
import { BODY_LEVEL_LABELS, BODY_LEVELS, type BodyLevel } from '../../../../src/register/bodies.js';
import './directory.css';

type Directory = z.infer<typeof DirectorySchema>;
type ImportSummary = z.infer<typeof ImportSummarySchema>;
type Message = { kind: 'error' | 'success'; text: string } | null;

const failure = (err: unknown) => (err instanceof ApiFailure ? err.message : '操作失败');

function Status({ works }: { works: boolean }) {
  return works ? <span className="status-works">在本系统办理</span> : <span className="status-observed">仅收录</span>;
}

function BodyLine({ body, onEdit }: { body: BodyRecord; onEdit: (b: BodyRecord) => void }) {
  return (
    <li className="directory-body">
      <span>{body.name}</span>
      <span>{BODY_LEVEL_LABELS[body.level]}</span>
      <Status works={body.worksHere} />
      {body.aliases.length > 0 && <span className="aliases">别名：{body.aliases.join('、')}</span>}
      <button type="button" className="secondary" onClick={() => onEdit(body)} aria-label={`修改 ${body.name}`}>
        修改
      </button>
    </li>
  );
}

/** One region, closed until opened (a province's thousands of bodies are drawn only when asked for). */
function RegionItem({ node, open: initiallyOpen, onEdit }: { node: RegionNode; open: boolean; onEdit: (b: BodyRecord) => void }) {
  const [open, setOpen] = useState(initiallyOpen);
  return (
    <li>
      <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>
          {node.name}
          <span className="code">{node.code}</span>
          <span className="count">（{node.total} 个机关）</span>
        </summary>
        {open && (
          <ul>
            {node.bodies.map((b) => (
              <BodyLine key={b.id} body={b} onEdit={onEdit} />
            ))}
            {node.children.map((c) => (
              <RegionItem key={c.code} node={c} open={false} onEdit={onEdit} />
            ))}
          </ul>
        )}
      </details>
    </li>
  );
}

function ImportForm({ onDone }: { onDone: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    const form = new FormData();
    form.append('file', file);
    setBusy(true);
    try {
      const r = await api<ImportSummary>('POST', '/api/admin/directory/import', form);
      setMessage({ kind: 'success', text: `已导入：地区 ${r.regions} 个；机关新增 ${r.created} 个、更新 ${r.updated} 个（在本系统办理 ${r.worksHere} 个，仅收录 ${r.observed} 个）` });
      onDone();
    } catch (err) {
      setMessage({ kind: 'error', text: failure(err) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="import-h">
      <h2 id="import-h">导入和导出</h2>
      <p>
        上传 CSV 或 Excel 文件，第一行为列名：代码、名称、层级、上级代码、别名（多个用“、”分隔）、在本系统办理（是/否）、统一社会信用代码（可空）。政府一行的代码为其行政区划代码，上级代码为上一级地区的代码；部门一行的代码为其编号，上级代码为所属政府的行政区划代码。任一行有误则整批不导入。
      </p>
      {message && (
        <Notice kind={message.kind}>
          <span className="directory-errors">{message.text}</span>
        </Notice>
      )}
      <form onSubmit={submit} className="directory-actions">
        <Field label="名录文件" hint=".csv 或 .xlsx">
          {(p) => <input {...p} type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(e) => setFile(e.target.files?.[0] ?? null)} required />}
        </Field>
        <button type="submit" disabled={busy || !file}>
          {busy ? '正在导入…' : '导入'}
        </button>
        <button type="button" className="secondary" onClick={() => void download('/api/admin/directory/export?format=xlsx').catch((err) => setMessage({ kind: 'error', text: failure(err) }))}>
          导出 Excel
        </button>
        <button type="button" className="secondary" onClick={() => void download('/api/admin/directory/export?format=csv').catch((err) => setMessage({ kind: 'error', text: failure(err) }))}>
          导出 CSV
        </button>
      </form>
    </section>
  );
}

const EMPTY = { id: '', name: '', level: 'department' as BodyLevel, regionCode: '', aliases: '', creditCode: '', worksHere: false };

function BodyForm({ directory, editing, onSaved, onCancel }: { directory: Directory; editing: BodyRecord | null; onSaved: () => void; onCancel: () => void }) {
  const [form, setForm] = useState(() =>
    editing
      ? { id: editing.id, name: editing.name, level: editing.level, regionCode: editing.regionCode ?? '', aliases: editing.aliases.join('、'), creditCode: editing.creditCode ?? '', worksHere: editing.worksHere }
      : EMPTY,
  );
  const [message, setMessage] = useState<Message>(null);
  const [stale, setStale] = useState<unknown>(null);
  // The version the edit began from (0: a new body): a save by someone else meanwhile is refused, not overwritten.
  const [version, setVersion] = useState(() => (editing ? (directory.bodies.find((b) => b.id === editing.id)?.version ?? 0) : 0));
  const set = <K extends keyof typeof form>(k: K, v: (typeof form)[K]) => setForm({ ...form, [k]: v });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setStale(null);
    try {
      const saved = await put<{ version: number }>(`/api/admin/directory/bodies/${encodeURIComponent(form.id)}`, {
        name: form.name,
        level: form.level,
        regionCode: form.regionCode || null,
        aliases: form.aliases.split(/[、，,；;]/).map((a) => a.trim()).filter(Boolean),
        creditCode: form.creditCode.trim() || null,
        worksHere: form.worksHere,
        version,
      });
      setMessage({ kind: 'success', text: `已保存机关“${form.name}”` });
      if (editing) setVersion(saved.version);
      else setForm(EMPTY);
      onSaved();
    } catch (err) {
      if (isStale(err)) {
        setMessage(null);
        setStale(err);
      } else setMessage({ kind: 'error', text: failure(err) });
    }
  };
  return (
    <section aria-labelledby="body-h">
      <h2 id="body-h">{editing ? `修改机关：${editing.name}` : '新增机关'}</h2>
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
      {stale !== null && <SaveFailure error={stale} />}
      <form onSubmit={submit} className="filters">
        <Field label="编号" hint="字母、数字、- 和 _">{(p) => <input {...p} value={form.id} onChange={(e) => set('id', e.target.value)} required readOnly={Boolean(editing)} />}</Field>
        <Field label="名称" hint="全称，如 青禾县云岭镇人民政府">{(p) => <input {...p} value={form.name} onChange={(e) => set('name', e.target.value)} required />}</Field>
        <Field label="层级">
          {(p) => (
            <select {...p} value={form.level} onChange={(e) => set('level', e.target.value as BodyLevel)}>
              {BODY_LEVELS.map((l) => (
                <option key={l} value={l}>{BODY_LEVEL_LABELS[l]}</option>
              ))}
            </select>
          )}
        </Field>
        <Field label="所属地区" hint="部门选所属政府的地区">
          {(p) => (
            <select {...p} value={form.regionCode} onChange={(e) => set('regionCode', e.target.value)}>
              <option value="">（不归入地区）</option>
              {directory.regions.map((r) => (
                <option key={r.code} value={r.code}>{`${r.name} ${r.code}`}</option>
              ))}
            </select>
          )}
        </Field>
        <Field label="别名" hint="简称、曾用名，多个用“、”分隔">{(p) => <input {...p} value={form.aliases} onChange={(e) => set('aliases', e.target.value)} />}</Field>
        <Field label="统一社会信用代码" hint="18 位，可空">{(p) => <input {...p} value={form.creditCode} onChange={(e) => set('creditCode', e.target.value)} maxLength={18} />}</Field>
        <label className="checkbox">
          <input type="checkbox" checked={form.worksHere} onChange={(e) => set('worksHere', e.target.checked)} /> 在本系统办理（受理申请、有经办人、发布目录）
        </label>
        <button type="submit">保存机关</button>
        {editing && (
          <button type="button" className="secondary" onClick={onCancel}>
            取消修改
          </button>
        )}
      </form>
    </section>
  );
}

export default function DirectoryPage(_props: PageProps) {
  const { data, error, reload } = useGet<Directory>('/api/admin/directory');
  const [editing, setEditing] = useState<BodyRecord | null>(null);
  const tree = useMemo(() => (data ? buildTree(data.regions, data.bodies) : null), [data]);
  const works = data?.bodies.filter((b) => b.worksHere).length ?? 0;
  const edit = (b: BodyRecord) => {
    setEditing(b);
    setTimeout(() => document.getElementById('body-h')?.scrollIntoView(), 0);
  };
  return (
    <>
      <PageTitle>机关名录</PageTitle>
      {error && <Notice kind="error">{error}</Notice>}
      <ImportForm onDone={() => void reload()} />
      {!data || !tree ? (
        <Loading what="机关名录" />
      ) : (
        <>
          <section aria-labelledby="tree-h">
            <h2 id="tree-h">地区和机关</h2>
            <p>
              共 {data.regions.length} 个地区、{data.bodies.length} 个机关，其中在本系统办理 {works} 个，仅收录 {data.bodies.length - works} 个。仅收录的机关不出现在公众的申请表、公开指南和公开目录中。
            </p>
            {tree.roots.length > 0 && (
              <ul className="directory-tree">
                {tree.roots.map((r) => (
                  <RegionItem key={r.code} node={r} open={tree.roots.length === 1} onEdit={edit} />
                ))}
              </ul>
            )}
            {tree.unplaced.length > 0 && (
              <>
                <h3>未归入地区的机关</h3>
                <ul className="directory-tree">
                  {tree.unplaced.map((b) => (
                    <BodyLine key={b.id} body={b} onEdit={edit} />
                  ))}
                </ul>
              </>
            )}
          </section>
          <BodyForm key={editing?.id ?? 'new'} directory={data} editing={editing} onSaved={() => void reload()} onCancel={() => setEditing(null)} />
        </>
      )}
    </>
  );
}
