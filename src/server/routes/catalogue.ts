/**
 * The catalogue's back office: information items, index numbers, the review chain (拟稿 → 初审 → 终审 → 保密审查), publication clocks.
 */
import type { RouteModule } from '../context.js';

export const catalogueRoutes: RouteModule = (_app, _deps) => {};
