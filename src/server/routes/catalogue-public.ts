/**
 * The public catalogue: search, item pages, downloads, the guide (指南), and the opinion box (意见箱).
 */
import type { RouteModule } from '../context.js';

export const cataloguePublicRoutes: RouteModule = (_app, _deps) => {};
