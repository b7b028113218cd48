// The case pages of the phone app behind the session (案件, a case, 巡查), apart from the public ones (routes.tsx), so
// the public pages' own build does not carry them. Each page loads on its own.
import { Route } from 'react-router-dom';
import { lazyPage } from '../../lazyPage.tsx';

const MCases = lazyPage(() => import('./MCases.tsx'), 'MCases');
const MCase = lazyPage(() => import('./MCase.tsx'), 'MCase');
const MPatrol = lazyPage(() => import('./MPatrol.tsx'), 'MPatrol');

export const sessionCaseRoutes = (
  <>
    <Route path="cases" element={<MCases />} />
    <Route path="cases/:id" element={<MCase />} />
    <Route path="patrol" element={<MPatrol />} />
  </>
);
