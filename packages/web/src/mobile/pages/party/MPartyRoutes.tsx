// /m/party/* on the phone, loaded on demand.
import { Navigate, Route, Routes } from 'react-router-dom';
import { MPartyHome } from './MPartyHome.tsx';
import { MHouseholds } from './MHouseholds.tsx';
import { MVisit } from './MVisit.tsx';
import { MPatrol } from './MPatrol.tsx';
import { MDiary } from './MDiary.tsx';
import { MRegister } from './MRegister.tsx';
import './party.css';

export default function MPartyRoutes() {
  return (
    <Routes>
      <Route index element={<MPartyHome />} />
      <Route path="households" element={<MHouseholds />} />
      <Route path="visit/:householdId" element={<MVisit />} />
      <Route path="patrol" element={<MPatrol />} />
      <Route path="diary" element={<MDiary />} />
      <Route path="register" element={<MRegister />} />
      <Route path="*" element={<Navigate to="/m/party" replace />} />
    </Routes>
  );
}
