// The console's 村规民约 / 居民公约 screens, under the 议事协商 menu group.
import { lazy } from 'react';
import { Route } from 'react-router-dom';
import { Gate } from '../../components/Gate.tsx';

const ConventionsPage = lazy(() => import('./ConventionsPage.tsx'));
const ConventionPage = lazy(() => import('./ConventionPage.tsx'));

export const conventionRoutes = (
  <>
    <Route path="conventions" element={<Gate ability="conventions.read"><ConventionsPage /></Gate>} />
    <Route path="conventions/:id" element={<Gate ability="conventions.read"><ConventionPage /></Gate>} />
  </>
);
