// /points/* in the console, loaded on demand: each screen is guarded by the caller's points abilities.
import { Suspense, type ReactNode } from 'react';
import { Spin } from 'antd';
import { Navigate, Route, Routes } from 'react-router-dom';
import { usePointsAccess } from '../../../lib/points.ts';
import { ForbiddenPage, LoadError, NotFoundPage } from '../../components/ErrorResult.tsx';
import { pointsScreens } from './menu.tsx';
import './points.css';
import { lazyModule } from '../../../lib/preloadable.ts';

const RulesPage = lazyModule(() => import('./RulesPage.tsx'));
const AwardsPage = lazyModule(() => import('./AwardsPage.tsx'));
const AccountsPage = lazyModule(() => import('./AccountsPage.tsx'));
const ItemsPage = lazyModule(() => import('./ItemsPage.tsx'));
const LeaderboardPage = lazyModule(() => import('./LeaderboardPage.tsx'));
const LedgerPage = lazyModule(() => import('./LedgerPage.tsx'));

const fallback = (
  <div className="gz-page-loading">
    <Spin />
  </div>
);

export default function PointsRoutes() {
  const access = usePointsAccess();
  if (access.error) return <LoadError error={access.error} />;
  if (!access.loaded) return fallback;
  const s = pointsScreens(access);
  const guard = (allowed: boolean, page: ReactNode) => (allowed ? <Suspense fallback={fallback}>{page}</Suspense> : <ForbiddenPage />);
  const first = (['awards', 'rules', 'items', 'accounts', 'leaderboard', 'ledger'] as const).find((k) => s[k]);
  return (
    <Routes>
      <Route index element={first ? <Navigate to={`/points/${first}`} replace /> : <ForbiddenPage />} />
      <Route path="rules" element={guard(s.rules, <RulesPage />)} />
      <Route path="awards" element={guard(s.awards, <AwardsPage />)} />
      <Route path="accounts" element={guard(s.accounts, <AccountsPage />)} />
      <Route path="items" element={guard(s.items, <ItemsPage />)} />
      <Route path="leaderboard" element={guard(s.leaderboard, <LeaderboardPage />)} />
      <Route path="ledger" element={guard(s.ledger, <LedgerPage />)} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
