// The console's 积分管理 menu group: one entry per screen the caller's points abilities open.
import type { ReactNode } from 'react';
import type { MenuProps } from 'antd';
import { AuditOutlined, BarChartOutlined, FileProtectOutlined, ProfileOutlined, ShopOutlined, WalletOutlined } from '@ant-design/icons';
import { useT } from '../../../i18n/index.tsx';
import { usePointsAccess, type PointsAccess } from '../../../lib/points.ts';

type Item = NonNullable<MenuProps['items']>[number];

/** Which points screens the abilities open (the same test guards each route). */
export function pointsScreens(p: PointsAccess) {
  const staff = p.can('points.accounts.read');
  return {
    rules: staff || p.can('points.rules.edit') || p.can('points.awards.propose') || p.can('points.awards.approve'),
    awards: staff || p.can('points.awards.propose') || p.can('points.awards.approve'),
    accounts: staff,
    items: staff || p.can('points.items.manage') || p.can('points.redemptions.confirm'),
    leaderboard: p.can('points.leaderboard.read'),
    ledger: p.can('points.audit'),
  };
}

/** The menu group, or nothing while the abilities load or when none applies. */
export function usePointsMenu(): Item | null {
  const t = useT();
  const access = usePointsAccess();
  if (!access.loaded) return null;
  const s = pointsScreens(access);
  const entry = (key: string, icon: ReactNode, label: string, testId: string): Item => ({
    key: `/points/${key}`,
    icon,
    label: <span data-testid={testId}>{label}</span>,
  });
  const children: Item[] = [];
  if (s.rules) children.push(entry('rules', <ProfileOutlined />, t('points.menu.rules'), 'menu-points-rules'));
  if (s.awards) children.push(entry('awards', <FileProtectOutlined />, t('points.menu.awards'), 'menu-points-awards'));
  if (s.accounts) children.push(entry('accounts', <WalletOutlined />, t('points.menu.accounts'), 'menu-points-accounts'));
  if (s.items) children.push(entry('items', <ShopOutlined />, t('points.menu.items'), 'menu-points-items'));
  if (s.leaderboard) children.push(entry('leaderboard', <BarChartOutlined />, t('points.menu.leaderboard'), 'menu-points-leaderboard'));
  if (s.ledger) children.push(entry('ledger', <AuditOutlined />, t('points.menu.ledger'), 'menu-points-ledger'));
  return children.length ? { type: 'group', key: 'g-points', label: t('points.menu.group'), children } : null;
}
