/**
 * Publication deadlines (条例 第二十六条): proactive information not yet published — new or
 * changed — that is overdue or due within five working days, each with how its date was counted.
 */
import { Loading, Notice } from '../ui.js';
import { useGet } from '../../hooks.js';
import { ItemTable } from './ItemTable.js';
import type { DueLists } from './types.js';

export function DuePanel({ bodyId, article }: { bodyId: string; article: string }) {
  const { data, error } = useGet<DueLists>(`/api/bodies/${encodeURIComponent(bodyId)}/catalogue/due`);
  if (error) return <Notice kind="error">{error}</Notice>;
  if (!data) return <Loading what="发布期限" />;
  return (
    <>
      <p className="hint">{article}</p>
      <Notice kind={data.overdue.length ? 'error' : data.dueSoon.length ? 'warning' : 'success'}>
        今天是 {data.today}：已超期 {data.overdue.length} 条，{data.dueSoonDays} 个工作日内到期 {data.dueSoon.length} 条。
      </Notice>
      {data.overdue.length > 0 && (
        <>
          <h3>已超期</h3>
          <ItemTable rows={data.overdue} caption="已超过发布期限的信息" explain />
        </>
      )}
      {data.dueSoon.length > 0 && (
        <>
          <h3>即将到期</h3>
          <ItemTable rows={data.dueSoon} caption="即将到达发布期限的信息" explain />
        </>
      )}
    </>
  );
}
