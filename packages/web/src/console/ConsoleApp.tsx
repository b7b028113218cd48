import { type ReactNode } from 'react';
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import { Navigate, Outlet, Route, Routes, createRoutesFromChildren, matchRoutes, useLocation } from 'react-router-dom';
import type { Me } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { useAuth, usesConsole } from '../auth/AuthContext.tsx';
import { consoleTheme } from './theme.ts';
import { ConsoleLayout } from './ConsoleLayout.tsx';
import { AppConsoleFrame } from './ConsoleFrame.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { ForcedPasswordChange } from './components/ForcedPasswordChange.tsx';
import { HomePage } from './pages/HomePage.tsx';
import { NotFoundPage } from './components/ErrorResult.tsx';
import { Gate } from './components/Gate.tsx';
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
import { prefersReducedMotion, useFocusableScrollers } from '../lib/a11y.ts';
import './console.css';
import { lazyModule, prefetchElements, preloadElements } from '../lib/preloadable.ts';

const AreasPage = lazyModule(() => import('./pages/AreasPage.tsx'));
const PeoplePage = lazyModule(() => import('./pages/PeoplePage.tsx'));
const UsersPage = lazyModule(() => import('./pages/UsersPage.tsx'));
const StaffPage = lazyModule(() => import('./pages/StaffPage.tsx'));
const AuditPage = lazyModule(() => import('./pages/AuditPage.tsx'));
const ChainPage = lazyModule(() => import('./pages/ChainPage.tsx'));
const PointsRoutes = lazyModule(() => import('./pages/points/PointsRoutes.tsx'));
const PartyRoutes = lazyModule(() => import('./pages/party/PartyRoutes.tsx'));

/** antd's motion off for users who asked their system for less of it. */
const theme = prefersReducedMotion() ? { ...consoleTheme, token: { ...consoleTheme.token, motion: false } } : consoleTheme;

/** `loading`: what shows while the session is not yet known (the console's outline, or a spinner on the big screen). */
function RequireConsole({ children, loading }: { children: ReactNode; loading: ReactNode }) {
  const { status, me } = useAuth();
  const location = useLocation();
  if (status === 'loading') return <>{loading}</>;
  if (!me) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  if (!usesConsole(me)) return <Navigate to="/m" replace />;
  if (me.passwordChange) return <ForcedPasswordChange />;
  return <>{children}</>;
}

/** The console's routes: rendered by ConsoleApp, and read by `preloadRoute` to load the page a browser opens on. */
const consoleRoutes = (
  <>
    <Route path="login" element={<LoginPage />} />
    <Route
      element={
        <RequireConsole loading={<Spin fullscreen />}>
          <Outlet />
        </RequireConsole>
      }
    >
      {screenRoute}
    </Route>
    <Route
      element={
        <RequireConsole loading={<AppConsoleFrame />}>
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
          <Gate>
            <AreasPage />
          </Gate>
        }
      />
      <Route
        path="people"
        element={
          <Gate ability="people.read">
              <PeoplePage />
          </Gate>
        }
      />
      <Route
        path="staff"
        element={
          <Gate ability="staff.read">
              <StaffPage />
          </Gate>
        }
      />
      <Route
        path="users"
        element={
          <Gate ability="users.read">
              <UsersPage />
          </Gate>
        }
      />
      <Route
        path="audit"
        element={
          <Gate ability="audit.read">
              <AuditPage />
          </Gate>
        }
      />
      <Route
        path="chain"
        element={
          <Gate ability="chain.verify">
              <ChainPage />
          </Gate>
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
      <Route path="points/*" element={<Gate><PointsRoutes /></Gate>} />
      <Route path="party/*" element={<Gate><PartyRoutes /></Gate>} />
      <Route path="*" element={<NotFoundPage />} />
    </Route>
  </>
);

/**
 * Loads the code of the page at `pathname` (of every lazily loaded component its route names) before the console's
 * first render (main.tsx): that page then renders with the console's frame, not a spinner first.
 */
export const preloadRoute = (pathname: string): Promise<void> => preloadElements(matchConsole(pathname).map((m) => m.route.element));

/**
 * Starts reading the data of the page at `pathname` + `search` for `me` (the `prefetch` of its preloaded module), once
 * the session has answered and before the first render (main.tsx): the page's requests are out while it renders.
 */
export function prefetchRoute(pathname: string, search: string, me: Me): void {
  // Whoever does not use the console is sent elsewhere (RequireConsole): nothing of its pages is theirs to read.
  if (!usesConsole(me)) return;
  const matches = matchConsole(pathname);
  prefetchElements(
    matches.map((m) => m.route.element),
    { params: matches.at(-1)?.params ?? {}, search: new URLSearchParams(search), me },
  );
}

const matchConsole = (pathname: string) => matchRoutes(createRoutesFromChildren(consoleRoutes), pathname) ?? [];

export default function ConsoleApp() {
  const { locale } = useI18n();
  const { pathname } = useLocation();
  useFocusableScrollers();
  return (
    <ConfigProvider locale={locale === 'en' ? enUS : zhCN} theme={theme}>
      <AntApp className="gz-console">
        <ErrorBoundary resetKey={pathname}>
          <Routes>{consoleRoutes}</Routes>
        </ErrorBoundary>
      </AntApp>
    </ConfigProvider>
  );
}
