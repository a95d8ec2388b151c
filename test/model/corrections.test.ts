/**
 * Corrections replayed on a report as read: the model as read is never changed, each correction
 * sets one cell of the template, an undo sets it back, and a corrected cell is marked only while
 * it differs from what was read.
 */
import { describe, expect, it } from 'vitest';
import {
  activeCorrections,
  applyCorrections,
  cellPathsOf,
  cellValue,
  correctedCells,
  correctionProblem,
  undoProblem,
  type CellCorrection,
} from '../../src/model/corrections.js';
import { emptyReport, type AnnualReport } from '../../src/model/report.js';

/** A 2021 report with three cells filled and one reader diagnostic about a blank. */
function asRead(): AnnualReport {
  const r = emptyReport('2021');
  r.applications.newReceived!.total = 6;
  r.applications.granted!.total = 4;
  r.proactive.licensing!.decisions = 22;
  r.diagnostics.push({ code: 'VALUE.BLANK', severity: 'warning', message: '未填数字', at: 'applications.granted.naturalPerson', line: 33, raw: '/' });
  return r;
}

const c = (id: number, path: string, before: number | null, after: number | null, undoes: number | null = null): CellCorrection => ({ id, path, before, after, reason: '核对原件', undoes });

describe('corrections of a published report', () => {
  it('knows the cells of the report\'s template, row keys with dots included', () => {
    const paths = cellPathsOf(asRead());
    expect(paths.has('applications.granted.naturalPerson')).toBe(true);
    expect(paths.has('applications.withheld.stateSecret.total')).toBe(true);
    expect(paths.has('proactive.licensing.decisions')).toBe(true);
    expect(paths.has('appeals.reconsideration.corrected')).toBe(true);
    expect(paths.has('applications.granted.nobody')).toBe(false);
    expect(paths.has('unit')).toBe(false);
  });

  it('accepts a non-negative integer or null for a cell of the template, and nothing else', () => {
    const r = asRead();
    expect(correctionProblem(r, 'applications.granted.naturalPerson', 3)).toBeNull();
    expect(correctionProblem(r, 'applications.granted.total', null)).toBeNull();
    expect(correctionProblem(r, 'applications.granted.naturalPerson', -1)).toContain('非负整数');
    expect(correctionProblem(r, 'applications.granted.naturalPerson', 2.5)).toContain('非负整数');
    expect(correctionProblem(r, 'applications.granted.total', 4)).toContain('相同');
    expect(correctionProblem(r, 'applications.nowhere.total', 1)).toContain('没有这个单元格');
    expect(correctionProblem(r, 'title', 1)).toContain('没有这个单元格');
  });

  it('replays corrections on a copy: the model as read keeps its values and its diagnostic', () => {
    const read = asRead();
    const corrected = applyCorrections(read, [c(1, 'applications.granted.naturalPerson', null, 3), c(2, 'proactive.licensing.decisions', 22, 25)]);
    expect(cellValue(corrected, 'applications.granted.naturalPerson')).toBe(3);
    expect(cellValue(corrected, 'proactive.licensing.decisions')).toBe(25);
    // The reader's note about the blank no longer holds once a person filled the cell.
    expect(corrected.diagnostics).toEqual([]);
    expect(cellValue(read, 'applications.granted.naturalPerson')).toBeNull();
    expect(cellValue(read, 'proactive.licensing.decisions')).toBe(22);
    expect(read.diagnostics).toHaveLength(1);
    // Filled and then undone: blank as read, and the reader's note holds again.
    const undone = applyCorrections(read, [c(1, 'applications.granted.naturalPerson', null, 3), c(2, 'applications.granted.naturalPerson', 3, null, 1)]);
    expect(undone.diagnostics.map((d) => d.at)).toEqual(['applications.granted.naturalPerson']);
  });

  it('marks a corrected cell with its value as read and the latest correction in force', () => {
    const read = asRead();
    const history = [c(1, 'proactive.licensing.decisions', 22, 25), c(2, 'proactive.licensing.decisions', 25, 24)];
    const marks = correctedCells(read, history);
    expect([...marks.keys()]).toEqual(['proactive.licensing.decisions']);
    expect(marks.get('proactive.licensing.decisions')).toMatchObject({ read: 22, correction: { id: 2, after: 24 } });
  });

  it('undoes only the latest correction in force of a cell, back to the value it had', () => {
    const history = [c(1, 'proactive.licensing.decisions', 22, 25), c(2, 'proactive.licensing.decisions', 25, 24)];
    expect(undoProblem(history, 1)).toContain('先撤销较新');
    expect(undoProblem(history, 2)).toBeNull();
    const afterUndo = [...history, c(3, 'proactive.licensing.decisions', 24, 25, 2)];
    expect(cellValue(applyCorrections(asRead(), afterUndo), 'proactive.licensing.decisions')).toBe(25);
    expect(activeCorrections(afterUndo).map((x) => x.id)).toEqual([1]);
    expect(undoProblem(afterUndo, 2)).toContain('已经撤销');
    expect(undoProblem(afterUndo, 3)).toContain('不能再撤销');
    expect(undoProblem(afterUndo, 1)).toBeNull();
    // Both undone: the cell is 22 as read again, and no longer marked.
    const allUndone = [...afterUndo, c(4, 'proactive.licensing.decisions', 25, 22, 1)];
    expect(cellValue(applyCorrections(asRead(), allUndone), 'proactive.licensing.decisions')).toBe(22);
    expect(correctedCells(asRead(), allUndone).size).toBe(0);
    expect(undoProblem(allUndone, 99)).toContain('没有找到');
  });
});
