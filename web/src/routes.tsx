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
  // The public catalogue, the guide and the opinion box.
  { path: '/catalogue', page: page(() => import('./pages/catalogue/CataloguePage.js')), menu: '公开目录' },
  { path: '/catalogue/items/:id', page: page(() => import('./pages/catalogue/ItemPage.js')) },
  { path: '/guide', page: page(() => import('./pages/catalogue/GuidePage.js')), menu: '公开指南' },
  { path: '/guide/:bodyId', page: page(() => import('./pages/catalogue/GuidePage.js')) },
  { path: '/opinions', page: page(() => import('./pages/catalogue/OpinionPage.js')), menu: '意见箱' },
  // The reporting body: register, due dates, annual report.
  { path: '/officer', page: page(() => import('./pages/officer/RegisterPage.js')), roles: ['officer', 'reviewer', 'admin'], menu: '申请台账' },
  { path: '/officer/new', page: page(() => import('./pages/officer/NewApplicationPage.js')), roles: ['officer'] },
  { path: '/officer/applications/:id', page: page(() => import('./pages/officer/ApplicationPage.js')), roles: ['officer', 'reviewer', 'admin'] },
  { path: '/officer/reports', page: page(() => import('./pages/officer/ReportsPage.js')), roles: ['officer', 'reviewer', 'admin'], menu: '年度报告' },
  { path: '/officer/reports/:year', page: page(() => import('./pages/officer/ReportEditorPage.js')), roles: ['officer', 'reviewer', 'admin'] },
  // The catalogue's back office: items, review chain, settings, opinions.
  { path: '/officer/catalogue', page: page(() => import('./pages/officer-catalogue/ItemsPage.js')), roles: ['officer', 'reviewer', 'admin'], menu: '主动公开' },
  { path: '/officer/catalogue/new', page: page(() => import('./pages/officer-catalogue/ItemEditPage.js')), roles: ['officer'] },
  { path: '/officer/catalogue/items/:id', page: page(() => import('./pages/officer-catalogue/ItemEditPage.js')), roles: ['officer', 'reviewer', 'admin'] },
  { path: '/officer/settings', page: page(() => import('./pages/officer-opinions/SettingsPage.js')), roles: ['officer', 'admin'], menu: '指南设置' },
  { path: '/officer/opinions', page: page(() => import('./pages/officer-opinions/OpinionsPage.js')), roles: ['officer', 'reviewer', 'admin'], menu: '意见处理' },
  { path: '/officer/rectification', page: page(() => import('./pages/officer/RectificationPage.js')), roles: ['officer'], menu: '整改事项' },
  // The supervisor: published reports of the bodies they oversee.
  { path: '/supervisor', page: page(() => import('./pages/supervisor/OverviewPage.js')), roles: ['supervisor', 'admin'], menu: '报告总览' },
  { path: '/supervisor/upload', page: page(() => import('./pages/supervisor/UploadPage.js')), roles: ['supervisor', 'admin'], menu: '上传报告' },
  { path: '/supervisor/issues', page: page(() => import('./pages/supervisor/IssuesPage.js')), roles: ['supervisor', 'admin'], menu: '问题清单' },
  { path: '/supervisor/pending', page: page(() => import('./pages/supervisor/PendingPage.js')), roles: ['supervisor', 'admin'], menu: '待匹配' },
  // An officer opens their own body's published reports too (to correct them); the server keeps the scope.
  { path: '/supervisor/reports/:id', page: page(() => import('./pages/supervisor/ReportPage.js')), roles: ['supervisor', 'admin', 'officer'] },
  { path: '/supervisor/rollup', page: page(() => import('./pages/supervisor/RollupPage.js')), roles: ['supervisor', 'admin'], menu: '汇总' },
  { path: '/supervisor/charts', page: page(() => import('./pages/supervisor/ChartsPage.js')), roles: ['supervisor', 'admin'], menu: '图表' },
  { path: '/supervisor/indicators', page: page(() => import('./pages/supervisor/IndicatorsPage.js')), roles: ['supervisor', 'admin'], menu: '指标' },
  { path: '/supervisor/bodies/:id', page: page(() => import('./pages/supervisor/BodyPage.js')), roles: ['supervisor', 'admin'] },
  { path: '/supervisor/regions', page: page(() => import('./pages/supervisor/RegionsPage.js')), roles: ['supervisor', 'admin'], menu: '地区评估' },
  // Public: how every indicator is computed.
  { path: '/indicators/definitions', page: page(() => import('./pages/IndicatorDefinitionsPage.js')) },
  // Public, once a region opts in: every body's report of a year with its check status.
  { path: '/regions', page: page(() => import('./pages/public/RegionListPage.js')) },
  { path: '/regions/:code/reports', page: page(() => import('./pages/public/RegionReportsPage.js')) },
  // The administrator.
  { path: '/admin', page: page(() => import('./pages/admin/AdminPage.js')), roles: ['admin'], menu: '系统管理' },
  { path: '/admin/directory', page: page(() => import('./pages/admin/DirectoryPage.js')), roles: ['admin'], menu: '机关名录' },
  { path: '/admin/users', page: page(() => import('./pages/admin/UsersPage.js')), roles: ['admin'], menu: '账号管理' },
  { path: '/admin/audit', page: page(() => import('./pages/admin/AuditPage.js')), roles: ['admin'], menu: '审计日志' },
  { path: '/admin/calendar', page: page(() => import('./pages/admin/CalendarPage.js')), roles: ['admin'], menu: '节假日' },
];
