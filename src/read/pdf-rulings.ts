/**
 * The ruling lines a PDF page draws, from pdf.js's operator list: stroked paths (lines and
 * rectangle edges) and thin filled rectangles (how browsers and Word draw table borders), in
 * page space (the current transform followed through save/restore, `cm` and form XObjects).
 * Only horizontal and vertical lines are kept: that is what a table's grid is made of. Pure:
 * it reads the operator list it is given.
 */

export interface Ruling {
  /** Horizontal: y fixed, x from a to b. Vertical: x fixed, y from a to b (a < b). */
  at: number;
  a: number;
  b: number;
}

export interface Rulings {
  horizontal: Ruling[];
  vertical: Ruling[];
}

/** The operator numbers we read (pdf.js's OPS, passed in so this module needs no pdf.js). */
export interface PathOps {
  save: number;
  restore: number;
  transform: number;
  constructPath: number;
  moveTo: number;
  lineTo: number;
  curveTo: number;
  curveTo2: number;
  curveTo3: number;
  closePath: number;
  rectangle: number;
  stroke: number;
  closeStroke: number;
  fill: number;
  eoFill: number;
  fillStroke: number;
  eoFillStroke: number;
  closeFillStroke: number;
  closeEOFillStroke: number;
  endPath: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
}

type Matrix = [number, number, number, number, number, number];
type Point = [number, number];

/** `m` applied first, then `ctm` (PDF's `cm`). */
function concat(ctm: Matrix, m: Matrix): Matrix {
  return [
    ctm[0] * m[0] + ctm[2] * m[1],
    ctm[1] * m[0] + ctm[3] * m[1],
    ctm[0] * m[2] + ctm[2] * m[3],
    ctm[1] * m[2] + ctm[3] * m[3],
    ctm[0] * m[4] + ctm[2] * m[5] + ctm[4],
    ctm[1] * m[4] + ctm[3] * m[5] + ctm[5],
  ];
}

function apply(m: Matrix, x: number, y: number): Point {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** A filled rectangle this thin (points) is a line. */
const THIN = 2.5;
/** Lines shorter than this (points) are glyph strokes or dots, not rulings. */
const MIN_LENGTH = 3;
/** How far from horizontal or vertical (points over the length) a line may lean. */
const LEAN = 0.5;

interface Path {
  /** Straight pieces, for stroking. */
  segments: [Point, Point][];
  /** Rectangles and subpaths as outlines, for filling (a browser fills a border side as a thin quadrilateral). */
  shapes: Point[][];
}

export function pageRulings(fnArray: readonly number[], argsArray: readonly unknown[], ops: PathOps): Rulings {
  const out: Rulings = { horizontal: [], vertical: [] };
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  let path: Path = { segments: [], shapes: [] };
  const addLine = (p: Point, q: Point) => {
    const dx = Math.abs(p[0] - q[0]);
    const dy = Math.abs(p[1] - q[1]);
    if (dy <= LEAN && dx >= MIN_LENGTH) out.horizontal.push({ at: (p[1] + q[1]) / 2, a: Math.min(p[0], q[0]), b: Math.max(p[0], q[0]) });
    else if (dx <= LEAN && dy >= MIN_LENGTH) out.vertical.push({ at: (p[0] + q[0]) / 2, a: Math.min(p[1], q[1]), b: Math.max(p[1], q[1]) });
  };
  const stroke = () => {
    for (const [p, q] of path.segments) addLine(p, q);
  };
  const fill = () => {
    for (const r of path.shapes) {
      if (r.length < 2) continue;
      const xs = r.map((p) => p[0]);
      const ys = r.map((p) => p[1]);
      const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
      if (y1 - y0 <= THIN && x1 - x0 >= MIN_LENGTH) out.horizontal.push({ at: (y0 + y1) / 2, a: x0, b: x1 });
      else if (x1 - x0 <= THIN && y1 - y0 >= MIN_LENGTH) out.vertical.push({ at: (x0 + x1) / 2, a: y0, b: y1 });
    }
  };
  const paint: ReadonlyMap<number, () => void> = new Map([
    [ops.stroke, stroke], [ops.closeStroke, stroke], [ops.fill, fill], [ops.eoFill, fill],
    [ops.fillStroke, stroke], [ops.eoFillStroke, stroke], [ops.closeFillStroke, stroke], [ops.closeEOFillStroke, stroke],
    [ops.endPath, () => undefined],
  ]);
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i]!;
    const args = argsArray[i] as unknown[] | null;
    if (fn === ops.save) stack.push(ctm);
    else if (fn === ops.restore) ctm = stack.pop() ?? ctm;
    else if (fn === ops.transform) ctm = concat(ctm, args as Matrix);
    else if (fn === ops.paintFormXObjectBegin) {
      stack.push(ctm);
      if (Array.isArray(args?.[0])) ctm = concat(ctm, args[0] as Matrix);
    } else if (fn === ops.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === ops.constructPath) readPath(args as [number[], number[]], ctm, ops, path);
    else {
      const painter = paint.get(fn);
      if (painter) {
        painter();
        path = { segments: [], shapes: [] };
      }
    }
  }
  return out;
}

/** Add a constructPath's subpaths (in page space) to the current path. */
function readPath([pathOps, coords]: [number[], number[]], ctm: Matrix, ops: PathOps, path: Path): void {
  let k = 0;
  let current: Point | null = null;
  let start: Point | null = null;
  for (const op of pathOps) {
    if (op === ops.rectangle) {
      const [x, y, w, h] = coords.slice(k, k + 4) as [number, number, number, number];
      k += 4;
      const corners: Point[] = [apply(ctm, x, y), apply(ctm, x + w, y), apply(ctm, x + w, y + h), apply(ctm, x, y + h)];
      path.shapes.push(corners);
      corners.forEach((c, i) => path.segments.push([c, corners[(i + 1) % 4]!]));
      current = start = null;
    } else if (op === ops.moveTo) {
      current = start = apply(ctm, coords[k]!, coords[k + 1]!);
      path.shapes.push([current]);
      k += 2;
    } else if (op === ops.lineTo) {
      const next = apply(ctm, coords[k]!, coords[k + 1]!);
      k += 2;
      if (current) path.segments.push([current, next]);
      path.shapes[path.shapes.length - 1]?.push(next);
      current = next;
    } else if (op === ops.curveTo) {
      current = apply(ctm, coords[k + 4]!, coords[k + 5]!);
      k += 6;
    } else if (op === ops.curveTo2 || op === ops.curveTo3) {
      current = apply(ctm, coords[k + 2]!, coords[k + 3]!);
      k += 4;
    } else if (op === ops.closePath) {
      if (current && start) path.segments.push([current, start]);
      current = start;
    }
  }
}
