// The case pages of the phone app: the public ones (扫码上报, 查进度, 回音壁) work without an
// account; the others sit behind the session like the rest of /m.
import { Route } from 'react-router-dom';
import { MPublicShell } from './MPublicShell.tsx';
import { MReport } from './MReport.tsx';
import { MTrack } from './MTrack.tsx';
import { MWall } from './MWall.tsx';
import { MReception } from './MReception.tsx';
import { MCases } from './MCases.tsx';
import { MCase } from './MCase.tsx';
import { MPatrol } from './MPatrol.tsx';
import './mcases.css';

export const publicCaseRoutes = (
  <Route element={<MPublicShell />}>
    <Route path="report" element={<MReport />} />
    <Route path="track" element={<MTrack />} />
    <Route path="wall" element={<MWall />} />
    <Route path="reception" element={<MReception />} />
  </Route>
);

export const sessionCaseRoutes = (
  <>
    <Route path="cases" element={<MCases />} />
    <Route path="cases/:id" element={<MCase />} />
    <Route path="patrol" element={<MPatrol />} />
  </>
);
