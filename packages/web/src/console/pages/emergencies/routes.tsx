// The emergency events route and menu entry (应急处置 → 应急事件), mounted by the shell (ConsoleApp, ConsoleLayout).
import type { MenuProps } from 'antd';
import { ThunderboltOutlined } from '@ant-design/icons';
import { Route } from 'react-router-dom';
import { useAuth } from '../../../auth/AuthContext.tsx';
import { useT } from '../../../i18n/index.tsx';
import { Gate } from '../../components/Gate.tsx';
import { lazyModule } from '../../../lib/preloadable.ts';

const EmergenciesPage = lazyModule(() => import('./EmergenciesPage.tsx'));

export const emergencyRoutes = <Route path="emergencies" element={<Gate ability="emergencies.read"><EmergenciesPage /></Gate>} />;

/** The entry of the 应急处置 group (the group itself is the campaigns' menu). */
export function useEmergencyMenuEntry(): NonNullable<MenuProps['items']>[number] | null {
  const t = useT();
  const { can } = useAuth();
  if (!can('emergencies.read')) return null;
  return { key: '/emergencies', icon: <ThunderboltOutlined />, label: <span data-testid="menu-emergencies">{t('emergency.menu')}</span> };
}
