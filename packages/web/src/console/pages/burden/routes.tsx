// The burden-reduction route and menu group (事项准入, 一表通), mounted by the shell (ConsoleApp, ConsoleLayout).
import type { MenuProps } from 'antd';
import { AuditOutlined } from '@ant-design/icons';
import { Route } from 'react-router-dom';
import { useAuth } from '../../../auth/AuthContext.tsx';
import { useT } from '../../../i18n/index.tsx';
import { Gate } from '../../components/Gate.tsx';
import { lazyModule } from '../../../lib/preloadable.ts';

const BurdenPage = lazyModule(() => import('./BurdenPage.tsx'));

export const burdenRoutes = <Route path="burden" element={<Gate ability="burden.read"><BurdenPage /></Gate>} />;

export function useBurdenMenu(): NonNullable<MenuProps['items']>[number] | null {
  const t = useT();
  const { can } = useAuth();
  if (!can('burden.read')) return null;
  return {
    type: 'group',
    key: 'g-burden',
    label: t('burden.menu.group'),
    children: [{ key: '/burden', icon: <AuditOutlined />, label: <span data-testid="menu-burden">{t('burden.menu')}</span> }],
  };
}
