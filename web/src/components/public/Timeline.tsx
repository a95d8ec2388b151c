/** Dated steps as an ordered list: a timeline screen readers read in order. */
import type { Step } from './types.js';
import { chineseDate } from './dates.js';

export function Timeline({ entries, label }: { entries: Step[]; label: string }) {
  return (
    <ol className="timeline" aria-label={label}>
      {entries.map((e, i) => (
        <li key={`${e.date}-${i}`}>
          <time dateTime={e.date}>{chineseDate(e.date)}</time>
          <span className="timeline-label">{e.label}</span>
          {e.note && <span className="timeline-note">{e.note}</span>}
        </li>
      ))}
    </ol>
  );
}
