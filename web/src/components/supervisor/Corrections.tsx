/**
 * Corrections on the report page: the form that corrects one cell (or fills a blank one) with a
 * reason, and the record of every correction — as read → now, who, when, why — each in force
 * with a button to undo it (the undo asks for its reason too). The server keeps the text and the
 * model as read; every change is a new version of the report.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { CorrectionView, ReportView } from './types.js';

/** A cell's value in words: a number, or 空 for a blank. */
export const valueText = (v: number | null) => (v === null ? '空' : String(v));

const when = (iso: string) => {
  const d = new Date(iso);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
};

/** The current value of a cell of the (corrected) model. */
function currentValue(r: ReportView, path: string): number | null {
  const [table, ...rest] = path.split('.');
  const column = rest.pop()!;
  const model = r.model as Record<string, Record<string, Record<string, number | null>>>;
  return model[table!]?.[rest.join('.')]?.[column] ?? null;
}

export interface CorrectionRequest {
  path: string;
  value: number | null;
  reason: string;
}

/** The form for one cell: the new value (empty clears it) and the reason, both checked before sending. */
export function CorrectionForm({ r, path, busy, onSubmit, onCancel }: { r: ReportView; path: string; busy: boolean; onSubmit: (c: CorrectionRequest) => void; onCancel: () => void }) {
  const now = currentValue(r, path);
  const mark = r.corrected.find((c) => c.path === path);
  const [value, setValue] = useState(now === null ? '' : String(now));
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => {
    setValue(now === null ? '' : String(now));
    setReason('');
    setProblem(null);
    first.current?.focus();
  }, [path, now]);

  function submit(e: FormEvent) {
    e.preventDefault();
    const text = value.trim();
    if (text !== '' && !/^\d+$/.test(text)) return setProblem('更正值须为非负整数；留空表示清除该单元格');
    const next = text === '' ? null : Number(text);
    if (next === now) return setProblem('更正值与当前值相同');
    if (!reason.trim()) return setProblem('请填写更正理由');
    setProblem(null);
    onSubmit({ path, value: next, reason: reason.trim() });
  }

  return (
    <form className="sv-correct" onSubmit={submit} aria-labelledby="sv-correct-h">
      <h3 id="sv-correct-h">更正单元格：{r.places[path] ?? path}</h3>
      <p>
        当前值：<strong>{valueText(now)}</strong>
        {mark && <>（原文读出：{valueText(mark.read)}）</>}
      </p>
      <label htmlFor="sv-correct-value">更正为（非负整数；留空表示清除）</label>
      <input id="sv-correct-value" ref={first} inputMode="numeric" value={value} onChange={(e) => setValue(e.target.value)} autoComplete="off" />
      <label htmlFor="sv-correct-reason">更正理由（必填，如“与原件核对”）</label>
      <textarea id="sv-correct-reason" value={reason} onChange={(e) => setReason(e.target.value)} rows={2} maxLength={500} />
      {problem && (
        <p className="sv-problem" role="alert">
          {problem}
        </p>
      )}
      <div className="sv-actions">
        <button type="submit" disabled={busy}>
          保存更正
        </button>
        <button type="button" className="secondary" onClick={onCancel} disabled={busy}>
          取消
        </button>
      </div>
    </form>
  );
}

function Entry({ c, canUndo, onUndo, busy }: { c: CorrectionView; canUndo: boolean; onUndo: (c: CorrectionView, reason: string) => void; busy: boolean }) {
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState(false);
  const id = `sv-undo-${c.id}`;
  return (
    <li className={c.undone ? 'sv-undone' : undefined}>
      <span className="sv-version">第 {c.version} 版</span> {c.undoes !== null ? '撤销更正：' : '更正：'}
      {c.place}，{valueText(c.before)} → <strong>{valueText(c.after)}</strong>
      <span className="sv-who">
        {c.by}，{when(c.at)}；理由：{c.reason}
        {c.undone && '（已撤销）'}
        {c.undoesVersion !== undefined && `（撤销第 ${c.undoesVersion} 版的更正）`}
      </span>
      {canUndo && !asking && (
        <button type="button" className="secondary" onClick={() => setAsking(true)} disabled={busy}>
          撤销此更正
        </button>
      )}
      {asking && (
        <form
          className="sv-undo"
          onSubmit={(e) => {
            e.preventDefault();
            if (!reason.trim()) return setProblem(true);
            onUndo(c, reason.trim());
          }}
        >
          <label htmlFor={id}>撤销理由（必填）</label>
          <input id={id} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} autoComplete="off" />
          {problem && <span role="alert">请填写撤销理由</span>}
          <button type="submit" disabled={busy}>
            确认撤销
          </button>
          <button type="button" className="secondary" onClick={() => setAsking(false)}>
            取消
          </button>
        </form>
      )}
    </li>
  );
}

/** Every correction, newest first; the latest one in force of each cell can be undone. */
export function CorrectionLog({ r, busy, onUndo }: { r: ReportView; busy: boolean; onUndo: (c: CorrectionView, reason: string) => void }) {
  if (!r.corrections.length) return <p>尚无更正。点击右侧表格中的数字即可更正或补填，须说明理由；原文读出的数据保留不变。</p>;
  const undoable = new Set<number>();
  const seen = new Set<string>();
  for (const c of [...r.corrections].reverse()) {
    if (c.undoes !== null || c.undone || seen.has(c.path)) continue;
    seen.add(c.path);
    undoable.add(c.id);
  }
  return (
    <ol className="sv-corrections" reversed aria-label="更正记录">
      {[...r.corrections].reverse().map((c) => (
        <Entry key={c.id} c={c} canUndo={undoable.has(c.id)} onUndo={onUndo} busy={busy} />
      ))}
    </ol>
  );
}
