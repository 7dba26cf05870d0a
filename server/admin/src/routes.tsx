import {
  AlertOutlined,
  AuditOutlined,
  BarChartOutlined,
  CalendarOutlined,
  NotificationOutlined,
  SoundOutlined,
  ClockCircleOutlined,
  DesktopOutlined,
  HomeOutlined,
  PhoneOutlined,
  ProfileOutlined,
  ShopOutlined,
  SolutionOutlined,
  TeamOutlined,
  ToolOutlined,
  BellOutlined,
  AccountBookOutlined,
} from '@ant-design/icons';
import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import type { Access, AccessKey } from './access';
import { T } from './strings';

export interface AppRoute {
  path: string;
  access: AccessKey;
  page: LazyExoticComponent<ComponentType>;
  /** Menu entry; routes without one are reached from other pages (details). */
  menu?: { label: string; icon: ReactNode; group: 'work' | 'supervise' | 'admin' | 'me' };
}

/**
 * Every page, its access boolean and its menu entry: the menu and the router are both
 * built from this list, so a page can never be in the menu and forbidden, or the reverse.
 * Each page is its own chunk (the dashboard's charts load only when opened).
 */
export const ROUTES: AppRoute[] = [
  {
    path: '/desk',
    access: 'canSeeDesk',
    page: lazy(() => import('./pages/desk/mine')),
    menu: { label: T.menu.desk, icon: <DesktopOutlined />, group: 'work' },
  },
  {
    path: '/jobs',
    access: 'canSeeJobs',
    page: lazy(() => import('./pages/technician/jobs')),
    menu: { label: T.menu.jobs, icon: <ToolOutlined />, group: 'work' },
  },
  {
    path: '/tickets',
    access: 'canSeeTickets',
    page: lazy(() => import('./pages/tickets/list')),
    menu: { label: T.menu.tickets, icon: <ProfileOutlined />, group: 'work' },
  },
  { path: '/tickets/:id', access: 'canOpenTicket', page: lazy(() => import('./pages/tickets/detail')) },
  {
    path: '/intake',
    access: 'canIntake',
    page: lazy(() => import('./pages/tickets/intake')),
    menu: { label: T.menu.intake, icon: <PhoneOutlined />, group: 'work' },
  },
  {
    path: '/incidents',
    access: 'canManageIncidents',
    page: lazy(() => import('./pages/incidents')),
    menu: { label: T.menu.incidents, icon: <NotificationOutlined />, group: 'work' },
  },
  {
    path: '/announcements',
    access: 'canManageAnnouncements',
    page: lazy(() => import('./pages/announcements')),
    menu: { label: T.menu.announcements, icon: <SoundOutlined />, group: 'work' },
  },
  {
    path: '/payments',
    access: 'canSeePayments',
    page: lazy(() => import('./pages/payments')),
    menu: { label: T.menu.payments, icon: <AccountBookOutlined />, group: 'work' },
  },
  {
    path: '/bindings',
    access: 'canReviewBindings',
    page: lazy(() => import('./pages/system/room-bindings')),
    menu: { label: T.menu.bindings, icon: <SolutionOutlined />, group: 'work' },
  },
  {
    path: '/dashboard',
    access: 'canSeeDashboard',
    page: lazy(() => import('./pages/supervisor/dashboard')),
    menu: { label: T.menu.dashboard, icon: <BarChartOutlined />, group: 'supervise' },
  },
  {
    path: '/escalations',
    access: 'canSeeEscalations',
    page: lazy(() => import('./pages/supervisor/escalations')),
    menu: { label: T.menu.escalations, icon: <AlertOutlined />, group: 'supervise' },
  },
  {
    path: '/roster',
    access: 'canEditRoster',
    page: lazy(() => import('./pages/supervisor/roster')),
    menu: { label: T.menu.roster, icon: <CalendarOutlined />, group: 'supervise' },
  },
  {
    path: '/sla',
    access: 'canEditSla',
    page: lazy(() => import('./pages/supervisor/sla')),
    menu: { label: T.menu.sla, icon: <ClockCircleOutlined />, group: 'supervise' },
  },
  {
    path: '/system/communities',
    access: 'canManageCommunities',
    page: lazy(() => import('./pages/system/communities')),
    menu: { label: T.menu.communities, icon: <HomeOutlined />, group: 'admin' },
  },
  { path: '/system/communities/:id', access: 'canManageCommunities', page: lazy(() => import('./pages/system/community')) },
  {
    path: '/system/staff',
    access: 'canManageStaff',
    page: lazy(() => import('./pages/system/staff')),
    menu: { label: T.menu.staff, icon: <TeamOutlined />, group: 'admin' },
  },
  {
    path: '/system/service-items',
    access: 'canManageCatalogue',
    page: lazy(() => import('./pages/system/service-items')),
    menu: { label: T.menu.serviceItems, icon: <ShopOutlined />, group: 'admin' },
  },
  {
    path: '/system/audit-logs',
    access: 'canSeeAuditLog',
    page: lazy(() => import('./pages/system/audit-logs')),
    menu: { label: T.menu.auditLogs, icon: <AuditOutlined />, group: 'admin' },
  },
  // Last, so nobody lands here after signing in (homePathFor takes the first page).
  {
    path: '/settings/notify',
    access: 'canEditOwnNotices',
    page: lazy(() => import('./pages/settings/notify')),
    menu: { label: T.menu.notify, icon: <BellOutlined />, group: 'me' },
  },
];

export const MENU_GROUPS = [
  { key: 'work', label: T.menu.groupWork },
  { key: 'supervise', label: T.menu.groupSupervise },
  { key: 'admin', label: T.menu.groupAdmin },
  { key: 'me', label: T.menu.groupMe },
] as const;

export function menuFor(access: Access) {
  return MENU_GROUPS.map((group) => ({
    ...group,
    items: ROUTES.filter((r) => r.menu?.group === group.key && access[r.access]),
  })).filter((g) => g.items.length > 0);
}

/** Where to land after login: the first page in the menu this person may open. */
export function homePathFor(access: Access): string | null {
  return ROUTES.find((r) => r.menu && access[r.access])?.path ?? null;
}
