// The work-time screens (工作日历, 办公时间): routes and menu entries, kept here so the shell
// (ConsoleApp, ConsoleLayout) only mounts them.
import { Suspense, lazy, type ReactNode } from 'react';
import { Spin, type MenuProps } from 'antd';
import { CalendarOutlined, FieldTimeOutlined } from '@ant-design/icons';
import { Route } from 'react-router-dom';
import { useAuth } from '../../../auth/AuthContext.tsx';
import { useT } from '../../../i18n/index.tsx';
import { ForbiddenPage } from '../../components/ErrorResult.tsx';

const CalendarPage = lazy(() => import('./CalendarPage.tsx'));
const OfficeHoursPage = lazy(() => import('./OfficeHoursPage.tsx'));

function Page({ ability, children }: { ability: string; children: ReactNode }) {
  const { can } = useAuth();
  if (!can(ability)) return <ForbiddenPage />;
  return (
    <Suspense
      fallback={
        <div className="gz-page-loading">
          <Spin />
        </div>
      }
    >
      {children}
    </Suspense>
  );
}

export const workTimeRoutes = (
  <>
    <Route
      path="calendar"
      element={
        <Page ability="calendar.manage">
          <CalendarPage />
        </Page>
      }
    />
    <Route
      path="office-hours"
      element={
        <Page ability="officehours.manage">
          <OfficeHoursPage />
        </Page>
      }
    />
  </>
);

/** Entries of the 系统管理 group. */
export function useWorkTimeMenu(): NonNullable<MenuProps['items']> {
  const t = useT();
  const { can } = useAuth();
  const out: NonNullable<MenuProps['items']> = [];
  if (can('calendar.manage')) out.push({ key: '/calendar', icon: <CalendarOutlined />, label: <span data-testid="menu-calendar">{t('wt.menu.calendar')}</span> });
  if (can('officehours.manage')) out.push({ key: '/office-hours', icon: <FieldTimeOutlined />, label: <span data-testid="menu-office-hours">{t('wt.menu.hours')}</span> });
  return out;
}
