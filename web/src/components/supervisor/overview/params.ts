/**
 * The overview's view as it lives in the address: region, year, the table's filters, its sort
 * and page — so a view can be bookmarked or sent, and the browser's back button walks back up
 * a drill-down.
 */
import type { z } from '@hono/zod-openapi';
import type { BodiesTableSchema, RegionOverviewSchema } from '../../../../../src/api/overview.js';
import { query } from '../../../api.js';
import { navigate } from '../../../router.js';

export type RegionOverview = z.infer<typeof RegionOverviewSchema>;
export type BodiesTable = z.infer<typeof BodiesTableSchema>;
export type TableRow = BodiesTable['rows'][number];
export type TableCell = TableRow['cells'][number];
export type Totals = RegionOverview['totals'];

export const PATH = '/supervisor';

const KEYS = ['region', 'year', 'level', 'status', 'errors', 'q', 'sort', 'dir', 'page'] as const;
export type Params = Record<(typeof KEYS)[number], string>;

export function paramsOf(search: URLSearchParams): Params {
  return Object.fromEntries(KEYS.map((k) => [k, search.get(k) ?? ''])) as Params;
}

/** The query string of a view (empty values left out). */
export const queryOf = (p: Partial<Params>) => query({ ...p, dir: p.sort ? p.dir : '', page: p.page && p.page !== '1' ? p.page : '' });

/** Go to a view; a new region or year starts the table at its first page. */
export const go = (p: Params) => navigate(`${PATH}${queryOf(p)}`);

/** The filters of the table (not the region, year, sort or page). */
export const TABLE_FILTERS = ['level', 'status', 'errors', 'q'] as const;
