// The console's 红心物业 screen: companies' credit, the yearly grading (confirmed by 住建) and compounds.
// The menu follows the abilities the server grants.
import { Suspense, lazy, type ReactNode } from 'react';
import { Spin, type MenuProps } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Route } from 'react-router-dom';
import { useAuth } from '../../../auth/AuthContext.tsx';
import { useT } from '../../../i18n/index.tsx';
import { ForbiddenPage } from '../../components/ErrorResult.tsx';

const PropertyPage = lazy(() => import('./PropertyPage.tsx'));

const fallback = (
  <div className="gz-page-loading">
    <Spin />
  </div>
);

function Guard({ children }: { children: ReactNode }) {
  const { can } = useAuth();
  return can('property.read') ? <Suspense fallback={fallback}>{children}</Suspense> : <ForbiddenPage />;
}

export const propertyRoutes = <Route path="property" element={<Guard><PropertyPage /></Guard>} />;

type Item = NonNullable<MenuProps['items']>[number];

export function usePropertyMenu(): Item | null {
  const t = useT();
  const { can } = useAuth();
  if (!can('property.read')) return null;
  return {
    type: 'group',
    key: 'g-property',
    label: t('prop.menu.group'),
    children: [{ key: '/property', icon: <SafetyCertificateOutlined />, label: <span data-testid="menu-property">{t('prop.menu.credit')}</span> }],
  };
}
