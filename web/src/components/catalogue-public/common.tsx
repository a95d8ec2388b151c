/**
 * Pieces the public catalogue's pages share: loading an API answer (404 told apart), dates as a
 * citizen reads them, the body picker (search by name, filter by level), and a pager.
 */
import { useCallback, useEffect, useState } from 'react';
import { ApiFailure, get, query } from '../../api.js';
import { Field } from '../ui.js';
import { Link } from '../../router.js';
import type { BodyRef } from './types.js';
import { LevelSelect } from '../level-select.js';

export interface Loaded<T> {
  data: T | null;
  error: string | null;
  /** The answer was 404. */
  missing: boolean;
  reload(): Promise<void>;
}

/** GET `path` (again whenever it changes); a null path waits. */
export function useApi<T>(path: string | null): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const reload = useCallback(async () => {
    if (!path) return;
    try {
      setData(await get<T>(path));
      setError(null);
      setMissing(false);
    } catch (e) {
      setData(null);
      setMissing(e instanceof ApiFailure && e.status === 404);
      setError(e instanceof Error ? e.message : '加载失败，请稍后重试');
    }
  }, [path]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, error, missing, reload };
}

/** 2026-03-02 → 2026年3月2日 */
export function chineseDate(iso: string | null | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  return m ? `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日` : (iso ?? '');
}

/** Bodies found by name (or region) and level, for a select of one. */
export function BodyPicker({ label, value, onChange, hint, error, allLabel }: { label: string; value: string; onChange(id: string): void; hint?: string; error?: string | undefined; allLabel?: string }) {
  const [q, setQ] = useState('');
  const [level, setLevel] = useState('');
  const [found, setFound] = useState<BodyRef[] | null>(null);
  const [chosen, setChosen] = useState<BodyRef | null>(null);
  useEffect(() => {
    let live = true;
    // Wait for a pause in typing before asking the server.
    const timer = setTimeout(() => {
      get<BodyRef[]>(`/api/bodies${query({ q: q.trim(), level })}`)
        .then((bodies) => live && setFound(bodies))
        .catch(() => live && setFound([]));
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [q, level]);
  const options = found ? (chosen && !found.some((b) => b.id === chosen.id) ? [chosen, ...found] : found) : [];
  useEffect(() => {
    if (value && !chosen) {
      const b = found?.find((x) => x.id === value);
      if (b) setChosen(b);
    }
  }, [value, found, chosen]);
  return (
    <fieldset className="form-group body-picker">
      <legend>{label}</legend>
      <Field label="按名称或地区查找机关" hint={hint ?? '输入名称中的几个字，下方列表随之缩小'}>
        {(p) => <input {...p} type="search" value={q} onChange={(e) => setQ(e.target.value)} autoComplete="off" />}
      </Field>
      <LevelSelect value={level} onChange={setLevel} />
      <p className="hint" role="status">
        {found ? `找到 ${found.length} 个机关` : '正在查找机关…'}
      </p>
      <Field label="选择机关" error={error}>
        {(p) => (
          <select
            {...p}
            value={value}
            onChange={(e) => {
              setChosen(options.find((b) => b.id === e.target.value) ?? null);
              onChange(e.target.value);
            }}
          >
            <option value="">{allLabel ?? '请选择机关'}</option>
            {options.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name} · {b.levelLabel}
              </option>
            ))}
          </select>
        )}
      </Field>
    </fieldset>
  );
}

/** Previous / next page links (the address holds the page, so every page can be bookmarked). */
export function Pager({ page, pages, hasMore, href }: { page: number; pages: number | null; hasMore: boolean; href(page: number): string }) {
  if (page <= 1 && !hasMore) return null;
  return (
    <nav className="pager" aria-label="分页">
      {page > 1 ? <Link to={href(page - 1)}>上一页</Link> : <span aria-hidden="true" />}
      <span>
        第 {page} 页{pages ? `，共 ${pages} 页` : ''}
      </span>
      {hasMore ? <Link to={href(page + 1)}>下一页</Link> : <span aria-hidden="true" />}
    </nav>
  );
}
