/**
 * The API's areas, each a module of routes: the public (applications by query code), the
 * reporting body (register, annual report), the supervisor (published reports, analysis).
 */
import type { RouteModule } from '../context.js';
import { analysisRoutes } from './analysis.js';
import { bodyPageRoutes } from './body-page.js';
import { calendarRoutes } from './calendar.js';
import { auditRoutes } from './audit.js';
import { catalogueRoutes } from './catalogue.js';
import { cataloguePublicRoutes } from './catalogue-public.js';
import { directoryRoutes } from './directory.js';
import { findingsWorkRoutes } from './findings-work.js';
import { indicatorRoutes } from './indicators.js';
import { opinionRoutes } from './opinions.js';
import { overviewRoutes } from './overview.js';
import { pendingRoutes } from './pending.js';
import { publicRoutes } from './public.js';
import { registerRoutes } from './register.js';
import { reportRoutes } from './reports.js';
import { supervisorRoutes } from './supervisor.js';
import { userRoutes } from './users.js';

export const ROUTE_MODULES: RouteModule[] = [publicRoutes, registerRoutes, reportRoutes, supervisorRoutes, analysisRoutes, catalogueRoutes, cataloguePublicRoutes, opinionRoutes, auditRoutes, userRoutes, calendarRoutes, directoryRoutes, findingsWorkRoutes, pendingRoutes, indicatorRoutes, bodyPageRoutes, overviewRoutes];
