// The phone's activity and volunteer pages (behind the session), and the public certificate check.
import { Route } from 'react-router-dom';
import { lazyPage } from '../../lazyPage.tsx';

const MActivities = lazyPage(() => import('./MActivities.tsx'), 'MActivities');
const MActivity = lazyPage(() => import('./MActivity.tsx'), 'MActivity');
const MCheckIn = lazyPage(() => import('./MCheckIn.tsx'), 'MCheckIn');
const MVolunteer = lazyPage(() => import('./MVolunteer.tsx'), 'MVolunteer');
const MVerify = lazyPage(() => import('./MVerify.tsx'), 'MVerify');

export const activityRoutes = (
  <>
    <Route path="activities" element={<MActivities />} />
    <Route path="activities/:id" element={<MActivity />} />
    <Route path="activities/:id/check-in" element={<MCheckIn purpose="in" />} />
    <Route path="activities/:id/check-out" element={<MCheckIn purpose="out" />} />
    <Route path="volunteer" element={<MVolunteer />} />
  </>
);

export const publicActivityRoutes = <Route path="verify/:code" element={<MVerify />} />;
