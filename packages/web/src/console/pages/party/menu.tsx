// The console's 党建引领 menu group: one entry per screen the caller's party abilities open.
import type { MenuProps } from 'antd';
import { ApartmentOutlined, FlagOutlined, HomeOutlined, PieChartOutlined } from '@ant-design/icons';
import { useAuth } from '../../../auth/AuthContext.tsx';
import { useT } from '../../../i18n/index.tsx';

type Item = NonNullable<MenuProps['items']>[number];

export function usePartyMenu(): Item | null {
  const t = useT();
  const { can } = useAuth();
  if (!can('party.read')) return null;
  const entry = (key: string, icon: React.ReactNode, label: string): Item => ({ key: `/party/${key}`, icon, label: <span data-testid={`menu-party-${key}`}>{label}</span> });
  return {
    type: 'group',
    key: 'g-party',
    label: t('party.menu.group'),
    children: [
      entry('orgs', <ApartmentOutlined />, t('party.menu.orgs')),
      entry('coverage', <PieChartOutlined />, t('party.menu.coverage')),
      entry('links', <HomeOutlined />, t('party.menu.links')),
      entry('posts', <FlagOutlined />, t('party.menu.posts')),
    ],
  };
}
