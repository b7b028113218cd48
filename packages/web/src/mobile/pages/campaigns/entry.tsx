// The door-knocking tile on the phone's home screen, for those who knock on doors.
import { phoneIcon } from '../../icon.tsx';
import AlertOutlinedSvg from '@ant-design/icons-svg/es/asn/AlertOutlined';
import { useNavigate } from 'react-router-dom';
import { listCampaigns } from '../../../api/campaigns.ts';
import { useAuth } from '../../../auth/AuthContext.tsx';
import { useT } from '../../../i18n/index.tsx';
import { useApi } from '../../../lib/useApi.ts';

const AlertOutlined = phoneIcon(AlertOutlinedSvg);

export function MCampaignEntry() {
  const t = useT();
  const { can } = useAuth();
  const navigate = useNavigate();
  const shown = can('campaigns.visit');
  const res = useApi(shown ? (signal) => listCampaigns(signal, 'active') : null, [shown]);
  if (!shown) return null;
  const active = res.data?.items ?? [];
  const only = active.length === 1 ? active[0] : undefined;
  return (
    <div className="m-quick m-campaign-entry">
      <button type="button" className="m-quick-item" onClick={() => navigate(only ? `/m/campaigns/${only.id}` : '/m/campaigns')} data-testid="m-entry-campaigns">
        <span className="m-quick-icon m-campaign-entry-icon">
          <AlertOutlined />
        </span>
        <span className="m-quick-title">{t('campaign.m.title')}</span>
        <span className="m-quick-desc">{active.length ? t('campaign.m.activeN', { n: active.length }) : t('campaign.m.noneActive')}</span>
      </button>
    </div>
  );
}
