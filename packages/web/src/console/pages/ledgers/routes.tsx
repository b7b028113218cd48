// The ledger screens of the console (hotline import, monthly bulletin): routes and menu entries,
// kept here so the shell (ConsoleApp, ConsoleLayout) only mounts them.
import type { MenuProps } from 'antd';
import { CloudUploadOutlined, FileWordOutlined } from '@ant-design/icons';
import { Route } from 'react-router-dom';
import { useAuth } from '../../../auth/AuthContext.tsx';
import { useT } from '../../../i18n/index.tsx';
import { Gate } from '../../components/Gate.tsx';
import { lazyModule } from '../../../lib/preloadable.ts';

const HotlineImportPage = lazyModule(() => import('./HotlineImportPage.tsx'));
const BulletinPage = lazyModule(() => import('./BulletinPage.tsx'));

export const ledgerRoutes = (
  <>
    <Route
      path="imports"
      element={
        <Gate ability="hotline.import">
          <HotlineImportPage />
        </Gate>
      }
    />
    <Route
      path="bulletins"
      element={
        <Gate ability="bulletin.read">
          <BulletinPage />
        </Gate>
      }
    />
  </>
);

/** The menu group, or null when the caller has none of its abilities. */
export function useLedgerMenu(): NonNullable<MenuProps['items']>[number] | null {
  const t = useT();
  const { can } = useAuth();
  const children: NonNullable<MenuProps['items']> = [];
  if (can('hotline.import')) children.push({ key: '/imports', icon: <CloudUploadOutlined />, label: <span data-testid="menu-import">{t('ledgers.menu.import')}</span> });
  if (can('bulletin.read')) children.push({ key: '/bulletins', icon: <FileWordOutlined />, label: <span data-testid="menu-bulletin">{t('ledgers.menu.bulletin')}</span> });
  return children.length ? { type: 'group', key: 'g-ledgers', label: t('ledgers.menu.group'), children } : null;
}
