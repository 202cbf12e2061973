import { Spin } from 'antd';
import { type ReactNode, Suspense } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { useAuth } from './auth/auth';
import { Forbidden, NotFound } from './components/ResultPages';
import { AppLayout } from './layout/AppLayout';
// Public portal (SV-2): its pages' accessible colours.
import { PortalTheme } from './pages/portal/PortalTheme';
import { type AppRoute, mayOpen, ROUTES } from './routes';

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
function RequirePermission({ route, children }: { route: AppRoute; children: ReactNode }) {
  const { can } = useAuth();
  if (!mayOpen(route, can)) return <Forbidden />;
  return children;
}

function element(route: AppRoute): ReactNode {
  const Page = route.page;
  if (route.layout === 'public')
    // The public portal's pages (SV-2) take colours that meet WCAG 2.1 AA contrast.
    return route.path.startsWith('public') ? (
      <PortalTheme>
        <Page />
      </PortalTheme>
    ) : (
      <Page />
    );
  const guarded = (
    <RequirePermission route={route}>
      <Page />
    </RequirePermission>
  );
  return route.layout === 'bare' ? <RequireAuth>{guarded}</RequireAuth> : guarded;
}

/** The router, built from the one route table (routes.tsx). */
export function AppRoutes() {
  const outside = ROUTES.filter((r) => r.layout === 'public' || r.layout === 'bare');
  const inside = ROUTES.filter((r) => !r.layout || r.layout === 'app');
  return (
    <Suspense fallback={loading}>
      <Routes>
        {outside.map((route) => (
          <Route key={route.path} path={`/${route.path}`} element={element(route)} />
        ))}
        <Route
          element={
            <RequireAuth>
              <AppLayout />
            </RequireAuth>
          }
        >
          {inside.map((route) =>
            route.path === '' ? (
              <Route key="index" index element={element(route)} />
            ) : (
              <Route key={route.path} path={route.path} element={element(route)} />
            ),
          )}
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
