import { List, Tag } from 'antd-mobile';
import { phoneIcon } from '../icon.tsx';
import ApartmentOutlinedSvg from '@ant-design/icons-svg/es/asn/ApartmentOutlined';
import RightOutlinedSvg from '@ant-design/icons-svg/es/asn/RightOutlined';
import SearchOutlinedSvg from '@ant-design/icons-svg/es/asn/SearchOutlined';
import SafetyCertificateOutlinedSvg from '@ant-design/icons-svg/es/asn/SafetyCertificateOutlined';
import { useNavigate } from 'react-router-dom';
import { get } from '../../api/client.ts';
import type { AreaChildren, AreaDetail } from '../../api/types.ts';
import { useAuth, useMe } from '../../auth/AuthContext.tsx';
import { useT } from '../../i18n/index.tsx';
import { fmtNumber } from '../../lib/format.ts';
import { useLabels } from '../../lib/labels.ts';
import { useApi } from '../../lib/useApi.ts';
import { MError, MLoading, MStats } from '../components.tsx';
import { MPointsEntry } from './points/entry.tsx';
import { MCaseEntry } from './cases/entry.tsx';
import { MPartyEntry } from './party/entry.tsx';
import { MWishOrderEntry } from './wishes/entry.tsx';
import { MActivityEntry } from './activities/entry.tsx';
import { MDeliberationEntry } from './deliberations/MDeliberations.tsx';
import { MSurveyEntry } from './surveys/MSurveys.tsx';
import { MConventionEntry } from './conventions/MConvention.tsx';
import { MProjectsEntry } from './projects/MProjects.tsx';
import { MPropertyEntry } from './property/MProperty.tsx';
import { MTodo } from './MTodo.tsx';
import { MCampaignEntry } from './campaigns/entry.tsx';
import { MEmergencyEntry } from './emergency/MWartime.tsx';
import { MEvacuationEntry } from './evacuation/entry.tsx';
import { MServiceEntry } from './cadres/entry.tsx';
import { MBurdenEntry } from './burden/MBurden.tsx';
import type { AreaWithFullPath } from '../../api/cases.ts';
import { ElderPrompt, useElder } from '../elder.tsx';
import { ElderHome } from './MElderHome.tsx';

const ApartmentOutlined = phoneIcon(ApartmentOutlinedSvg);
const RightOutlined = phoneIcon(RightOutlinedSvg);
const SearchOutlined = phoneIcon(SearchOutlinedSvg);
const SafetyCertificateOutlined = phoneIcon(SafetyCertificateOutlinedSvg);

export function MHome() {
  const { elder } = useElder();
  const { can } = useAuth();
  // 长辈版 gives residents the simplified home; staff keep their work bench (larger) in either mode.
  if (elder && !can('people.read')) {
    return (
      <div data-testid="m-home">
        <ElderHome />
      </div>
    );
  }
  return <MStandardHome />;
}

