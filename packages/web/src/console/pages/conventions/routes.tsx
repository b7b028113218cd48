// The console's 村规民约 / 居民公约 screens, under the 议事协商 menu group.
import { Suspense, lazy, type ReactNode } from 'react';
import { Spin } from 'antd';
import { Route } from 'react-router-dom';
import { useAuth } from '../../../auth/AuthContext.tsx';
import { ForbiddenPage } from '../../components/ErrorResult.tsx';

const ConventionsPage = lazy(() => import('./ConventionsPage.tsx'));
const ConventionPage = lazy(() => import('./ConventionPage.tsx'));

const fallback = (
  <div className="gz-page-loading">
    <Spin />
  </div>
);

function Guard({ children }: { children: ReactNode }) {
  const { can } = useAuth();
  return can('conventions.read') ? <Suspense fallback={fallback}>{children}</Suspense> : <ForbiddenPage />;
}

export const conventionRoutes = (
  <>
    <Route path="conventions" element={<Guard><ConventionsPage /></Guard>} />
    <Route path="conventions/:id" element={<Guard><ConventionPage /></Guard>} />
  </>
);
