// Where the points pages meet the rest of the phone app: the TabBar entries and the home tiles.
// Both follow /api/points/me: people who hold points get 积分, merchants (who hold none) get 核销.
import type { ReactNode } from 'react';
import { phoneIcon } from '../../icon.tsx';
import GiftOutlinedSvg from '@ant-design/icons-svg/es/asn/GiftOutlined';
import QrcodeOutlinedSvg from '@ant-design/icons-svg/es/asn/QrcodeOutlined';
import ScanOutlinedSvg from '@ant-design/icons-svg/es/asn/ScanOutlined';
import ShopOutlinedSvg from '@ant-design/icons-svg/es/asn/ShopOutlined';
import { useNavigate } from 'react-router-dom';
import { useAuth } from '../../../auth/AuthContext.tsx';
import { useT } from '../../../i18n/index.tsx';
import { usePointsAccess } from '../../../lib/points.ts';
import './points.css';

const GiftOutlined = phoneIcon(GiftOutlinedSvg);
const QrcodeOutlined = phoneIcon(QrcodeOutlinedSvg);
const ScanOutlined = phoneIcon(ScanOutlinedSvg);
const ShopOutlined = phoneIcon(ShopOutlinedSvg);

export interface PointsTab {
  key: string;
  icon: ReactNode;
  title: string;
}

/** TabBar entries: 积分 for holders without registry access (residents, party members …), 核销 for merchants. */
export function usePointsTabs(): PointsTab[] {
  const t = useT();
  const { can } = useAuth();
  const p = usePointsAccess();
  if (!p.loaded || can('people.read')) return [];
  if (p.hasAccounts) return [{ key: '/m/points', icon: <GiftOutlined />, title: t('points.m.tab') }];
  if (p.can('points.redemptions.confirm')) return [{ key: '/m/points/merchant', icon: <ScanOutlined />, title: t('points.m.tabMerchant') }];
  return [];
}

/** The tab a points path belongs to, if that tab is shown. */
export function pointsTabKey(pathname: string, tabs: { key: string }[]): string | null {
  const key = pathname.startsWith('/m/points/merchant') ? '/m/points/merchant' : pathname.startsWith('/m/points') ? '/m/points' : null;
  return key && tabs.some((tab) => tab.key === key) ? key : null;
}

/** Home tiles for the points pages the caller can use. */
export function MPointsEntry() {
  const t = useT();
  const navigate = useNavigate();
  const p = usePointsAccess();
  if (!p.loaded) return null;
  const tiles: { key: string; icon: ReactNode; title: string; desc: string; to: string; tone: string }[] = [];
  if (p.hasAccounts) {
    tiles.push({ key: 'points', icon: <GiftOutlined />, title: t('points.m.myPoints'), desc: t('points.m.myPointsDesc'), to: '/m/points', tone: 'm-pts-tone-red' });
    tiles.push({ key: 'shop', icon: <ShopOutlined />, title: t('points.m.shop'), desc: t('points.m.shopDesc'), to: '/m/points/shop', tone: 'm-pts-tone-orange' });
    tiles.push({ key: 'code', icon: <QrcodeOutlined />, title: t('points.m.code'), desc: t('points.m.codeDesc'), to: '/m/points/code', tone: 'm-pts-tone-blue' });
  }
  if (p.can('points.redemptions.confirm')) {
    tiles.push({ key: 'merchant', icon: <ScanOutlined />, title: t('points.m.merchant'), desc: t('points.m.merchantDesc'), to: '/m/points/merchant', tone: 'm-pts-tone-green' });
  }
  if (!tiles.length) return null;
  return (
    <div className="m-card m-pts-entry" data-testid="m-points-entry">
      <div className="m-card-title">{t('points.m.entryTitle')}</div>
      <div className={`m-pts-entry-grid m-pts-entry-${Math.min(tiles.length, 4)}`}>
        {tiles.map((tile) => (
          <button key={tile.key} type="button" className="m-pts-entry-item" onClick={() => navigate(tile.to)} data-testid={`m-entry-points-${tile.key}`}>
            <span className={`m-pts-entry-icon ${tile.tone}`}>{tile.icon}</span>
            <span className="m-pts-entry-title">{tile.title}</span>
            <span className="m-pts-entry-desc">{tile.desc}</span>
          </button>
        ))}
      </div>
    </div>
  );
}
