// The console's 红心物业 screen: companies' credit, the yearly grading (confirmed by 住建) and compounds.
// The menu follows the abilities the server grants.
import type { MenuProps } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Route } from 'react-router-dom';
import { useAuth } from '../../../auth/AuthContext.tsx';
import { useT } from '../../../i18n/index.tsx';
import { Gate } from '../../components/Gate.tsx';
import { lazyModule } from '../../../lib/preloadable.ts';

const PropertyPage = lazyModule(() => import('./PropertyPage.tsx'));

export const propertyRoutes = <Route path="property" element={<Gate ability="property.read"><PropertyPage /></Gate>} />;

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
