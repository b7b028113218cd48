import { useState } from 'react';
import { Avatar, Dropdown, Layout, Menu, type MenuProps } from 'antd';
import {
  ApartmentOutlined,
  AuditOutlined,
  SafetyCertificateOutlined,
  DashboardOutlined,
  DownOutlined,
  EnvironmentOutlined,
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
import { usePointsMenu } from './pages/points/menu.tsx';
import { useCockpitMenu } from './pages/cockpit/routes.tsx';
import { useLedgerMenu } from './pages/ledgers/routes.tsx';
import { usePartyMenu } from './pages/party/menu.tsx';
import { useWishOrderMenu } from './pages/wishes/routes.tsx';

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
  const pointsMenu = usePointsMenu();
  const cockpitMenu = useCockpitMenu();
  const ledgerMenu = useLedgerMenu();
  const partyMenu = usePartyMenu();
  const wishOrderMenu = useWishOrderMenu();

  // The menu follows the abilities the server grants, never role names.
  const items: MenuProps['items'] = [
    { key: '/', icon: <DashboardOutlined />, label: <span data-testid="menu-home">{t('menu.home')}</span> },
  ];
  const registry: NonNullable<MenuProps['items']> = [];
  if (can('areas.read')) registry.push({ key: '/areas', icon: <ApartmentOutlined />, label: <span data-testid="menu-areas">{t('menu.areas')}</span> });
  if (can('people.read')) registry.push({ key: '/people', icon: <TeamOutlined />, label: <span data-testid="menu-people">{t('menu.people')}</span> });
  if (cockpitMenu) items.push(cockpitMenu);
  items.push(caseMenu.group);
  if (wishOrderMenu) items.push(wishOrderMenu);
  if (pointsMenu) items.push(pointsMenu);
  if (ledgerMenu) items.push(ledgerMenu);
  if (partyMenu) items.push(partyMenu);
  if (registry.length) items.push({ type: 'group', key: 'g-registry', label: t('menu.group.registry'), children: registry });
  const system: NonNullable<MenuProps['items']> = [];
  if (can('users.read')) system.push({ key: '/users', icon: <UsergroupAddOutlined />, label: <span data-testid="menu-users">{t('menu.users')}</span> });
  if (can('audit.read')) system.push({ key: '/audit', icon: <AuditOutlined />, label: <span data-testid="menu-audit">{t('menu.audit')}</span> });
  if (can('chain.verify')) system.push({ key: '/chain', icon: <SafetyCertificateOutlined />, label: <span data-testid="menu-chain">{t('menu.chain')}</span> });
  system.push(...caseMenu.system);
  if (system.length) items.push({ type: 'group', key: 'g-system', label: t('menu.group.system'), children: system });

  // A menu entry for the exact path (e.g. /cases/new) wins over its first segment (/cases).
  const twoLevel = ['/cases/new', '/wishes/wall', '/orders/menu', '/orders/teams'];
  const selected = twoLevel.includes(location.pathname) ? location.pathname : '/' + (location.pathname.split('/')[1] ?? '');

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
            selectedKeys={[selected, location.pathname]}
            items={items}
            onClick={({ key }) => navigate(key)}
            className="gz-menu"
            data-testid="main-menu"
          />
        </Sider>
        <Content className="gz-content">
          <Outlet />
        </Content>
      </Layout>
      <ChangePasswordModal open={pwOpen} onClose={() => setPwOpen(false)} />
    </Layout>
  );
}
