/**
 * The supervisor's analysis: rollup of selected bodies, figures for charts, Excel export.
 */
import type { RouteModule } from '../context.js';

export const analysisRoutes: RouteModule = (_app, _deps) => {};
