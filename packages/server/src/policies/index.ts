import { ACTIVITY_ORGANISERS } from './activities.ts';
import type { Actor } from './actor.ts';
import { canListPeople, canSeeSensitiveTags, PERSON_EDITORS } from './person.ts';
import { canManageCredentials, canManageUsers, canReadAudit } from './user.ts';
import { canViewCockpit, cockpitIsHome } from './cockpit.ts';
import { AREA_STAFF, hasAnyRole } from './actor.ts';
import { canImportHotline } from './imports.ts';
import { canVerifyChains } from './chain.ts';
import { partyAbilities } from './party.ts';
import { staffAbilities } from './staffing.ts';
import { campaignAbilities } from './campaign.ts';
import { emergencyAbilities } from './emergency.ts';
import { evacuationAbilities } from './evacuation.ts';
import { WISH_PROXIES, WISH_REVIEWERS } from './wishes.ts';
import { ORDER_MANAGERS } from './orders.ts';
import { canEditCalendar, canEditOfficeHours } from './work-time.ts';
import { canReadReception, canScheduleReception, hasLeadList } from './reception.ts';
import { isOrganiser } from './deliberations.ts';
import { SURVEY_EDITORS, SURVEY_RESPONDENTS } from './surveys.ts';
import { isConventionWriter } from './conventions.ts';
import { directoryAbilities } from './directory.ts';
import { isDepartment, isManager } from './projects.ts';
import { BURDEN_AREA_READERS } from './burden.ts';
import { cadreAbilities } from './cadres.ts';
import { canReadFourLists } from './four-lists.ts';

export * from './actor.ts';
export * from './area.ts';
export * from './person.ts';
export * from './user.ts';

/** Coarse abilities sent to the client so the UI can build its menu without re-implementing rules. */
export function abilitiesOf(actor: Actor): string[] {
  const out = ['areas.read'];
  if (canListPeople(actor)) out.push('people.read');
  if (hasAnyRole(actor, PERSON_EDITORS)) out.push('people.write');
  if (canSeeSensitiveTags(actor)) out.push('people.sensitive');
  if (canManageUsers(actor)) out.push('users.manage');
  if (canManageCredentials(actor)) out.push('users.security');
  if (canManageUsers(actor) || canManageCredentials(actor)) out.push('users.read');
  if (canReadAudit(actor)) out.push('audit.read');
  if (canVerifyChains(actor)) out.push('chain.verify');
  if (canViewCockpit(actor)) out.push('cockpit.read');
  if (cockpitIsHome(actor)) out.push('cockpit.home');
  // A department or property handler works from its case inbox, not from area statistics.
  if (actor.unitId && hasAnyRole(actor, ['department-handler', 'property-manager']) && !hasAnyRole(actor, AREA_STAFF)) out.push('inbox.home');
  // Ledgers: Excel exports and the monthly bulletin for area staff; hotline import for the centres.
  if (hasAnyRole(actor, AREA_STAFF)) out.push('ledgers.export', 'bulletin.read');
  if (canImportHotline(actor)) out.push('hotline.import');
  // Work calendar (holiday overrides) and the units' office hours that hour limits count.
  if (canEditCalendar(actor)) out.push('calendar.manage');
  if (canEditOfficeHours(actor)) out.push('officehours.manage');
  out.push(...partyAbilities(actor));
  out.push(...staffAbilities(actor));
  // Door-knocking campaigns and four-colour risk (敲门行动, 四色分级).
  out.push(...campaignAbilities(actor));
  out.push(...emergencyAbilities(actor));
  // Evacuation lists and the colour map (转移安置, 风险地图).
  out.push(...evacuationAbilities(actor));
  // Micro-wishes and service orders: menus only; each wish and order carries its own allowedActions.
  if (hasAnyRole(actor, AREA_STAFF)) out.push('wishes.read', 'orders.read');
  if (hasAnyRole(actor, WISH_REVIEWERS)) out.push('wishes.review');
  if (hasAnyRole(actor, WISH_PROXIES)) out.push('wishes.proxy');
  if (hasAnyRole(actor, ORDER_MANAGERS)) out.push('orders.manage');
  // Reception days (接待日) and the leaders' own cases (领导包案).
  if (canReadReception(actor)) out.push('reception.read');
  if (canScheduleReception(actor)) out.push('reception.manage');
  if (hasLeadList(actor)) out.push('reception.lead');
  // Deliberation (议事协商): staff read their area's; organisers convene and close; a registry person votes on their own entries.
  if (hasAnyRole(actor, AREA_STAFF)) out.push('deliberations.read');
  if (isOrganiser(actor)) out.push('deliberations.manage');
  if (actor.personId) out.push('deliberations.vote');
  // Questionnaires (问卷): staff read their area's and editors build them; residents answer on the phone.
  if (hasAnyRole(actor, AREA_STAFF)) out.push('surveys.read');
  if (hasAnyRole(actor, SURVEY_EDITORS)) out.push('surveys.manage');
  if (hasAnyRole(actor, SURVEY_RESPONDENTS)) out.push('surveys.answer');
  // Conventions (村规民约/居民公约): staff read their area's; the village's own staff and secretary draft and adopt;
  // anyone living or working in a village or community reads its convention in force on the phone.
  if (hasAnyRole(actor, AREA_STAFF)) out.push('conventions.read');
  // Nanjing's four lists (四张清单): staff of the area.
  if (canReadFourLists(actor)) out.push('lists.read');
  if (isConventionWriter(actor)) out.push('conventions.manage');
  if (actor.scopeCode.length >= 12) out.push('conventions.mine');
  // Lists and projects: staff and departments read the lists; managers compile needs and make projects;
  // departments and the district publish offers; a registry person posts ideas and supervises projects.
  if (hasAnyRole(actor, AREA_STAFF) || isDepartment(actor)) out.push('projects.read');
  if (isManager(actor)) out.push('projects.manage');
  // The console's form publishes for the caller's own department; the district publishes for others through the API.
  if (isDepartment(actor)) out.push('offers.publish');
  if (actor.personId) out.push('ideas.post');
  // Activities and volunteers: staff read their area's; organisers publish, show the code and keep the lists.
  if (hasAnyRole(actor, AREA_STAFF)) out.push('activities.read');
  if (hasAnyRole(actor, ACTIVITY_ORGANISERS)) out.push('activities.manage');
  // Places and organisations of the registry.
  out.push(...directoryAbilities(actor));
  // Burden reduction (准入, 一表通): the menu only; the page asks /api/burden/meta what the caller may do there.
  if (hasAnyRole(actor, BURDEN_AREA_READERS) || (actor.unitId && hasAnyRole(actor, ['department-handler']) && actor.scopeCode.length <= 6)) out.push('burden.read');
  // Service points, the talent registry and sunk-down cadres (docs/SERVICE-POINTS.md).
  out.push(...cadreAbilities(actor));
  return out;
}
