/**
 * The annual report of a body: pre-filled from the register, edited, checked, previewed and downloaded.
 */
import type { RouteModule } from '../context.js';

export const reportRoutes: RouteModule = (_app, _deps) => {};
