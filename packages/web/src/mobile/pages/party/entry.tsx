// Where the party pages meet the phone's home screen: tiles for members and grid workers.
import type { ReactNode } from 'react';
import { phoneIcon } from '../../icon.tsx';
import BookOutlinedSvg from '@ant-design/icons-svg/es/asn/BookOutlined';
import CompassOutlinedSvg from '@ant-design/icons-svg/es/asn/CompassOutlined';
import FlagOutlinedSvg from '@ant-design/icons-svg/es/asn/FlagOutlined';
import HomeOutlinedSvg from '@ant-design/icons-svg/es/asn/HomeOutlined';
import StarOutlinedSvg from '@ant-design/icons-svg/es/asn/StarOutlined';
import { useNavigate } from 'react-router-dom';
import { useAuth } from '../../../auth/AuthContext.tsx';
import { useT } from '../../../i18n/index.tsx';
import './party.css';

const BookOutlined = phoneIcon(BookOutlinedSvg);
const CompassOutlined = phoneIcon(CompassOutlinedSvg);
const FlagOutlined = phoneIcon(FlagOutlinedSvg);
const HomeOutlined = phoneIcon(HomeOutlinedSvg);
const StarOutlined = phoneIcon(StarOutlinedSvg);

/** Home tiles for the party pages the caller can use (`except`: the page already shown). */
export function MPartyEntry({ except }: { except?: string }) {
  const t = useT();
  const { can } = useAuth();
  const navigate = useNavigate();
  const tiles: { key: string; icon: ReactNode; title: string; desc: string; to: string; tone: string }[] = [];
  if (can('party.member') || can('party.links')) tiles.push({ key: 'households', icon: <HomeOutlined />, title: can('party.member') ? t('party.m.households') : t('party.m.gridHouseholds'), desc: t('party.m.householdsDesc'), to: '/m/party/households', tone: 'm-party-tone-red' });
  if (can('party.patrol')) tiles.push({ key: 'patrol', icon: <CompassOutlined />, title: t('party.m.patrol'), desc: t('party.m.patrolDesc'), to: '/m/party/patrol', tone: 'm-party-tone-blue' });
  if (can('party.visit')) tiles.push({ key: 'diary', icon: <BookOutlined />, title: t('party.m.diary'), desc: t('party.m.diaryDesc'), to: '/m/party/diary', tone: 'm-party-tone-green' });
  if (can('party.member')) tiles.push({ key: 'register', icon: <FlagOutlined />, title: t('party.m.reg.title'), desc: t('party.m.reg.desc'), to: '/m/party/register', tone: 'm-party-tone-red' });
  if (can('party.member')) tiles.push({ key: 'index', icon: <StarOutlined />, title: t('party.m.index'), desc: t('party.m.indexDesc'), to: '/m/party', tone: 'm-party-tone-orange' });
  const shown = tiles.filter((tile) => tile.key !== except);
  if (!shown.length) return null;
  return (
    <div className="m-card m-party-entry" data-testid="m-party-entry">
      <div className="m-card-title">{t('party.m.entryTitle')}</div>
      <div className={`m-party-entry-grid m-party-entry-${Math.min(shown.length, 4)}`}>
        {shown.map((tile) => (
          <button key={tile.key} type="button" className="m-party-entry-item" onClick={() => navigate(tile.to)} data-testid={`m-entry-party-${tile.key}`}>
            <span className={`m-party-entry-icon ${tile.tone}`}>{tile.icon}</span>
            <span className="m-party-entry-title">{tile.title}</span>
            <span className="m-party-entry-desc">{tile.desc}</span>
          </button>
        ))}
      </div>
    </div>
  );
}
