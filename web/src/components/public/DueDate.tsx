/**
 * The reply due date: the date in words, “暂定” in words (never colour alone) when the year's
 * holiday schedule is not yet published, and, when given, the steps that explain it.
 */
import type { DueSummary, Step } from './types.js';
import { chineseDate } from './dates.js';
import { Timeline } from './Timeline.js';

export function DueDate({ due, steps }: { due: DueSummary; steps?: Step[] }) {
  return (
    <>
      <p className="due-date">
        <strong>{chineseDate(due.date, true)}</strong>
        {due.provisional && <span className="badge badge-warning">暂定</span>}
      </p>
      {due.provisional && <p className="hint">计算涉及尚未公布节假日安排的年份：法定节假日已按《全国年节及纪念日放假办法》排除，调休暂按周一至周五推算；国务院公布当年安排后以实际为准。</p>}
      {steps && steps.length > 0 && (
        <>
          <p className="hint">期限的计算（收到申请的当日不计，从次日起按工作日计算）：</p>
          <Timeline entries={steps} label="答复期限的计算步骤" />
        </>
      )}
    </>
  );
}
