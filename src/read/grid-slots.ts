/**
 * The slots of a table grid as its rows arrive: HTML's table model in small. A cell takes the
 * first free column of the current row, and its rowspan/colspan reserve the slots below and to
 * the right, so a later row's cells skip the columns a group cell above still covers. Pure.
 */

/** Spans beyond these are not tables a report prints (and would only cost memory). */
export const MAX_ROWSPAN = 200;
export const MAX_COLSPAN = 60;
/**
 * Slots a document may reserve below its current rows in all: a page of thousands of cells
 * each spanning hundreds of rows is no report, and must not cost time or memory without bound;
 * past this its spans stop reaching down (its grids are then wrong, and no table reads by them).
 */
export const SLOT_BUDGET = 1_000_000;

export class GridSlots {
  private row = -1;
  private col = 0;
  /** Taken columns of each row from the current one on. */
  private readonly taken = new Map<number, Set<number>>();

  constructor(private readonly budget: { slots: number } = { slots: SLOT_BUDGET }) {}

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
    const below = (rowSpan - 1) * colSpan;
    const reach = below <= this.budget.slots ? rowSpan : 1;
    if (reach > 1) this.budget.slots -= below;
    for (let r = this.row; r < this.row + reach; r++) {
      let set = this.taken.get(r);
      if (!set) this.taken.set(r, (set = new Set()));
      for (let c = this.col; c < this.col + colSpan; c++) set.add(c);
    }
    this.col += colSpan;
    return at;
  }
}
