/**
 * Pieces the catalogue back office's pages share: the vocabulary, the status badge (text, never
 * colour alone), a publication due date's state and how it was counted.
 */
import { useState } from 'react';
import { useGet } from '../../hooks.js';
import type { Clock, Row, Status, Vocabulary } from './types.js';
import './catalogue-office.css';

export const useVocabulary = () => useGet<Vocabulary>('/api/office/catalogue/vocabulary');

/** An action behind a button: busy while it runs (the button disabled), its failure kept to show. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, run };
}

const BADGE: Record<Status, string> = {
  draft: 'badge-info',
  inReview: 'badge-warning',
  published: 'badge-ok',
  approved: 'badge-ok',
  rejected: 'badge-error',
  withdrawn: 'badge-info',
};

/** The item's status, and its change's when one is under way. */
export function StatusBadges({ row }: { row: Pick<Row, 'status' | 'statusLabel' | 'change' | 'waitingAt' | 'validity'> }) {
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
      {row.validity && row.status !== 'withdrawn' && (
        <>
          {' '}
          <span className={`badge ${row.validity.state === 'inForce' ? 'badge-ok' : 'badge-info'}`} title={row.validity.note}>
            {row.validity.label}
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

export const fileSize = (n: number) => (n < 1024 ? `${n} 字节` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`);

export const dateTime = (iso: string) =>
  new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
