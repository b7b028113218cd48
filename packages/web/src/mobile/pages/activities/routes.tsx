// The phone's activity and volunteer pages (behind the session), and the public certificate check.
import { Route } from 'react-router-dom';
import { MActivities } from './MActivities.tsx';
import { MActivity } from './MActivity.tsx';
import { MCheckIn } from './MCheckIn.tsx';
import { MVolunteer } from './MVolunteer.tsx';
import { MVerify } from './MVerify.tsx';

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
