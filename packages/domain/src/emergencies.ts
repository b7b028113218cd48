// Emergency events: the switch to wartime and back (平战结合、一键转换, `002`): "完善疫情防控平战结合快速转换机制",
// "建强“平战结合、一键转换”应急管理机制"; at the front temporary party organisations and commando teams are formed
// ("成立战时临时党委12个、小区临时党支部208个", "组建 20 支党员突击队") and the sunk-down forces come on call
// ("统筹……下沉干部，志愿者……三方力量"). Pure rules: who may switch which area, one event per area subtree, the record.
import { isWithinScope, levelOfCode, type AreaLevel } from './codes.ts';
import type { Role } from './roles.ts';

export const EMERGENCY_KINDS = ['flood', 'typhoon', 'epidemic', 'fire', 'other'] as const;
export type EmergencyKind = (typeof EMERGENCY_KINDS)[number];
export const EMERGENCY_KIND_LABELS: Record<EmergencyKind, { zh: string; en: string }> = {
  flood: { zh: '防汛', en: 'Flood' },
  typhoon: { zh: '防台风', en: 'Typhoon' },
  epidemic: { zh: '疫情防控', en: 'Epidemic' },
  fire: { zh: '火灾', en: 'Fire' },
  other: { zh: '其他突发事件', en: 'Other' },
};

/** Response levels as the national emergency plans number them: I (一级, gravest) to IV (四级). */
export const EMERGENCY_LEVELS = ['I', 'II', 'III', 'IV'] as const;
export type EmergencyLevel = (typeof EMERGENCY_LEVELS)[number];
export const EMERGENCY_LEVEL_LABELS: Record<EmergencyLevel, { zh: string; en: string }> = {
  I: { zh: '一级', en: 'Level I' },
  II: { zh: '二级', en: 'Level II' },
  III: { zh: '三级', en: 'Level III' },
  IV: { zh: '四级', en: 'Level IV' },
};

export const EMERGENCY_STATES = ['active', 'ended'] as const;
export type EmergencyState = (typeof EMERGENCY_STATES)[number];

/** Forces formed for an event: a temporary party branch (临时党支部) or a party members' commando team (党员突击队). */
export const EMERGENCY_UNIT_KINDS = ['temp-branch', 'commando'] as const;
export type EmergencyUnitKind = (typeof EMERGENCY_UNIT_KINDS)[number];
export const EMERGENCY_UNIT_KIND_LABELS: Record<EmergencyUnitKind, { zh: string; en: string }> = {
  'temp-branch': { zh: '临时党支部', en: 'Temporary party branch' },
  commando: { zh: '党员突击队', en: 'Party commando team' },
};

/** Who comes on call at a post: grid workers, sunk-down cadres, party members and volunteers (`002`). */
export const ON_CALL_KINDS = ['grid-worker', 'cadre', 'party-member', 'volunteer'] as const;
export type OnCallKind = (typeof ON_CALL_KINDS)[number];
export const ON_CALL_KIND_LABELS: Record<OnCallKind, { zh: string; en: string }> = {
  'grid-worker': { zh: '网格员', en: 'Grid worker' },
  cadre: { zh: '下沉干部', en: 'Sunk-down cadre' },
  'party-member': { zh: '党员', en: 'Party member' },
  volunteer: { zh: '志愿者', en: 'Volunteer' },
};

/** Roles that may put an area into wartime and end it: the command centres (and the administrator). */
export const EMERGENCY_SWITCHERS: readonly Role[] = ['admin', 'district-dispatcher', 'town-dispatcher'];
/** An event covers a town, a village (community) or a grid; a district-wide switch is the district's own plan. */
export const EMERGENCY_AREA_LEVELS: readonly AreaLevel[] = ['town', 'village', 'grid'];

export type SwitchRefusal = 'role' | 'scope' | 'level' | null;

/**
 * Whether a caller with these roles and scope may switch `areaCode` to wartime (or end its event): a command
 * centre or the administrator, over a town, village or grid inside its scope. Returns why not, or null.
 */
export function switchRefusal(roles: readonly string[], scopeCode: string, areaCode: string): SwitchRefusal {
  if (!roles.some((r) => (EMERGENCY_SWITCHERS as readonly string[]).includes(r))) return 'role';
  const level = levelOfCode(areaCode);
  if (!level || !EMERGENCY_AREA_LEVELS.includes(level)) return 'level';
  if (!isWithinScope(areaCode, scopeCode)) return 'scope';
  return null;
}

/** Two areas overlap when one holds the other (codes are materialised paths). */
export const areasOverlap = (a: string, b: string) => a.startsWith(b) || b.startsWith(a);

