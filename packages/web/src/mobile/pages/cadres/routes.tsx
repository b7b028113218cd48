// The phone's pages of service points and sunk-down cadres (behind the session).
import { Route } from 'react-router-dom';
import { MCadre } from './MCadre.tsx';
import { MServiceCircle } from './MServiceCircle.tsx';

export const serviceRoutes = (
  <>
    <Route path="service-circle" element={<MServiceCircle />} />
    <Route path="cadre" element={<MCadre />} />
  </>
);
