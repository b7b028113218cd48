import { Suspense, lazy, type ReactNode } from 'react';
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import { Navigate, Outlet, Route, Routes, useLocation } from 'react-router-dom';
import { useI18n } from '../i18n/index.tsx';
import { useAuth, usesConsole } from '../auth/AuthContext.tsx';
import { consoleTheme } from './theme.ts';
import { ConsoleLayout } from './ConsoleLayout.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { ForcedPasswordChange } from './components/ForcedPasswordChange.tsx';
import { HomePage } from './pages/HomePage.tsx';
import { NotFoundPage, ForbiddenPage } from './components/ErrorResult.tsx';
import { ErrorBoundary } from './components/ErrorBoundary.tsx';
import { caseRoutes } from './pages/cases/routes.tsx';
import { cockpitRoutes, Landing, screenRoute } from './pages/cockpit/routes.tsx';
import { ledgerRoutes } from './pages/ledgers/routes.tsx';
import { registryRoutes } from './pages/registry/routes.tsx';
import { cadreRoutes } from './pages/cadres/routes.tsx';
import { workTimeRoutes } from './pages/worktime/routes.tsx';
import { receptionRoutes } from './pages/reception/routes.tsx';
import { wishOrderRoutes } from './pages/wishes/routes.tsx';
import { activityRoutes } from './pages/activities/routes.tsx';
import { campaignRoutes } from './pages/campaigns/routes.tsx';
import { emergencyRoutes } from './pages/emergencies/routes.tsx';
import { evacuationRoutes } from './pages/evacuation/routes.tsx';
import { burdenRoutes } from './pages/burden/routes.tsx';
import { deliberationRoutes } from './pages/deliberations/routes.tsx';
import { surveyRoutes } from './pages/surveys/routes.tsx';
import { conventionRoutes } from './pages/conventions/routes.tsx';
import { projectRoutes } from './pages/projects/routes.tsx';
import { propertyRoutes } from './pages/property/routes.tsx';
import { useFocusableScrollers } from '../lib/a11y.ts';
import './console.css';

const AreasPage = lazy(() => import('./pages/AreasPage.tsx'));
const PeoplePage = lazy(() => import('./pages/PeoplePage.tsx'));
const UsersPage = lazy(() => import('./pages/UsersPage.tsx'));
const StaffPage = lazy(() => import('./pages/StaffPage.tsx'));
const AuditPage = lazy(() => import('./pages/AuditPage.tsx'));
const ChainPage = lazy(() => import('./pages/ChainPage.tsx'));
const PointsRoutes = lazy(() => import('./pages/points/PointsRoutes.tsx'));
const PartyRoutes = lazy(() => import('./pages/party/PartyRoutes.tsx'));

function RequireConsole({ children }: { children: ReactNode }) {
  const { status, me } = useAuth();
  const location = useLocation();
  if (status === 'loading') return <Spin fullscreen />;
  if (!me) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  if (!usesConsole(me)) return <Navigate to="/m" replace />;
  if (me.passwordChange) return <ForcedPasswordChange />;
  return <>{children}</>;
}

function RequireAbility({ ability, children }: { ability: string; children: ReactNode }) {
  const { can } = useAuth();
  return can(ability) ? <>{children}</> : <ForbiddenPage />;
}

const pageFallback = (
  <div className="gz-page-loading">
    <Spin />
  </div>
);

export default function ConsoleApp() {
  const { locale } = useI18n();
  const { pathname } = useLocation();
  useFocusableScrollers();
  return (
    <ConfigProvider locale={locale === 'en' ? enUS : zhCN} theme={consoleTheme}>
      <AntApp className="gz-console">
        <ErrorBoundary resetKey={pathname}>
          <Routes>
            <Route path="login" element={<LoginPage />} />
            <Route
              element={
                <RequireConsole>
                  <Outlet />
                </RequireConsole>
              }
            >
              {screenRoute}
            </Route>
            <Route
              element={
                <RequireConsole>
                  <ConsoleLayout />
                </RequireConsole>
              }
            >
              <Route
                index
                element={
                  <Landing>
                    <HomePage />
                  </Landing>
                }
              />
              {cockpitRoutes}
              {campaignRoutes}
              {emergencyRoutes}
              {evacuationRoutes}
              {burdenRoutes}
              <Route
                path="areas/:code?"
                element={
                  <Suspense fallback={pageFallback}>
                    <AreasPage />
                  </Suspense>
                }
              />
              <Route
                path="people"
                element={
                  <RequireAbility ability="people.read">
                    <Suspense fallback={pageFallback}>
                      <PeoplePage />
                    </Suspense>
                  </RequireAbility>
                }
              />
              <Route
                path="staff"
                element={
                  <RequireAbility ability="staff.read">
                    <Suspense fallback={pageFallback}>
                      <StaffPage />
                    </Suspense>
                  </RequireAbility>
                }
              />
              <Route
                path="users"
                element={
                  <RequireAbility ability="users.read">
                    <Suspense fallback={pageFallback}>
                      <UsersPage />
                    </Suspense>
                  </RequireAbility>
                }
              />
              <Route
                path="audit"
                element={
                  <RequireAbility ability="audit.read">
                    <Suspense fallback={pageFallback}>
                      <AuditPage />
                    </Suspense>
                  </RequireAbility>
                }
              />
              <Route
                path="chain"
                element={
                  <RequireAbility ability="chain.verify">
                    <Suspense fallback={pageFallback}>
                      <ChainPage />
                    </Suspense>
                  </RequireAbility>
                }
              />
              {caseRoutes}
              {ledgerRoutes}
              {registryRoutes}
              {cadreRoutes}
              {workTimeRoutes}
              {receptionRoutes}
              {wishOrderRoutes}
              {activityRoutes}
              {deliberationRoutes}
              {surveyRoutes}
              {conventionRoutes}
              {projectRoutes}
              {propertyRoutes}
              <Route path="points/*" element={<Suspense fallback={pageFallback}><PointsRoutes /></Suspense>} />
              <Route path="party/*" element={<Suspense fallback={pageFallback}><PartyRoutes /></Suspense>} />
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Routes>
        </ErrorBoundary>
      </AntApp>
    </ConfigProvider>
  );
}
