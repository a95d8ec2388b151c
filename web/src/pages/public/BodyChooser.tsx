/**
 * Choosing the body to apply to: search by name (or region) and filter by level, then pick from
 * the bodies found. Every body accepts applications (条例第二十七条).
 */
import { useEffect, useState } from 'react';
import { get, query } from '../../api.js';
import { Field } from '../../components/ui.js';
import type { Body } from '../../components/public/types.js';
import { LevelSelect } from '../../components/level-select.js';

export function BodyChooser({ value, onChange, error }: { value: string; onChange: (id: string) => void; error?: string | undefined }) {
  const [q, setQ] = useState('');
  const [level, setLevel] = useState('');
  const [found, setFound] = useState<Body[] | null>(null);
  const [chosen, setChosen] = useState<Body | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let live = true;
    // Wait for a pause in typing before asking the server.
    const timer = setTimeout(() => {
      get<Body[]>(`/api/bodies${query({ q: q.trim(), level })}`)
        .then((bodies) => {
          if (!live) return;
          setFound(bodies);
          setFailed(false);
        })
        .catch(() => {
          if (live) setFailed(true);
        });
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [q, level]);

  // The chosen body stays choosable while the search shows others.
  const options = found ? (chosen && !found.some((b) => b.id === chosen.id) ? [chosen, ...found] : found) : [];
  const pick = (id: string) => {
    setChosen(options.find((b) => b.id === id) ?? null);
    onChange(id);
  };
  const count = found ? `找到 ${found.length} 个机关` : '正在查找机关…';

  return (
    <>
      <Field label="按名称或地区查找机关" hint="例如输入“云岭”或“自然资源”，下方列表随之缩小">
        {(p) => <input {...p} type="search" name="bodySearch" value={q} onChange={(e) => setQ(e.target.value)} autoComplete="off" />}
      </Field>
      <LevelSelect value={level} onChange={setLevel} name="bodyLevel" />
      <p className="hint" role="status">
        {failed ? '机关列表暂时无法加载，请稍后刷新页面' : count}
      </p>
      <Field label="受理申请的机关（必填）" error={error}>
        {(p) => (
          <select {...p} name="bodyId" aria-required="true" value={value} onChange={(e) => pick(e.target.value)}>
            <option value="">{options.length ? '请选择机关' : '没有符合条件的机关，请修改查找条件'}</option>
            {options.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name} · {b.levelLabel}
              </option>
            ))}
          </select>
        )}
      </Field>
    </>
  );
}
