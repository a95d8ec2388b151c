/**
 * One of the report's tables as the template prints it — the grid of `render/layout.ts`, with
 * its merged headers and row groups — and an input in every value cell. Each input is named by
 * its row and column (表三“（一）予以公开”行“总计”列), marked when a finding concerns it (a
 * symbol and its number, not colour alone), and shows the register's figure when it departs.
 */
import type { ChangeEvent } from 'react';
import type { Cell } from '../../../../src/model/report.js';
import { printed, type Grid, type GridCell } from '../../../../src/render/layout.js';
import type { Finding } from '../../../../src/rules/finding.js';
import { placeName } from '../../../../src/rules/labels.js';

export interface CellView {
  text: string;
  value: Cell;
  /** The text typed is not a number. */
  invalid: string | null;
  findings: readonly Finding[];
  /** The register's figure; undefined where the register says nothing. */
  register: Cell | undefined;
}

export interface TableProps {
  grid: Grid;
  caption: string;
  widths: readonly number[];
  readOnly: boolean;
  cell(path: string): CellView;
  onChange(path: string, text: string): void;
  /** The number of a finding in the findings list (to link to it). */
  numberOf(finding: Finding): number;
}

export const SEVERITY_SYMBOL = { error: '✖', warning: '⚠', info: 'ℹ' } as const;
export const SEVERITY_LABEL = { error: '错误', warning: '警告', info: '提示' } as const;

const cellId = (path: string) => `cell-${path}`;

function worst(view: CellView): 'error' | 'warning' | 'info' | null {
  if (view.invalid || view.findings.some((f) => f.severity === 'error')) return 'error';
  if (view.findings.some((f) => f.severity === 'warning')) return 'warning';
  return view.findings.length ? 'info' : null;
}

function ValueCell({ path, span, props }: { path: string; span: Pick<GridCell, 'rowSpan' | 'colSpan'>; props: TableProps }) {
  const view = props.cell(path);
  const id = cellId(path);
  const severity = worst(view);
  const departs = view.register !== undefined && view.register !== null && view.value !== view.register;
  const described = [severity ? `${id}-msg` : '', departs ? `${id}-reg` : ''].filter(Boolean).join(' ');
  const classes = ['cell', severity ? `cell-${severity}` : '', departs ? 'cell-departs' : ''].filter(Boolean).join(' ');
  return (
    <td className={classes} rowSpan={span.rowSpan} colSpan={span.colSpan}>
      <input
        id={id}
        data-at={path}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        aria-label={placeName(path)}
        value={view.text}
        readOnly={props.readOnly}
        onChange={(e: ChangeEvent<HTMLInputElement>) => props.onChange(path, e.target.value)}
        {...(severity === 'error' ? { 'aria-invalid': true } : {})}
        {...(described ? { 'aria-describedby': described } : {})}
      />
      {departs && (
        <span className="reg-diff" id={`${id}-reg`}>
          台账 {printed(view.register)}
        </span>
      )}
      {severity && (
        <>
          <span className="cell-marks">
            {view.findings.map((f) => (
              <a key={`${f.code}${f.at}`} href={`#finding-${props.numberOf(f)}`} className={`mark mark-${f.severity}`} aria-label={`第${props.numberOf(f)}条检查发现（${SEVERITY_LABEL[f.severity]}）`}>
                {SEVERITY_SYMBOL[f.severity]}
                {props.numberOf(f)}
              </a>
            ))}
            {view.invalid && <span className="mark mark-error">{SEVERITY_SYMBOL.error}</span>}
          </span>
          <div className="cell-msg" id={`${id}-msg`}>
            {view.invalid && <p>{view.invalid}</p>}
            {view.findings.map((f) => (
              <p key={`${f.code}${f.at}`}>
                {SEVERITY_LABEL[f.severity]}（{props.numberOf(f)}）：{f.message}
              </p>
            ))}
          </div>
        </>
      )}
    </td>
  );
}

function HeadCell({ cell }: { cell: GridCell }) {
  const span = { rowSpan: cell.rowSpan, colSpan: cell.colSpan };
  if (cell.role === 'label') {
    return (
      <th scope={(cell.rowSpan ?? 1) > 1 ? 'rowgroup' : 'row'} className="label" {...span}>
        {cell.text}
      </th>
    );
  }
  return (
    <th scope={(cell.colSpan ?? 1) > 1 ? 'colgroup' : 'col'} {...span}>
      {cell.text}
    </th>
  );
}

export function ReportTable(props: TableProps) {
  return (
    <div className="report-table-wrap">
      <table className="report-table">
        <caption>{props.caption}</caption>
        <colgroup>
          {props.widths.map((w, i) => (
            <col key={i} style={{ width: `${w.toFixed(2)}%` }} />
          ))}
        </colgroup>
        <tbody>
          {props.grid.map((row, r) => (
            <tr key={r}>
              {row.map((cell, c) =>
                cell.role === 'value' && cell.path ? (
                  <ValueCell key={c} path={cell.path} span={{ rowSpan: cell.rowSpan, colSpan: cell.colSpan }} props={props} />
                ) : (
                  <HeadCell key={c} cell={cell} />
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
