// The simplified home of 长辈版 (see ../elder.tsx): the few things an elder resident comes for, as big
// buttons with an icon and words — report a problem, my reports, my points, call the community.
import { phoneIcon } from '../icon.tsx';
import EditOutlinedSvg from '@ant-design/icons-svg/es/asn/EditOutlined';
import GiftOutlinedSvg from '@ant-design/icons-svg/es/asn/GiftOutlined';
import PhoneOutlinedSvg from '@ant-design/icons-svg/es/asn/PhoneOutlined';
import ProfileOutlinedSvg from '@ant-design/icons-svg/es/asn/ProfileOutlined';
import { useNavigate } from 'react-router-dom';
import { get } from '../../api/client.ts';
import type { Units } from '../../api/types.ts';
import { useMe } from '../../auth/AuthContext.tsx';
import { useT } from '../../i18n/index.tsx';
import { useApi } from '../../lib/useApi.ts';
import { usePointsAccess } from '../../lib/points.ts';

const EditOutlined = phoneIcon(EditOutlinedSvg);
const GiftOutlined = phoneIcon(GiftOutlinedSvg);
const PhoneOutlined = phoneIcon(PhoneOutlinedSvg);
const ProfileOutlined = phoneIcon(ProfileOutlinedSvg);

/** The community office of the caller's place: its phone, when one is on record. */
function useCommunityOffice() {
  const me = useMe();
  const community = me.scope.code.slice(0, 12);
  const units = useApi((signal) => get<Units>('/api/units', { type: 'community-office' }, signal), []);
  const list = units.data?.items ?? [];
  const office = list.find((u) => u.areaCode === community) ?? null;
  return { loading: !units.data && !units.error, office };
}

/** The simplified home of 长辈版: four big actions, each with an icon and words. */
export function ElderHome() {
  const t = useT();
  const me = useMe();
  const navigate = useNavigate();
  const points = usePointsAccess();
  const { loading, office } = useCommunityOffice();
  const phone = office?.phone ?? null;
  return (
    <div className="m-page m-elder-home" data-testid="elder-home">
      <h1 className="m-elder-home-title">{t('elder.homeTitle', { name: me.displayName })}</h1>
      <p className="m-elder-home-hint">{t('elder.homeHint')}</p>
      <nav className="m-elder-actions" aria-label={t('elder.name')}>
        <button type="button" className="m-elder-action m-elder-action-red" onClick={() => navigate('/m/report')} data-testid="elder-report">
          <EditOutlined className="m-elder-action-icon" aria-hidden />
          <span className="m-elder-action-title">{t('elder.report')}</span>
          <span className="m-elder-action-desc">{t('elder.reportDesc')}</span>
        </button>
        <button type="button" className="m-elder-action m-elder-action-blue" onClick={() => navigate('/m/cases')} data-testid="elder-mine">
          <ProfileOutlined className="m-elder-action-icon" aria-hidden />
          <span className="m-elder-action-title">{t('elder.myReports')}</span>
          <span className="m-elder-action-desc">{t('elder.myReportsDesc')}</span>
        </button>
        {points.loaded && points.hasAccounts && (
          <button type="button" className="m-elder-action m-elder-action-orange" onClick={() => navigate('/m/points')} data-testid="elder-points">
            <GiftOutlined className="m-elder-action-icon" aria-hidden />
            <span className="m-elder-action-title">{t('elder.myPoints')}</span>
            <span className="m-elder-action-desc">{t('elder.myPointsDesc')}</span>
          </button>
        )}
        {phone ? (
          <a className="m-elder-action m-elder-action-green" href={`tel:${phone.replace(/[^\d+]/g, '')}`} data-testid="elder-call">
            <PhoneOutlined className="m-elder-action-icon" aria-hidden />
            <span className="m-elder-action-title">{t('elder.call')}</span>
            <span className="m-elder-action-desc">{t('elder.callDesc', { name: office?.shortName ?? office?.name ?? '', phone })}</span>
          </a>
        ) : (
          <div className="m-elder-action m-elder-action-muted" data-testid="elder-call">
            <PhoneOutlined className="m-elder-action-icon" aria-hidden />
            <span className="m-elder-action-title">{t('elder.call')}</span>
            <span className="m-elder-action-desc">{loading ? t('elder.callLoading') : t('elder.callNoPhone', { name: office?.name ?? me.scope.name })}</span>
          </div>
        )}
      </nav>
      <p className="m-elder-more">{t('elder.more')}</p>
    </div>
  );
}
