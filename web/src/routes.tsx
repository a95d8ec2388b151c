/**
 * Every page of the application, its address, who may open it and its menu entry. Pages load
 * lazily, so a citizen on a phone downloads the public form, not the supervisor's charts.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { Role } from './session.js';

export interface PageProps {
  params: Record<string, string>;
}

export interface PageRoute {
  path: string;
  page: LazyExoticComponent<ComponentType<PageProps>>;
  /** Roles that may open it; absent for public pages. */
  roles?: readonly Role[];
  /** Menu entry, when the page has one. */
  menu?: string;
}

const page = (load: () => Promise<{ default: ComponentType<PageProps> }>) => lazy(load);

export const ROUTES: readonly PageRoute[] = [
  { path: '/', page: page(() => import('./pages/HomePage.js')) },
  { path: '/login', page: page(() => import('./pages/LoginPage.js')) },
  { path: '/account', page: page(() => import('./pages/AccountPage.js')), roles: ['officer', 'reviewer', 'supervisor', 'admin'] },
  // The public: apply, follow an application.
  { path: '/apply', page: page(() => import('./pages/public/ApplyPage.js')), menu: '申请公开' },
  { path: '/status', page: page(() => import('./pages/public/StatusPage.js')), menu: '办理查询' },
  // The reporting body: register, due dates, annual report.
  { path: '/officer', page: page(() => import('./pages/officer/RegisterPage.js')), roles: ['officer', 'reviewer', 'admin'], menu: '申请台账' },
  { path: '/officer/new', page: page(() => import('./pages/officer/NewApplicationPage.js')), roles: ['officer'] },
  { path: '/officer/applications/:id', page: page(() => import('./pages/officer/ApplicationPage.js')), roles: ['officer', 'reviewer', 'admin'] },
  { path: '/officer/reports', page: page(() => import('./pages/officer/ReportsPage.js')), roles: ['officer', 'reviewer', 'admin'], menu: '年度报告' },
  { path: '/officer/reports/:year', page: page(() => import('./pages/officer/ReportEditorPage.js')), roles: ['officer', 'reviewer', 'admin'] },
  // The supervisor: published reports of the bodies they oversee.
  { path: '/supervisor', page: page(() => import('./pages/supervisor/OverviewPage.js')), roles: ['supervisor', 'admin'], menu: '报告总览' },
  { path: '/supervisor/upload', page: page(() => import('./pages/supervisor/UploadPage.js')), roles: ['supervisor', 'admin'], menu: '上传报告' },
  { path: '/supervisor/reports/:id', page: page(() => import('./pages/supervisor/ReportPage.js')), roles: ['supervisor', 'admin'] },
  { path: '/supervisor/rollup', page: page(() => import('./pages/supervisor/RollupPage.js')), roles: ['supervisor', 'admin'], menu: '汇总' },
  { path: '/supervisor/charts', page: page(() => import('./pages/supervisor/ChartsPage.js')), roles: ['supervisor', 'admin'], menu: '图表' },
  // The administrator.
  { path: '/admin', page: page(() => import('./pages/admin/AdminPage.js')), roles: ['admin'], menu: '系统管理' },
];
