/**
 * Pieces the catalogue back office's pages share: loading an API answer, the status badge (text,
 * never colour alone), a publication due date with its 暂定 mark and how it was counted.
 */
import { useCallback, useEffect, useState } from 'react';
import { get } from '../../api.js';
import type { Clock, Row, Status, Vocabulary } from './types.js';
import './catalogue-office.css';

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

export const useVocabulary = () => useGet<Vocabulary>('/api/office/catalogue/vocabulary');

const BADGE: Record<Status, string> = {
  draft: 'badge-info',
  inReview: 'badge-warning',
  published: 'badge-ok',
  approved: 'badge-ok',
  rejected: 'badge-error',
  withdrawn: 'badge-info',
};

/** The item's status, and its change's when one is under way. */
export function StatusBadges({ row }: { row: Pick<Row, 'status' | 'statusLabel' | 'change' | 'waitingAt'> }) {
  return (
    <>
      <span className={`badge ${BADGE[row.status]}`}>{row.statusLabel}</span>
      {row.change && (
        <>
          {' '}
          <span className={`badge ${row.change.status === 'rejected' ? 'badge-error' : 'badge-warning'}`}>{row.change.statusLabel}</span>
        </>
      )}
      {row.waitingAt && <span className="hint"> 待{row.waitingAt}</span>}
    </>
  );
}

/** “2026-03-06（星期五）”, with 暂定 when a year's holiday schedule it depends on is not known yet. */
export function DueText({ clock }: { clock: Clock }) {
  return (
    <>
      {clock.due}（{clock.weekday}）
      {clock.provisional && (
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

/** “还剩 4 个工作日”, “今日到期”, “已超期 1 个工作日”. */
export function daysText(clock: Clock): string {
  if (clock.state === 'overdue') return `已超期 ${clock.workingDays} 个工作日`;
  return clock.workingDays === 0 ? '今日到期' : `还剩 ${clock.workingDays} 个工作日`;
}

export function ClockBadge({ clock }: { clock: Clock }) {
  const kind = clock.state === 'overdue' ? 'badge-error' : clock.state === 'dueSoon' ? 'badge-warning' : 'badge-info';
  return <span className={`badge ${kind}`}>{clock.stateLabel}</span>;
}

/** How the due date was counted (第二十六条), as a list; inside a native details element when folded. */
export function ClockSteps({ clock, folded = true }: { clock: Clock; folded?: boolean }) {
  const list = (
    <>
      <ol>
        {clock.steps.map((s, i) => (
          <li key={i}>
            <strong>
              {s.date}（{s.weekday}）
            </strong>{' '}
            {s.label}
            {s.note && <>：{s.note}</>}
          </li>
        ))}
      </ol>
      <p className="hint">生成日期当日不计，自次日起的第一个工作日算第1天；节假日和调休按国务院办公厅公布的安排。</p>
    </>
  );
  if (!folded) return list;
  return (
    <details>
      <summary>期限计算过程</summary>
      {list}
    </details>
  );
}

/** The body whose catalogue to show: an officer's or reviewer's own; an administrator picks one. */
export function bodyOf(user: { role: string; bodies: string[] } | null, search: URLSearchParams): string | null {
  if (!user) return null;
  if (user.role === 'admin') return search.get('body');
  return user.bodies[0] ?? null;
}

export const fileSize = (n: number) => (n < 1024 ? `${n} 字节` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`);

export const dateTime = (iso: string) =>
  new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
