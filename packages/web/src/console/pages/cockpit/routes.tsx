// The cockpit's routes and menu group, kept here so the shell (ConsoleApp, ConsoleLayout) only mounts them.
import { Suspense, lazy, type ReactNode } from 'react';
import { Spin, type MenuProps } from 'antd';
import { DesktopOutlined, FundOutlined } from '@ant-design/icons';
import { Navigate, Route } from 'react-router-dom';
import { useAuth } from '../../../auth/AuthContext.tsx';
import { useT } from '../../../i18n/index.tsx';
import { ForbiddenPage } from '../../components/ErrorResult.tsx';

// Lazy: ECharts and the cockpit's code load only when a cockpit or the big screen opens.
const CockpitPage = lazy(() => import('./CockpitPage.tsx'));
const ScreenPage = lazy(() => import('./ScreenPage.tsx'));

function Guarded({ children, dark }: { children: ReactNode; dark?: boolean }) {
  const { can } = useAuth();
  if (!can('cockpit.read')) return <ForbiddenPage />;
  return (
    <Suspense
      fallback={
        <div className={dark ? 'gz-page-loading gz-sc-loading' : 'gz-page-loading'}>
          <Spin />
        </div>
      }
    >
      {children}
    </Suspense>
  );
}

/** Inside the console layout. */
export const cockpitRoutes = (
  <Route
    path="cockpit/:code?"
    element={
      <Guarded>
        <CockpitPage />
      </Guarded>
    }
  />
);

/** The big screen: outside the console layout (no header, no menu). */
export const screenRoute = (
  <Route
    path="screen/:code?"
    element={
      <Guarded dark>
        <ScreenPage />
      </Guarded>
    }
  />
);

/** The landing page: the cockpit for those whose home it is (the leader), else the given page. */
export function Landing({ children }: { children: ReactNode }) {
  const { can } = useAuth();
  if (can('cockpit.home')) return <Navigate to="/cockpit" replace />;
  if (can('inbox.home')) return <Navigate to="/cases?tab=mine" replace />;
  return <>{children}</>;
}

export function useCockpitMenu(): NonNullable<MenuProps['items']>[number] | null {
  const t = useT();
  const { can } = useAuth();
  if (!can('cockpit.read')) return null;
  return {
    type: 'group',
    key: 'g-cockpit',
    label: t('cockpit.menu.group'),
    children: [
      { key: '/cockpit', icon: <FundOutlined />, label: <span data-testid="menu-cockpit">{t('cockpit.menu')}</span> },
      { key: '/screen', icon: <DesktopOutlined />, label: <span data-testid="menu-screen">{t('cockpit.menu.screen')}</span> },
    ],
  };
}
