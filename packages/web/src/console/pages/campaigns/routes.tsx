// The door-knocking routes and menu group (敲门行动, 四色分级), mounted by the shell (ConsoleApp, ConsoleLayout).
import type { MenuProps } from 'antd';
import { AlertOutlined } from '@ant-design/icons';
import { Route } from 'react-router-dom';
import { useAuth } from '../../../auth/AuthContext.tsx';
import { useT } from '../../../i18n/index.tsx';
import { useEvacuationMenuEntries } from '../evacuation/routes.tsx';
import { Gate } from '../../components/Gate.tsx';
import { lazyModule } from '../../../lib/preloadable.ts';

const CampaignsPage = lazyModule(() => import('./CampaignsPage.tsx'));

export const campaignRoutes = <Route path="campaigns" element={<Gate ability="campaigns.read"><CampaignsPage /></Gate>} />;

export function useCampaignMenu(): NonNullable<MenuProps['items']>[number] | null {
  const t = useT();
  const { can } = useAuth();
  const evacuation = useEvacuationMenuEntries();
  if (!can('campaigns.read')) return null;
  return {
    type: 'group',
    key: 'g-emergency',
    label: t('campaign.menu.group'),
    children: [{ key: '/campaigns', icon: <AlertOutlined />, label: <span data-testid="menu-campaigns">{t('campaign.menu')}</span> }, ...evacuation],
  };
}
