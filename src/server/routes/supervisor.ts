/**
 * The supervisor: uploaded published reports, the bodies × years status table, one report beside its source.
 */
import type { RouteModule } from '../context.js';

export const supervisorRoutes: RouteModule = (_app, _deps) => {};
