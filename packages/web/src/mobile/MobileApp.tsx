import { DotLoading } from 'antd-mobile';
import { Suspense, lazy, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { ensureDicts } from '../i18n/index.tsx';
import { useAuth } from '../auth/AuthContext.tsx';
import { MobileShell } from './MobileShell.tsx';
import { preloadPage, publicCaseRoutes } from './pages/cases/routes.tsx';
import { sessionCaseRoutes } from './pages/cases/sessionRoutes.tsx';
import { wishOrderRoutes } from './pages/wishes/routes.tsx';
import { lazyPage, MPageSkeleton } from './lazyPage.tsx';
import { activityRoutes, publicActivityRoutes } from './pages/activities/routes.tsx';
import { serviceRoutes } from './pages/cadres/routes.tsx';
import { MPublicShell } from './pages/cases/MPublicShell.tsx';
import { PhoneFrame } from './PhoneFrame.tsx';

const MLogin = lazyPage(() => import('./pages/MLogin.tsx'), 'MLogin');
const MHome = lazyPage(() => import('./pages/MHome.tsx'), 'MHome');
const MPeople = lazyPage(() => import('./pages/MPeople.tsx'), 'MPeople');
const MPerson = lazyPage(() => import('./pages/MPerson.tsx'), 'MPerson');
const MArea = lazyPage(() => import('./pages/MArea.tsx'), 'MArea');
const MHousehold = lazyPage(() => import('./pages/MHousehold.tsx'), 'MHousehold');
const MMe = lazyPage(() => import('./pages/MMe.tsx'), 'MMe');
const MForcedPasswordChange = lazyPage(() => import('./pages/MMe.tsx'), 'MForcedPasswordChange');
const MCheckIn = lazyPage(() => import('./pages/emergency/MEmergency.tsx'), 'MCheckIn');
const MCampaignList = lazyPage(() => import('./pages/campaigns/MCampaigns.tsx'), 'MCampaignList');
const MCampaign = lazyPage(() => import('./pages/campaigns/MCampaigns.tsx'), 'MCampaign');
const MEvacuations = lazyPage(() => import('./pages/evacuation/MEvacuations.tsx'), 'MEvacuations');
const MDeliberations = lazyPage(() => import('./pages/deliberations/MDeliberations.tsx'), 'MDeliberations');
const MDeliberation = lazyPage(() => import('./pages/deliberations/MDeliberations.tsx'), 'MDeliberation');
const MMeeting = lazyPage(() => import('./pages/deliberations/MMeeting.tsx'), 'MMeeting');
const MSurveys = lazyPage(() => import('./pages/surveys/MSurveys.tsx'), 'MSurveys');
const MSurvey = lazyPage(() => import('./pages/surveys/MSurveys.tsx'), 'MSurvey');
const MConvention = lazyPage(() => import('./pages/conventions/MConvention.tsx'), 'MConvention');
const MIdeas = lazyPage(() => import('./pages/projects/MProjects.tsx'), 'MIdeas');
const MProjects = lazyPage(() => import('./pages/projects/MProjects.tsx'), 'MProjects');
const MProject = lazyPage(() => import('./pages/projects/MProjects.tsx'), 'MProject');
const MPropertyInspect = lazyPage(() => import('./pages/property/MProperty.tsx'), 'MPropertyInspect');
const MOutbox = lazyPage(() => import('./pages/offline/MOutbox.tsx'), 'MOutbox');
const MBurden = lazyPage(() => import('./pages/burden/MBurden.tsx'), 'MBurden');
const MBurdenReturn = lazyPage(() => import('./pages/burden/MBurden.tsx'), 'MBurdenReturn');
const MPointsRoutes = lazy(() => Promise.all([import('./pages/points/MPointsRoutes.tsx'), ensureDicts('all')]).then(([m]) => m));
const MPartyRoutes = lazy(() => Promise.all([import('./pages/party/MPartyRoutes.tsx'), ensureDicts('all')]).then(([m]) => m));

function RequireSession({ children }: { children: ReactNode }) {
  const { status, me } = useAuth();
  const location = useLocation();
  if (status === 'loading') {
    return (
      <div className="m-center">
        <DotLoading color="primary" />
      </div>
    );
  }
  if (!me) return <Navigate to="/m/login" replace state={{ from: location.pathname + location.search }} />;
  if (me.passwordChange) return <MForcedPasswordChange />;
  return <>{children}</>;
}

function RequirePeople({ children }: { children: ReactNode }) {
  const { can } = useAuth();
  return can('people.read') ? <>{children}</> : <Navigate to="/m" replace />;
}

export { preloadPage };

export default function MobileApp() {
  return (
    <PhoneFrame>
      <Suspense fallback={<MPageSkeleton />}>
        <Routes>
          <Route path="login" element={<MLogin />} />
          {publicCaseRoutes}
          {publicActivityRoutes}
          <Route element={<MPublicShell />}>
            <Route path="outbox" element={<MOutbox />} />
          </Route>
          <Route
            element={
              <RequireSession>
                <MobileShell />
              </RequireSession>
            }
          >
            <Route index element={<MHome />} />
            <Route
              path="people"
              element={
                <RequirePeople>
                  <MPeople />
                </RequirePeople>
              }
            />
            <Route
              path="people/:id"
              element={
                <RequirePeople>
                  <MPerson />
                </RequirePeople>
              }
            />
            <Route path="area/:code" element={<MArea />} />
            <Route
              path="households/:id"
              element={
                <RequirePeople>
                  <MHousehold />
                </RequirePeople>
              }
            />
            <Route path="points/*" element={<Suspense fallback={<div className="m-center"><DotLoading color="primary" /></div>}><MPointsRoutes /></Suspense>} />
            <Route path="party/*" element={<Suspense fallback={<div className="m-center"><DotLoading color="primary" /></div>}><MPartyRoutes /></Suspense>} />
            {sessionCaseRoutes}
            {wishOrderRoutes}
            <Route path="emergency" element={<MCheckIn />} />
            <Route path="campaigns" element={<MCampaignList />} />
            <Route path="campaigns/:id" element={<MCampaign />} />
            <Route path="evacuations" element={<MEvacuations />} />
            <Route path="burden" element={<MBurden />} />
            <Route path="burden/returns/:id" element={<MBurdenReturn />} />
            <Route path="deliberations" element={<MDeliberations />} />
            <Route path="deliberations/:id" element={<MDeliberation />} />
            <Route path="meetings/:id" element={<MMeeting />} />
            <Route path="surveys" element={<MSurveys />} />
            <Route path="surveys/:id" element={<MSurvey />} />
            <Route path="convention" element={<MConvention />} />
            <Route path="ideas" element={<MIdeas />} />
            <Route path="projects" element={<MProjects />} />
            <Route path="projects/:id" element={<MProject />} />
            {activityRoutes}
            {serviceRoutes}
            <Route path="property/inspect" element={<MPropertyInspect />} />
            <Route path="me" element={<MMe />} />
            <Route path="*" element={<Navigate to="/m" replace />} />
          </Route>
        </Routes>
      </Suspense>
    </PhoneFrame>
  );
}
