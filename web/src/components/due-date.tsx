/** A working-day due date as the register and the catalogue show it. */

/** “2026-03-06（星期五）”, with 暂定 when a year's holiday schedule it depends on is not known yet. */
export function DueText({ due }: { due: { due: string; weekday: string; provisional: boolean } }) {
  return (
    <>
      {due.due}（{due.weekday}）
      {due.provisional && (
        <>
          {' '}
          <span className="badge badge-warning" title="涉及尚未公布调休安排的年份：法定节假日已排除，调休暂按周一至周五推算">
            暂定
          </span>
        </>
      )}
    </>
  );
}
