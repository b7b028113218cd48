// The evacuation tile on the phone's home screen: for workers who have people to move.
import { phoneIcon } from '../../icon.tsx';
import ExportOutlinedSvg from '@ant-design/icons-svg/es/asn/ExportOutlined';
import { useNavigate } from 'react-router-dom';
import { myEntries } from '../../../api/evacuation.ts';
import { useAuth } from '../../../auth/AuthContext.tsx';
import { useT } from '../../../i18n/index.tsx';
import { useApi } from '../../../lib/useApi.ts';

const ExportOutlined = phoneIcon(ExportOutlinedSvg);

export function MEvacuationEntry() {
  const t = useT();
  const { can } = useAuth();
  const navigate = useNavigate();
  const shown = can('evacuations.read');
  const res = useApi(shown ? (signal) => myEntries(signal) : null, [shown]);
  const open = (res.data?.counts.pending ?? 0) + (res.data?.counts.moving ?? 0);
  if (!shown || !res.data || res.data.total === 0) return null;
  return (
    <div className="m-quick m-campaign-entry">
      <button type="button" className="m-quick-item" onClick={() => navigate('/m/evacuations')} data-testid="m-entry-evacuations">
        <span className="m-quick-icon m-campaign-entry-icon">
          <ExportOutlined />
        </span>
        <span className="m-quick-title">{t('evac.m.title')}</span>
        <span className="m-quick-desc">{open ? t('evac.m.entryN', { n: open }) : t('evac.m.entryNone')}</span>
      </button>
    </div>
  );
}
