// The registry's own screens (population import): routes and the entries of the 基础信息 menu group,
// kept here so the shell (ConsoleApp, ConsoleLayout) only mounts them.
import type { MenuProps } from 'antd';
import { CloudUploadOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { Route } from 'react-router-dom';
import { useAuth } from '../../../auth/AuthContext.tsx';
import { useT } from '../../../i18n/index.tsx';
import { Gate } from '../../components/Gate.tsx';
import { lazyModule } from '../../../lib/preloadable.ts';

const PeopleImportPage = lazyModule(() => import('./PeopleImportPage.tsx'));
const PlacesPage = lazyModule(() => import('./PlacesPage.tsx'));
const PersonPage = lazyModule(() => import('./PersonPage.tsx'));

export const registryRoutes = (
  <>
    <Route
      path="people-import"
      element={
        <Gate ability="people.write">
          <PeopleImportPage />
        </Gate>
      }
    />
    {/* Places and organisations; the one person page (docs/REGISTRY.md). */}
    <Route
      path="places"
      element={
        <Gate ability="places.read">
          <PlacesPage />
        </Gate>
      }
    />
    <Route
      path="people/:id"
      element={
        <Gate>
          <PersonPage />
        </Gate>
      }
    />
  </>
);

/** Entries appended to the 基础信息 group (after areas and people). */
export function useRegistryMenuEntries(): NonNullable<MenuProps['items']> {
  const t = useT();
  const { can } = useAuth();
  const out: NonNullable<MenuProps['items']> = [];
  if (can('places.read')) out.push({ key: '/places', icon: <EnvironmentOutlined />, label: <span data-testid="menu-places">{t('places.menu')}</span> });
  if (can('people.write')) out.push({ key: '/people-import', icon: <CloudUploadOutlined />, label: <span data-testid="menu-people-import">{t('registry.menu.import')}</span> });
  return out;
}
