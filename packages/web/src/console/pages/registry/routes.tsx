// The registry's own screens (population import): routes and the entries of the 基础信息 menu group,
// kept here so the shell (ConsoleApp, ConsoleLayout) only mounts them.
import { Suspense, lazy } from 'react';
import { Spin, type MenuProps } from 'antd';
import { CloudUploadOutlined } from '@ant-design/icons';
import { Route } from 'react-router-dom';
import { useAuth } from '../../../auth/AuthContext.tsx';
import { useT } from '../../../i18n/index.tsx';

const PeopleImportPage = lazy(() => import('./PeopleImportPage.tsx'));

export const registryRoutes = (
  <Route
    path="people-import"
    element={
      <Suspense
        fallback={
          <div className="gz-page-loading">
            <Spin />
          </div>
        }
      >
        <PeopleImportPage />
      </Suspense>
    }
  />
);

/** Entries appended to the 基础信息 group (after areas and people). */
export function useRegistryMenuEntries(): NonNullable<MenuProps['items']> {
  const t = useT();
  const { can } = useAuth();
  const out: NonNullable<MenuProps['items']> = [];
  if (can('people.write')) out.push({ key: '/people-import', icon: <CloudUploadOutlined />, label: <span data-testid="menu-people-import">{t('registry.menu.import')}</span> });
  return out;
}
