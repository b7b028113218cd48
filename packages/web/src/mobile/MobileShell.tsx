import { TabBar } from 'antd-mobile';
import { phoneIcon } from './icon.tsx';
import ApartmentOutlinedSvg from '@ant-design/icons-svg/es/asn/ApartmentOutlined';
import HomeOutlinedSvg from '@ant-design/icons-svg/es/asn/HomeOutlined';
import TeamOutlinedSvg from '@ant-design/icons-svg/es/asn/TeamOutlined';
import UserOutlinedSvg from '@ant-design/icons-svg/es/asn/UserOutlined';
import { Suspense } from 'react';
import { MPageSkeleton } from './lazyPage.tsx';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useAuth, useMe } from '../auth/AuthContext.tsx';
import { useT } from '../i18n/index.tsx';
import { pointsTabKey, usePointsTabs } from './pages/points/entry.tsx';
import { caseTabKey, useCaseTab } from './pages/cases/entry.tsx';
import { MOutboxBar } from './pages/offline/MOutboxBar.tsx';
import { MWartimeBanner } from './pages/emergency/MWartime.tsx';

const ApartmentOutlined = phoneIcon(ApartmentOutlinedSvg);
const HomeOutlined = phoneIcon(HomeOutlinedSvg);
const TeamOutlined = phoneIcon(TeamOutlinedSvg);
const UserOutlined = phoneIcon(UserOutlinedSvg);

/** Page area above a bottom tab bar; the tabs follow the account's abilities. */
export function MobileShell() {
  const t = useT();
  const me = useMe();
  const { can } = useAuth();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const areaPath = `/m/area/${me.scope.code}`;
  const pointsTabs = usePointsTabs();
  const caseTab = useCaseTab();

  const tabs = [
    { key: '/m', icon: <HomeOutlined />, title: t('m.home') },
    ...(can('people.read')
      ? [
          { key: '/m/people', icon: <TeamOutlined />, title: t('m.people') },
          { key: areaPath, icon: <ApartmentOutlined />, title: me.scope.level === 'grid' ? t('m.area') : t('m.myArea') },
        ]
      : []),
    ...pointsTabs,
    caseTab,
    { key: '/m/me', icon: <UserOutlined />, title: t('m.me') },
  ];
  const active =
    pointsTabKey(pathname, pointsTabs) ??
    caseTabKey(pathname) ??
    (pathname.startsWith('/m/people') ? '/m/people' : pathname.startsWith('/m/area') || pathname.startsWith('/m/households') ? areaPath : pathname.startsWith('/m/me') ? '/m/me' : pathname === '/m' ? '/m' : '');
  // A page of no tab (回音壁, a wish…) marks none: marked as 首页, a tap on 首页 changed nothing and led nowhere.

  return (
    <div className="m-shell">
      <div className="m-body">
        <MWartimeBanner />
        <MOutboxBar />
        <Suspense fallback={<MPageSkeleton />}>
          <Outlet />
        </Suspense>
      </div>
      <div className="m-tabbar" data-testid="m-tabbar">
        <TabBar activeKey={active} onChange={(k) => navigate(k)} safeArea>
          {tabs.map((tab) => (
            <TabBar.Item key={tab.key} icon={tab.icon} title={tab.title} />
          ))}
        </TabBar>
      </div>
    </div>
  );
}
