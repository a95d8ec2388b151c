/**
 * What may end an item's current course: the drafter's withdrawal of a round in review (back to
 * draft), 撤销 of a published item with the reason the public will read, and deleting a draft
 * that never went public. Each asks before it acts; the server decides and audits.
 */
import { useState } from 'react';
import { del, post } from '../../api.js';
import { navigate } from '../../router.js';
import { Field, Notice } from '../ui.js';
import { useAction } from './common.js';
import type { Detail } from './types.js';

function Withdraw({ d, onDone }: { d: Detail; onDone(next: Detail, message: string): void }) {
  const { busy, error, run } = useAction();
  const withdraw = async () => {
    if (!window.confirm('撤回后，本轮审核结束，信息回到草稿，可修改后重新提交。确定撤回？')) return;
    await run(async () => onDone(await post<Detail>(`/api/office/catalogue/items/${d.id}/withdraw`, {}), '已撤回审核，信息回到草稿。修改后请重新提交审核。'));
  };
  return (
    <>
      {error && <Notice kind="error">{error}</Notice>}
      <div className="actions">
        <button type="button" className="secondary" disabled={busy} onClick={() => void withdraw()}>
          撤回审核
        </button>
        <span className="hint">撤回后回到草稿，可修改后重新提交。</span>
      </div>
    </>
  );
}

function Revoke({ d, onDone }: { d: Detail; onDone(next: Detail, message: string): void }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!open) {
    return (
      <div className="actions">
        <button type="button" className="secondary" onClick={() => setOpen(true)}>
          撤销发布…
        </button>
      </div>
    );
  }
  const revoke = async () => {
    setError(null);
    if (!reason.trim()) {
      setError('请写明撤销理由，公众查看该信息时会看到');
      return;
    }
    setBusy(true);
    try {
      onDone(await post<Detail>(`/api/office/catalogue/items/${d.id}/revoke`, { reason }), '已撤销。公开目录不再列出该信息，其页面显示撤销日期和理由。');
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="cof-box">
      <h3 style={{ marginTop: 0 }}>撤销已发布的信息</h3>
      <p className="hint">撤销后，公开目录的检索不再列出该信息；原地址仍可打开，只显示撤销日期和理由，不再显示正文和附件。撤销不能恢复，如需重新公开请重新拟稿。</p>
      <Field label="撤销理由" hint="将向公众显示">
        {(p) => <textarea {...p} value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      {error && <Notice kind="error">{error}</Notice>}
      <div className="actions">
        <button type="button" disabled={busy} onClick={() => void revoke()}>
          确认撤销
        </button>
        <button type="button" className="secondary" disabled={busy} onClick={() => setOpen(false)}>
          取消
        </button>
      </div>
    </div>
  );
}

function Delete({ d }: { d: Detail }) {
  const [error, setError] = useState<string | null>(null);
  const remove = async () => {
    if (!window.confirm(`删除草稿“${d.title}”（索引号 ${d.indexNo}）？删除后不能恢复，索引号不再使用。`)) return;
    try {
      await del(`/api/office/catalogue/items/${d.id}`);
      navigate('/officer/catalogue');
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <>
      {error && <Notice kind="error">{error}</Notice>}
      <div className="actions">
        <button type="button" className="secondary" onClick={() => void remove()}>
          删除草稿
        </button>
      </div>
    </>
  );
}

/** The notice on a withdrawn item, and the actions this user may take now. */
export function Lifecycle({ d, onDone }: { d: Detail; onDone(next: Detail, message: string): void }) {
  return (
    <>
      {d.revoked && (
        <Notice kind="warning">
          已于 {d.revoked.on} 撤销（{d.revoked.byName}）。撤销理由：{d.revoked.reason}
        </Notice>
      )}
      {d.can.withdraw && <Withdraw d={d} onDone={onDone} />}
      {d.can.revoke && <Revoke d={d} onDone={onDone} />}
      {d.can.delete && <Delete d={d} />}
    </>
  );
}
