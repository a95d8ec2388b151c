/** Withheld information by its re-examination date (条例 第十八条): due, coming up, later. */
import { Loading, Notice } from '../ui.js';
import { useGet } from '../../hooks.js';
import { ItemTable } from './ItemTable.js';
import type { Reexam, ReexamRow } from './types.js';

const STATE = { due: ['badge-error', '已到复查日期'], soon: ['badge-warning', '即将复查'], later: ['badge-info', '未到复查日期'] } as const;

export function ReexamPanel({ bodyId, article }: { bodyId: string; article: string }) {
  const { data, error } = useGet<Reexam>(`/api/bodies/${encodeURIComponent(bodyId)}/catalogue/reexamination`);
  if (error) return <Notice kind="error">{error}</Notice>;
  if (!data) return <Loading what="复查清单" />;
  const due = data.items.filter((i) => i.reexamState !== 'later').length;
  return (
    <>
      <p className="hint">
        {article} 本机关复查周期：{data.months} 个月。
      </p>
      <Notice kind={due ? 'warning' : 'success'}>
        不予公开的信息共 {data.items.length} 条，已到或 {data.soonDays} 天内到复查日期的 {due} 条。
      </Notice>
      {data.items.length > 0 && (
        <ItemTable
          rows={data.items}
          caption="不予公开信息的复查日期"
          extra={{
            header: '复查',
            cell: (r) => {
              const row = r as ReexamRow;
              const [badge, label] = STATE[row.reexamState];
              return (
                <>
                  {row.reviewOn ?? '—'} <span className={`badge ${badge}`}>{label}</span>
                  <br />
                  <span className="hint">{row.groundLabel}</span>
                </>
              );
            },
          }}
        />
      )}
    </>
  );
}
