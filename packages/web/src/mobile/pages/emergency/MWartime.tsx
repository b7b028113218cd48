// The wartime banner on every phone page of an area in wartime and the 战时签到 tile on the home screen: small, as
// the phone app's frame loads them with every page (the check-in page itself is MEmergency.tsx, loaded on demand).
import { NoticeBar } from 'antd-mobile';
import { phoneIcon } from '../../icon.tsx';
import AlertOutlinedSvg from '@ant-design/icons-svg/es/asn/AlertOutlined';
import { useNavigate } from 'react-router-dom';
import { useAuth } from '../../../auth/AuthContext.tsx';
import { useT } from '../../../i18n/index.tsx';
import { useWartime, wartimeSentence } from '../../../lib/wartime.ts';

const AlertOutlined = phoneIcon(AlertOutlinedSvg);

/** The red banner at the top of every phone page while the caller's area is in wartime. */
export function MWartimeBanner() {
  const t = useT();
  const items = useWartime();
  if (!items.length) return null;
  return (
    <div data-testid="m-wartime-banner">
      {items.map((e) => (
        <NoticeBar
          key={e.id}
          color="error"
          icon={<AlertOutlined />}
          wrap
          content={wartimeSentence(t, e)}
        />
      ))}
    </div>
  );
}

/** The home-screen tile for the people on call, shown while an event is in force. */
export function MEmergencyEntry() {
  const t = useT();
  const { can } = useAuth();
  const navigate = useNavigate();
  const shown = can('emergencies.checkIn');
  const items = useWartime(undefined, shown);
  if (!shown || !items.length) return null;
  return (
    <div className="m-quick">
      <button type="button" className="m-quick-item" onClick={() => navigate('/m/emergency')} data-testid="m-entry-emergency">
        <span className="m-quick-icon" style={{ background: '#fff1f0', color: '#cf1322' }}>
          <AlertOutlined />
        </span>
        <span className="m-quick-title">{t('emergency.m.title')}</span>
        <span className="m-quick-desc">{t('emergency.m.desc')}</span>
      </button>
    </div>
  );
}
