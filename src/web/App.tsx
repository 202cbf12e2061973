import { Result, Spin } from 'antd';
import { lazy, type ReactNode, Suspense } from 'react';
import { Link, Navigate, Route, Routes, useLocation } from 'react-router';
import { useAuth } from './auth/auth';
import { useI18n } from './i18n/i18n';
import { AppLayout } from './layout/AppLayout';

// Route-level code splitting: each page is its own chunk.
const LoginPage = lazy(() => import('./pages/login/LoginPage'));
const HomePage = lazy(() => import('./pages/home/HomePage'));
const JurisdictionsPage = lazy(() => import('./pages/jurisdictions/JurisdictionsPage'));
const OrganisationsPage = lazy(() => import('./pages/organisations/OrganisationsPage'));
const RosterPage = lazy(() => import('./pages/joint-meeting/RosterPage'));
const MeetingsPage = lazy(() => import('./pages/joint-meeting/MeetingsPage'));
const MeetingDetailPage = lazy(() => import('./pages/joint-meeting/MeetingDetailPage'));
const ActionItemsPage = lazy(() => import('./pages/joint-meeting/ActionItemsPage'));
const YearlyReportsPage = lazy(() => import('./pages/joint-meeting/YearlyReportsPage'));
const RectificationsPage = lazy(() => import('./pages/joint-meeting/RectificationsPage'));
const InspectionsPage = lazy(() => import('./pages/joint-meeting/InspectionsPage'));
const InboxPage = lazy(() => import('./pages/notifications/InboxPage'));
const UsersPage = lazy(() => import('./pages/users/UsersPage'));
const TokensPage = lazy(() => import('./pages/users/TokensPage'));
const AuditPage = lazy(() => import('./pages/audit/AuditPage'));
const SettingsPage = lazy(() => import('./pages/settings/SettingsPage'));
const ExchangePage = lazy(() => import('./pages/exchange/ExchangePage'));
const FormatsPage = lazy(() => import('./pages/exchange/FormatsPage'));
const RecordsPage = lazy(() => import('./pages/exchange/RecordsPage'));
const LedgerPage = lazy(() => import('./pages/enterprises/LedgerPage'));
const KeyIndustriesPage = lazy(() => import('./pages/enterprises/KeyIndustriesPage'));
const SharedPicturePage = lazy(() => import('./pages/enterprises/SharedPicturePage'));
const InsuredListPage = lazy(() => import('./pages/enterprises/InsuredListPage'));
const DashboardPage = lazy(() => import('./pages/analytics/DashboardPage'));
const TargetsPage = lazy(() => import('./pages/analytics/TargetsPage'));
const RankingPage = lazy(() => import('./pages/analysis/RankingPage'));
const BulletinsPage = lazy(() => import('./pages/analysis/BulletinsPage'));
const BulletinPage = lazy(() => import('./pages/analysis/BulletinPage'));
const BulletinPrintPage = lazy(() => import('./pages/analysis/BulletinPrintPage'));
const ChangePasswordPage = lazy(() => import('./pages/account/ChangePasswordPage'));
const ProjectsPage = lazy(() => import('./pages/projects/ProjectsPage'));
const PublicityPage = lazy(() => import('./pages/publicity/PublicityPage'));
const PublicPublicityPage = lazy(() => import('./pages/publicity/PublicPublicityPage'));
const ProjectDetailPage = lazy(() => import('./pages/projects/ProjectDetailPage'));
const OwnProjectsPage = lazy(() => import('./pages/projects/OwnProjectsPage'));
const ReviewsPage = lazy(() => import('./pages/projects/ReviewsPage'));
const FinancePage = lazy(() => import('./pages/projects/FinancePage'));
const ExpertsPage = lazy(() => import('./pages/experts/ExpertsPage'));
const PublicProjectsPage = lazy(() => import('./pages/public/PublicProjectsPage'));
const TrainingPage = lazy(() => import('./pages/training/TrainingPage'));
const RatesPage = lazy(() => import('./pages/rates/RatesPage'));
const RateNoticePage = lazy(() => import('./pages/rates/RateNoticePage'));
const OwnRatesPage = lazy(() => import('./pages/rates/OwnRatesPage'));
const CertificateCheckPage = lazy(() => import('./pages/training/CertificateCheckPage'));
const CourseDetailPage = lazy(() => import('./pages/training/CourseDetailPage'));
const StudyPage = lazy(() => import('./pages/training/StudyPage'));
const StudyListPage = lazy(() =>
  import('./pages/training/StudyPage').then((m) => ({ default: m.StudyListPage })),
);
const ExamPage = lazy(() => import('./pages/training/ExamPage'));
const SchoolsPage = lazy(() => import('./pages/training/SchoolsPage'));
const ProvidersPage = lazy(() => import('./pages/training/ProvidersPage'));
const PublicProvidersPage = lazy(() => import('./pages/training/PublicProvidersPage'));
const CoverageExtrasPage = lazy(() => import('./pages/training/CoverageExtrasPage'));

