// The console's 党员在行动 screens: micro-wishes (review, wall) and service orders (inbox, menu,
// teams). The menu follows the abilities the server grants.
import { type ReactNode } from 'react';
import type { MenuProps } from 'antd';
import { AppstoreOutlined, HeartOutlined, ProfileOutlined, SolutionOutlined, TeamOutlined } from '@ant-design/icons';
import { Route } from 'react-router-dom';
import { useAuth } from '../../../auth/AuthContext.tsx';
import { useT } from '../../../i18n/index.tsx';
import { Gate } from '../../components/Gate.tsx';
import { lazyModule } from '../../../lib/preloadable.ts';

const WishesPage = lazyModule(() => import('./WishesPage.tsx'));
const WishPage = lazyModule(() => import('./WishPage.tsx'));
const WishWallPage = lazyModule(() => import('./WishWallPage.tsx'));
const OrdersPage = lazyModule(() => import('../orders/OrdersPage.tsx'));
const OrderPage = lazyModule(() => import('../orders/OrderPage.tsx'));
const ServiceMenuPage = lazyModule(() => import('../orders/ServiceMenuPage.tsx'));
const TeamsPage = lazyModule(() => import('../orders/TeamsPage.tsx'));

export const wishOrderRoutes = (
  <>
    <Route path="wishes" element={<Gate ability="wishes.read"><WishesPage /></Gate>} />
    <Route path="wishes/wall" element={<Gate ability="wishes.read"><WishWallPage /></Gate>} />
    <Route path="wishes/:id" element={<Gate ability="wishes.read"><WishPage /></Gate>} />
    <Route path="orders" element={<Gate ability="orders.read"><OrdersPage /></Gate>} />
    <Route path="orders/menu" element={<Gate ability="orders.read"><ServiceMenuPage /></Gate>} />
    <Route path="orders/teams" element={<Gate ability="orders.read"><TeamsPage /></Gate>} />
    <Route path="orders/:id" element={<Gate ability="orders.read"><OrderPage /></Gate>} />
  </>
);

type Item = NonNullable<MenuProps['items']>[number];

export function useWishOrderMenu(): Item | null {
  const t = useT();
  const { can } = useAuth();
  const children: Item[] = [];
  const entry = (key: string, icon: ReactNode, label: string, testId: string): Item => ({ key, icon, label: <span data-testid={testId}>{label}</span> });
  if (can('wishes.read')) {
    children.push(entry('/wishes', <HeartOutlined />, t('wish.menu.review'), 'menu-wishes'));
    children.push(entry('/wishes/wall', <AppstoreOutlined />, t('wish.menu.wall'), 'menu-wish-wall'));
  }
  if (can('orders.read')) {
    children.push(entry('/orders', <SolutionOutlined />, t('order.menu.inbox'), 'menu-orders'));
    children.push(entry('/orders/menu', <ProfileOutlined />, t('order.menu.menu'), 'menu-service-menu'));
    children.push(entry('/orders/teams', <TeamOutlined />, t('order.menu.teams'), 'menu-service-teams'));
  }
  return children.length ? { type: 'group', key: 'g-wishes', label: t('wish.menu.group'), children } : null;
}
