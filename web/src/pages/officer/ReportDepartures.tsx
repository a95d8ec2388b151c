/**
 * Where the report departs from the register: each cell with both figures, and a way back to
 * the register's numbers. A departure is not an error — a correction the register missed is
 * one — but the officer should know each.
 */
import type { AnnualReport } from '../../../../src/model/report.js';
import { printed } from '../../../../src/render/layout.js';
import { placeName } from '../../../../src/rules/labels.js';
import { departures } from '../../components/report/cells.js';
import { locate } from '../../components/report/FindingsList.js';

export function ReportDepartures({ report, fromRegister, onRefill }: { report: AnnualReport; fromRegister: AnnualReport; onRefill: (() => void) | null }) {
  const list = departures(report, fromRegister);
  return (
    <details className="departures">
      <summary>{list.length ? `与台账数字不同的单元格：${list.length} 处` : '表格数字与台账一致'}</summary>
      {list.length > 0 && (
        <ul>
          {list.map((d) => (
            <li key={d.path}>
              <button type="button" className="link-button" onClick={() => locate(d.path)}>
                {placeName(d.path)}
              </button>
              ：报告 {printed(d.value)}，台账 {d.register}
            </li>
          ))}
        </ul>
      )}
      {onRefill && list.length > 0 && (
        <button type="button" className="secondary" onClick={onRefill}>
          表格恢复为台账数字
        </button>
      )}
    </details>
  );
}
