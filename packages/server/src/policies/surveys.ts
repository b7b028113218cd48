// Who may do what with questionnaires (问卷): pure functions over the caller and the questionnaire.
import { isAnswerable, isWithinScope, type Role, type SurveyState } from '@gongzhi/domain';
import { AREA_STAFF, hasAnyRole, type Actor } from './actor.ts';

/** Create, edit, publish and close questionnaires of areas inside their scope. */
export const SURVEY_EDITORS: readonly Role[] = ['admin', 'district-dispatcher', 'town-dispatcher', 'community-worker', 'party-secretary'];
/** Answer the questionnaires of the area they live in (one response per account). */
export const SURVEY_RESPONDENTS: readonly Role[] = ['resident', 'party-member'];

export interface SurveyViewer {
  actor: Actor;
  /** Where the caller lives (their registry place, else their account's area), for respondents. */
  home: string | null;
}

interface SurveyFacts {
  areaCode: string;
  state: string;
  opensAt: Date | null;
  closesAt: Date | null;
  publicResults: boolean;
}

export const isSurveyStaff = (v: SurveyViewer) => hasAnyRole(v.actor, AREA_STAFF);
export const staffCovers = (v: SurveyViewer, s: Pick<SurveyFacts, 'areaCode'>) => isSurveyStaff(v) && isWithinScope(s.areaCode, v.actor.scopeCode);
export const canEditSurveys = (v: SurveyViewer) => hasAnyRole(v.actor, SURVEY_EDITORS);
export const isRespondent = (v: SurveyViewer) => hasAnyRole(v.actor, SURVEY_RESPONDENTS) && v.home !== null;
/** The questionnaire asks the caller: it targets the place they live in or an area containing it. */
export const asksViewer = (v: SurveyViewer, s: Pick<SurveyFacts, 'areaCode'>) => isRespondent(v) && v.home!.startsWith(s.areaCode);
/** Residents see it once published; drafts are their authors' only. */
export const residentSees = (v: SurveyViewer, s: SurveyFacts) => asksViewer(v, s) && s.state !== 'draft';

export function surveyActions(v: SurveyViewer, s: SurveyFacts, answered: boolean, now: Date) {
  const out: ('edit' | 'publish' | 'close' | 'answer' | 'results')[] = [];
  const editor = canEditSurveys(v) && staffCovers(v, s);
  if (editor && s.state === 'draft') out.push('edit', 'publish');
  if (editor && s.state === 'open') out.push('close');
  if (!answered && residentSees(v, s) && isAnswerable({ state: s.state as SurveyState, opensAt: s.opensAt, closesAt: s.closesAt }, now)) out.push('answer');
  if (canSeeResults(v, s)) out.push('results');
  return out;
}

export function canSeeResults(v: SurveyViewer, s: SurveyFacts): boolean {
  if (staffCovers(v, s)) return s.state !== 'draft';
  return residentSees(v, s) && s.state === 'closed' && s.publicResults;
}
