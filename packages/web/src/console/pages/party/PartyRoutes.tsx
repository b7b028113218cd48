// /party/* in the console, loaded on demand; every screen needs the party.read ability.
import { Suspense } from 'react';
import { Spin } from 'antd';
import { Navigate, Route, Routes } from 'react-router-dom';
import { useAuth } from '../../../auth/AuthContext.tsx';
import { ForbiddenPage, NotFoundPage } from '../../components/ErrorResult.tsx';
import './party.css';
import { lazyModule } from '../../../lib/preloadable.ts';

const OrgsPage = lazyModule(() => import('./OrgsPage.tsx'));
const CoveragePage = lazyModule(() => import('./CoveragePage.tsx'));
const LinksPage = lazyModule(() => import('./LinksPage.tsx'));
const PostsPage = lazyModule(() => import('./PostsPage.tsx'));

const fallback = (
  <div className="gz-page-loading">
    <Spin />
  </div>
);

export default function PartyRoutes() {
  const { can } = useAuth();
  if (!can('party.read')) return <ForbiddenPage />;
  const page = (el: React.ReactNode) => <Suspense fallback={fallback}>{el}</Suspense>;
  return (
    <Routes>
      <Route index element={<Navigate to="/party/orgs" replace />} />
      <Route path="orgs" element={page(<OrgsPage />)} />
      <Route path="coverage" element={page(<CoveragePage />)} />
      <Route path="links" element={page(<LinksPage />)} />
      <Route path="posts" element={page(<PostsPage />)} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
