// The console's 清单与项目 screens: 金点子, 需求清单 (with the explained offer matches), 赋能清单 and
// 治理项目, and Nanjing's 四张清单 as views of them. The menu follows the abilities the server grants.
import type { MenuProps } from 'antd';
import { BulbOutlined, FileSearchOutlined, GiftOutlined, ProjectOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Route } from 'react-router-dom';
import { useAuth } from '../../../auth/AuthContext.tsx';
import { useT } from '../../../i18n/index.tsx';
import { Gate } from '../../components/Gate.tsx';
import { lazyModule } from '../../../lib/preloadable.ts';

const IdeasPage = lazyModule(() => import('./ListPages.tsx').then((m) => ({ default: m.IdeasPage })));
const NeedsPage = lazyModule(() => import('./ListPages.tsx').then((m) => ({ default: m.NeedsPage })));
const OffersPage = lazyModule(() => import('./ListPages.tsx').then((m) => ({ default: m.OffersPage })));
const ProjectsPage = lazyModule(() => import('./ListPages.tsx').then((m) => ({ default: m.ProjectsPage })));
const NeedPage = lazyModule(() => import('./NeedPage.tsx'));
const FourListsPage = lazyModule(() => import('./FourListsPage.tsx'));
const ProjectPage = lazyModule(() => import('./ProjectPage.tsx'));

export const projectRoutes = (
  <>
    <Route path="ideas" element={<Gate ability="deliberations.read"><IdeasPage /></Gate>} />
    <Route path="needs" element={<Gate ability="deliberations.read"><NeedsPage /></Gate>} />
    <Route path="needs/:id" element={<Gate ability="deliberations.read"><NeedPage /></Gate>} />
    <Route path="offers" element={<Gate ability="projects.read"><OffersPage /></Gate>} />
    <Route path="projects" element={<Gate ability="projects.read"><ProjectsPage /></Gate>} />
    <Route path="projects/:id" element={<Gate ability="projects.read"><ProjectPage /></Gate>} />
    <Route path="four-lists" element={<Gate ability="lists.read"><FourListsPage /></Gate>} />
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
