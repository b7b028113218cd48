// The console's 活动与志愿 screens: activities (publish, check-in code, attendance) and the volunteer
// roster. The menu follows the abilities the server grants.
import { Suspense, lazy, type ReactNode } from 'react';
import { Spin, type MenuProps } from 'antd';
import { CalendarOutlined, SmileOutlined } from '@ant-design/icons';
import { Route } from 'react-router-dom';
import { useAuth } from '../../../auth/AuthContext.tsx';
import { useT } from '../../../i18n/index.tsx';
import { ForbiddenPage } from '../../components/ErrorResult.tsx';

const ActivitiesPage = lazy(() => import('./ActivitiesPage.tsx'));
const ActivityPage = lazy(() => import('./ActivityPage.tsx'));
const ActivityCodePage = lazy(() => import('./ActivityCodePage.tsx'));
const VolunteersPage = lazy(() => import('./VolunteersPage.tsx'));

const fallback = (
  <div className="gz-page-loading">
    <Spin />
  </div>
);

function Guard({ ability, children }: { ability: string; children: ReactNode }) {
  const { can } = useAuth();
  return can(ability) ? <Suspense fallback={fallback}>{children}</Suspense> : <ForbiddenPage />;
}

export const activityRoutes = (
  <>
    <Route path="activities" element={<Guard ability="activities.read"><ActivitiesPage /></Guard>} />
    <Route path="activities/:id" element={<Guard ability="activities.read"><ActivityPage /></Guard>} />
    <Route path="activities/:id/code" element={<Guard ability="activities.manage"><ActivityCodePage /></Guard>} />
    <Route path="volunteers" element={<Guard ability="activities.read"><VolunteersPage /></Guard>} />
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
