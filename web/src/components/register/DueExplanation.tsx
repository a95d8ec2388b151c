/**
 * How a due date was reached, step by step (条例第三十条、第三十三条、第三十五条): receipt, the 补正 notice
 * deadline, 补正 restart, consultations not counted, 20 working days, extension, a later date — as the
 * server's calendar counted them.
 */
import type { DueDate } from './types.js';

export function DueSteps({ due }: { due: DueDate }) {
  return (
    <ol className="due-steps">
      {due.steps.map((s, i) => (
        <li key={i}>
          <strong>{s.date}（{s.weekday}）</strong> {s.label}
          {s.note && <>：{s.note}</>}
        </li>
      ))}
    </ol>
  );
}

/** A collapsible explanation under a due date (native details: keyboard and screen-reader friendly). */
export function DueExplanation({ due, open = false }: { due: DueDate; open?: boolean }) {
  return (
    <details open={open}>
      <summary>期限计算过程</summary>
      <DueSteps due={due} />
      <p className="hint">收到申请当日不计，自次日起的第一个工作日算第1天；节假日和调休按国务院办公厅公布的安排。</p>
    </details>
  );
}
