/**
 * The slots of a table grid as its rows arrive: HTML's table model in small. A cell takes the
 * first free column of the current row, and its rowspan/colspan reserve the slots below and to
 * the right, so a later row's cells skip the columns a group cell above still covers. Pure.
 */

/** Spans beyond these are not tables a report prints (and would only cost memory). */
export const MAX_ROWSPAN = 200;
export const MAX_COLSPAN = 60;

export class GridSlots {
  private row = -1;
  private col = 0;
  /** Taken columns of each row from the current one on. */
  private readonly taken = new Map<number, Set<number>>();

  /** A new row begins. */
  nextRow(): void {
    this.taken.delete(this.row);
    this.row++;
    this.col = 0;
  }

  /** Place a cell of the given spans in the current row; returns its row and column. */
  place(rowSpan: number, colSpan: number): { row: number; col: number } {
    if (this.row < 0) this.nextRow();
    const here = this.taken.get(this.row);
    while (here?.has(this.col)) this.col++;
    const at = { row: this.row, col: this.col };
    for (let r = this.row; r < this.row + rowSpan; r++) {
      let set = this.taken.get(r);
      if (!set) this.taken.set(r, (set = new Set()));
      for (let c = this.col; c < this.col + colSpan; c++) set.add(c);
    }
    this.col += colSpan;
    return at;
  }
}
