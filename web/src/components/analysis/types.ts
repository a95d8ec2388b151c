/** The analysis API's answers, as the pages use them (see /api/openapi.json: AnalysisBody, Rollup, SeriesPoint). */
import type { GridCell } from '../../../../src/render/layout.js';

export type { GridCell };

export interface AnalysisBody {
  key: string;
  bodyId: string | null;
  name: string;
  level: string | null;
  levelLabel: string;
  region: string | null;
  years: number[];
}

export interface OfficialTable {
  no: number;
  caption: string;
  widths: number[];
  grid: GridCell[][];
}

export interface Finding {
  code: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  at: string;
}

export interface RollupSourceOutcome {
  key: string;
  name: string;
  unit: string | null;
  reportId: number | null;
  template: '2019' | '2021' | null;
  status: 'included' | 'refused' | 'missing';
  reason: string | null;
}

export interface RollupAnswer {
  area: string;
  year: number;
  template: '2019' | '2021';
  included: string[];
  missing: string[];
  refused: { unit: string | null; reason: string }[];
  sources: RollupSourceOutcome[];
  tables: OfficialTable[];
  findings: Finding[];
}

export type Figure = number | null;

export interface SeriesPoint {
  key: string;
  name: string;
  year: number;
  template: '2019' | '2021';
  reportId: number;
  newReceived: Figure;
  carriedOver: Figure;
  handled: Figure;
  carriedForward: Figure;
  outcomes: Record<string, Figure>;
  reconsideration: Figure;
  litigation: Figure;
  errors: number;
  warnings: number;
}

export interface SeriesAnswer {
  bodies: AnalysisBody[];
  years: number[];
  outcomeKinds: { key: string; label: string }[];
  points: SeriesPoint[];
}
