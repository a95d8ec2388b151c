/**
 * Name the likeliest culprit: the smallest set of cells whose correction restores every
 * relation of a table (one cell, else two), found exhaustively, never applied to the data.
 *
 * Relations are split into independent components (the three groups of table 四 share no
 * cell; table 三 is one component). In a component, a single cell can be the culprit only if
 * it sits in every violated relation and in no relation that holds, and all violated relations
 * ask the same change of it.
 */
import type { CellFix, Suggestion } from './finding.js';
import { residual, termsOf, type Relation } from './relations.js';

interface Evaluated {
  relation: Relation;
  residual: number;
}

/** Components of relations connected through shared cells. */
function components(relations: readonly Evaluated[]): Evaluated[][] {
  const parent = relations.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const owner = new Map<string, number>();
  relations.forEach((e, i) => {
    for (const t of termsOf(e.relation)) {
      const j = owner.get(t.path);
      if (j === undefined) owner.set(t.path, i);
      else parent[find(i)] = find(j);
    }
  });
  const groups = new Map<number, Evaluated[]>();
  relations.forEach((e, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), e]);
  });
  return [...groups.values()];
}

function coefIn(e: Evaluated, path: string): number {
  return termsOf(e.relation).find((t) => t.path === path)?.coef ?? 0;
}

/** Changes (cell → delta) that make every relation of the component hold, or null. */
function satisfies(component: readonly Evaluated[], deltas: ReadonlyMap<string, number>): boolean {
  return component.every((e) => {
    let r = e.residual;
    for (const [path, d] of deltas) r += coefIn(e, path) * d;
    return r === 0;
  });
}

function singleFixes(component: readonly Evaluated[], violated: readonly Evaluated[], value: (p: string) => number): Map<string, number>[] {
  const fixes: Map<string, number>[] = [];
  const cells = new Set(termsOf(violated[0]!.relation).map((t) => t.path));
  for (const path of cells) {
    const e = violated[0]!;
    const delta = -e.residual / coefIn(e, path);
    const deltas = new Map([[path, delta]]);
    if (value(path) + delta >= 0 && satisfies(component, deltas)) fixes.push(deltas);
  }
  return fixes;
}

function pairFixes(component: readonly Evaluated[], violated: readonly Evaluated[], value: (p: string) => number): Map<string, number>[] {
  const cells = [...new Set(violated.flatMap((e) => termsOf(e.relation).map((t) => t.path)))];
  const fixes: Map<string, number>[] = [];
  for (let i = 0; i < cells.length; i++) {
    for (let j = i + 1; j < cells.length; j++) {
      const [a, b] = [cells[i]!, cells[j]!];
      // Some relation holds only one of them: it fixes that cell's change; the other follows.
      const onlyA = component.find((e) => coefIn(e, a) !== 0 && coefIn(e, b) === 0 && e.residual !== 0);
      const onlyB = component.find((e) => coefIn(e, b) !== 0 && coefIn(e, a) === 0 && e.residual !== 0);
      if (!onlyA || !onlyB) continue;
      const da = -onlyA.residual / coefIn(onlyA, a);
      const db = -onlyB.residual / coefIn(onlyB, b);
      if (da === 0 || db === 0 || value(a) + da < 0 || value(b) + db < 0) continue;
      const deltas = new Map([[a, da], [b, db]]);
      if (satisfies(component, deltas)) fixes.push(deltas);
    }
  }
  return fixes;
}

/** Totals are the cells most often left wrong (forgotten, or not updated): show those first. */
function rank(fix: Map<string, number>): number {
  return [...fix.keys()].filter((p) => p.endsWith('.total') || p.includes('.total.')).length;
}

function describe(fixes: Map<string, number>[], value: (p: string) => number, label: (p: string) => string): Suggestion {
  const sorted = [...fixes].sort((x, y) => rank(y) - rank(x));
  const best = sorted[0]!;
  const cells: CellFix[] = [...best].map(([at, d]) => ({ at, found: value(at), suggested: value(at) + d }));
  const unique = fixes.length === 1;
  const what = cells.map((c) => `${label(c.at)} ${c.found} → ${c.suggested}`).join('，');
  return {
    cells,
    certainty: unique ? 'unique' : 'ambiguous',
    alternatives: fixes.length - 1,
    message: unique
      ? `最可能的更正：${what}（改动${cells.length}处即可使全部勾稽关系成立，且是唯一的最小更正）`
      : `可能的更正之一：${what}（另有${fixes.length - 1}种同样小的更正，请核对原始台账）`,
  };
}

/**
 * For every component with a violated relation: the likeliest correction, keyed by the
 * relations it concerns. Components needing more than two changes get no suggestion.
 */
export function suggestCorrections(
  relations: readonly Relation[],
  read: (path: string) => number | null,
  label: (path: string) => string,
): Map<Relation, Suggestion> {
  const evaluated: Evaluated[] = [];
  for (const relation of relations) {
    const r = residual(relation, read);
    if (r !== null) evaluated.push({ relation, residual: r });
  }
  const value = (p: string) => read(p) ?? 0;
  const out = new Map<Relation, Suggestion>();
  for (const component of components(evaluated)) {
    const violated = component.filter((e) => e.residual !== 0);
    if (violated.length === 0) continue;
    let fixes = singleFixes(component, violated, value);
    if (fixes.length === 0) fixes = pairFixes(component, violated, value);
    if (fixes.length === 0) continue;
    const suggestion = describe(fixes, value, label);
    for (const e of violated) out.set(e.relation, suggestion);
  }
  return out;
}
