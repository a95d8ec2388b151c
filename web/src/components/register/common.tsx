/**
 * Small pieces the register's pages share: loading an API answer, the state badge (text, never
 * colour alone), and a due date with its 暂定 mark.
 */
import { useCallback, useEffect, useState } from 'react';
import { get } from '../../api.js';
import type { DueDate, State, Vocabulary } from './types.js';

export interface Loaded<T> {
  data: T | null;
  error: string | null;
  reload(): Promise<void>;
  set(data: T): void;
}

/** GET `path` (again whenever it changes); null path waits. */
export function useGet<T>(path: string | null): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(async () => {
    if (!path) return;
    try {
      setData(await get<T>(path));
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  }, [path]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, error, reload, set: setData };
}

export const useVocabulary = () => useGet<Vocabulary>('/api/register/vocabulary');

const BADGE: Record<State, string> = {
  overdue: 'badge-error',
  dueSoon: 'badge-warning',
  replied: 'badge-ok',
  withdrawn: 'badge-info',
  awaitingCorrection: 'badge-info',
  open: 'badge-info',
};

export function StateBadge({ state, label }: { state: State; label: string }) {
  return <span className={`badge ${BADGE[state]}`}>{label}</span>;
}

/** “2026-03-06（星期五）”, “暂定” when the holiday schedule of a year it depends on is not known yet. */
export function DueText({ due }: { due: DueDate }) {
  return (
    <>
      {due.due}（{due.weekday}）
      {due.provisional && (
        <>
          {' '}
          <span className="badge badge-warning" title="涉及尚未公布节假日安排的年份，暂按周一至周五推算">
            暂定
          </span>
        </>
      )}
    </>
  );
}

/** “还剩 4 个工作日”, “今日到期”, “已逾期 1 个工作日”. */
export function daysText(state: State, due: DueDate): string {
  if (due.workingDays === null) return '';
  if (state === 'overdue') return `已逾期 ${due.workingDays} 个工作日`;
  return due.workingDays === 0 ? '今日到期' : `还剩 ${due.workingDays} 个工作日`;
}

/** The body whose register to show: an officer's or reviewer's own; an administrator picks one. */
export function bodyOf(user: { role: string; bodies: string[] } | null, search: URLSearchParams): string | null {
  if (!user) return null;
  if (user.role === 'admin') return search.get('body');
  return user.bodies[0] ?? null;
}
