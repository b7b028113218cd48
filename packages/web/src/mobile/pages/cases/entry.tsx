// Where the case pages meet the rest of the phone app: the TabBar entry and the home tiles.
import type { ReactNode } from 'react';
import { Badge } from 'antd-mobile';
import { phoneIcon } from '../../icon.tsx';
import CarryOutOutlinedSvg from '@ant-design/icons-svg/es/asn/CarryOutOutlined';
import EditOutlinedSvg from '@ant-design/icons-svg/es/asn/EditOutlined';
import FileSearchOutlinedSvg from '@ant-design/icons-svg/es/asn/FileSearchOutlined';
import MessageOutlinedSvg from '@ant-design/icons-svg/es/asn/MessageOutlined';
import ProfileOutlinedSvg from '@ant-design/icons-svg/es/asn/ProfileOutlined';
import SafetyCertificateOutlinedSvg from '@ant-design/icons-svg/es/asn/SafetyCertificateOutlined';
import { useNavigate } from 'react-router-dom';
import { listCases } from '../../../api/cases.ts';
import { useAuth, useMe } from '../../../auth/AuthContext.tsx';
import { useT } from '../../../i18n/index.tsx';
import { fmtNumber } from '../../../lib/format.ts';
import { useApi } from '../../../lib/useApi.ts';
import { mobileCaseRole } from './role.ts';

const CarryOutOutlined = phoneIcon(CarryOutOutlinedSvg);
const EditOutlined = phoneIcon(EditOutlinedSvg);
const FileSearchOutlined = phoneIcon(FileSearchOutlinedSvg);
const MessageOutlined = phoneIcon(MessageOutlinedSvg);
const ProfileOutlined = phoneIcon(ProfileOutlinedSvg);
const SafetyCertificateOutlined = phoneIcon(SafetyCertificateOutlinedSvg);

export interface CaseTab {
  key: string;
  icon: ReactNode;
  title: string;
}

/** The 案件 tab: a grid worker's grid, a handler's inbox, a resident's own reports. */
export function useCaseTab(): CaseTab {
  const t = useT();
  const me = useMe();
  const { can } = useAuth();
  const role = mobileCaseRole(me, can('people.read'));
  return { key: '/m/cases', icon: <ProfileOutlined />, title: role === 'reporter' ? t('m.case.tabMine') : t('m.case.tabCases') };
}

export const caseTabKey = (pathname: string): string | null => (pathname.startsWith('/m/cases') || pathname.startsWith('/m/patrol') ? '/m/cases' : null);

/** Home tiles for the case pages, with the number of cases waiting for the caller. */
export function MCaseEntry() {
  const t = useT();
  const me = useMe();
  const { can } = useAuth();
  const navigate = useNavigate();
  const role = mobileCaseRole(me, can('people.read'));
  const inbox = useApi(role === 'reporter' ? null : (signal) => listCases({ box: 'mine', pageSize: 1 }, signal), [role]);
  const waiting = inbox.data?.total ?? 0;
  const toVerify = inbox.data?.counts.handled ?? 0;

  const tiles: { key: string; icon: ReactNode; title: string; desc: string; to: string; tone: string; badge?: number }[] =
    role === 'grid'
      ? [
          { key: 'verify', icon: <SafetyCertificateOutlined />, title: t('m.case.entry.verify'), desc: t('m.case.entry.verifyDesc'), to: '/m/cases?tab=verify', tone: 'm-ce-red', badge: toVerify },
          { key: 'patrol', icon: <EditOutlined />, title: t('m.case.entry.patrol'), desc: t('m.case.entry.patrolDesc'), to: '/m/patrol', tone: 'm-ce-orange' },
          { key: 'cases', icon: <CarryOutOutlined />, title: t('m.case.entry.gridCases'), desc: t('m.case.entry.gridCasesDesc'), to: '/m/cases?tab=all', tone: 'm-ce-blue' },
          { key: 'wall', icon: <MessageOutlined />, title: t('m.case.tabWall'), desc: t('m.case.entry.wallDesc'), to: '/m/wall', tone: 'm-ce-green' },
        ]
      : role === 'staff'
        ? [
            { key: 'inbox', icon: <CarryOutOutlined />, title: t('m.case.entry.inbox'), desc: t('m.case.entry.inboxDesc'), to: '/m/cases', tone: 'm-ce-red', badge: waiting },
            { key: 'wall', icon: <MessageOutlined />, title: t('m.case.tabWall'), desc: t('m.case.entry.wallDesc'), to: '/m/wall', tone: 'm-ce-green' },
          ]
        : [
            { key: 'report', icon: <EditOutlined />, title: t('m.case.entry.report'), desc: t('m.case.entry.reportDesc'), to: '/m/report', tone: 'm-ce-red' },
            { key: 'mine', icon: <ProfileOutlined />, title: t('m.case.tabMine'), desc: t('m.case.entry.mineDesc'), to: '/m/cases', tone: 'm-ce-orange' },
            { key: 'track', icon: <FileSearchOutlined />, title: t('m.case.tabTrack'), desc: t('m.case.entry.trackDesc'), to: '/m/track', tone: 'm-ce-blue' },
            { key: 'wall', icon: <MessageOutlined />, title: t('m.case.tabWall'), desc: t('m.case.entry.wallDesc'), to: '/m/wall', tone: 'm-ce-green' },
          ];

  return (
    <div className="m-card m-ce" data-testid="m-cases-entry">
      <div className="m-card-title m-card-title-row">
        <span>{t('m.case.entry.title')}</span>
        {role !== 'reporter' && waiting > 0 && (
          <span className="m-ce-waiting" data-testid="m-cases-waiting">
            {t('m.case.entry.waiting', { n: fmtNumber(waiting) })}
          </span>
        )}
      </div>
      <div className={`m-ce-grid m-ce-grid-${tiles.length}`}>
        {tiles.map((tile) => (
          <button key={tile.key} type="button" className="m-ce-item" onClick={() => navigate(tile.to)} data-testid={`m-entry-case-${tile.key}`}>
            <Badge content={tile.badge ? fmtNumber(tile.badge) : null}>
              <span className={`m-ce-icon ${tile.tone}`}>{tile.icon}</span>
            </Badge>
            <span className="m-ce-title">{tile.title}</span>
            <span className="m-ce-desc">{tile.desc}</span>
          </button>
        ))}
      </div>
    </div>
  );
}
