// Who may do what with activities and volunteer records: pure functions over the caller and the activity.
import { ACTIVITY_KIND_INFO, isWithinScope, type ActivityKind, type Role } from '@gongzhi/domain';
import { makeActivityScope, type ActivityRow, type ActivityScope } from '../repositories/activities.ts';
import { AREA_STAFF, hasAnyRole, type Actor } from './actor.ts';

/** Publish activities, show the check-in code, keep the attendance list and the volunteer records. */
export const ACTIVITY_ORGANISERS: readonly Role[] = ['community-worker', 'party-secretary'];

export interface ActivityViewer {
  actor: Actor;
  /** Where the caller lives (registry person's area) or, without a person, their scope. */
  home: string | null;
  partyMember: boolean;
  volunteer: boolean;
  personId: string | null;
  name: string;
}

export function activityScopeOf(v: ActivityViewer): ActivityScope {
  return makeActivityScope({ areas: hasAnyRole(v.actor, AREA_STAFF) ? [v.actor.scopeCode] : [], home: v.home, userId: v.actor.id });
}

export const canPublishIn = (actor: Actor, area: string) => hasAnyRole(actor, ACTIVITY_ORGANISERS) && isWithinScope(area, actor.scopeCode);

/** Organise (code, list, marks, confirm) an activity: an organiser whose scope covers it. */
export const organises = (actor: Actor, a: Pick<ActivityRow, 'areaCode'>) => canPublishIn(actor, a.areaCode);

export const isPartyMember = (v: ActivityViewer) => v.partyMember || hasAnyRole(v.actor, ['party-member']);

/** Why the caller may not sign up (null: they may): who may join, and where they live. */
export function signUpProblem(v: ActivityViewer, a: Pick<ActivityRow, 'areaCode' | 'audience' | 'kind'>): string | null {
  if (!v.home || !v.home.startsWith(a.areaCode)) return '只有本社区（村）的居民可以报名该活动';
  if ((a.audience === 'members' || ACTIVITY_KIND_INFO[a.kind as ActivityKind]?.membersOnly) && !isPartyMember(v)) return '该活动只限党员参加';
  if (a.audience === 'volunteers' && !v.volunteer) return '该活动只限注册志愿者参加，请先登记为志愿者';
  return null;
}

/** Read volunteer records of an area: staff whose scope covers it. */
export const readsVolunteers = (actor: Actor, area: string) => hasAnyRole(actor, AREA_STAFF) && isWithinScope(area, actor.scopeCode);
export const keepsVolunteerRecords = (actor: Actor, area: string) => canPublishIn(actor, area);
