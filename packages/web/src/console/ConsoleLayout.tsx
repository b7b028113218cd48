import { useEffect, useState, type ReactNode } from 'react';
import { Avatar, Dropdown, Layout, Menu, type MenuProps } from 'antd';
import {
  ApartmentOutlined,
  AuditOutlined,
  SafetyCertificateOutlined,
  DashboardOutlined,
  DownOutlined,
  EnvironmentOutlined,
  IdcardOutlined,
  KeyOutlined,
  LogoutOutlined,
  MobileOutlined,
  TeamOutlined,
  UserOutlined,
  UsergroupAddOutlined,
} from '@ant-design/icons';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useAuth, useMe } from '../auth/AuthContext.tsx';
import { useT } from '../i18n/index.tsx';
import { useLabels } from '../lib/labels.ts';
import { LangSwitch } from './components/LangSwitch.tsx';
import { ChangePasswordModal } from './components/ChangePasswordModal.tsx';
import { NotificationBell } from './pages/cases/NotificationBell.tsx';
import { useCaseMenu } from './pages/cases/routes.tsx';
import { useWorkTimeMenu } from './pages/worktime/routes.tsx';
import { useReceptionMenu } from './pages/reception/routes.tsx';
import { usePointsMenu } from './pages/points/menu.tsx';
import { useCockpitMenu } from './pages/cockpit/routes.tsx';
import { useLedgerMenu } from './pages/ledgers/routes.tsx';
import { useRegistryMenuEntries } from './pages/registry/routes.tsx';
import { useCadreMenuEntries } from './pages/cadres/routes.tsx';
import { usePartyMenu } from './pages/party/menu.tsx';
import { useWishOrderMenu } from './pages/wishes/routes.tsx';
import { useActivityMenu } from './pages/activities/routes.tsx';
import { useCampaignMenu } from './pages/campaigns/routes.tsx';
import { useEmergencyMenuEntry } from './pages/emergencies/routes.tsx';
import { WartimeBanner } from './components/WartimeBanner.tsx';
import { useBurdenMenu } from './pages/burden/routes.tsx';
import { useDeliberationMenu } from './pages/deliberations/routes.tsx';
import { useSurveyMenuEntry } from './pages/surveys/routes.tsx';
import { useProjectMenu } from './pages/projects/routes.tsx';
import { usePropertyMenu } from './pages/property/routes.tsx';

const { Header, Sider, Content } = Layout;

