/**
 * The API's areas, each a module of routes: the public (applications by query code), the
 * reporting body (register, annual report), the supervisor (published reports).
 */
import type { RouteModule } from '../context.js';

export const ROUTE_MODULES: RouteModule[] = [];
