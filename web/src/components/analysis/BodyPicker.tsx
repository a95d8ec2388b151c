/**
 * Choosing bodies from a long list: search by name or region, filter by level, tick one by one
 * or all that the filters show. A fieldset with a legend; every checkbox has its label, and
 * how many are chosen is announced politely.
 */
import { useMemo, useState } from 'react';
import { Field } from '../ui.js';
import type { AnalysisBody } from './types.js';

export interface BodyPickerProps {
  legend: string;
  bodies: readonly AnalysisBody[];
  selected: ReadonlySet<string>;
  onChange(next: Set<string>): void;
  /** Extra words after a body's name (e.g. whether it has a report of the year). */
  note?: (body: AnalysisBody) => string;
}

/** Bodies whose name or region contains `q` (white space ignored) and whose level is `level`. */
function filterBodies(bodies: readonly AnalysisBody[], q: string, level: string): AnalysisBody[] {
  const words = q.replace(/\s+/g, '');
  return bodies.filter(
    (b) => (!level || b.levelLabel === level) && (!words || b.name.replace(/\s+/g, '').includes(words) || (b.region ?? '').includes(words)),
  );
}

export function BodyPicker({ legend, bodies, selected, onChange, note }: BodyPickerProps) {
  const [q, setQ] = useState('');
  const [level, setLevel] = useState('');
  const levels = useMemo(() => [...new Set(bodies.map((b) => b.levelLabel))], [bodies]);
  const shown = filterBodies(bodies, q, level);
  const toggle = (key: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(key);
    else next.delete(key);
    onChange(next);
  };
  const all = (on: boolean) => {
    const next = new Set(selected);
    for (const b of shown) if (on) next.add(b.key);
    else next.delete(b.key);
    onChange(next);
  };
  return (
    <fieldset className="gk-picker">
      <legend>{legend}</legend>
      <div className="filters">
        <Field label="按名称或地区查找">{(p) => <input {...p} type="search" value={q} onChange={(e) => setQ(e.target.value)} />}</Field>
        <Field label="层级">
          {(p) => (
            <select {...p} value={level} onChange={(e) => setLevel(e.target.value)}>
              <option value="">全部层级</option>
              {levels.map((l) => (
                <option key={l} value={l}>
                  {l}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="actions">
        <button type="button" className="secondary" onClick={() => all(true)} disabled={shown.length === 0}>
          选中列出的 {shown.length} 个
        </button>
        <button type="button" className="secondary" onClick={() => all(false)} disabled={shown.length === 0}>
          取消列出的
        </button>
      </div>
      <p className="gk-meta" role="status">
        共 {bodies.length} 个机关，列出 {shown.length} 个，已选 {selected.size} 个
      </p>
      {shown.length === 0 ? (
        <p>没有符合条件的机关。</p>
      ) : (
        <ul className="gk-picker-list">
          {shown.map((b) => (
            <li key={b.key}>
              <label>
                <input type="checkbox" checked={selected.has(b.key)} onChange={(e) => toggle(b.key, e.target.checked)} />
                <span>{b.name}</span>
                <span className="gk-meta">
                  {b.levelLabel}
                  {b.region ? ` · ${b.region}` : ''}
                  {note ? ` · ${note(b)}` : ''}
                </span>
              </label>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
