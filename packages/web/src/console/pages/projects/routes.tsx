// The console's 清单与项目 screens: 金点子, 需求清单 (with the explained offer matches), 赋能清单 and
// 治理项目, and Nanjing's 四张清单 as views of them. The menu follows the abilities the server grants.
import { Suspense, lazy, type ReactNode } from 'react';
import { Spin, type MenuProps } from 'antd';
import { BulbOutlined, FileSearchOutlined, GiftOutlined, ProjectOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Route } from 'react-router-dom';
import { useAuth } from '../../../auth/AuthContext.tsx';
import { useT } from '../../../i18n/index.tsx';
import { ForbiddenPage } from '../../components/ErrorResult.tsx';

const IdeasPage = lazy(() => import('./ListPages.tsx').then((m) => ({ default: m.IdeasPage })));
const NeedsPage = lazy(() => import('./ListPages.tsx').then((m) => ({ default: m.NeedsPage })));
const OffersPage = lazy(() => import('./ListPages.tsx').then((m) => ({ default: m.OffersPage })));
const ProjectsPage = lazy(() => import('./ListPages.tsx').then((m) => ({ default: m.ProjectsPage })));
const NeedPage = lazy(() => import('./NeedPage.tsx'));
const FourListsPage = lazy(() => import('./FourListsPage.tsx'));
const ProjectPage = lazy(() => import('./ProjectPage.tsx'));

const fallback = (
  <div className="gz-page-loading">
    <Spin />
  </div>
);

function Guard({ children, ability }: { children: ReactNode; ability: string }) {
  const { can } = useAuth();
  return can(ability) ? <Suspense fallback={fallback}>{children}</Suspense> : <ForbiddenPage />;
}

export const projectRoutes = (
  <>
    <Route path="ideas" element={<Guard ability="deliberations.read"><IdeasPage /></Guard>} />
    <Route path="needs" element={<Guard ability="deliberations.read"><NeedsPage /></Guard>} />
    <Route path="needs/:id" element={<Guard ability="deliberations.read"><NeedPage /></Guard>} />
    <Route path="offers" element={<Guard ability="projects.read"><OffersPage /></Guard>} />
    <Route path="projects" element={<Guard ability="projects.read"><ProjectsPage /></Guard>} />
    <Route path="projects/:id" element={<Guard ability="projects.read"><ProjectPage /></Guard>} />
    <Route path="four-lists" element={<Guard ability="lists.read"><FourListsPage /></Guard>} />
  </>
);

type Item = NonNullable<MenuProps['items']>[number];

export function useProjectMenu(): Item | null {
  const t = useT();
  const { can } = useAuth();
  if (!can('projects.read')) return null;
  // Ideas and needs belong to areas: area staff (who read deliberations) see them; departments see offers and their projects.
  const staff = can('deliberations.read');
  const children: Item[] = [];
  if (staff) children.push({ key: '/ideas', icon: <BulbOutlined />, label: <span data-testid="menu-ideas">{t('proj.menu.ideas')}</span> });
  if (staff) children.push({ key: '/needs', icon: <FileSearchOutlined />, label: <span data-testid="menu-needs">{t('proj.menu.needs')}</span> });
  children.push({ key: '/offers', icon: <GiftOutlined />, label: <span data-testid="menu-offers">{t('proj.menu.offers')}</span> });
  children.push({ key: '/projects', icon: <ProjectOutlined />, label: <span data-testid="menu-projects">{t('proj.menu.projects')}</span> });
  // Nanjing's four lists (四张清单): views of the lists above and of the registry, cases and emergencies, for area staff.
  if (can('lists.read')) children.push({ key: '/four-lists', icon: <UnorderedListOutlined />, label: <span data-testid="menu-four-lists">{t('proj.menu.four')}</span> });
  return { type: 'group', key: 'g-projects', label: t('proj.menu.group'), children };
}
