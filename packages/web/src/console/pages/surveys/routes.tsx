// The console's 问卷调查 screens: the list, the editor of a draft, and the results with charts.
// The menu entry sits in the participation group (议事协商) and follows the abilities the server grants.
import { FormOutlined } from '@ant-design/icons';
import { Route } from 'react-router-dom';
import { useAuth } from '../../../auth/AuthContext.tsx';
import { useT } from '../../../i18n/index.tsx';
import { Gate } from '../../components/Gate.tsx';
import { lazyModule } from '../../../lib/preloadable.ts';

const SurveysPage = lazyModule(() => import('./SurveysPage.tsx'));
const SurveyEditPage = lazyModule(() => import('./SurveyEditPage.tsx'));
const SurveyPage = lazyModule(() => import('./SurveyPage.tsx'));

export const surveyRoutes = (
  <>
    <Route path="surveys" element={<Gate ability="surveys.read"><SurveysPage /></Gate>} />
    <Route path="surveys/new" element={<Gate ability="surveys.manage"><SurveyEditPage /></Gate>} />
    <Route path="surveys/:id/edit" element={<Gate ability="surveys.manage"><SurveyEditPage /></Gate>} />
    <Route path="surveys/:id" element={<Gate ability="surveys.read"><SurveyPage /></Gate>} />
  </>
);

/** The menu entry, put into the participation group by the layout. */
export function useSurveyMenuEntry() {
  const t = useT();
  const { can } = useAuth();
  if (!can('surveys.read')) return null;
  return { key: '/surveys', icon: <FormOutlined />, label: <span data-testid="menu-surveys">{t('survey.menu.list')}</span> };
}
