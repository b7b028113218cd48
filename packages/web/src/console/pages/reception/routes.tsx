// The reception-day screens (接待日安排, 领导包案): routes and menu entries, kept here so the shell
// (ConsoleApp, ConsoleLayout) only mounts them.
import type { MenuProps } from 'antd';
import { CalendarOutlined, FlagOutlined } from '@ant-design/icons';
import { Route } from 'react-router-dom';
import { useAuth } from '../../../auth/AuthContext.tsx';
import { useT } from '../../../i18n/index.tsx';
import { Gate } from '../../components/Gate.tsx';
import { lazyModule } from '../../../lib/preloadable.ts';

const ReceptionPage = lazyModule(() => import('./ReceptionPage.tsx'));
const LeadCasesPage = lazyModule(() => import('./LeadCasesPage.tsx'));

export const receptionRoutes = (
  <>
    <Route
      path="reception"
      element={
        <Gate ability="reception.read">
          <ReceptionPage />
        </Gate>
      }
    />
    <Route
      path="lead-cases"
      element={
        <Gate ability="reception.lead">
          <LeadCasesPage />
        </Gate>
      }
    />
  </>
);

/** The 接待日 group: the schedule for area staff, the leader's own cases for leaders. */
export function useReceptionMenu(): NonNullable<MenuProps['items']>[number] | null {
  const t = useT();
  const { can } = useAuth();
  const children: NonNullable<MenuProps['items']> = [];
  if (can('reception.lead')) children.push({ key: '/lead-cases', icon: <FlagOutlined />, label: <span data-testid="menu-lead-cases">{t('rc.menu.lead')}</span> });
  if (can('reception.read')) children.push({ key: '/reception', icon: <CalendarOutlined />, label: <span data-testid="menu-reception">{t('rc.menu.schedule')}</span> });
  return children.length ? { type: 'group', key: 'g-reception', label: t('rc.menu.group'), children } : null;
}