/**
 * The active event a new switch of `areaCode` would collide with: one whose area holds it (the town is in wartime,
 * a grid of it cannot switch again) or lies inside it (a grid in wartime, the town cannot switch over it).
 */
export function overlappingEvent<T extends { areaCode: string; state: string }>(areaCode: string, events: readonly T[]): T | null {
  return events.find((e) => e.state === 'active' && areasOverlap(e.areaCode, areaCode)) ?? null;
}

/** The event whose banner an area's screens show: the active event holding that area (or inside it, for a wider screen). */
export function eventsConcerning<T extends { areaCode: string; state: string }>(areaCode: string, events: readonly T[]): T[] {
  return events.filter((e) => e.state === 'active' && areasOverlap(e.areaCode, areaCode));
}

/** Whole minutes from start to end (or now, while the event lasts). */
export function durationMinutes(startedAt: Date, endedAt: Date | null, now: Date = new Date()): number {
  return Math.max(0, Math.floor(((endedAt ?? now).getTime() - startedAt.getTime()) / 60000));
}

/** "2 天 3 小时 5 分钟" — a duration as the record writes it. */
export function durationZh(minutes: number): string {
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  return [d ? `${d} 天` : '', h ? `${h} 小时` : '', `${m} 分钟`].filter(Boolean).join(' ');
}

export interface CheckInFact {
  personKey: string;
  kind: OnCallKind;
  gridCode: string;
}

/**
 * The live count per grid: distinct people checked in at a post of each grid, by kind (a person checking in twice
 * counts once; the latest check-in says where they are).
 */
export function countOnCall(checkIns: readonly (CheckInFact & { at: Date })[]) {
  const latest = new Map<string, CheckInFact & { at: Date }>();
  for (const c of checkIns) {
    const prev = latest.get(c.personKey);
    if (!prev || prev.at <= c.at) latest.set(c.personKey, c);
  }
  const byGrid = new Map<string, Record<OnCallKind, number> & { total: number }>();
  for (const c of latest.values()) {
    const row = byGrid.get(c.gridCode) ?? { 'grid-worker': 0, cadre: 0, 'party-member': 0, volunteer: 0, total: 0 };
    row[c.kind] += 1;
    row.total += 1;
    byGrid.set(c.gridCode, row);
  }
  return { total: latest.size, byGrid: [...byGrid.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([gridCode, n]) => ({ gridCode, ...n })) };
}

/** Which on-call kind a staff account checks in as, from its roles (the first that fits), or null. */
export function onCallKindOf(roles: readonly string[]): OnCallKind | null {
  if (roles.includes('grid-worker')) return 'grid-worker';
  if (roles.includes('cadre')) return 'cadre';
  if (roles.includes('party-member') || roles.includes('party-secretary')) return 'party-member';
  if (roles.includes('community-worker') || roles.includes('building-leader')) return 'volunteer';
  return null;
}

/** Actions the caller may take on an event in this state. */
export function emergencyActions(state: EmergencyState, maySwitch: boolean, mayCheckIn: boolean): ('end' | 'addUnit' | 'sendTask' | 'checkIn')[] {
  if (state !== 'active') return [];
  return [...(maySwitch ? (['end', 'addUnit', 'sendTask'] as const) : []), ...(mayCheckIn ? (['checkIn'] as const) : [])];
}

/** How far a phone's clock may run ahead of the server's, and how long a check-in may wait offline. */
export const CHECK_IN_CLOCK_SLACK_MS = 2 * 60_000;
export const CHECK_IN_MAX_DELAY_MS = 72 * 3600_000;

/**
 * When a check-in happened. A check-in made without a signal waits in the phone's queue and is sent
 * later (docs/OFFLINE.md): the person was at the post when they tapped, so the phone's time of the tap
 * counts, within limits — not after now (a clock a little ahead is taken as now), not before the event
 * started, not more than three days old. Without a time given, the time it arrives.
 */
export function checkInTime(tappedAt: Date | null | undefined, now: Date, eventStartedAt: Date): { at: Date } | { problem: 'future' | 'before_event' | 'too_old' } {
  if (!tappedAt) return { at: now };
  const t = tappedAt.getTime();
  if (t > now.getTime() + CHECK_IN_CLOCK_SLACK_MS) return { problem: 'future' };
  if (t < eventStartedAt.getTime()) return { problem: 'before_event' };
  if (t < now.getTime() - CHECK_IN_MAX_DELAY_MS) return { problem: 'too_old' };
  return { at: new Date(Math.min(t, now.getTime())) };
}
