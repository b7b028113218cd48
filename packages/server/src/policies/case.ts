import { allowedCaseActions, isWithinScope, type CaseFacts, type CaseRelation, type OwnerLevel, type Role } from '@gongzhi/domain';
import { makeCaseScope, type CaseRow, type CaseScope } from '../repositories/cases.ts';
import { AREA_STAFF, hasAnyRole, type Actor } from './actor.ts';

/** The command-centre role that owns cases at each level. */
export const CENTRE_ROLE: Record<OwnerLevel, Role> = {
  village: 'community-worker',
  town: 'town-dispatcher',
  district: 'district-dispatcher',
};

/** Roles that read every case in their area scope. */
const AREA_READERS = AREA_STAFF;

/** Channels each kind of caller may record. Open311 enters only through its own API. */
export function allowedChannels(actor: Actor | null): string[] {
  if (!actor) return ['qr', 'mobile'];
  if (hasAnyRole(actor, ['district-dispatcher', 'town-dispatcher', 'community-worker'])) {
    return ['console', 'hotline', 'reception', 'visit', 'mailbox', 'patrol', 'mobile', 'qr'];
  }
  if (hasAnyRole(actor, ['grid-worker', 'building-leader'])) return ['patrol', 'visit', 'mobile', 'qr'];
  return ['qr', 'mobile'];
}

/** Staff report inside their own area; residents and members may report anywhere. */
export function mustReportInScope(actor: Actor | null): boolean {
  return !!actor && hasAnyRole(actor, AREA_READERS);
}

export function caseScopeOf(actor: Actor): CaseScope {
  if (hasAnyRole(actor, AREA_READERS)) return makeCaseScope({ kind: 'area', code: actor.scopeCode });
  if (actor.unitId && hasAnyRole(actor, ['department-handler', 'property-manager'])) {
    return makeCaseScope({ kind: 'unit', unitId: actor.unitId });
  }
  return makeCaseScope({ kind: 'reporter', userId: actor.id });
}

export function isOwner(actor: Actor, c: Pick<CaseRow, 'ownerLevel' | 'ownerAreaCode'>): boolean {
  return hasAnyRole(actor, [CENTRE_ROLE[c.ownerLevel as OwnerLevel]]) && actor.scopeCode === c.ownerAreaCode;
}

/** How the caller stands to the case (see CaseRelation in the domain workflow). */
export function caseRelations(actor: Actor, c: CaseRow, unitIds: { lead: string | null; assists: string[] }): Set<CaseRelation> {
  const rel = new Set<CaseRelation>();
  if (c.reporterUserId && c.reporterUserId === actor.id) rel.add('reporter');
  if (isOwner(actor, c)) rel.add('owner');
  if (actor.unitId && unitIds.lead === actor.unitId) rel.add('handler');
  if (actor.unitId && unitIds.assists.includes(actor.unitId)) rel.add('assistant');
  // On-site verification: the grid worker of the case's grid, or the community it lies in.
  if (hasAnyRole(actor, ['grid-worker']) && isWithinScope(c.areaCode, actor.scopeCode) && actor.scopeCode.length >= 15) rel.add('verifier');
  if (hasAnyRole(actor, ['community-worker']) && isWithinScope(c.areaCode, actor.scopeCode) && actor.scopeCode.length === 12 && c.ownerLevel !== 'village') rel.add('verifier');
  const centreAbove =
    hasAnyRole(actor, ['town-dispatcher', 'district-dispatcher']) &&
    actor.scopeCode.length < c.ownerAreaCode.length &&
    c.ownerAreaCode.startsWith(actor.scopeCode);
  if (centreAbove || (hasAnyRole(actor, ['leader']) && isWithinScope(c.areaCode, actor.scopeCode))) rel.add('supervisor');
  return rel;
}

/**
 * 五级服务 (`003`): "一般性工作，单元管家、楼栋长现场处理，登记备案" — a building or unit leader settles a
 * matter on the spot only as they record it; what needs coordination goes on to the grid worker,
 * so they verify nothing afterwards.
 */
export function onSpotIntakeRelations(actor: Actor): Set<CaseRelation> {
  return hasAnyRole(actor, ['building-leader']) ? new Set<CaseRelation>(['verifier']) : new Set();
}

export function factsOf(c: CaseRow): CaseFacts {
  return {
    state: c.state as CaseFacts['state'],
    ownerLevel: c.ownerLevel as OwnerLevel,
    hasHandlerUnit: c.handlerUnitId !== null,
    pendingExtension: c.pendingExtension !== null,
    rating: (c.rating as CaseFacts['rating']) ?? null,
    ratedBy: (c.ratedBy as CaseFacts['ratedBy']) ?? null,
    suspendedFrom: (c.suspendedFrom as CaseFacts['suspendedFrom']) ?? null,
    mergedFrom: (c.mergedFromState as CaseFacts['mergedFrom']) ?? null,
  };
}

export function caseAllowedActions(actor: Actor, c: CaseRow, unitIds: { lead: string | null; assists: string[] }) {
  return allowedCaseActions(factsOf(c), caseRelations(actor, c, unitIds));
}

/** Unit types a centre at each level may dispatch to (吹哨). */
export const DISPATCHABLE_UNIT_TYPES: Record<OwnerLevel, string[]> = {
  village: ['property'],
  town: ['department', 'property'],
  district: ['department', 'property'],
};

/**
 * Whether a unit takes cases at all: a unit of a dispatchable type may still only coordinate
 * (区委社会工作部 keeps the burden lists, it handles no case). The one place the pickers, the
 * suggestions and the dispatch check ask.
 */
export const handlesCases = (u: { handlesCases: boolean }) => u.handlesCases;

export const canEditCatalogue = (actor: Actor) => hasAnyRole(actor, ['admin']);
export const canManageOpen311Keys = (actor: Actor) => hasAnyRole(actor, ['admin']);
