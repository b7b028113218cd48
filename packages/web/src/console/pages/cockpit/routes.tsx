// The cockpit's routes and menu group, kept here so the shell (ConsoleApp, ConsoleLayout) only mounts them.
import { type ReactNode } from 'react';
import type { MenuProps } from 'antd';
import { DesktopOutlined, FundOutlined } from '@ant-design/icons';
import { Navigate, Route } from 'react-router-dom';
import { useAuth } from '../../../auth/AuthContext.tsx';
import { useT } from '../../../i18n/index.tsx';
import { Gate } from '../../components/Gate.tsx';
import { lazyModule } from '../../../lib/preloadable.ts';
import { COCKPIT_ABILITY } from './access.ts';

// Lazy: ECharts and the cockpit's code load only when a cockpit or the big screen opens.
const CockpitPage = lazyModule(() => import('./CockpitPage.tsx'));
const ScreenPage = lazyModule(() => import('./ScreenPage.tsx'));

/** Inside the console layout. */
export const cockpitRoutes = (
  <Route
    path="cockpit/:code?"
    element={
      <Gate ability={COCKPIT_ABILITY}>
        <CockpitPage />
      </Gate>
    }
  />
);

/** The big screen: outside the console layout (no header, no menu). */
export const screenRoute = (
  <Route
    path="screen/:code?"
    element={
      <Gate ability={COCKPIT_ABILITY} dark>
        <ScreenPage />
      </Gate>
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
  if (!can(COCKPIT_ABILITY)) return null;
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