const loading = (
  <div style={{ padding: 48, textAlign: 'center' }}>
    <Spin />
  </div>
);

function RequireAuth({ children }: { children: ReactNode }) {
  const { me, isLoading } = useAuth();
  const location = useLocation();
  if (isLoading) return loading;
  if (!me) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  // The server refuses everything else until an initial or reset password is changed.
  if (me.mustChangePassword && location.pathname !== '/account/password')
    return <Navigate to="/account/password" replace />;
  return children;
}

/** Hides a page the server would refuse anyway (the server still enforces). */
function RequirePermission({ permission, children }: { permission: string | string[]; children: ReactNode }) {
  const { can } = useAuth();
  const { t } = useI18n();
  if (![permission].flat().some((p) => can(p)))
    return <Result status="403" title="403" subTitle={t('common.forbidden')} />;
  return children;
}

function NotFound() {
  const { t } = useI18n();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('common.notFound')}
      extra={<Link to="/">{t('common.backHome')}</Link>}
    />
  );
}

export function AppRoutes() {
  return (
    <Suspense fallback={loading}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        {/* The disclosure page (PP-7): no sign-in, outside the signed-in layout. */}
        <Route path="/public/projects" element={<PublicProjectsPage />} />
        {/* The certificate check (TR-4): anyone verifies a number. */}
        <Route path="/public/certificates" element={<CertificateCheckPage />} />
        {/* Publicity (PU-1…3): calendar, bases, examples; no sign-in. */}
        <Route path="/public/publicity" element={<PublicPublicityPage />} />
        <Route path="/public/training-providers" element={<PublicProvidersPage />} />
        <Route
          path="/analysis/bulletins/:id/print"
          element={
            <RequireAuth>
              <RequirePermission permission="bulletins:read">
                <BulletinPrintPage />
              </RequirePermission>
            </RequireAuth>
          }
        />
        <Route
          element={
            <RequireAuth>
              <AppLayout />
            </RequireAuth>
          }
        >
          <Route index element={<HomePage />} />
          <Route
            path="jurisdictions"
            element={
              <RequirePermission permission="jurisdictions:read">
                <JurisdictionsPage />
              </RequirePermission>
            }
          />
          <Route
            path="organisations"
            element={
              <RequirePermission permission="organisations:read">
                <OrganisationsPage />
              </RequirePermission>
            }
          />
          <Route
            path="joint-meeting/roster"
            element={
              <RequirePermission permission="roster:read">
                <RosterPage />
              </RequirePermission>
            }
          />
          {(
            [
              ['joint-meeting/meetings', <MeetingsPage key="meetings" />],
              ['joint-meeting/meetings/:id', <MeetingDetailPage key="meeting" />],
              ['joint-meeting/action-items', <ActionItemsPage key="items" />],
              ['joint-meeting/action-items/:id', <ActionItemsPage key="item" />],
              ['joint-meeting/yearly-reports', <YearlyReportsPage key="yearly" />],
              ['joint-meeting/rectifications', <RectificationsPage key="rect" />],
              ['joint-meeting/inspections', <InspectionsPage key="inspections" />],
            ] as const
          ).map(([path, page]) => (
            <Route
              key={path}
              path={path}
              element={<RequirePermission permission="meetings:read">{page}</RequirePermission>}
            />
          ))}
          <Route path="inbox" element={<InboxPage />} />
          <Route
            path="users"
            element={
              <RequirePermission permission="users:read">
                <UsersPage />
              </RequirePermission>
            }
          />
          <Route
            path="tokens"
            element={
              <RequirePermission permission="users:manage">
                <TokensPage />
              </RequirePermission>
            }
          />
          <Route
            path="audit"
            element={
              <RequirePermission permission="audit:read">
                <AuditPage />
              </RequirePermission>
            }
          />
          <Route
            path="settings"
            element={
              <RequirePermission permission="settings:read">
                <SettingsPage />
              </RequirePermission>
            }
          />
          <Route
            path="exchange"
            element={
              <RequirePermission permission="exchange:read">
                <ExchangePage />
              </RequirePermission>
            }
          />
          <Route path="exchange/formats" element={<FormatsPage />} />
          <Route
            path="exchange/records"
            element={
              <RequirePermission permission="exchange:read">
                <RecordsPage />
              </RequirePermission>
            }
          />
          {(
            [
              ['enterprises/ledger', <LedgerPage key="ledger" />],
              ['enterprises/key-industries', <KeyIndustriesPage key="ki" />],
              ['shared-picture', <SharedPicturePage key="picture" />],
              ['enterprises/:id/insured-list', <InsuredListPage key="insured" />],
            ] as const
          ).map(([path, page]) => (
            <Route
              key={path}
              path={path}
              element={<RequirePermission permission="enterprises:read">{page}</RequirePermission>}
            />
          ))}
          {(
            [
              ['analytics', <DashboardPage key="dashboard" />],
              ['analytics/targets', <TargetsPage key="targets" />],
            ] as const
          ).map(([path, page]) => (
            <Route
              key={path}
              path={path}
              element={<RequirePermission permission="analytics:read">{page}</RequirePermission>}
            />
          ))}
          <Route
            path="analysis/ranking"
            element={
              <RequirePermission permission="analytics:read">
                <RankingPage />
              </RequirePermission>
            }
          />
          {(
            [
              ['analysis/bulletins', <BulletinsPage key="bulletins" />],
              ['analysis/bulletins/:id', <BulletinPage key="bulletin" />],
            ] as const
          ).map(([path, page]) => (
            <Route
              key={path}
              path={path}
              element={<RequirePermission permission="bulletins:read">{page}</RequirePermission>}
            />
          ))}
          {(
            [
              ['projects', 'projects:read', <ProjectsPage key="projects" />],
              ['projects/:id', 'projects:read', <ProjectDetailPage key="project" />],
              ['own-projects', 'projects:declare', <OwnProjectsPage key="own" />],
              ['finance', 'projects:read', <FinancePage key="finance" />],
              ['reviews', 'reviews:score', <ReviewsPage key="reviews" />],
              ['experts', 'experts:read', <ExpertsPage key="experts" />],
            ] as const
          ).map(([path, permission, page]) => (
            <Route
              key={path}
              path={path}
              element={<RequirePermission permission={permission}>{page}</RequirePermission>}
            />
          ))}
          <Route
            path="training"
            element={
              <RequirePermission permission={['training:read', 'training:register']}>
                <TrainingPage />
              </RequirePermission>
            }
          />
          {(
            [
              ['rates', 'rates:read', <RatesPage key="rates" />],
              ['rates/notices/:id', 'rates:read', <RateNoticePage key="notice" />],
              ['own-rates', 'rates:own', <OwnRatesPage key="own-rates" />],
            ] as const
          ).map(([path, permission, page]) => (
            <Route
              key={path}
              path={path}
              element={<RequirePermission permission={permission}>{page}</RequirePermission>}
            />
          ))}
          <Route
            path="training/courses/:id"
            element={
              <RequirePermission permission="training:read">
                <CourseDetailPage />
              </RequirePermission>
            }
          />
          {(
            [
              ['study', <StudyListPage key="list" />],
              ['study/:id', <StudyPage key="study" />],
              ['study/:id/exam', <ExamPage key="exam" />],
            ] as const
          ).map(([path, page]) => (
            <Route
              key={path}
              path={path}
              element={<RequirePermission permission="training:study">{page}</RequirePermission>}
            />
          ))}
          <Route
            path="publicity"
            element={
              <RequirePermission permission={['publicity:read', 'publicity:apply']}>
                <PublicityPage />
              </RequirePermission>
            }
          />
          <Route
            path="training/schools"
            element={
              <RequirePermission permission={['training:read', 'training:school']}>
                <SchoolsPage />
              </RequirePermission>
            }
          />
          <Route
            path="training/providers"
            element={
              <RequirePermission permission={['training:read', 'training:apply']}>
                <ProvidersPage />
              </RequirePermission>
            }
          />
          <Route
            path="training/analysis"
            element={
              <RequirePermission permission={['training:read', 'training:register']}>
                <CoverageExtrasPage />
              </RequirePermission>
            }
          />
          <Route path="account/password" element={<ChangePasswordPage />} />
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
