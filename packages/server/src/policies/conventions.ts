// Who may do what with conventions (村规民约 / 居民公约): pure functions over the caller and the convention.
import { isWithinScope, type Role } from '@gongzhi/domain';
import { makeConventionScope, type ConventionScope } from '../repositories/conventions.ts';
import { AREA_STAFF, hasAnyRole, type Actor } from './actor.ts';

/** The village/community's own staff and its party secretary draft and adopt its convention. */
export const CONVENTION_WRITERS: readonly Role[] = ['community-worker', 'party-secretary'];

export const isConventionWriter = (actor: Actor) => hasAnyRole(actor, CONVENTION_WRITERS);

/** Writes the convention of `areaCode`: a writer whose scope is that village/community (or lies inside it). */
export const writesConvention = (actor: Actor, areaCode: string) => isConventionWriter(actor) && (isWithinScope(areaCode, actor.scopeCode) || actor.scopeCode.startsWith(areaCode));

/** Staff read every version of the conventions inside their scope (town, district: read only). */
export const readsAllVersions = (actor: Actor, areaCode: string) => hasAnyRole(actor, AREA_STAFF) && (isWithinScope(areaCode, actor.scopeCode) || writesConvention(actor, areaCode));

/**
 * What the caller reads: staff, the conventions inside their scope; everyone, the one of the village or
 * community they live or work in (a grid worker's, a resident's, a merchant's) — adopted version only
 * unless `readsAllVersions`.
 */
export function conventionScopeOf(actor: Actor): ConventionScope {
  return makeConventionScope({ within: hasAnyRole(actor, AREA_STAFF) ? actor.scopeCode : null, home: actor.scopeCode.length >= 12 ? actor.scopeCode : null });
}
