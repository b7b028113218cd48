// Who may run door-knocking campaigns (敲门行动) and class households in the four risk colours (四色分级).
import { campaignActions, isWithinScope, type CampaignState, type Role } from '@gongzhi/domain';
import { AREA_STAFF, hasAnyRole, type Actor } from './actor.ts';

/** Read campaigns and their progress: the area staff, within their scope. */
export const CAMPAIGN_READERS: readonly Role[] = AREA_STAFF;
/** Start, re-round and close a campaign: the town and district centres and community staff, inside their scope. */
export const CAMPAIGN_ORGANISERS: readonly Role[] = ['district-dispatcher', 'town-dispatcher', 'community-worker'];
/** Knock on doors: grid workers, building leaders, community staff and the centres' own people. */
export const CAMPAIGN_VISITORS: readonly Role[] = ['grid-worker', 'building-leader', 'community-worker', 'town-dispatcher', 'district-dispatcher'];
/** Change a household's risk colour by hand (with a reason): grid workers, community staff and above. */
export const RISK_EDITORS: readonly Role[] = ['grid-worker', 'community-worker', 'town-dispatcher', 'district-dispatcher'];

export const readsCampaigns = (actor: Actor) => hasAnyRole(actor, CAMPAIGN_READERS);
export const mayOrganise = (actor: Actor, areaCode: string) => hasAnyRole(actor, CAMPAIGN_ORGANISERS) && isWithinScope(areaCode, actor.scopeCode);
export const mayVisit = (actor: Actor) => hasAnyRole(actor, CAMPAIGN_VISITORS);
export const mayEditRisk = (actor: Actor, areaCode: string) => hasAnyRole(actor, RISK_EDITORS) && isWithinScope(areaCode, actor.scopeCode);

/** A campaign concerns the caller when its area lies in the caller's scope or holds it (a grid inside a village's campaign). */
export const campaignConcerns = (actor: Actor, areaCode: string) => isWithinScope(areaCode, actor.scopeCode) || isWithinScope(actor.scopeCode, areaCode);

export function campaignAllowedActions(actor: Actor, c: { state: string; round: number; areaCode: string }): string[] {
  const possible = campaignActions(c.state as CampaignState, c.round);
  return possible.filter((a) => (a === 'visit' ? mayVisit(actor) : mayOrganise(actor, c.areaCode)));
}

export const campaignAbilities = (actor: Actor): string[] => [
  ...(readsCampaigns(actor) ? ['campaigns.read'] : []),
  ...(hasAnyRole(actor, CAMPAIGN_ORGANISERS) ? ['campaigns.manage'] : []),
  ...(mayVisit(actor) ? ['campaigns.visit'] : []),
];
