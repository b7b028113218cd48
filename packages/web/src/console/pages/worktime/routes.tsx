// The work-time screens (工作日历, 办公时间): routes and menu entries, kept here so the shell
// (ConsoleApp, ConsoleLayout) only mounts them.
import type { MenuProps } from 'antd';
import { CalendarOutlined, FieldTimeOutlined } from '@ant-design/icons';
import { Route } from 'react-router-dom';
import { useAuth } from '../../../auth/AuthContext.tsx';
import { useT } from '../../../i18n/index.tsx';
import { Gate } from '../../components/Gate.tsx';
import { lazyModule } from '../../../lib/preloadable.ts';

const CalendarPage = lazyModule(() => import('./CalendarPage.tsx'));
const OfficeHoursPage = lazyModule(() => import('./OfficeHoursPage.tsx'));

export const workTimeRoutes = (
  <>
    <Route
      path="calendar"
      element={
        <Gate ability="calendar.manage">
          <CalendarPage />
        </Gate>
      }
    />
    <Route
      path="office-hours"
      element={
        <Gate ability="officehours.manage">
          <OfficeHoursPage />
        </Gate>
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
