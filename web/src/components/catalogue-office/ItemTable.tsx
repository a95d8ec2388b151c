/** Items as a table: the index number as the row's header, linking to the item. */
import type { ReactNode } from 'react';
import { Link } from '../../router.js';
import { DueText } from '../due-date.js';
import { ClockBadge, ClockSteps, daysText, StatusBadges } from './common.js';
import type { Row } from './types.js';
import { Id } from '../ui.js';

function Due({ row, explain }: { row: Row; explain: boolean }) {
  if (!row.clock) return <>{row.publishedOn ? `已于 ${row.publishedOn} 发布` : '—'}</>;
  return (
    <>
      <DueText due={row.clock} /> <ClockBadge clock={row.clock} />
      <br />
      <span className="hint">
        {row.clock.changed ? '变更后' : ''}
        {daysText(row.clock)}
      </span>
      {explain && <ClockSteps clock={row.clock} />}
    </>
  );
}

export function ItemTable({ rows, caption, explain = false, extra }: { rows: Row[]; caption: string; explain?: boolean; extra?: { header: string; cell(row: Row): ReactNode } }) {
  return (
    <div className="table-wrap">
      <table className="data">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">索引号</th>
            <th scope="col">名称</th>
            <th scope="col">分类</th>
            <th scope="col">生成日期</th>
            <th scope="col">状态</th>
            <th scope="col">发布期限</th>
            {extra && <th scope="col">{extra.header}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <th scope="row" className="cof-nowrap">
                <Link to={`/officer/catalogue/items/${r.id}`}><Id>{r.indexNo}</Id></Link>
              </th>
              <td>{r.title}</td>
              <td>
                {r.topic}
                <br />
                <span className="hint">
                  {r.docType} · {r.disclosureLabel}
                </span>
              </td>
              <td>{r.madeOn}</td>
              <td>
                <StatusBadges row={r} />
              </td>
              <td>
                <Due row={r} explain={explain} />
              </td>
              {extra && <td>{extra.cell(r)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
