/**
 * The indicator pages' shared words and styles: how a value, a change and a flag are written, and
 * the style rules (added once with the page's script, as the supervisor pages do).
 */
import type { z } from '@hono/zod-openapi';
import type { DefinitionSchema, IndicatorTableSchema } from '../../../../src/api/indicators.js';

export type IndicatorTable = z.infer<typeof IndicatorTableSchema>;
export type IndicatorInfo = IndicatorTable['indicators'][number];
export type BodyRow = IndicatorTable['bodies'][number];
export type Cell = BodyRow['cells'][string];
export type Definition = z.infer<typeof DefinitionSchema>;

export const FLAG_WORDS = { red: '红色预警', yellow: '黄色预警' } as const;

/** A value in its unit: 63.2%, 20 件 (the unit in the column header), 1.50. */
export function formatValue(i: Pick<IndicatorInfo, 'unit'>, v: number | null): string {
  if (v === null) return '—';
  if (i.unit === '%') return `${v.toFixed(1)}%`;
  if (i.unit === '万元') return v.toFixed(2);
  return String(Math.round(v * 100) / 100);
}

/** A difference: +13.2 个百分点, −3 件, 持平. */
export function formatChange(i: Pick<IndicatorInfo, 'unit'>, d: number | null): string {
  if (d === null) return '—';
  if (Math.abs(d) < 1e-9) return '持平';
  const sign = d > 0 ? '+' : '−';
  const n = Math.abs(d);
  if (i.unit === '%') return `${sign}${n.toFixed(1)} 个百分点`;
  if (i.unit === '万元') return `${sign}${n.toFixed(2)} 万元`;
  return `${sign}${Math.round(n * 100) / 100} 件`;
}

const CSS = `
.ind-table { font-size: .85rem; }
.ind-table th, .ind-table td { white-space: nowrap; }
.ind-table thead th { vertical-align: bottom; white-space: normal; min-width: 5.5em; }
.ind-table thead th button { all: unset; cursor: pointer; display: block; font-weight: 600; min-height: 44px; line-height: 1.35; }
/* A sortable header says so with a mark, not an underline: a dotted line under wrapped Chinese reads as struck through. */
.ind-table thead th button:not(.ind-sorted)::after { content: ' ⇅'; color: var(--muted, #6b7280); font-weight: 400; }
.ind-table thead th button:focus-visible { outline: 3px solid var(--focus); }
.ind-table td.num { text-align: right; font-variant-numeric: tabular-nums; }
.ind-table td.ind-red { background: #fde2df; box-shadow: inset 4px 0 0 var(--err); }
.ind-table td.ind-yellow { background: #fff4cc; box-shadow: inset 4px 0 0 var(--warn); }
.ind-flag { display: block; font-size: .75rem; font-weight: 700; }
.ind-red .ind-flag { color: var(--err); }
.ind-yellow .ind-flag { color: var(--warn); }
.ind-note { display: block; font-size: .75rem; color: var(--muted); white-space: normal; max-width: 9em; }
.ind-table tfoot th, .ind-table tfoot td { background: var(--bg-soft); }
.ind-table tbody th, .ind-table tfoot th, .ind-table thead th:first-child { position: sticky; left: 0; z-index: 1; background: #fff; box-shadow: 1px 0 0 var(--line); }
.ind-table tfoot th { background: var(--bg-soft); }
.ind-sorted::after { content: attr(data-arrow); margin-left: .2em; text-decoration: none; }
.ind-table tbody th button { all: unset; cursor: pointer; color: var(--link, #1d4ed8); text-decoration: underline; }
.ind-table tbody tr.ind-picked th { outline: 3px solid var(--focus); outline-offset: -3px; }
.ind-summary { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; margin: .5rem 0 1rem; }
.ind-actions { display: flex; gap: .5rem; flex-wrap: wrap; align-items: center; margin: .5rem 0; }
.ind-detail { border: 2px solid var(--focus); border-radius: 6px; padding: .5rem .75rem; margin: 1rem 0; }
.ind-thresholds { display: grid; gap: .5rem; grid-template-columns: repeat(auto-fit, minmax(10rem, max-content)); align-items: end; }
.ind-defs dt { font-weight: 700; margin-top: 1rem; }
.ind-defs dd { margin: .25rem 0 0 0; }
`;

export function ensureIndicatorStyles(): void {
  if (typeof document === 'undefined' || document.getElementById('gk-indicator-styles')) return;
  const style = document.createElement('style');
  style.id = 'gk-indicator-styles';
  style.textContent = CSS;
  document.head.append(style);
}
