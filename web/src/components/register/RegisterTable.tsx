/** The register as a table: one row per application, the number as the row's header. */
import { Link } from '../../router.js';
import { DueText } from '../due-date.js';
import { daysText, StateBadge } from './common.js';
import type { RegisterRow } from './types.js';
import { Id } from '../ui.js';

function Due({ row }: { row: RegisterRow }) {
  if (row.state === 'replied' || row.state === 'withdrawn') return <>{row.due ? <DueText due={row.due} /> : '—'}</>;
  if (!row.due) return <>{row.dueNote ?? '—'}</>;
  return (
    <>
      <DueText due={row.due} />
      <br />
      <span className="hint">{daysText(row.state, row.due)}</span>
    </>
  );
}

export function RegisterTable({ rows, caption }: { rows: RegisterRow[]; caption: string }) {
  return (
    <div className="table-wrap">
      <table className="data">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">编号</th>
            <th scope="col">收到日期</th>
            <th scope="col">申请人</th>
            <th scope="col">申请内容</th>
            <th scope="col">状态</th>
            <th scope="col">答复期限</th>
            <th scope="col">办理结果</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <th scope="row">
                <Link to={`/officer/applications/${encodeURIComponent(r.id)}`}><Id>{r.id}</Id></Link>
              </th>
              <td>{r.receivedOn}</td>
              <td>
                {r.applicantName}
                <br />
                <span className="hint">
                  {r.applicantTypeLabel}
                  {r.contact && <> · {r.contact}</>}
                </span>
              </td>
              <td>{r.description}</td>
              <td>
                <StateBadge state={r.state} label={r.stateLabel} />
              </td>
              <td>
                <Due row={r} />
              </td>
              <td>
                {r.outcomeLabel ?? '—'}
                {r.closedOn && (
                  <>
                    <br />
                    <span className="hint">{r.closedOn}</span>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
