import { TabBar } from 'antd-mobile';
import { phoneIcon } from '../../icon.tsx';
import EditOutlinedSvg from '@ant-design/icons-svg/es/asn/EditOutlined';
import HomeOutlinedSvg from '@ant-design/icons-svg/es/asn/HomeOutlined';
import MessageOutlinedSvg from '@ant-design/icons-svg/es/asn/MessageOutlined';
import SearchOutlinedSvg from '@ant-design/icons-svg/es/asn/SearchOutlined';
import { Suspense, type KeyboardEvent } from 'react';
import { MPageSkeleton } from '../../lazyPage.tsx';
import { ElderPrompt, useElder } from '../../elder.tsx';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from '../../../auth/AuthContext.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { Later } from '../../later.tsx';
import { MOutboxBar } from '../offline/MOutboxBar.tsx';

const EditOutlined = phoneIcon(EditOutlinedSvg);
const HomeOutlined = phoneIcon(HomeOutlinedSvg);
const MessageOutlined = phoneIcon(MessageOutlinedSvg);
const SearchOutlined = phoneIcon(SearchOutlinedSvg);

const LAST_AREA = 'gz.report.area';

/** Remembers the place of the QR code last scanned, so 上报 in the tab bar returns to it. */
export function rememberArea(code: string | null) {
  try {
    if (code) sessionStorage.setItem(LAST_AREA, code);
  } catch {
    // private mode
  }
}

/**
 * Read when 上报 is tapped, not in the render: a page's first use of sessionStorage waits for the browser to open it
 * (up to ~30 ms of the report page's take-over under the 4× slower CPU).
 */
function lastArea(): string | null {
  try {
    return sessionStorage.getItem(LAST_AREA);
  } catch {
    return null;
  }
}

/** The bar's words that act on the page: buttons to the keyboard and to a screen reader too (and, in 长辈版, 60 px targets). */
const barAction = (act: () => void) => ({
  role: 'button',
  tabIndex: 0,
  onClick: act,
  onKeyDown: (e: KeyboardEvent) => (e.key === 'Enter' || e.key === ' ') && act(),
});

/**
 * The pages residents reach without an account (扫码上报, 查进度, 回音壁): a brand bar on top and
 * the three of them in the tab bar; a signed-in user also gets the way back to the home page.
 */
export function MPublicShell() {
  const { t, locale, setLocale } = useI18n();
  const { me } = useAuth();
  const { elder, setElder } = useElder();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const tabs = [
    ...(me ? [{ key: '/m', icon: <HomeOutlined />, title: t('m.home') }] : []),
    { key: '/m/report', icon: <EditOutlined />, title: t('m.case.tabReport') },
    { key: '/m/track', icon: <SearchOutlined />, title: t('m.case.tabTrack') },
    { key: '/m/wall', icon: <MessageOutlined />, title: t('m.case.tabWall') },
  ];
  const active = tabs.find((x) => x.key !== '/m' && pathname.startsWith(x.key))?.key ?? '/m';
  return (
    <div className="m-shell m-public">
      <Later>
        <div className="m-public-bar">
          <span className="m-public-brand" onClick={() => navigate(me ? '/m' : '/m/wall')} role="link">
            <span className="m-public-mark">共</span>
            {t('app.name')}
            <span className="m-public-sub">{t('m.case.brandSub')}</span>
          </span>
          <span className="m-public-right">
            <a className="m-public-elder" aria-pressed={elder === true} {...barAction(() => setElder(!elder))} data-testid="m-public-elder">
              {elder ? '✓ ' : ''}
              {t('elder.name')}
            </a>
            <a {...barAction(() => setLocale(locale === 'en' ? 'zh-CN' : 'en'))} data-testid="m-public-lang">
              {locale === 'en' ? '中文' : 'EN'}
            </a>
            {!me && (
              <a {...barAction(() => navigate('/m/login', { state: { from: pathname } }))} data-testid="m-public-login">
                {t('m.case.staffLogin')}
              </a>
            )}
          </span>
        </div>
      </Later>
      <div className="m-body">
        {pathname !== '/m/outbox' && <MOutboxBar />}
        <ElderPrompt />
        <Suspense fallback={<MPageSkeleton />}>
          <Outlet />
        </Suspense>
      </div>
      <Later>
        <div className="m-tabbar" data-testid="m-public-tabbar">
          <TabBar
            activeKey={active}
            onChange={(k) => {
              const area = k === '/m/report' ? lastArea() : null;
              navigate(area ? `/m/report?area=${area}` : k);
            }}
            safeArea
          >
            {tabs.map((tab) => (
              <TabBar.Item key={tab.key} icon={tab.icon} title={tab.title} />
            ))}
          </TabBar>
        </div>
      </Later>
    </div>
  );
}
