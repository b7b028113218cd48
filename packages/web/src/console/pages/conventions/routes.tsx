// The console's 村规民约 / 居民公约 screens, under the 议事协商 menu group.
import { Route } from 'react-router-dom';
import { Gate } from '../../components/Gate.tsx';
import { lazyModule } from '../../../lib/preloadable.ts';

const ConventionsPage = lazyModule(() => import('./ConventionsPage.tsx'));
const ConventionPage = lazyModule(() => import('./ConventionPage.tsx'));

export const conventionRoutes = (
  <>
    <Route path="conventions" element={<Gate ability="conventions.read"><ConventionsPage /></Gate>} />
    <Route path="conventions/:id" element={<Gate ability="conventions.read"><ConventionPage /></Gate>} />
  </>
);
