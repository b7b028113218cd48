// The phone's pages of service points and sunk-down cadres (behind the session).
import { Route } from 'react-router-dom';
import { lazyPage } from '../../lazyPage.tsx';

const MCadre = lazyPage(() => import('./MCadre.tsx'), 'MCadre');
const MServiceCircle = lazyPage(() => import('./MServiceCircle.tsx'), 'MServiceCircle');

export const serviceRoutes = (
  <>
    <Route path="service-circle" element={<MServiceCircle />} />
    <Route path="cadre" element={<MCadre />} />
  </>
);
