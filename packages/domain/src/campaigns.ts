// Door-knocking campaigns (敲门行动) and four-colour risk (四色分级), `002`: in an epidemic, flood or typhoon
// every household of an area is visited, in rounds ("开展两轮“敲门行动”"), and houses and people are classed in
// four colours ("对不同安全等级的房屋及人员实行“四色”分级管理").
import { RISK_COLOURS, type RiskColour } from './registry.ts';

export const CAMPAIGN_KINDS = ['door-knock'] as const;
export type CampaignKind = (typeof CAMPAIGN_KINDS)[number];

export const CAMPAIGN_STATES = ['active', 'closed'] as const;
export type CampaignState = (typeof CAMPAIGN_STATES)[number];

/** What a knock on the door found: reached, nobody home (to revisit), or refused. */
export const VISIT_RESULTS = ['visited', 'nobody-home', 'refused'] as const;
export type VisitResult = (typeof VISIT_RESULTS)[number];

export const VISIT_RESULT_ZH: Record<VisitResult, string> = { visited: '已走访', 'nobody-home': '无人在家', refused: '拒绝走访' };
export const RISK_COLOUR_ZH: Record<RiskColour, string> = { red: '红色', orange: '橙色', yellow: '黄色', blue: '蓝色' };

export const isRiskColour = (v: unknown): v is RiskColour => typeof v === 'string' && (RISK_COLOURS as readonly string[]).includes(v);

/** Rounds are capped: `002` reports two rounds over 1,167 buildings; a few more sweeps are allowed, no more. */
export const MAX_ROUNDS = 5;

/**
 * People a worker goes to first: the elderly living alone, the disabled and the bedridden — the
 * "需要重点关注人员" that `002`'s door-knocking rounds set out to find.
 */
export const NEEDS_HELP_TAGS: readonly string[] = ['living-alone-elderly', 'disabled', 'bedridden'];

export const needsHelp = (tags: readonly string[]) => tags.some((t) => NEEDS_HELP_TAGS.includes(t));

/** The colour change a mark or an edit makes, or null when it leaves the colour as it is. */
export function colourChange(from: string | null, to: RiskColour | null | undefined): { from: string | null; to: RiskColour } | null {
  if (!to || to === from) return null;
  return { from, to };
}

/** Whether a campaign in this state may take marks, a new round or be closed. */
export function campaignActions(state: CampaignState, round: number): ('visit' | 'nextRound' | 'close')[] {
  if (state !== 'active') return [];
  return round < MAX_ROUNDS ? ['visit', 'nextRound', 'close'] : ['visit', 'close'];
}

export interface ProgressHousehold {
  id: string;
  areaCode: string;
}
export interface ProgressVisit {
  householdId: string;
  result: VisitResult;
}
export interface ProgressArea {
  code: string;
  name: string;
}

/** Area `code` contains household area `areaCode` (codes are materialised paths). */
const inside = (areaCode: string, code: string) => areaCode.startsWith(code);

/**
 * Progress of a campaign: `visited` counts distinct households with a `visited` result (a household
 * reached twice counts once, a household marked "nobody home" does not count), per child area too.
 */
export function countProgress(households: readonly ProgressHousehold[], visits: readonly ProgressVisit[], children: readonly ProgressArea[]) {
  const known = new Set(households.map((h) => h.id));
  const reached = new Set(visits.filter((v) => v.result === 'visited' && known.has(v.householdId)).map((v) => v.householdId));
  return {
    households: households.length,
    visited: reached.size,
    byArea: children.map((c) => {
      const mine = households.filter((h) => inside(h.areaCode, c.code));
      return { code: c.code, name: c.name, households: mine.length, visited: mine.filter((h) => reached.has(h.id)).length };
    }),
  };
}

export interface WorkItem {
  id: string;
  needsHelp: boolean;
  /** The last mark of the current round, if any ("nobody home" households stay on the list). */
  lastResult: VisitResult | null;
  address: string;
}

/**
 * A worker's list: households not yet reached; those with people needing help first, then those not
 * yet knocked at in this round, then by address.
 */
export function orderWorklist<T extends WorkItem>(items: readonly T[]): T[] {
  return [...items].sort(
    (a, b) => Number(b.needsHelp) - Number(a.needsHelp) || Number(a.lastResult !== null) - Number(b.lastResult !== null) || a.address.localeCompare(b.address, 'zh'),
  );
}