function MStandardHome() {
  const t = useT();
  const me = useMe();
  const { can } = useAuth();
  const labels = useLabels();
  const navigate = useNavigate();
  const readsPeople = can('people.read');
  const area = useApi((signal) => get<AreaDetail>(`/api/areas/${me.scope.code}`, undefined, signal), [me.scope.code]);
  const children = useApi(
    readsPeople && me.scope.level !== 'unit' ? (signal) => get<AreaChildren>(`/api/areas/${me.scope.code}/children`, undefined, signal) : null,
    [me.scope.code, readsPeople],
  );
  const path = area.data?.path ?? [];
  // Every ancestor by name (常乐镇 / 状元街居委会 / 第一网格), even those outside the caller's scope.
  const fullPath = ((area.data as AreaWithFullPath | undefined)?.fullPath ?? path).filter((p) => p.level !== 'district');

  return (
    <div className="m-page" data-testid="m-home">
      {!readsPeople && <ElderPrompt />}
      <div className="m-hero">
        <div className="m-hero-greet" data-testid="m-greeting">
          {t('m.greeting', { name: me.displayName })}
        </div>
        <div className="m-hero-meta">
          <span className="m-hero-scope" data-testid="m-scope">
            {me.scope.name}
          </span>
          <span className="m-hero-role">{labels.roles(me.roles)}</span>
        </div>
        {fullPath.length > 1 && <div className="m-hero-path" data-testid="m-hero-path">{fullPath.map((p) => p.name).join(' / ')}</div>}
      </div>

      {area.error ? (
        <MError error={area.error} />
      ) : !area.data ? (
        <MLoading />
      ) : readsPeople ? (
        <>
          <div className="m-card m-card-overlap">
            <div className="m-card-title">{t('home.scopeOverview', { scope: area.data.name })}</div>
            <MStats level={area.data.level} counts={area.data.counts} />
          </div>
          <div className="m-quick">
            <button type="button" className="m-quick-item" onClick={() => navigate('/m/people')} data-testid="m-entry-people">
              <span className="m-quick-icon">
                <SearchOutlined />
              </span>
              <span className="m-quick-title">{t('m.people')}</span>
              <span className="m-quick-desc">{t('home.quickPeopleDesc')}</span>
            </button>
            <button type="button" className="m-quick-item" onClick={() => navigate(`/m/area/${me.scope.code}`)} data-testid="m-entry-area">
              <span className="m-quick-icon m-quick-icon-blue">
                <ApartmentOutlined />
              </span>
              <span className="m-quick-title">{me.scope.level === 'grid' ? t('m.area') : t('m.areaOf', { level: labels.level(me.scope.level) })}</span>
              <span className="m-quick-desc">{t('home.quickAreasDesc')}</span>
            </button>
          </div>
          <MTodo />
          <MEmergencyEntry />
          <MCampaignEntry />
          <MEvacuationEntry />
          <MBurdenEntry />
          <MPartyEntry />
          <MCaseEntry />
          <MWishOrderEntry />
          <MActivityEntry />
          <MDeliberationEntry />
          <MSurveyEntry />
          <MConventionEntry />
          <MProjectsEntry />
          <MPropertyEntry />
          <MPointsEntry />
          <MServiceEntry />
          {children.data && children.data.items.length > 0 && (
            <List header={t('m.childrenTitle')} className="m-list">
              {children.data.items.slice(0, 8).map((c) => (
                <List.Item
                  key={c.code}
                  onClick={() => navigate(`/m/area/${c.code}`)}
                  description={`${t('count.households')} ${fmtNumber(c.counts.households)} · ${t('count.people')} ${fmtNumber(c.counts.people)}`}
                  extra={<Tag fill="outline">{labels.level(c.level)}</Tag>}
                >
                  {c.name}
                </List.Item>
              ))}
            </List>
          )}
        </>
      ) : (
        <>
          <div className="m-card m-card-overlap" data-testid="m-my-area">
            <div className="m-card-title">{t('m.myArea')}</div>
            <div className="m-area-name">{area.data.name}</div>
            {path.length > 1 && (
              <div className="m-area-path">
                {path.map((p, i) => (
                  <span key={p.code}>
                    {i > 0 && <RightOutlined className="m-path-sep" />}
                    {p.name}
                  </span>
                ))}
              </div>
            )}
            <div className="m-area-level">
              <Tag color="primary" fill="outline">
                {labels.level(area.data.level)}
              </Tag>
            </div>
          </div>
          <MTodo />
          <MServiceEntry />
          <MPartyEntry />
          <MCaseEntry />
          <MWishOrderEntry />
          <MActivityEntry />
          <MDeliberationEntry />
          <MSurveyEntry />
          <MConventionEntry />
          <MProjectsEntry />
          <MPropertyEntry />
          <MPointsEntry />
          <List header={t('m.myAccount')} className="m-list">
            <List.Item extra={me.username}>{t('m.account')}</List.Item>
            <List.Item extra={labels.roles(me.roles)}>{t('m.role')}</List.Item>
            {me.unit && <List.Item extra={me.unit.name}>{t('m.unit')}</List.Item>}
          </List>
          <div className="m-card" data-testid="m-can-do">
            <div className="m-card-title">
              <SafetyCertificateOutlined /> {t('m.whatYouCanDo')}
            </div>
            <ul className="m-cando">
              <li>{t('m.canDo.area', { area: area.data.name })}</li>
              <li>{t('m.canDo.account')}</li>
            </ul>
            <div className="m-note">{t('m.canDo.more')}</div>
          </div>
        </>
      )}
    </div>
  );
}
