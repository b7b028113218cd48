// The risk map and evacuation routes and menu entries (风险地图, 转移安置), shown in the 应急处置 group.
import { Suspense, lazy, type ReactNode } from 'react';
import { Spin, type MenuProps } from 'antd';
import { EnvironmentOutlined, ExportOutlined } from '@ant-design/icons';
import { Route } from 'react-router-dom';
import { useAuth } from '../../../auth/AuthContext.tsx';
import { useT } from '../../../i18n/index.tsx';
import { ForbiddenPage } from '../../components/ErrorResult.tsx';

const RiskMapPage = lazy(() => import('./RiskMapPage.tsx'));
const EvacuationsPage = lazy(() => import('./EvacuationsPage.tsx'));

function Guarded({ children }: { children: ReactNode }) {
  const { can } = useAuth();
  if (!can('evacuations.read')) return <ForbiddenPage />;
  return (
    <Suspense
      fallback={
        <div className="gz-page-loading">
          <Spin />
        </div>
      }
    >
      {children}
    </Suspense>
  );
}

export const evacuationRoutes = [
  <Route key="risk-map" path="risk-map" element={<Guarded><RiskMapPage /></Guarded>} />,
  <Route key="evacuations" path="evacuations" element={<Guarded><EvacuationsPage /></Guarded>} />,
];

type MenuItem = NonNullable<MenuProps['items']>[number];

export function useEvacuationMenuEntries(): MenuItem[] {
  const t = useT();
  const { can } = useAuth();
  if (!can('evacuations.read') || !can('people.read')) return [];
  return [
    { key: '/risk-map', icon: <EnvironmentOutlined />, label: <span data-testid="menu-risk-map">{t('evac.mapMenu')}</span> },
    { key: '/evacuations', icon: <ExportOutlined />, label: <span data-testid="menu-evacuations">{t('evac.menu')}</span> },
  ];
}
