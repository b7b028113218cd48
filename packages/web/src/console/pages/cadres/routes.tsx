// Service points, the talent registry and sunk-down cadres (docs/SERVICE-POINTS.md): routes and the entries of the
// 基础信息 menu group, kept here so the shell only mounts them.
import { Suspense, lazy } from 'react';
import { Spin, type MenuProps } from 'antd';
import { ContactsOutlined, FlagOutlined, ShopOutlined } from '@ant-design/icons';
import { Route } from 'react-router-dom';
import { useAuth } from '../../../auth/AuthContext.tsx';
import { useT } from '../../../i18n/index.tsx';

const ServicePointsPage = lazy(() => import('./ServicePointsPage.tsx'));
const TalentsPage = lazy(() => import('./TalentsPage.tsx'));
const CadresPage = lazy(() => import('./CadresPage.tsx'));

const loading = (
  <div className="gz-page-loading">
    <Spin />
  </div>
);

export const cadreRoutes = (
  <>
    <Route
      path="service-points"
      element={
        <Suspense fallback={loading}>
          <ServicePointsPage />
        </Suspense>
      }
    />
    <Route
      path="talents"
      element={
        <Suspense fallback={loading}>
          <TalentsPage />
        </Suspense>
      }
    />
    <Route
      path="cadres"
      element={
        <Suspense fallback={loading}>
          <CadresPage />
        </Suspense>
      }
    />
  </>
);

export function useCadreMenuEntries(): NonNullable<MenuProps['items']> {
  const t = useT();
  const { can } = useAuth();
  const out: NonNullable<MenuProps['items']> = [];
  if (can('servicepoints.read')) out.push({ key: '/service-points', icon: <ShopOutlined />, label: <span data-testid="menu-service-points">{t('sp.menu')}</span> });
  if (can('talents.read')) out.push({ key: '/talents', icon: <ContactsOutlined />, label: <span data-testid="menu-talents">{t('talent.menu')}</span> });
  if (can('cadres.read')) out.push({ key: '/cadres', icon: <FlagOutlined />, label: <span data-testid="menu-cadres">{t('cadre.menu')}</span> });
  return out;
}
