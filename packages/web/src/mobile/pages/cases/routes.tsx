// The public case pages of the phone app (扫码上报, 查进度, 回音壁, 接待): they work without an account, and the
// public pages' own build (public.tsx) carries only these. The others sit behind the session (sessionRoutes.tsx).
// Each page loads on its own.
import { Route } from 'react-router-dom';
import { lazyPage } from '../../lazyPage.tsx';
import { MPublicShell } from './MPublicShell.tsx';
import './mcases.css';

const MReport = lazyPage(() => import('./MReport.tsx'), 'MReport', 'public');
const MTrack = lazyPage(() => import('./MTrack.tsx'), 'MTrack', 'public');
const MWall = lazyPage(() => import('./MWall.tsx'), 'MWall', 'wall');
const MReception = lazyPage(() => import('./MReception.tsx'), 'MReception');

/** The public pages' code and words, loaded before the first render of a phone that opens on one (main.tsx). */
const publicPagePreloads: Record<string, () => Promise<void>> = {
  '/m/report': MReport.preload,
  '/m/track': MTrack.preload,
  '/m/wall': MWall.preload,
};

/** Loads the code and words of the public page at `pathname` (if it is one) before the app's first render. */
export const preloadPage = (pathname: string): Promise<void> => publicPagePreloads[pathname.replace(/\/$/, '')]?.().catch(() => undefined) ?? Promise.resolve();

export const publicCaseRoutes = (
  <Route element={<MPublicShell />}>
    <Route path="report" element={<MReport />} />
    <Route path="track" element={<MTrack />} />
    <Route path="wall" element={<MWall />} />
    <Route path="reception" element={<MReception />} />
  </Route>
);
