// Who may do what in 红心物业 (docs/PROPERTY.md): pure functions over the caller.
import { isWithinScope, type Role } from '@gongzhi/domain';
import { makeCompanyScope, type CompanyScope } from '../repositories/property.ts';
import { AREA_STAFF, hasAnyRole, type Actor } from './actor.ts';

/** The housing department's unit (区住房和城乡建设局): it records penalties and commendations and confirms grades. */
export const HOUSING_DEPT_UNIT = 'dept-zj';

/** The caller with the code of the unit they act for (resolved by the service). */
export interface PropertyActor {
  actor: Actor;
  unitCode: string | null;
}

export const isHousingDept = (p: PropertyActor) => hasAnyRole(p.actor, ['department-handler']) && p.unitCode === HOUSING_DEPT_UNIT;
export const isPropertyStaff = (p: PropertyActor) => hasAnyRole(p.actor, ['property-manager']) && !!p.actor.unitId;

/** Grades are proposed and confirmed, and penalties and commendations recorded, by the housing department (and the administrator). */
export const grades = (p: PropertyActor) => isHousingDept(p) || hasAnyRole(p.actor, ['admin']);

/** Who reads companies at all: area staff (in their area), the housing department (the district), a company (itself). */
export const readsCompanies = (p: PropertyActor) => hasAnyRole(p.actor, AREA_STAFF) || isHousingDept(p) || isPropertyStaff(p);

export function companyScopeOf(p: PropertyActor): CompanyScope {
  const areas = hasAnyRole(p.actor, AREA_STAFF) || isHousingDept(p) ? [p.actor.scopeCode] : [];
  return makeCompanyScope({ areas, unitId: isPropertyStaff(p) ? p.actor.unitId : null });
}

/** Community staff inspect compounds of their area (checklist on the phone). */
export const INSPECTORS: readonly Role[] = ['community-worker', 'grid-worker', 'party-secretary'];
export const inspects = (actor: Actor, placeArea: string) => hasAnyRole(actor, INSPECTORS) && isWithinScope(placeArea, actor.scopeCode);

/** The owners' committee's evaluation is recorded by the community (its committee hands it in on paper). */
export const EVALUATION_RECORDERS: readonly Role[] = ['community-worker', 'party-secretary'];
export const recordsEvaluation = (actor: Actor, placeArea: string) => hasAnyRole(actor, EVALUATION_RECORDERS) && isWithinScope(placeArea, actor.scopeCode);

/** Area staff (and the housing department) read compounds inside their scope. */
export const readsCompounds = (p: PropertyActor) => hasAnyRole(p.actor, AREA_STAFF) || isHousingDept(p);
export const readsCompound = (p: PropertyActor, placeArea: string) => readsCompounds(p) && isWithinScope(placeArea, p.actor.scopeCode);
/** A company's staff read the compounds it serves under a contract (`serves`: resolved by the service). */
export const readsServedCompound = (p: PropertyActor, serves: boolean) => isPropertyStaff(p) && serves;

/**
 * The community keeps a compound's facts (`002`: 社区、业委会、物业三方联动): its owners' committee (members, term), the
 * cover of a compound without property management, and the four-party joint meetings it convenes. The same people
 * who record the committee's evaluation, in the compound's area.
 */
export const COMPOUND_KEEPERS: readonly Role[] = EVALUATION_RECORDERS;
export const keepsCompound = (actor: Actor, placeArea: string) => hasAnyRole(actor, COMPOUND_KEEPERS) && isWithinScope(placeArea, actor.scopeCode);

/** A service contract (and its service standard) is filed with the community of the compound and with the housing department (物业合同备案). */
export const filesContract = (p: PropertyActor, placeArea: string) => keepsCompound(p.actor, placeArea) || isHousingDept(p);

/** A company's own staff bill households and apply points offsets to its bills. */
export const billsFor = (p: PropertyActor, unitId: string) => isPropertyStaff(p) && p.actor.unitId === unitId;

/** Abilities for the client's menus and tiles (needs the caller's unit code, so the auth service adds them). */
export function propertyAbilities(p: PropertyActor): string[] {
  const out: string[] = [];
  if (readsCompanies(p)) out.push('property.read');
  if (readsCompounds(p)) out.push('property.compounds');
  if (grades(p)) out.push('property.grade');
  if (hasAnyRole(p.actor, INSPECTORS)) out.push('property.inspect');
  if (isPropertyStaff(p)) out.push('property.bills', 'property.compounds');
  if (hasAnyRole(p.actor, COMPOUND_KEEPERS)) out.push('property.keep');
  if (hasAnyRole(p.actor, COMPOUND_KEEPERS) || isHousingDept(p)) out.push('property.contract');
  if (readsCompounds(p)) out.push('property.bills.read');
  return out;
}
