/**
 * The charts' data shaped from the series answer: pure functions, so the chart and the data
 * table under it always show the same numbers. A missing figure (no report, or a blank cell in
 * it) stays null — a gap, never a zero bar.
 */
import type { EChartsCoreOption } from 'echarts/core';
import type { Figure, SeriesAnswer, SeriesPoint } from './types.js';

export interface Matrix {
  /** Row headings (bodies, or body and year). */
  rows: { key: string; label: string }[];
  /** Column headings (years, or kinds of outcome). */
  columns: { key: string; label: string }[];
  /** values[row][column]. */
  values: Figure[][];
}

/** New applications received: a row per body (in the answer's order), a column per year. */
export function receivedMatrix(series: SeriesAnswer, keys: ReadonlySet<string>): Matrix {
  const bodies = series.bodies.filter((b) => keys.has(b.key) && series.points.some((p) => p.key === b.key));
  const at = (key: string, year: number) => series.points.find((p) => p.key === key && p.year === year);
  return {
    rows: bodies.map((b) => ({ key: b.key, label: b.name })),
    columns: series.years.map((y) => ({ key: String(y), label: `${y}年` })),
    values: bodies.map((b) => series.years.map((y) => at(b.key, y)?.newReceived ?? null)),
  };
}

/** How applications ended: a row per body and year, a column per kind of outcome. */
export function outcomesMatrix(series: SeriesAnswer, keys: ReadonlySet<string>): Matrix {
  const order = new Map(series.bodies.map((b, i) => [b.key, i]));
  const points = series.points
    .filter((p) => keys.has(p.key))
    .sort((a, b) => (order.get(a.key) ?? 0) - (order.get(b.key) ?? 0) || a.year - b.year);
  return {
    rows: points.map((p: SeriesPoint) => ({ key: `${p.key}/${p.year}`, label: `${p.name} ${p.year}年` })),
    columns: series.outcomeKinds,
    values: points.map((p) => series.outcomeKinds.map((k) => p.outcomes[k.key] ?? null)),
  };
}

/** Horizontal bars (long Chinese names read better down the side): one series per column. */
export function barOption(m: Matrix, stacked: boolean): EChartsCoreOption {
  return {
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, name: '件' },
    yAxis: { type: 'category', inverse: true, data: m.rows.map((r) => r.label), axisLabel: { width: 180, overflow: 'truncate' } },
    series: m.columns.map((c, i) => ({
      type: 'bar',
      name: c.label,
      ...(stacked ? { stack: 'all' } : {}),
      data: m.values.map((row) => row[i] ?? null),
    })),
  };
}

/** Chart height: enough room for every category's bars. */
export function chartHeight(m: Matrix, stacked: boolean): number {
  const per = stacked ? 28 : Math.max(28, 16 * m.columns.length + 8);
  return Math.max(240, 80 + per * m.rows.length);
}
