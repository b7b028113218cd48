// The burden-reduction route and menu group (事项准入, 一表通), mounted by the shell (ConsoleApp, ConsoleLayout).
import { Suspense, lazy } from 'react';
import { Spin, type MenuProps } from 'antd';
import { AuditOutlined } from '@ant-design/icons';
import { Route } from 'react-router-dom';
import { useAuth } from '../../../auth/AuthContext.tsx';
import { useT } from '../../../i18n/index.tsx';
import { ForbiddenPage } from '../../components/ErrorResult.tsx';

const BurdenPage = lazy(() => import('./BurdenPage.tsx'));

function Guarded() {
  const { can } = useAuth();
  if (!can('burden.read')) return <ForbiddenPage />;
  return (
    <Suspense
      fallback={
        <div className="gz-page-loading">
          <Spin />
        </div>
      }
    >
      <BurdenPage />
    </Suspense>
  );
}

export const burdenRoutes = <Route path="burden" element={<Guarded />} />;

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
