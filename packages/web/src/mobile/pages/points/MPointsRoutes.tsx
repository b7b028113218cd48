// /m/points/* on the phone, loaded on demand.
import { Navigate, Route, Routes } from 'react-router-dom';
import { MPoints } from './MPoints.tsx';
import { MShop } from './MShop.tsx';
import { MCode } from './MCode.tsx';
import { MMerchant } from './MMerchant.tsx';
import './points.css';

export default function MPointsRoutes() {
  return (
    <Routes>
      <Route index element={<MPoints />} />
      <Route path="shop" element={<MShop />} />
      <Route path="code" element={<MCode />} />
      <Route path="merchant" element={<MMerchant />} />
      <Route path="*" element={<Navigate to="/m/points" replace />} />
    </Routes>
  );
}
