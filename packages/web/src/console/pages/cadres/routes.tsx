// Service points, the talent registry and sunk-down cadres (docs/SERVICE-POINTS.md): routes and the entries of the
// 基础信息 menu group, kept here so the shell only mounts them.
import type { MenuProps } from 'antd';
import { ContactsOutlined, FlagOutlined, ShopOutlined } from '@ant-design/icons';
import { Route } from 'react-router-dom';
import { useAuth } from '../../../auth/AuthContext.tsx';
import { useT } from '../../../i18n/index.tsx';
import { Gate } from '../../components/Gate.tsx';
import { lazyModule } from '../../../lib/preloadable.ts';

const ServicePointsPage = lazyModule(() => import('./ServicePointsPage.tsx'));
const TalentsPage = lazyModule(() => import('./TalentsPage.tsx'));
const CadresPage = lazyModule(() => import('./CadresPage.tsx'));

export const cadreRoutes = (
  <>
    <Route
      path="service-points"
      element={
        <Gate ability="servicepoints.read">
          <ServicePointsPage />
        </Gate>
      }
    />
    <Route
      path="talents"
      element={
        <Gate ability="talents.read">
          <TalentsPage />
        </Gate>
      }
    />
    <Route
      path="cadres"
      element={
        <Gate ability="cadres.read">
          <CadresPage />
        </Gate>
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
