// The console's 活动与志愿 screens: activities (publish, check-in code, attendance) and the volunteer
// roster. The menu follows the abilities the server grants.
import { type ReactNode } from 'react';
import type { MenuProps } from 'antd';
import { CalendarOutlined, SmileOutlined } from '@ant-design/icons';
import { Route } from 'react-router-dom';
import { useAuth } from '../../../auth/AuthContext.tsx';
import { useT } from '../../../i18n/index.tsx';
import { Gate } from '../../components/Gate.tsx';
import { lazyModule } from '../../../lib/preloadable.ts';

const ActivitiesPage = lazyModule(() => import('./ActivitiesPage.tsx'));
const ActivityPage = lazyModule(() => import('./ActivityPage.tsx'));
const ActivityCodePage = lazyModule(() => import('./ActivityCodePage.tsx'));
const VolunteersPage = lazyModule(() => import('./VolunteersPage.tsx'));

export const activityRoutes = (
  <>
    <Route path="activities" element={<Gate ability="activities.read"><ActivitiesPage /></Gate>} />
    <Route path="activities/:id" element={<Gate ability="activities.read"><ActivityPage /></Gate>} />
    <Route path="activities/:id/code" element={<Gate ability="activities.manage"><ActivityCodePage /></Gate>} />
    <Route path="volunteers" element={<Gate ability="activities.read"><VolunteersPage /></Gate>} />
  </>
);

type Item = NonNullable<MenuProps['items']>[number];

export function useActivityMenu(): Item | null {
  const t = useT();
  const { can } = useAuth();
  if (!can('activities.read')) return null;
  const entry = (key: string, icon: ReactNode, label: string, testId: string): Item => ({ key, icon, label: <span data-testid={testId}>{label}</span> });
  return {
    type: 'group',
    key: 'g-activities',
    label: t('act.menu.group'),
    children: [entry('/activities', <CalendarOutlined />, t('act.menu.list'), 'menu-activities'), entry('/volunteers', <SmileOutlined />, t('act.menu.volunteers'), 'menu-volunteers')],
  };
}
