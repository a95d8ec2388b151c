/**
 * A finding: what a rule found, where, expected against found, and what to do.
 */
import type { FindingCode } from '../model/codes.js';
import type { Severity } from '../model/report.js';

export type Scalar = number | string | null;

/** A proposed correction of one cell: never applied to the data, only shown. */
export interface CellFix {
  at: string;
  found: number;
  suggested: number;
}

export interface Suggestion {
  /** The likeliest correction (the smallest set of cells that restores every relation). */
  cells: CellFix[];
  /** unique: no other correction of this size exists; ambiguous: `alternatives` others do. */
  certainty: 'unique' | 'ambiguous';
  alternatives: number;
  message: string;
}

export interface Finding {
  /** Listed in the registry of codes (src/model/codes.ts), which `gongkai rules` prints. */
  code: FindingCode;
  severity: Severity;
  /** For the user, in Chinese: what is wrong and what to do. */
  message: string;
  /** Dotted model path, `*` for a whole column or row, or `sections.N`. */
  at: string;
  expected: Scalar;
  found: Scalar;
  line?: number;
  suggestion?: Suggestion;
}

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Worst first, then by place. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.at.localeCompare(b.at));
}