export function ConsoleLayout() {
  const t = useT();
  const me = useMe();
  const { logout, can } = useAuth();
  const labels = useLabels();
  const navigate = useNavigate();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  const [pwOpen, setPwOpen] = useState(false);
  const caseMenu = useCaseMenu();
  const workTimeMenu = useWorkTimeMenu();
  const receptionMenu = useReceptionMenu();
  const pointsMenu = usePointsMenu();
  const cockpitMenu = useCockpitMenu();
  const ledgerMenu = useLedgerMenu();
  const partyMenu = usePartyMenu();
  const wishOrderMenu = useWishOrderMenu();
  const activityMenu = useActivityMenu();
  const deliberationMenu = useDeliberationMenu();
  const surveyEntry = useSurveyMenuEntry();
  const projectMenu = useProjectMenu();
  const propertyMenu = usePropertyMenu();
  const registryEntries = useRegistryMenuEntries();
  const cadreEntries = useCadreMenuEntries();
  const campaignMenu = useCampaignMenu();
  const emergencyEntry = useEmergencyMenuEntry();
  const burdenMenu = useBurdenMenu();

  // The menu follows the abilities the server grants, never role names.
  const items: MenuProps['items'] = [
    { key: '/', icon: <DashboardOutlined />, label: <span data-testid="menu-home">{t('menu.home')}</span> },
  ];
  const registry: NonNullable<MenuProps['items']> = [];
  if (can('areas.read')) registry.push({ key: '/areas', icon: <ApartmentOutlined />, label: <span data-testid="menu-areas">{t('menu.areas')}</span> });
  if (can('people.read')) registry.push({ key: '/people', icon: <TeamOutlined />, label: <span data-testid="menu-people">{t('menu.people')}</span> });
  registry.push(...registryEntries);
  registry.push(...cadreEntries);
  if (can('staff.read')) registry.push({ key: '/staff', icon: <IdcardOutlined />, label: <span data-testid="menu-staff">{t('menu.staff')}</span> });
  if (cockpitMenu) items.push(cockpitMenu);
  // 应急处置: the campaigns' group, with the emergency events first.
  if (campaignMenu && emergencyEntry && campaignMenu.type === 'group') items.push({ ...campaignMenu, children: [emergencyEntry, ...(campaignMenu.children ?? [])] });
  else if (campaignMenu) items.push(campaignMenu);
  else if (emergencyEntry) items.push({ type: 'group', key: 'g-emergency', label: t('campaign.menu.group'), children: [emergencyEntry] });
  items.push(caseMenu.group);
  if (receptionMenu) items.push(receptionMenu);
  if (wishOrderMenu) items.push(wishOrderMenu);
  if (activityMenu) items.push(activityMenu);
  // 问卷调查 joins the participation group (议事协商).
  if (deliberationMenu && surveyEntry && deliberationMenu.type === 'group') items.push({ ...deliberationMenu, children: [...(deliberationMenu.children ?? []), surveyEntry] });
  else if (deliberationMenu) items.push(deliberationMenu);
  else if (surveyEntry) items.push({ type: 'group', key: 'g-deliberations', label: t('delib.menu.group'), children: [surveyEntry] });
  if (projectMenu) items.push(projectMenu);
  if (propertyMenu) items.push(propertyMenu);
  if (pointsMenu) items.push(pointsMenu);
  if (ledgerMenu) items.push(ledgerMenu);
  if (partyMenu) items.push(partyMenu);
  if (burdenMenu) items.push(burdenMenu);
  if (registry.length) items.push({ type: 'group', key: 'g-registry', label: t('menu.group.registry'), children: registry });
  const system: NonNullable<MenuProps['items']> = [];
  if (can('users.read')) system.push({ key: '/users', icon: <UsergroupAddOutlined />, label: <span data-testid="menu-users">{t('menu.users')}</span> });
  if (can('audit.read')) system.push({ key: '/audit', icon: <AuditOutlined />, label: <span data-testid="menu-audit">{t('menu.audit')}</span> });
  if (can('chain.verify')) system.push({ key: '/chain', icon: <SafetyCertificateOutlined />, label: <span data-testid="menu-chain">{t('menu.chain')}</span> });
  system.push(...caseMenu.system);
  system.push(...workTimeMenu);
  if (system.length) items.push({ type: 'group', key: 'g-system', label: t('menu.group.system'), children: system });

  // A menu entry for the exact path (e.g. /cases/new) wins over its first segment (/cases).
  const twoLevel = ['/cases/new', '/wishes/wall', '/orders/menu', '/orders/teams'];
  const selected = twoLevel.includes(location.pathname) ? location.pathname : '/' + (location.pathname.split('/')[1] ?? '');

  // As Ant Design Pro consoles do, each group is a sub-menu that folds (one open at a time, the one
  // holding the current page), so the menu fits a 900 px screen however many modules the account has.
  const folded = fold(items);
  const owner = folded.find((g) => g.keys.includes(selected) || g.keys.includes(location.pathname))?.key;
  const [openKeys, setOpenKeys] = useState<string[]>(owner ? [owner] : []);
  const [openedFor, setOpenedFor] = useState(owner);
  if (owner !== openedFor) {
    // Navigating into another group opens it (adjusting state while rendering, as React advises).
    setOpenedFor(owner);
    if (owner && !openKeys.includes(owner)) setOpenKeys([owner]);
  }
  // A page opened from the menu starts at its top, not at the scroll position of the previous one.
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [location.pathname]);

  const userMenu: MenuProps['items'] = [
    { key: 'password', icon: <KeyOutlined />, label: <span data-testid="menu-change-password">{t('header.changePassword')}</span> },
    { key: 'mobile', icon: <MobileOutlined />, label: t('login.mobileEntry') },
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined />, danger: true, label: <span data-testid="menu-logout">{t('header.logout')}</span> },
  ];

  const onUserMenu: MenuProps['onClick'] = async ({ key }) => {
    if (key === 'password') setPwOpen(true);
    if (key === 'mobile') navigate('/m');
    if (key === 'logout') {
      await logout();
      navigate('/login', { replace: true });
    }
  };

  return (
    <Layout className="gz-shell">
      <Header className="gz-header">
        <div className="gz-brand" onClick={() => navigate('/')} role="link">
          <span className="gz-brand-mark">共</span>
          <span className="gz-brand-name">{t('app.name')}</span>
          <span className="gz-brand-sub">{t('app.subtitle')}</span>
        </div>
        <div className="gz-header-right">
          <span className="gz-scope" title={`${t('header.scope')}：${me.scope.name}（${me.scope.code}）`} data-testid="header-scope">
            <EnvironmentOutlined /> {me.scope.name}
          </span>
          <NotificationBell />
          <LangSwitch className="gz-header-lang" />
          <Dropdown menu={{ items: userMenu, onClick: onUserMenu }} trigger={['click']} placement="bottomRight">
            <button type="button" className="gz-user" data-testid="user-menu">
              <Avatar size={28} icon={<UserOutlined />} className="gz-user-avatar" />
              <span className="gz-user-text">
                <span className="gz-user-name" data-testid="header-user">{me.displayName}</span>
                <span className="gz-user-role">{labels.roles(me.roles)}</span>
              </span>
              <DownOutlined className="gz-user-caret" />
            </button>
          </Dropdown>
        </div>
      </Header>
      <Layout>
        <Sider width={208} collapsible collapsed={collapsed} onCollapse={setCollapsed} className="gz-sider" theme="light">
          <Menu
            mode="inline"
            // A folded group's entries are drawn the first time it opens, not with the page: forcing them in
            // (`forceSubMenuRender`) also drew a hidden pop-up copy of every group at the end of the body, with its
            // placement measured (docs/PERFORMANCE.md, "The side menu drawn as shown").
            selectedKeys={[selected, location.pathname]}
            items={folded.map((g) => g.item)}
            openKeys={collapsed ? undefined : openKeys}
            onOpenChange={(keys) => setOpenKeys(keys.filter((k) => !openKeys.includes(k)).slice(-1))}
            onClick={({ key }) => navigate(key)}
            className="gz-menu"
            data-testid="main-menu"
          />
        </Sider>
        <Content className="gz-content">
          <WartimeBanner />
          <Outlet />
        </Content>
      </Layout>
      <ChangePasswordModal open={pwOpen} onClose={() => setPwOpen(false)} />
    </Layout>
  );
}

type MenuItem = NonNullable<MenuProps['items']>[number];

/** Turns the modules' menu groups into folding sub-menus, each with the icon of its first entry. */
type Folded = { key: string; keys: string[]; item: MenuItem };

function fold(items: NonNullable<MenuProps['items']>): Folded[] {
  return items.flatMap((it): Folded[] => {
    if (!it) return [];
    if (it.type === 'group' && 'children' in it && it.children) {
      const children = it.children.filter((c): c is MenuItem & { key: string; icon?: ReactNode } => Boolean(c && 'key' in c));
      const first = children[0];
      return [
        {
          key: String(it.key),
          keys: children.map((c) => String(c.key)),
          item: { key: String(it.key), label: <span data-testid={`menu-group-${String(it.key).replace(/^g-/, '')}`}>{it.label}</span>, icon: first?.icon, children: it.children },
        },
      ];
    }
    return [{ key: String(it.key), keys: [String(it.key)], item: it }];
  });
}
