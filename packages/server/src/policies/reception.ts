// Reception days (接待日) and leaders' cases (领导包案): who may do what.
import { isWithinScope } from '@gongzhi/domain';
import { AREA_STAFF, hasAnyRole, type Actor } from './actor.ts';

/** The district and town command centres keep the schedule of their area and the leaders' attachments (包片). */
const SCHEDULERS = ['district-dispatcher', 'town-dispatcher'] as const;

export const canScheduleReception = (actor: Actor) => hasAnyRole(actor, SCHEDULERS);

/** Area staff read the schedule of their area (leaders, community and grid workers included). */
export const canReadReception = (actor: Actor) => hasAnyRole(actor, AREA_STAFF);

/** Where the caller reads the schedule: their area; a grid worker or building leader reads their community's. */
export const receptionReadScope = (actor: Actor) => (actor.scopeCode.length > 12 ? actor.scopeCode.slice(0, 12) : actor.scopeCode);

/** A reception day the caller may read: in their area. */
export const mayReadDay = (actor: Actor, day: { areaCode: string }) =>
  canReadReception(actor) && isWithinScope(day.areaCode, receptionReadScope(actor));

export const mayEditDay = (actor: Actor, day: { areaCode: string }) =>
  canScheduleReception(actor) && isWithinScope(day.areaCode, actor.scopeCode);

/** Who records a case taken at a reception day: the centres in scope and the community's own staff. */
export const mayRecordAtDay = (actor: Actor, day: { areaCode: string }) =>
  mayEditDay(actor, day) || (hasAnyRole(actor, ['community-worker']) && actor.scopeCode === day.areaCode);

/** The actions the caller may take on a reception day (sent as `allowedActions`). */
export function receptionDayActions(actor: Actor, day: { areaCode: string }, cases: number): string[] {
  const out: string[] = [];
  if (mayEditDay(actor, day)) out.push('edit');
  if (mayEditDay(actor, day) && cases === 0) out.push('delete');
  if (mayRecordAtDay(actor, day)) out.push('record');
  return out;
}

/** A leader's own list of the cases they lead (领导包案). */
export const hasLeadList = (actor: Actor) => hasAnyRole(actor, ['leader']);
