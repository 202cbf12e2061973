import {
  AccountBookOutlined,
  AlertOutlined,
  ApartmentOutlined,
  HomeOutlined,
  KeyOutlined,
  LineChartOutlined,
  PercentageOutlined,
  ReadOutlined,
  SoundOutlined,
  SwapOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { type ComponentType, type LazyExoticComponent, lazy, type ReactNode } from 'react';
import type { Permission } from './auth/auth';
import type { MessageKey } from './i18n/messages';

/**
 * THE route table: one entry per page drives the router (App.tsx), the menu and the breadcrumbs
 * (layout/AppLayout.tsx). To add a page, add one entry here (and its labels in i18n/messages.ts).
 */
export interface AppRoute {
  /** The URL path, from the root, without the leading slash ('' is the workbench). */
  path: string;
  page: LazyExoticComponent<ComponentType>;
  /** Any one of these lets a user in (a hint: the server enforces); absent = every signed-in user. */
  permission?: Permission | readonly Permission[];
  /** Hidden from users who hold this permission (e.g. 我的申报 is for declarants, not the office). */
  unless?: Permission;
  /** Menu and breadcrumb label. */
  label: MessageKey;
  /** The menu group it is listed in; absent = not in the menu (a detail page or the home page). */
  group?: MenuGroupKey;
  /** A detail page's list page (path): its menu item stays selected and it is the breadcrumb's parent. */
  parent?: string;
  /** 'app' (default): inside the signed-in shell; 'public': no sign-in; 'bare': signed in, no shell (print). */
  layout?: 'app' | 'public' | 'bare';
}

export type MenuGroupKey = (typeof MENU_GROUPS)[number]['key'];

/** The menu's groups, in menu order; a group no entry of which the user may open is not shown. */
export const MENU_GROUPS = [
  { key: 'org', label: 'nav.org', icon: <ApartmentOutlined /> },
  { key: 'exchange', label: 'nav.exchange', icon: <SwapOutlined /> },
  { key: 'enterprises', label: 'nav.enterprises', icon: <AlertOutlined /> },
  { key: 'analytics', label: 'nav.analytics', icon: <LineChartOutlined /> },
  { key: 'pp', label: 'nav.prevention', icon: <AccountBookOutlined /> },
  { key: 'training', label: 'nav.training', icon: <ReadOutlined /> },
  { key: 'publicity', label: 'nav.publicity', icon: <SoundOutlined /> },
  { key: 'rates', label: 'nav.rates', icon: <PercentageOutlined /> },
  { key: 'jm', label: 'nav.jointMeeting', icon: <TeamOutlined /> },
  { key: 'system', label: 'nav.system', icon: <KeyOutlined /> },
] as const satisfies readonly { key: string; label: MessageKey; icon: ReactNode }[];

export const HOME_ICON = <HomeOutlined />;

const page = (load: () => Promise<{ default: ComponentType }>) => lazy(load);

export const ROUTES: readonly AppRoute[] = [
  // Outside the shell.
  {
    path: 'login',
    label: 'nav.login',
    layout: 'public',
    page: page(() => import('./pages/login/LoginPage')),
  },
  {
    // The disclosure page (PP-7): no sign-in, linked from the menu.
    path: 'public/projects',
    label: 'nav.publicProjects',
    layout: 'public',
    group: 'pp',
    page: page(() => import('./pages/public/PublicProjectsPage')),
  },
  {
    // The certificate check (TR-4): anyone verifies a number.
    path: 'public/certificates',
    label: 'nav.certificateCheck',
    layout: 'public',
    group: 'training',
    page: page(() => import('./pages/training/CertificateCheckPage')),
  },
  {
    // The publicity pages (PU-1…3): campaign calendar, bases on the map, examples; no sign-in.
    path: 'public/publicity',
    label: 'nav.publicPublicity',
    layout: 'public',
    group: 'publicity',
    page: page(() => import('./pages/publicity/PublicPublicityPage')),
  },
  {
    // The recommended training institutions and platforms (TR-5); no sign-in.
    path: 'public/training-providers',
    label: 'nav.publicProviders',
    layout: 'public',
    group: 'training',
    page: page(() => import('./pages/training/PublicProvidersPage')),
  },
  // Public portal and open data (SV-2): no sign-in, Chinese and English, WCAG 2.1 AA.
  {
    path: 'public',
    label: 'nav.portal',
    layout: 'public',
    group: 'pp',
    page: page(() => import('./pages/portal/PortalHomePage')),
  },
  {
    path: 'public/statistics',
    label: 'nav.publicStatistics',
    layout: 'public',
    page: page(() => import('./pages/portal/PublicStatisticsPage')),
  },
  {
    path: 'public/fees',
    label: 'nav.publicFees',
    layout: 'public',
    page: page(() => import('./pages/portal/PublicFeesPage')),
  },
  {
    path: 'public/bulletins',
    label: 'nav.publicBulletins',
    layout: 'public',
    page: page(() => import('./pages/portal/PublicBulletinsPage')),
  },
  {
    path: 'public/open-data',
    label: 'nav.openData',
    layout: 'public',
    page: page(() => import('./pages/portal/OpenDataPage')),
  },
  {
    path: 'analysis/bulletins/:id/print',
    label: 'nav.bulletins',
    layout: 'bare',
    permission: 'bulletins:read',
    page: page(() => import('./pages/analysis/BulletinPrintPage')),
  },
  // Overview screen (AN-7, issue 18 part 3): full screen, outside the shell, listed in the menu.
  {
    path: 'overview',
    label: 'nav.overview',
    layout: 'bare',
    group: 'analytics',
    permission: 'analytics:read',
    page: page(() => import('./pages/overview/OverviewPage')),
  },
  // The shell.
  { path: '', label: 'nav.home', page: page(() => import('./pages/home/HomePage')) },
  // 组织机构
  {
    // 本单位 (issue 17 item 7): an employer account's own record.
    path: 'my-employer',
    label: 'nav.myEmployer',
    group: 'org',
    permission: 'employer:own',
    page: page(() => import('./pages/my-employer/MyEmployerPage')),
  },
  {
    path: 'jurisdictions',
    label: 'nav.jurisdictions',
    group: 'org',
    permission: 'jurisdictions:read',
    page: page(() => import('./pages/jurisdictions/JurisdictionsPage')),
  },
  {
    path: 'organisations',
    label: 'nav.organisations',
    group: 'org',
    permission: 'organisations:read',
    page: page(() => import('./pages/organisations/OrganisationsPage')),
  },
  // 数据交换
  {
    path: 'exchange',
    label: 'nav.exchangeSubmit',
    group: 'exchange',
    permission: 'exchange:read',
    page: page(() => import('./pages/exchange/ExchangePage')),
  },
  {
    path: 'exchange/records',
    label: 'nav.records',
    group: 'exchange',
    permission: 'exchange:read',
    page: page(() => import('./pages/exchange/RecordsPage')),
  },
  {
    path: 'exchange/formats',
    label: 'nav.exchangeFormats',
    group: 'exchange',
    permission: ['exchange:read', 'exchange:submit'],
    page: page(() => import('./pages/exchange/FormatsPage')),
  },
  // 重点行业企业
  {
    path: 'shared-picture',
    label: 'nav.picture',
    group: 'enterprises',
    permission: 'enterprises:read',
    page: page(() => import('./pages/enterprises/SharedPicturePage')),
  },
  {
    path: 'enterprises/ledger',
    label: 'nav.ledger',
    group: 'enterprises',
    permission: 'enterprises:read',
    page: page(() => import('./pages/enterprises/LedgerPage')),
  },
  {
    path: 'enterprises/key-industries',
    label: 'nav.keyIndustries',
    group: 'enterprises',
    permission: 'enterprises:read',
    page: page(() => import('./pages/enterprises/KeyIndustriesPage')),
  },
  {
    path: 'enterprises/:id/insured-list',
    label: 'nav.insuredList',
    parent: 'enterprises/ledger',
    permission: 'enterprises:read',
    page: page(() => import('./pages/enterprises/InsuredListPage')),
  },
  // 分析与目标
  {
    path: 'analytics',
    label: 'nav.dashboard',
    group: 'analytics',
    permission: 'analytics:read',
    page: page(() => import('./pages/analytics/DashboardPage')),
  },
  {
    path: 'analytics/targets',
    label: 'nav.targets',
    group: 'analytics',
    permission: 'analytics:read',
    page: page(() => import('./pages/analytics/TargetsPage')),
  },
  {
    path: 'analysis/ranking',
    label: 'nav.ranking',
    group: 'analytics',
    permission: 'analytics:read',
    page: page(() => import('./pages/analysis/RankingPage')),
  },
  // Enterprise risk index (AN-5, issue 18 part 1)
  {
    path: 'risk',
    label: 'nav.risk',
    group: 'analytics',
    permission: 'analytics:read',
    page: page(() => import('./pages/risk/RiskPage')),
  },
  {
    path: 'risk/employers/:id',
    label: 'nav.detail',
    parent: 'risk',
    permission: 'analytics:read',
    page: page(() => import('./pages/risk/RiskEmployerPage')),
  },
  // Cross-checks between departments' data (AN-6).
  {
    path: 'crosschecks',
    label: 'nav.crosschecks',
    group: 'analytics',
    permission: 'crosschecks:read',
    page: page(() => import('./pages/crosschecks/CrosschecksPage')),
  },
  {
    path: 'crosschecks/hits/:id',
    label: 'crosscheck.title',
    parent: 'crosschecks',
    permission: 'crosschecks:read',
    page: page(() => import('./pages/crosschecks/CrosschecksPage')),
  },
  {
    path: 'analysis/bulletins',
    label: 'nav.bulletins',
    group: 'analytics',
    permission: 'bulletins:read',
    page: page(() => import('./pages/analysis/BulletinsPage')),
  },
  {
    path: 'analysis/bulletins/:id',
    label: 'nav.detail',
    parent: 'analysis/bulletins',
    permission: 'bulletins:read',
    page: page(() => import('./pages/analysis/BulletinPage')),
  },
  // 工伤预防项目
  {
    path: 'projects',
    label: 'nav.projects',
    group: 'pp',
    permission: 'projects:read',
    page: page(() => import('./pages/projects/ProjectsPage')),
  },
  {
    path: 'projects/:id',
    label: 'nav.detail',
    parent: 'projects',
    permission: 'projects:read',
    page: page(() => import('./pages/projects/ProjectDetailPage')),
  },
  {
    path: 'own-projects',
    label: 'nav.ownProjects',
    group: 'pp',
    permission: 'projects:declare',
    // The office (which may declare on someone's behalf) has its own list under 项目与预算.
    unless: 'projects:manage',
    page: page(() => import('./pages/projects/OwnProjectsPage')),
  },
  {
    path: 'reviews',
    label: 'nav.reviews',
    group: 'pp',
    permission: 'reviews:score',
    page: page(() => import('./pages/projects/ReviewsPage')),
  },
  {
    path: 'finance',
    label: 'nav.finance',
    group: 'pp',
    permission: 'projects:read',
    page: page(() => import('./pages/projects/FinancePage')),
  },
  // --- procure: payment standards (PP-11)
  {
    path: 'payment-standards',
    label: 'nav.paymentStandards',
    group: 'pp',
    permission: 'projects:read',
    page: page(() => import('./pages/projects/PaymentStandardsPage')),
  },
  // --- end procure
  {
    path: 'experts',
    label: 'nav.experts',
    group: 'pp',
    permission: 'experts:read',
    page: page(() => import('./pages/experts/ExpertsPage')),
  },
  // 培训
  {
    path: 'training',
    label: 'nav.trainingCoverage',
    group: 'training',
    permission: ['training:read', 'training:register'],
    page: page(() => import('./pages/training/TrainingPage')),
  },
  // 联席会议
  {
    path: 'training/courses/:id',
    label: 'nav.detail',
    parent: 'training',
    permission: 'training:read',
    page: page(() => import('./pages/training/CourseDetailPage')),
  },
  {
    path: 'training/analysis',
    label: 'nav.trainingExtras',
    group: 'training',
    permission: ['training:read', 'training:register'],
    page: page(() => import('./pages/training/CoverageExtrasPage')),
  },
  {
    path: 'training/schools',
    label: 'nav.trainingSchools',
    group: 'training',
    permission: ['training:read', 'training:school'],
    page: page(() => import('./pages/training/SchoolsPage')),
  },
  {
    path: 'training/providers',
    label: 'nav.trainingProviders',
    group: 'training',
    permission: ['training:read', 'training:apply'],
    page: page(() => import('./pages/training/ProvidersPage')),
  },
  {
    // A learner's own courses (an officer holds training:study too, but reads training instead).
    path: 'study',
    label: 'nav.study',
    group: 'training',
    permission: 'training:study',
    unless: 'training:read',
    page: page(() => import('./pages/training/StudyPage').then((m) => ({ default: m.StudyListPage }))),
  },
  {
    path: 'study/:id',
    label: 'nav.detail',
    parent: 'study',
    permission: 'training:study',
    page: page(() => import('./pages/training/StudyPage')),
  },
  {
    path: 'study/:id/exam',
    label: 'nav.detail',
    parent: 'study',
    permission: 'training:study',
    page: page(() => import('./pages/training/ExamPage')),
  },
  // 宣传
  {
    path: 'publicity',
    label: 'nav.publicityWork',
    group: 'publicity',
    permission: ['publicity:read', 'publicity:apply'],
    page: page(() => import('./pages/publicity/PublicityPage')),
  },
  // 费率浮动
  {
    path: 'rates',
    label: 'nav.rates',
    group: 'rates',
    permission: 'rates:read',
    page: page(() => import('./pages/rates/RatesPage')),
  },
  {
    path: 'rates/notices/:id',
    label: 'nav.detail',
    parent: 'rates',
    permission: 'rates:read',
    page: page(() => import('./pages/rates/RateNoticePage')),
  },
  {
    path: 'own-rates',
    label: 'nav.ownRates',
    group: 'rates',
    permission: 'rates:own',
    page: page(() => import('./pages/rates/OwnRatesPage')),
  },
  {
    path: 'joint-meeting/roster',
    label: 'nav.roster',
    group: 'jm',
    permission: 'roster:read',
    page: page(() => import('./pages/joint-meeting/RosterPage')),
  },
  {
    path: 'joint-meeting/meetings',
    label: 'nav.meetings',
    group: 'jm',
    permission: 'meetings:read',
    page: page(() => import('./pages/joint-meeting/MeetingsPage')),
  },
  {
    path: 'joint-meeting/meetings/:id',
    label: 'nav.detail',
    parent: 'joint-meeting/meetings',
    permission: 'meetings:read',
    page: page(() => import('./pages/joint-meeting/MeetingDetailPage')),
  },
  {
    path: 'joint-meeting/action-items',
    label: 'nav.actionItems',
    group: 'jm',
    permission: 'meetings:read',
    page: page(() => import('./pages/joint-meeting/ActionItemsPage')),
  },
  {
    path: 'joint-meeting/action-items/:id',
    label: 'nav.detail',
    parent: 'joint-meeting/action-items',
    permission: 'meetings:read',
    page: page(() => import('./pages/joint-meeting/ActionItemsPage')),
  },
  {
    path: 'joint-meeting/yearly-reports',
    label: 'nav.yearlyReports',
    group: 'jm',
    permission: 'meetings:read',
    page: page(() => import('./pages/joint-meeting/YearlyReportsPage')),
  },
  {
    path: 'joint-meeting/rectifications',
    label: 'nav.rectifications',
    group: 'jm',
    permission: 'meetings:read',
    page: page(() => import('./pages/joint-meeting/RectificationsPage')),
  },
  // 消息 (the header's bell leads here too)
  // scorecard (SV-1)
  {
    path: 'scorecard',
    label: 'nav.scorecard',
    group: 'jm',
    permission: 'scorecard:read',
    page: page(() => import('./pages/scorecard/ScorecardPage')),
  },
  {
    path: 'joint-meeting/inspections',
    label: 'nav.inspections',
    group: 'jm',
    permission: 'meetings:read',
    page: page(() => import('./pages/joint-meeting/InspectionsPage')),
  },
  { path: 'inbox', label: 'nav.inbox', page: page(() => import('./pages/notifications/InboxPage')) },
  // 系统管理
  {
    path: 'users',
    label: 'nav.users',
    group: 'system',
    permission: 'users:read',
    page: page(() => import('./pages/users/UsersPage')),
  },
  {
    path: 'tokens',
    label: 'nav.tokens',
    group: 'system',
    permission: 'users:manage',
    page: page(() => import('./pages/users/TokensPage')),
  },
  {
    path: 'audit',
    label: 'nav.audit',
    group: 'system',
    permission: 'audit:read',
    page: page(() => import('./pages/audit/AuditPage')),
  },
  {
    path: 'operations/daily-tasks',
    label: 'nav.dailyTasks',
    group: 'system',
    permission: 'operations:read',
    page: page(() => import('./pages/operations/DailyTasksPage')),
  },
  {
    path: 'settings',
    label: 'nav.settings',
    group: 'system',
    permission: 'settings:read',
    page: page(() => import('./pages/settings/SettingsPage')),
  },
  {
    path: 'account/password',
    label: 'header.changePassword',
    page: page(() => import('./pages/account/ChangePasswordPage')),
  },
];

/** Whether a user holding `can` may open the route (and so sees it in the menu). */
export function mayOpen(route: AppRoute, can: (permission: Permission) => boolean): boolean {
  if (route.unless && can(route.unless)) return false;
  if (!route.permission) return true;
  return [route.permission].flat().some((p) => can(p));
}

/** The route whose pattern matches a location's pathname ('/projects/12' → 'projects/:id'). */
export function matchRoute(pathname: string): AppRoute | undefined {
  const parts = pathname.replace(/^\/+|\/+$/g, '').split('/');
  return ROUTES.find((route) => {
    const pattern = route.path === '' ? [''] : route.path.split('/');
    return pattern.length === parts.length && pattern.every((p, i) => p.startsWith(':') || p === parts[i]);
  });
}
