// The console's 议事协商 screens: the list (with the form that convenes one) and a deliberation with
// its roll, ballots and result. The menu follows the abilities the server grants.
import type { MenuProps } from 'antd';
import { AuditOutlined, BookOutlined } from '@ant-design/icons';
import { Route } from 'react-router-dom';
import { useAuth } from '../../../auth/AuthContext.tsx';
import { useT } from '../../../i18n/index.tsx';
import { Gate } from '../../components/Gate.tsx';
import { lazyModule } from '../../../lib/preloadable.ts';

const DeliberationsPage = lazyModule(() => import('./DeliberationsPage.tsx'));
const DeliberationPage = lazyModule(() => import('./DeliberationPage.tsx'));

export const deliberationRoutes = (
  <>
    <Route path="deliberations" element={<Gate ability="deliberations.read"><DeliberationsPage /></Gate>} />
    <Route path="deliberations/:id" element={<Gate ability="deliberations.read"><DeliberationPage /></Gate>} />
  </>
);

type Item = NonNullable<MenuProps['items']>[number];

export function useDeliberationMenu(): Item | null {
  const t = useT();
  const { can } = useAuth();
  if (!can('deliberations.read')) return null;
  return {
    type: 'group',
    key: 'g-deliberations',
    label: t('delib.menu.group'),
    children: [
      { key: '/deliberations', icon: <AuditOutlined />, label: <span data-testid="menu-deliberations">{t('delib.menu.list')}</span> },
      // 村规民约 / 居民公约 (pages/conventions): made and revised by the deliberations above.
      ...(can('conventions.read') ? [{ key: '/conventions', icon: <BookOutlined />, label: <span data-testid="menu-conventions">{t('conv.menu')}</span> }] : []),
    ],
  };
}
