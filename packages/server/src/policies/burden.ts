// Who may do what in burden reduction (准入, 一表通). The district's social work department
// (区委社会工作部, `003`: matters entering communities "需经区委党建领导小组办公室同意") keeps the lists and
// decides requests; departments file requests and design forms for their own unit; communities
// receive tasks and forms, and flag tasks that came outside the process.
import type { Role } from '@gongzhi/domain';
import type { BurdenAbility } from '@gongzhi/domain/contract';
import { hasAnyRole, type Actor } from './actor.ts';

/** The unit code of the district's social work department (区委社会工作部). */
export const SOCIAL_WORK_UNIT = 'dept-shgzb';

/** The caller with the one fact about them the rules need: the code of their unit. */
export interface BurdenViewer {
  actor: Actor;
  unitCode: string | null;
  unitType: string | null;
}

/** District-wide readers of requests, lists and burden figures (they decide nothing). */
export const BURDEN_DISTRICT_READERS: readonly Role[] = ['district-dispatcher', 'leader'];
/** Community staff who receive tasks and forms and flag tasks received outside the process. */
export const BURDEN_COMMUNITY_ROLES: readonly Role[] = ['community-worker', 'party-secretary'];
/** Staff who read the tasks and forms of the communities in their scope (town centres too). */
export const BURDEN_AREA_READERS: readonly Role[] = ['district-dispatcher', 'leader', 'town-dispatcher', 'community-worker', 'party-secretary'];

const isDistrict = (a: Actor) => a.scopeCode.length <= 6;

/** The social work department: keeps the lists, decides requests. */
export const isBurdenReviewer = (v: BurdenViewer) =>
  v.unitCode === SOCIAL_WORK_UNIT && isDistrict(v.actor) && hasAnyRole(v.actor, ['department-handler']);

/** A district department that files requests and designs forms (not the social work department itself). */
export const isRequestingDepartment = (v: BurdenViewer) =>
  !!v.actor.unitId && v.unitType === 'department' && v.unitCode !== SOCIAL_WORK_UNIT && isDistrict(v.actor) && hasAnyRole(v.actor, ['department-handler']);

/** Reads every request and form and the district's burden figures. */
export const readsDistrict = (v: BurdenViewer) => isBurdenReviewer(v) || (isDistrict(v.actor) && hasAnyRole(v.actor, BURDEN_DISTRICT_READERS));

/** Receives tasks and forms: a community worker or secretary scoped to one community (or finer). */
export const isCommunityStaff = (v: BurdenViewer) => v.actor.scopeCode.length >= 12 && hasAnyRole(v.actor, BURDEN_COMMUNITY_ROLES);

/** Reads the tasks and form returns of communities in scope. */
export const readsAreaInbox = (v: BurdenViewer) => hasAnyRole(v.actor, BURDEN_AREA_READERS);

/** Reads the lists: everyone who files, decides or receives. */
export const readsLists = (v: BurdenViewer) => isBurdenReviewer(v) || isRequestingDepartment(v) || readsDistrict(v) || readsAreaInbox(v);

export function burdenAbilities(v: BurdenViewer): BurdenAbility[] {
  const out: BurdenAbility[] = [];
  if (readsLists(v)) out.push('burden.lists.read');
  if (isBurdenReviewer(v)) out.push('burden.lists.edit', 'burden.requests.review');
  if (isRequestingDepartment(v)) out.push('burden.requests.file', 'burden.forms.design');
  if (isRequestingDepartment(v) || readsDistrict(v)) out.push('burden.requests.read', 'burden.forms.read');
  if (readsAreaInbox(v)) out.push('burden.inbox.read');
  if (isCommunityStaff(v)) out.push('burden.inbox.act');
  if (readsDistrict(v)) out.push('burden.figures.read');
  return out;
}
