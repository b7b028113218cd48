// Evacuation lists (转移安置, `002`): "对不同安全等级的房屋及人员实行“四色”分级管理" — the people of red and orange
// households, and those who cannot leave alone (elderly living alone, disabled, bedridden), are moved to a safe
// place, and their arrival is confirmed. These are the pure rules: who goes on the list, the states of a person's
// move, and the worst colour of a building.
import { NEEDS_HELP_TAGS } from './campaigns.ts';
import { centroidOf, type Polygon } from './geo.ts';
import { RISK_COLOURS, type RiskColour } from './registry.ts';

/** 待转移 → 转移中 → 已到达 / 拒绝转移; 已到达 → 已返回. */
export const EVACUATION_STATES = ['pending', 'moving', 'arrived', 'refused', 'returned'] as const;
export type EvacuationState = (typeof EVACUATION_STATES)[number];

export const EVACUATION_STATE_ZH: Record<EvacuationState, string> = {
  pending: '待转移',
  moving: '转移中',
  arrived: '已到达',
  refused: '拒绝转移',
  returned: '已返回',
};

/** A list is open while people are being moved, closed once the command ends it (the entries stay). */
export const EVACUATION_LIST_STATES = ['open', 'closed'] as const;
export type EvacuationListState = (typeof EVACUATION_LIST_STATES)[number];

export const EVACUATION_ACTIONS = ['start', 'arrive', 'refuse', 'return'] as const;
export type EvacuationAction = (typeof EVACUATION_ACTIONS)[number];

export const EVACUATION_ACTION_ZH: Record<EvacuationAction, string> = { start: '开始转移', arrive: '确认到达', refuse: '拒绝转移', return: '已返回' };

/**
 * The moves a person's entry allows. Arrival may be confirmed straight from 待转移 (the person went on their own);
 * a refusal can be overcome later (转移中 again); only someone who arrived can return home.
 */
const TRANSITIONS: Record<EvacuationState, Partial<Record<EvacuationAction, EvacuationState>>> = {
  pending: { start: 'moving', arrive: 'arrived', refuse: 'refused' },
  moving: { arrive: 'arrived', refuse: 'refused' },
  refused: { start: 'moving', arrive: 'arrived' },
  arrived: { return: 'returned' },
  returned: {},
};

/** The state an action leads to, or null when the action is not possible in this state. */
export function nextEvacuationState(state: EvacuationState, action: EvacuationAction): EvacuationState | null {
  return TRANSITIONS[state]?.[action] ?? null;
}

export function evacuationActionsOf(state: EvacuationState): EvacuationAction[] {
  return EVACUATION_ACTIONS.filter((a) => nextEvacuationState(state, a) !== null);
}

/** A refusal must say why (the record shows who refused and for what reason). */
export function evacuationActionProblem(state: EvacuationState, action: EvacuationAction, reason: string | null | undefined): string | null {
  if (!nextEvacuationState(state, action)) return `${EVACUATION_STATE_ZH[state]}的人员不能${EVACUATION_ACTION_ZH[action]}`;
  if (action === 'refuse' && !reason?.trim()) return '拒绝转移须写明原因';
  return null;
}

/** Worst first: red is the highest class. */
export const COLOUR_RANK: Record<RiskColour, number> = { red: 3, orange: 2, yellow: 1, blue: 0 };

/** The worst colour among households (a building is shown in its worst household's colour); null for none. */
export function worstColour(colours: Iterable<string>): RiskColour | null {
  let worst: RiskColour | null = null;
  for (const c of colours) {
    if (!(RISK_COLOURS as readonly string[]).includes(c)) continue;
    if (worst === null || COLOUR_RANK[c as RiskColour] > COLOUR_RANK[worst]) worst = c as RiskColour;
  }
  return worst;
}

/** Colours whose people are moved by default: red (move now) and orange (prepare to move). */
export const EVACUATE_COLOURS: readonly RiskColour[] = ['red', 'orange'];

export type EvacuationReason = RiskColour | 'needs-help';

export interface EvacuationCandidate {
  personId: string;
  householdColour: string;
  tags: readonly string[];
}

/**
 * Why a person goes on an evacuation list: the household's colour is one of `colours`, or the person needs help
 * (elderly living alone, disabled, bedridden) and `withNeedsHelp` is set — they go first whatever the colour, as
 * `002`'s door-knocking rounds set out to find them. Empty when the person stays.
 */
export function evacuationReasons(c: EvacuationCandidate, colours: readonly RiskColour[] = EVACUATE_COLOURS, withNeedsHelp = true): EvacuationReason[] {
  const out: EvacuationReason[] = [];
  if ((colours as readonly string[]).includes(c.householdColour)) out.push(c.householdColour as RiskColour);
  if (withNeedsHelp && c.tags.some((t) => NEEDS_HELP_TAGS.includes(t))) out.push('needs-help');
  return out;
}

/** Order of a list: people needing help first, then by colour (worst first), then by address. */
export function evacuationPriority(reasons: readonly string[], householdColour: string): number {
  const help = reasons.includes('needs-help') ? 10 : 0;
  return help + (COLOUR_RANK[householdColour as RiskColour] ?? 0);
}

export type EvacuationCounts = Record<EvacuationState, number> & { total: number };

export function countEvacuationStates(states: Iterable<string>): EvacuationCounts {
  const out = { pending: 0, moving: 0, arrived: 0, refused: 0, returned: 0, total: 0 } as EvacuationCounts;
  for (const s of states) {
    if (!(EVACUATION_STATES as readonly string[]).includes(s)) continue;
    out[s as EvacuationState] += 1;
    out.total += 1;
  }
  return out;
}

/**
 * Where a building or grid is drawn on the map: a Point's position, a Polygon's (or a MultiPolygon's largest
 * part's first polygon) centroid, a Feature's geometry's; null when there is no usable shape. [lng, lat].
 */
export function shapeCentre(geometry: unknown): [number, number] | null {
  if (!geometry || typeof geometry !== 'object') return null;
  const g = geometry as { type?: string; coordinates?: unknown; geometry?: unknown };
  let out: [number, number] | null = null;
  if (g.type === 'Feature') return shapeCentre(g.geometry);
  if (g.type === 'Point' && Array.isArray(g.coordinates)) out = [Number(g.coordinates[0]), Number(g.coordinates[1])];
  else if (g.type === 'Polygon' && Array.isArray(g.coordinates)) out = centroidOf(g as Polygon);
  else if (g.type === 'MultiPolygon' && Array.isArray(g.coordinates) && g.coordinates.length) out = centroidOf({ type: 'Polygon', coordinates: g.coordinates[0] } as Polygon);
  return out && Number.isFinite(out[0]) && Number.isFinite(out[1]) ? out : null;
}
