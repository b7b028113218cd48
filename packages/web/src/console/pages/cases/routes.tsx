// The case screens of the console: their routes and their menu group, kept here so the shell
// (ConsoleApp, ConsoleLayout) only mounts them.
import { type ReactNode } from 'react';
import type { MenuProps } from 'antd';
import { ApiOutlined, FileAddOutlined, MessageOutlined, OrderedListOutlined, QrcodeOutlined, SolutionOutlined } from '@ant-design/icons';
import { Route } from 'react-router-dom';
import { useMe } from '../../../auth/AuthContext.tsx';
import { useT } from '../../../i18n/index.tsx';
import { ForbiddenPage } from '../../components/ErrorResult.tsx';
import { isSystemAdmin, printsQr, registerChannels } from './access.ts';
import './cases.css';
import { Gate } from '../../components/Gate.tsx';
import { lazyModule } from '../../../lib/preloadable.ts';

const CasesPage = lazyModule(() => import('./CasesPage.tsx'));
const CasePage = lazyModule(() => import('./CasePage.tsx'));
const CaseNewPage = lazyModule(() => import('./CaseNewPage.tsx'));
const CataloguePage = lazyModule(() => import('./CataloguePage.tsx'));
const QrSheetPage = lazyModule(() => import('./QrSheetPage.tsx'));
const WallPage = lazyModule(() => import('./WallPage.tsx'));
const Open311Page = lazyModule(() => import('./Open311Page.tsx'));

function OnlyIf({ allowed, children }: { allowed: (me: ReturnType<typeof useMe>) => boolean; children: ReactNode }) {
  const me = useMe();
  return allowed(me) ? <>{children}</> : <ForbiddenPage />;
}

/** Routes inside the console layout. */
export const caseRoutes = (
  <>
    <Route
      path="cases"
      element={
        <Gate>
          <CasesPage />
        </Gate>
      }
    />
    <Route
      path="cases/new"
      element={
        <Gate>
          <CaseNewPage />
        </Gate>
      }
    />
    <Route
      path="cases/:id"
      element={
        <Gate>
          <CasePage />
        </Gate>
      }
    />
    <Route
      path="catalog"
      element={
        <Gate>
          <CataloguePage />
        </Gate>
      }
    />
    <Route
      path="qr/:code?"
      element={
        <OnlyIf allowed={printsQr}>
          <Gate>
            <QrSheetPage />
          </Gate>
        </OnlyIf>
      }
    />
    <Route
      path="wall"
      element={
        <Gate>
          <WallPage />
        </Gate>
      }
    />
    <Route
      path="open311"
      element={
        <OnlyIf allowed={isSystemAdmin}>
          <Gate>
            <Open311Page />
          </Gate>
        </OnlyIf>
      }
    />
  </>
);

/** The 案件办理 group of the side menu, and the one entry of 系统管理 (开放接口). */
export function useCaseMenu(): { group: NonNullable<MenuProps['items']>[number]; system: NonNullable<MenuProps['items']> } {
  const t = useT();
  const me = useMe();
  const children: NonNullable<MenuProps['items']> = [
    { key: '/cases', icon: <SolutionOutlined />, label: <span data-testid="menu-cases">{t('menu.cases')}</span> },
  ];
  if (registerChannels(me).length > 0) children.push({ key: '/cases/new', icon: <FileAddOutlined />, label: <span data-testid="menu-case-new">{t('menu.caseNew')}</span> });
  children.push({ key: '/catalog', icon: <OrderedListOutlined />, label: <span data-testid="menu-catalog">{t('menu.catalog')}</span> });
  if (printsQr(me)) children.push({ key: '/qr', icon: <QrcodeOutlined />, label: <span data-testid="menu-qr">{t('menu.qr')}</span> });
  children.push({ key: '/wall', icon: <MessageOutlined />, label: <span data-testid="menu-wall">{t('menu.wall')}</span> });
  const system: NonNullable<MenuProps['items']> = isSystemAdmin(me)
    ? [{ key: '/open311', icon: <ApiOutlined />, label: <span data-testid="menu-open311">{t('menu.open311')}</span> }]
    : [];
  return { group: { type: 'group', key: 'g-cases', label: t('menu.group.cases'), children }, system };
}
