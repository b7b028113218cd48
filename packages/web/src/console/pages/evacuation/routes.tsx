// The risk map and evacuation routes and menu entries (风险地图, 转移安置), shown in the 应急处置 group.
import type { MenuProps } from 'antd';
import { EnvironmentOutlined, ExportOutlined } from '@ant-design/icons';
import { Route } from 'react-router-dom';
import { useAuth } from '../../../auth/AuthContext.tsx';
import { useT } from '../../../i18n/index.tsx';
import { Gate } from '../../components/Gate.tsx';
import { lazyModule } from '../../../lib/preloadable.ts';

const RiskMapPage = lazyModule(() => import('./RiskMapPage.tsx'));
const EvacuationsPage = lazyModule(() => import('./EvacuationsPage.tsx'));

export const evacuationRoutes = [
  <Route key="risk-map" path="risk-map" element={<Gate ability="evacuations.read"><RiskMapPage /></Gate>} />,
  <Route key="evacuations" path="evacuations" element={<Gate ability="evacuations.read"><EvacuationsPage /></Gate>} />,
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
