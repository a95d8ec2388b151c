/** 办理过程: receipt and every recorded event, in date order, with who recorded it. */
import type { TimelineEntry } from './types.js';

export function Timeline({ entries }: { entries: TimelineEntry[] }) {
  return (
    <ol className="timeline" style={{ paddingLeft: '1.5rem' }}>
      {entries.map((e, i) => (
        <li key={i} style={{ marginBottom: '.5rem' }}>
          <strong>
            {e.date} {e.label}
          </strong>
          <br />
          {e.text}
          {e.actor && (
            <>
              <br />
              <span className="hint">登记人：{e.actor}</span>
            </>
          )}
        </li>
      ))}
    </ol>
  );
}
