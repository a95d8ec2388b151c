/**
 * The public: online applications (条例第二十九条), status lookup by query code, online 补正 and withdrawal.
 */
import type { RouteModule } from '../context.js';

export const publicRoutes: RouteModule = (_app, _deps) => {};
