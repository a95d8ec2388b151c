/**
 * The reporting body's register: applications, events, due dates with their explanation, reply letters.
 */
import type { RouteModule } from '../context.js';

export const registerRoutes: RouteModule = (_app, _deps) => {};
