// The demo case history: about a year of cases in the grids whose people are generated, each
// walked through the case workflow (cases/workflow.ts `decide`) with working-day deadlines
// (calendar.ts), so that the inbox, the wall and the measures look like a town at work.
// Pure and deterministic: the same grids, seed and reference time give the same history.
import { computeDue, createWorkCalendar, type WorkCalendar } from '../calendar.ts';
import { actionEffects, autoEscalationEffects, intakeOwner, FALLBACK_STEP_DEADLINES, isoCst, stepTimesFor, type ActionEffects, type DueFn, type StepDeadlines } from '../cases/effects.ts';
import { CATALOGUE, type CatalogueEntry } from '../cases/catalogue.ts';
import { decide, OPEN_STATES, type CaseAction, type CaseFacts, type CaseRelation, type CaseState, type OwnerLevel, type Rating, type RatingSource } from '../cases/workflow.ts';
import { bboxOf, pointInPolygon, type Polygon } from '../geo.ts';
import { CASE_TEXTS, type CaseText } from './case-texts.ts';
import { isUrbanVillage } from './plan.ts';
import { Rng, weightedTable, type WeightedTable } from './random.ts';

export const HISTORY_CHANNELS = ['qr', 'mobile', 'patrol', 'hotline', 'reception', 'visit', 'mailbox', 'open311', 'console'] as const;
export type HistoryChannel = (typeof HISTORY_CHANNELS)[number];

/** A grid with people, as the seed knows it. */
export interface HistoryGrid {
  code: string;
  name: string;
  villageName: string;
  townName: string;
  households: number;
  geometry?: Polygon | null;
  /** Some household addresses in the grid (for `{loc}` and the case address). */
  addresses: string[];
  /** How many registry people (with a phone) may be reporters; the seed maps an index to one. */
  reporters: number;
  /** Units of type `property` that serve the grid's village (the community may dispatch to them). */
  propertyUnits?: string[];
  /**
   * A grid of the light demo outside the generated towns (a few households each): its year of cases
   * only. The cases of the last hours and the work in progress stay with the fully generated grids,
   * so adding light grids leaves their history as it was.
   */
  light?: boolean;
}

export interface CaseHistoryOptions {
  grids: HistoryGrid[];
  /** The history ends here ("now"). */
  now: Date;
  seed?: string;
  months?: number;
  /** Cases per household per year. */
  rate?: number;
  calendar?: WorkCalendar;
  catalogue?: readonly CatalogueEntry[];
}

/** Who took a step; the seed resolves it to an account or a unit name. */
export type HistoryActor =
  | { kind: 'reporter' }
  | { kind: 'owner'; level: OwnerLevel; area: string }
  | { kind: 'supervisor'; level: OwnerLevel; area: string }
  | { kind: 'handler'; unit: string }
  | { kind: 'verifier'; grid: string }
  | { kind: 'hotline' }
  | { kind: 'system' };

export interface HistoryEvent {
  action: string;
  from: CaseState | null;
  to: CaseState;
  at: Date;
  actor: HistoryActor;
  note: string | null;
  detail: Record<string, unknown> | null;
}

export interface HistoryUnit {
  unit: string;
  role: 'lead';
  status: 'dispatched' | 'acknowledged' | 'returned' | 'done';
  note: string | null;
}

export interface HistoryMark {
  kind: 'warning' | 'overdue' | 'auto-escalate';
  step: CaseState;
  dueAt: Date;
  at: Date;
}

/** One case as the workflow left it, with its whole timeline. */
export interface HistoryCase {
  index: number;
  title: string;
  description: string;
  categoryCode: string;
  channel: HistoryChannel;
  areaCode: string;
  lat: number | null;
  lng: number | null;
  address: string | null;
  /** Index into the grid's reporters, or null (anonymous). */
  reporter: number | null;
  public: boolean;
  urgent: boolean;
  externalRef: string | null;
  createdAt: Date;
  updatedAt: Date;
  state: CaseState;
  ownerLevel: OwnerLevel;
  ownerAreaCode: string;
  handlerUnit: string | null;
  mergedInto: number | null;
  suspendedFrom: CaseState | null;
  suspendedAt: Date | null;
  pendingExtension: { workingDays: number; reason: string; requestedBy: string | null; requestedAt: string } | null;
  rating: Rating | null;
  ratedBy: RatingSource | null;
  ratingComment: string | null;
  ratedAt: Date | null;
  reworkCount: number;
  answer: string | null;
  acceptedAt: Date | null;
  dispatchedAt: Date | null;
  acknowledgedAt: Date | null;
  handledAt: Date | null;
  closedAt: Date | null;
  dueAt: Date | null;
  stepDueAt: Date | null;
  stepWarnAt: Date | null;
  events: HistoryEvent[];
  units: HistoryUnit[];
  marks: HistoryMark[];
}

export type StepDeadlineSpecs = StepDeadlines;

/** The step deadline of the state a case enters: the workflow's rule (cases/effects.ts) on the given calendar. */
export function historyStepTimes(state: CaseState, now: Date, d: StepDeadlineSpecs, overall: Date | null, cal: WorkCalendar) {
  return stepTimesFor(state, now, d, overall, dueOn(cal));
}

const CHANNEL_WEIGHTS: [HistoryChannel, number][] = [
  ['patrol', 30],
  ['hotline', 18],
  ['qr', 14],
  ['mobile', 13],
  ['visit', 8],
  ['reception', 4],
  ['mailbox', 3],
  ['open311', 4],
  ['console', 6],
];

const LANDMARKS_URBAN = ['小区东门', '小区南门', '菜场门口', '幼儿园旁', '沿街商铺', '地下车库入口', '健身广场', '公交站台', '社区服务中心旁', '便利店门口'];
const LANDMARKS_RURAL = ['村部门口', '文化广场', '老年活动室旁', '桥头', '村小路口', '河边', '农贸点', '组道转角'];

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

interface Sim {
  c: HistoryCase;
  deadlines: StepDeadlineSpecs;
  verifyOnSite: boolean;
  /** Extra relation of the caller for some actions. */
  marksKey: Set<string>;
}

function factsOf(c: HistoryCase): CaseFacts {
  return {
    state: c.state,
    ownerLevel: c.ownerLevel,
    hasHandlerUnit: c.handlerUnit !== null,
    pendingExtension: c.pendingExtension !== null,
    rating: c.rating,
    ratedBy: c.ratedBy,
    suspendedFrom: c.suspendedFrom,
  };
}

const ownerActor = (c: HistoryCase): HistoryActor => ({ kind: 'owner', level: c.ownerLevel, area: c.ownerAreaCode });

/** Generates the history; cases are in the order they were reported. */
export function generateCaseHistory(opts: CaseHistoryOptions): HistoryCase[] {
  const cal = opts.calendar ?? createWorkCalendar();
  const catalogue = opts.catalogue ?? CATALOGUE;
  const byCode = new Map(catalogue.map((c) => [c.code, c]));
  const months = opts.months ?? 12;
  const rate = opts.rate ?? 0.1;
  const seed = opts.seed ?? 'gongzhi-case-history';
  const end = opts.now.getTime();
  const start = end - Math.round((months * 365.25 * DAY) / 12);
  const texts = CASE_TEXTS.filter((t) => byCode.get(t.code)?.leaf);
  const urbanTable = weightedTable(texts.map((t) => [t, t.urban] as const));
  const ruralTable = weightedTable(texts.map((t) => [t, t.rural] as const));
  const channels = weightedTable(CHANNEL_WEIGHTS);

  // When each case is reported: grid by grid, spread over the year (more in summer), mostly by day.
  const planned: { at: number; grid: HistoryGrid; rng: Rng; fresh?: boolean; work?: WorkInProgress }[] = [];
  for (const grid of opts.grids) {
    const rng = Rng.from(`${seed}:${grid.code}`);
    const n = Math.max(1, Math.round(grid.households * rate * (months / 12)));
    for (let i = 0; i < n; i++) {
      // More in summer (rain, heat, night markets), fewer around the Spring Festival.
      const drawDay = (): number => {
        const t = start + rng.next() * (end - start);
        const month = new Date(t + 8 * HOUR).getUTCMonth();
        const season = 1 + 0.25 * Math.sin(((month - 3) / 12) * 2 * Math.PI);
        return rng.next() < season / 1.25 ? t : drawDay();
      };
      let at = drawDay();
      const dayStart = Math.floor((at + 8 * HOUR) / DAY) * DAY - 8 * HOUR;
      const hour = rng.weighted(HOURS);
      at = Math.min(end - 10 * MINUTE, dayStart + hour * HOUR + rng.int(0, 59) * MINUTE + rng.int(0, 59) * 1000);
      planned.push({ at, grid, rng: Rng.from(`${seed}:${grid.code}:${i}`) });
    }
  }
  // The last hours, at about the usual daily rate: a few reported within the last hour and not yet
  // taken on (the first village always gets one, so its inbox has something new), and a few from
  // earlier today on their way through the town and the departments.
  // Light villages: one more case each in the last 30 days, so that a short period (this month) shows them too
  // (spread over a month, the daily trend shows no step).
  const light = opts.grids.filter((g) => g.light);
  for (const v of [...new Set(light.map((g) => g.code.slice(0, 12)))]) {
    const lrng = Rng.from(`${seed}:light-recent:${v}`);
    const grid = lrng.pick(light.filter((g) => g.code.startsWith(v)));
    const dayStart = Math.floor((end + 8 * HOUR) / DAY) * DAY - 8 * HOUR - lrng.int(0, 29) * DAY;
    const at = Math.min(end - 90 * MINUTE, dayStart + lrng.weighted(HOURS) * HOUR + lrng.int(0, 59) * MINUTE);
    planned.push({ at, grid, rng: Rng.from(`${seed}:light-recent:${v}:case`) });
  }
  const full = opts.grids.some((g) => !g.light) ? opts.grids.filter((g) => !g.light) : opts.grids;
  const perDay = planned.filter((p) => !p.grid.light || full === opts.grids).length / ((months * 365.25) / 12);
  const fresh = Math.max(2, Math.round(perDay * 0.15));
  const today = Math.max(3, Math.round(perDay * 0.2));
  const frng = Rng.from(`${seed}:fresh`);
  const byHouseholds = weightedTable(full.map((g) => [g, Math.max(1, g.households)] as const));
  const firstVillage = [...full].sort((x, y) => x.code.localeCompare(y.code))[0]!.code.slice(0, 12);
  for (let i = 0; i < fresh + today; i++) {
    const grid = i === 0 ? frng.pick(full.filter((g) => g.code.startsWith(firstVillage))) : frng.weighted(byHouseholds);
    const at = i < fresh ? end - frng.int(3, 55) * MINUTE - frng.int(0, 59) * 1000 : end - frng.int(90, 420) * MINUTE;
    planned.push({ at, grid, rng: Rng.from(`${seed}:fresh:${i}`), fresh: i < fresh });
  }
  // Work in progress in the first village (the demo community), one or two cases in each step, so
  // that the community, the town, the department and the grid worker each have cases waiting.
  const firstGrids = full.filter((g) => g.code.startsWith(firstVillage));
  WORK_IN_PROGRESS.forEach((w, i) => {
    const wrng = Rng.from(`${seed}:work:${i}`);
    const grid = w.firstGrid ? firstGrids[0]! : wrng.pick(firstGrids);
    planned.push({ at: end - Math.round(wrng.float(w.ageHours[0], w.ageHours[1]) * HOUR), grid, rng: wrng, work: w });
  });
  planned.sort((a, b) => a.at - b.at || a.grid.code.localeCompare(b.grid.code));

  const out: HistoryCase[] = [];
  const recent = new Map<string, number[]>();
  for (const p of planned) {
    const urban = isUrbanVillage(p.grid.code.slice(0, 12));
    const text = p.work ? texts.find((t) => t.code === p.work!.code)! : p.rng.weighted(urban ? urbanTable : ruralTable);
    const type = byCode.get(text.code)!;
    const channel = text.code.startsWith('H') ? 'hotline' : p.rng.weighted(channels);
    const c = newCase(out.length, p, text, type, channel, urban, cal);
    const sim: Sim = { c, deadlines: { ...FALLBACK_STEP_DEADLINES, ...(type.deadlines ?? {}) }, verifyOnSite: type.verifyOnSite, marksKey: new Set() };
    const key = `${p.grid.code}:${type.code}`;
    walk(sim, p.rng, type, p.grid, p.fresh ? p.at : end, cal, () => findMergeTarget(out, recent.get(key) ?? [], c.createdAt), false, p.work);
    out.push(c);
    recent.set(key, [...(recent.get(key) ?? []).slice(-5), c.index]);
    // The same problem reported again through another channel while it is open: merged into the first.
    const firstStep = c.events[1]?.at.getTime() ?? end;
    if (!p.fresh && !p.work && c.events.length > 2 && p.rng.chance(0.025) && firstStep - c.createdAt.getTime() > 10 * MINUTE) {
      const at = c.createdAt.getTime() + p.rng.int(5, Math.floor((firstStep - c.createdAt.getTime()) / MINUTE) - 1) * MINUTE;
      const channel = p.rng.weighted(channels);
      const dupChannel = text.code.startsWith('H') ? 'hotline' : channel === c.channel ? 'hotline' : channel;
      const dup = newCase(out.length, { at, grid: p.grid, rng: p.rng }, text, type, dupChannel, urban, cal);
      const dsim: Sim = { c: dup, deadlines: sim.deadlines, verifyOnSite: type.verifyOnSite, marksKey: new Set() };
      walk(dsim, p.rng, type, p.grid, end, cal, () => (stateAt(c, dup.createdAt) === 'reported' ? c : findMergeTarget(out, [c.index], dup.createdAt)), true);
      out.push(dup);
    }
  }
  // In the order they were reported (which the case codes follow), with merge links renumbered.
  const order = [...out].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.index - b.index);
  const renumber = new Map(order.map((c, i) => [c.index, i]));
  for (const c of order) {
    c.index = renumber.get(c.index)!;
    if (c.mergedInto !== null) c.mergedInto = renumber.get(c.mergedInto)!;
    for (const e of c.events) {
      if (e.detail && typeof e.detail.intoIndex === 'number') e.detail.intoIndex = renumber.get(e.detail.intoIndex)!;
      if (e.detail && typeof e.detail.fromIndex === 'number') e.detail.fromIndex = renumber.get(e.detail.fromIndex)!;
    }
    c.events.sort((a, b) => a.at.getTime() - b.at.getTime());
  }
  return order;
}

const HOURS: WeightedTable<number> = weightedTable(
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23].map(
    (h) => [h, [1, 0.5, 0.3, 0.2, 0.3, 1, 3, 6, 10, 12, 11, 8, 5, 7, 10, 10, 9, 8, 6, 5, 4, 3, 2, 1.5][h]!] as const,
  ),
);

function fill(template: string, loc: string): string {
  return template.replaceAll('{loc}', loc);
}

function pointIn(geometry: Polygon, rng: Rng): { lat: number; lng: number } | null {
  const [minLng, minLat, maxLng, maxLat] = bboxOf(geometry);
  for (let i = 0; i < 30; i++) {
    const lng = rng.float(minLng, maxLng);
    const lat = rng.float(minLat, maxLat);
    if (pointInPolygon([lng, lat], geometry)) return { lat: Math.round(lat * 1e6) / 1e6, lng: Math.round(lng * 1e6) / 1e6 };
  }
  return null;
}

function newCase(index: number, p: { at: number; grid: HistoryGrid; rng: Rng }, text: CaseText, type: CatalogueEntry, channel: HistoryChannel, urban: boolean, cal: WorkCalendar): HistoryCase {
  const { grid, rng } = p;
  const village = grid.villageName.replace(/(居民|村民)?委员会$/, '').replace(/居委会$|村委会$/, '');
  const useAddress = grid.addresses.length > 0 && rng.chance(0.55);
  const address = useAddress ? rng.pick(grid.addresses) : `${grid.townName}${village}${rng.pick(urban ? LANDMARKS_URBAN : LANDMARKS_RURAL)}`;
  const loc = address.replace(grid.townName, '');
  // A title names the building or the group, not the flat: '状元街社区3幢', '颐生村5组'.
  const titleLoc = loc.replace(/\d+单元\d+室$/, '').replace(/(\d+组)\d+号$/, '$1');
  const located = channel === 'patrol' || channel === 'qr' || channel === 'mobile' || rng.chance(0.3);
  const point = located && grid.geometry ? pointIn(grid.geometry, rng) : null;
  const anonymous = channel === 'patrol' ? rng.chance(0.7) : channel === 'mailbox' || channel === 'qr' ? rng.chance(0.35) : rng.chance(0.08);
  const reporter = anonymous || grid.reporters === 0 ? null : rng.int(0, grid.reporters - 1);
  const at = new Date(p.at);
  const urgent = type.urgent ?? false;
  // Routed by the type's level at intake, as the live intake does (小事不出村、大事不出镇、难事不出县).
  const owner = intakeOwner(grid.code, { handlingLevel: type.handlingLevel, urgent });
  const d = { ...FALLBACK_STEP_DEADLINES, ...(type.deadlines ?? {}) };
  const step = historyStepTimes('reported', at, d, null, cal);
  const c: HistoryCase = {
    index,
    title: fill(rng.pick(text.titles), titleLoc).slice(0, 60),
    description: fill(rng.pick(text.descriptions), loc),
    categoryCode: type.code,
    channel,
    areaCode: grid.code,
    lat: point?.lat ?? null,
    lng: point?.lng ?? null,
    address,
    reporter,
    public: reporter !== null && rng.chance(0.45),
    urgent,
    externalRef: channel === 'hotline' ? `12345-${at.toISOString().slice(0, 10).replaceAll('-', '')}-${String(index).padStart(5, '0')}` : null,
    createdAt: at,
    updatedAt: at,
    state: 'reported',
    ownerLevel: owner.level,
    ownerAreaCode: owner.area,
    handlerUnit: null,
    mergedInto: null,
    suspendedFrom: null,
    suspendedAt: null,
    pendingExtension: null,
    rating: null,
    ratedBy: null,
    ratingComment: null,
    ratedAt: null,
    reworkCount: 0,
    answer: null,
    acceptedAt: null,
    dispatchedAt: null,
    acknowledgedAt: null,
    handledAt: null,
    closedAt: null,
    dueAt: null,
    stepDueAt: step.stepDueAt,
    stepWarnAt: step.stepWarnAt,
    events: [],
    units: [],
    marks: [],
  };
  const reportActor: HistoryActor =
    channel === 'patrol' ? { kind: 'verifier', grid: grid.code } : channel === 'hotline' ? { kind: 'hotline' } : ['visit', 'reception', 'console'].includes(channel) ? { kind: 'owner', level: 'village', area: grid.code.slice(0, 12) } : { kind: 'reporter' };
  c.events.push({
    action: 'report',
    from: null,
    to: 'reported',
    at,
    actor: reportActor,
    note: `${CHANNEL_NOTES[channel]}${channel === 'open311' ? '（演示第三方应用（12345 热线对接））' : ''}${urgent ? '（急难险重，直报区指挥中心）' : ROUTED_NOTES[owner.level]}`,
    detail: { channel, ownerLevel: owner.level },
  });
  return c;
}

const ROUTED_NOTES: Record<OwnerLevel, string> = {
  village: '',
  town: '（镇级事项，直接流转镇（街道）指挥中心）',
  district: '（区级事项，直接流转区指挥中心）',
};

const CHANNEL_NOTES: Record<HistoryChannel, string> = {
  qr: '扫码上报',
  mobile: '移动端上报',
  patrol: '网格巡查',
  hotline: '热线工单',
  reception: '领导接待日',
  visit: '走访',
  mailbox: '意见箱/信箱',
  open311: '开放接口',
  console: '后台录入',
};

function stateAt(c: HistoryCase, t: Date): CaseState | null {
  let s: CaseState | null = null;
  for (const e of c.events) if (e.at.getTime() <= t.getTime()) s = e.to;
  return s;
}

function mergeable(target: HistoryCase, at: Date): boolean {
  const s = stateAt(target, at);
  return !!s && OPEN_STATES.has(s) && s !== 'suspended';
}

function findMergeTarget(all: HistoryCase[], candidates: number[], at: Date): HistoryCase | null {
  for (const i of [...candidates].reverse()) {
    const t = all[i]!;
    const s = stateAt(t, at);
    if (s && OPEN_STATES.has(s) && s !== 'suspended' && at.getTime() - t.createdAt.getTime() < 3 * DAY) return t;
  }
  return null;
}

type Extra = { photos?: number; note?: string | null; detail?: Record<string, unknown>; unit?: string; workingDays?: number; score?: Rating; comment?: string; into?: HistoryCase };

/** What the workflow's effects read of a history case (units by code, cases by index). */
function snapshotOf(c: HistoryCase) {
  return { ...c, id: String(c.index), code: String(c.index) };
}

/** The due-time function of the demo: the server's rule on the given calendar. */
const dueOn =
  (cal: WorkCalendar): DueFn =>
  (start, spec) =>
    computeDue(start, spec, cal);

/** Writes the effects' changes onto the history case. */
function applyEffects(c: HistoryCase, fx: ActionEffects, at: Date, actor: HistoryActor, detail?: Record<string, unknown> | null): void {
  const { mergedInto: _merged, ...patch } = fx.patch;
  Object.assign(c, patch);
  for (const u of fx.units) {
    if (u.kind === 'close-open') {
      for (const r of c.units) if ((u.statuses as string[]).includes(r.status)) r.status = u.to;
    } else if (u.kind === 'assign') upsertUnit(c, u.unitId, 'dispatched', null);
    else setUnit(c, u.unitId, u.status as HistoryUnit['status'], u.note);
  }
  const d = detail === undefined ? fx.event.detail : detail;
  c.events.push({ action: fx.event.action, from: fx.event.fromState, to: fx.event.toState, at, actor, note: fx.event.note, detail: d && Object.keys(d).length ? d : null });
  c.updatedAt = at;
}

/**
 * Applies one action at `at`: decided by the workflow, with the effects the server's applyAction
 * applies (cases/effects.ts), and one timeline entry.
 */
function apply(sim: Sim, action: CaseAction, relation: CaseRelation, actor: HistoryActor, at: Date, cal: WorkCalendar, x: Extra = {}): void {
  const c = sim.c;
  const decision = decide(factsOf(c), action, new Set([relation]));
  const into = x.into ? { id: String(x.into.index), code: String(x.into.index), state: stateAt(x.into, at)! } : undefined;
  const fx = actionEffects(
    snapshotOf(c),
    decision,
    { note: x.note ?? null, photos: x.photos, workingDays: x.workingDays, score: x.score, comment: x.comment ?? null, unit: x.unit ? { id: x.unit, name: x.unit } : undefined, into, asHandler: relation === 'handler', asReporter: relation === 'reporter' },
    { now: at, deadlines: sim.deadlines, due: dueOn(cal), type: { verifyOnSite: sim.verifyOnSite } },
  );
  let detail: Record<string, unknown> | null = { ...(fx.event.detail ?? {}), ...(x.detail ?? {}) };
  if (x.into) {
    // Merge links by index; the seed turns them into case codes.
    c.mergedInto = x.into.index;
    detail = { intoIndex: x.into.index };
    x.into.events.push({ action: 'merged-from', from: into!.state, to: into!.state, at, actor, note: null, detail: { fromIndex: c.index } });
  }
  applyEffects(c, fx, at, actor, detail);
}

function upsertUnit(c: HistoryCase, unit: string, status: HistoryUnit['status'], note: string | null) {
  const u = c.units.find((r) => r.unit === unit);
  if (u) {
    u.status = status;
    u.note = note;
  } else c.units.push({ unit, role: 'lead', status, note });
}

function setUnit(c: HistoryCase, unit: string, status: HistoryUnit['status'], note?: string | null) {
  const u = c.units.find((r) => r.unit === unit);
  if (!u) return;
  u.status = status;
  if (note !== undefined) u.note = note;
}


/**
 * What the deadline sweep (services/cases.ts sweepDeadlines) would have recorded while the case
 * waited until `t`: the yellow warning, the red overdue mark and, for a community that let a case
 * wait, the automatic escalation to the town.
 */
function sweepUntil(sim: Sim, t: Date, cal: WorkCalendar): void {
  const c = sim.c;
  for (let guard = 0; guard < 6; guard++) {
    if (!OPEN_STATES.has(c.state) || c.state === 'suspended' || !c.stepWarnAt || !c.stepDueAt) return;
    const due = c.stepDueAt;
    // The sweep runs every minute: each mark lands a little after its instant.
    // A case that enters a step already past its deadline is marked by the next sweep.
    const since = c.updatedAt.getTime();
    const warnAt = new Date(Math.max(c.stepWarnAt.getTime(), since) + 20_000);
    const at = new Date(Math.max(due.getTime(), since) + 30_000);
    if (warnAt.getTime() < due.getTime() && warnAt.getTime() <= t.getTime()) mark(sim, 'warning', warnAt, due);
    if (t.getTime() < at.getTime()) return;
    if (!mark(sim, 'overdue', at, due)) return;
    const fx = autoEscalationEffects(snapshotOf(c), { now: at, deadlines: sim.deadlines, due: dueOn(cal) });
    if (fx) {
      c.marks.push({ kind: 'auto-escalate', step: c.state, dueAt: due, at });
      applyEffects(c, fx, at, { kind: 'system' });
      continue;
    }
    return;
  }
}

function mark(sim: Sim, kind: 'warning' | 'overdue', at: Date, due: Date): boolean {
  const c = sim.c;
  const key = `${kind}:${due.getTime()}`;
  if (sim.marksKey.has(key)) return false;
  sim.marksKey.add(key);
  c.marks.push({ kind, step: c.state, dueAt: due, at });
  c.events.push({
    action: kind === 'overdue' ? 'overdue' : 'deadline-warning',
    from: c.state,
    to: c.state,
    at,
    actor: { kind: 'system' },
    note: kind === 'overdue' ? `已超过办理时限（${isoCst(due)}）` : `即将到期（${isoCst(due)}）`,
    detail: { step: c.state, dueAt: isoCst(due) },
  });
  c.updatedAt = at;
  return true;
}

const UNSATISFIED = ['问题没有根本解决，过几天又出现了', '处理太慢，打了好几次电话', '只是表面处理，希望彻底整改'];
const SATISFIED = ['处理及时，谢谢社区', '网格员很负责', '办得很快，点赞', '问题解决了，满意', null, null, null];

/** Walks a case through a plausible path until it ends or the history reaches `end`. */
function walk(
  sim: Sim,
  rng: Rng,
  type: CatalogueEntry,
  grid: HistoryGrid,
  end: number,
  cal: WorkCalendar,
  mergeTarget: () => HistoryCase | null,
  duplicate = false,
  work?: WorkInProgress,
): void {
  const c = sim.c;
  // The plan of this case; each step may still be overtaken by its deadline.
  const late = !work && rng.chance(0.07);
  const slow = end - c.createdAt.getTime() < 7 * DAY;
  const plan = {
    reject: rng.chance(0.03),
    merge: duplicate,
    withdraw: c.reporter !== null && rng.chance(0.02),
    onSpot: c.channel === 'patrol' && type.handlingLevel === 'village' && rng.chance(0.45),
    suspend: rng.chance(0.02),
    extension: rng.chance(0.08),
    returns: rng.chance(0.05) ? 1 : 0,
    fails: rng.chance(0.07) ? (rng.chance(0.2) ? 2 : 1) : 0,
    rated: rng.chance(0.9),
    unsatisfied: rng.chance(0.05),
    reopen: rng.chance(0.75),
    urge: late || rng.chance(0.03),
    target: type.handlingLevel,
    // 小事不出村: a community settles village matters itself, or sends property matters to its property company.
    selfHandle:
      type.handlingLevel === 'village'
        ? !(grid.propertyUnits?.length && type.code.startsWith('G08') && rng.chance(0.6))
        : !type.defaultUnitCode || rng.chance(0.1),
  };
  if (work) {
    // A case still on its way: the ordinary path, up to the step it waits in now.
    Object.assign(plan, { reject: false, withdraw: false, onSpot: false, suspend: work.stopAt === 'suspended', extension: false, returns: 0, fails: 0, urge: false, selfHandle: work.stopAt === 'handled' || (work.stopAt === 'accepted' && work.level === 'village') });
  }
  const arrived = () => !!work && c.state === work.stopAt && c.ownerLevel === work.level;
  const remaining = (): number => Math.max(5 * MINUTE, (c.stepDueAt?.getTime() ?? c.updatedAt.getTime() + DAY) - c.updatedAt.getTime());
  /** The time of the next step: mostly well inside the step's deadline, sometimes late. */
  const next = (min: number, fraction?: [number, number]): Date => {
    const span = remaining();
    // The last week's cases are still being worked on: staff take more of the time they have.
    const [a, b] = fraction ?? (late && rng.chance(0.5) ? [1.05, 1.8] : slow ? [0.3, 0.95] : [0.08, 0.7]);
    return new Date(c.updatedAt.getTime() + Math.max(min, Math.round(span * rng.float(a, b))));
  };
  const owner = () => ownerActor(c);
  let urged = false;
  for (let steps = 0; steps < 40; steps++) {
    if (!OPEN_STATES.has(c.state) && c.state !== 'closed') return;
    let at: Date;
    let run: () => void;
    switch (c.state) {
      case 'reported': {
        at = next(3 * MINUTE);
        if (plan.onSpot && c.ownerLevel === 'village') {
          at = new Date(c.createdAt.getTime() + rng.int(5, 40) * MINUTE);
          run = () => apply(sim, 'handle', 'verifier', { kind: 'verifier', grid: c.areaCode }, at, cal, { note: `网格员当场处置：${rng.pick(ANSWERS_OF(type.code))}` });
        } else if (plan.reject) run = () => apply(sim, 'reject', 'owner', owner(), at, cal, { note: rng.pick(['不属于政府职能范围，已告知通过司法途径解决', '反映内容不清，多次联系不上反映人', '属于正常商业行为，不予受理']) });
        // A case can be merged only into one still open (and not suspended) when the merge is made.
        else if (plan.merge && mergeTarget() && mergeable(mergeTarget()!, at)) {
          const into = mergeTarget()!;
          run = () => apply(sim, 'merge', 'owner', owner(), at, cal, { into, note: '与已受理案件为同一问题，合并办理' });
        } else if (plan.withdraw) run = () => apply(sim, 'withdraw', 'reporter', { kind: 'reporter' }, at, cal, { note: '问题已自行解决' });
        else if (LEVELS.indexOf(c.ownerLevel) < LEVELS.indexOf(plan.target) && !plan.selfHandle && rng.chance(0.6))
          run = () => apply(sim, 'escalate', 'owner', owner(), at, cal, { note: ESCALATE_REASON[c.ownerLevel] });
        else run = () => apply(sim, 'accept', 'owner', owner(), at, cal);
        break;
      }
      case 'accepted': {
        at = next(10 * MINUTE, c.handlerUnit === null && !c.dispatchedAt ? [0.03, 0.25] : undefined);
        const levelIdx = ['village', 'town', 'district'].indexOf(c.ownerLevel);
        const targetIdx = ['village', 'town', 'district'].indexOf(plan.target);
        if (!plan.selfHandle && levelIdx < targetIdx) run = () => apply(sim, 'escalate', 'owner', owner(), at, cal, { note: ESCALATE_REASON[c.ownerLevel] });
        else if (plan.suspend && !c.events.some((e) => e.action === 'suspend')) run = () => apply(sim, 'suspend', 'owner', owner(), at, cal, { note: '等待当事人返乡后协调处理' });
        else if (plan.withdraw && rng.chance(0.5)) run = () => apply(sim, 'withdraw', 'reporter', { kind: 'reporter' }, at, cal, { note: '已与对方协商解决，撤回诉求' });
        else {
          const unit = dispatchUnit(c, type, grid, rng);
          if (unit && !plan.selfHandle) run = () => apply(sim, 'dispatch', 'owner', owner(), at, cal, { unit, note: '请按时限处置并反馈' });
          else {
            at = next(30 * MINUTE);
            run = () => apply(sim, 'handle', 'owner', owner(), at, cal, { note: rng.pick(ANSWERS_OF(type.code)) });
          }
        }
        break;
      }
      case 'dispatched': {
        at = next(5 * MINUTE);
        if (plan.returns > 0) {
          plan.returns--;
          run = () => apply(sim, 'return', 'handler', { kind: 'handler', unit: c.handlerUnit! }, at, cal, { note: '经核实不属于本单位职责范围，请重新派遣' });
        } else run = () => apply(sim, 'acknowledge', 'handler', { kind: 'handler', unit: c.handlerUnit! }, at, cal);
        break;
      }
      case 'acknowledged': {
        if (plan.urge && !urged && c.ownerLevel !== 'district') {
          urged = true;
          at = next(HOUR, [0.5, 0.85]);
          const up: OwnerLevel = c.ownerLevel === 'village' ? 'town' : 'district';
          run = () => apply(sim, 'urge', 'supervisor', { kind: 'supervisor', level: up, area: c.areaCode.slice(0, up === 'town' ? 9 : 6) }, at, cal, { note: '请抓紧办理，按时反馈' });
        } else if (plan.extension && !c.events.some((e) => e.action === 'request-extension')) {
          at = next(HOUR, [0.3, 0.7]);
          const days = rng.int(2, 5);
          run = () => apply(sim, 'request-extension', 'handler', { kind: 'handler', unit: c.handlerUnit! }, at, cal, { workingDays: days, note: '需等待材料（配件）到位，申请延期' });
        } else if (c.pendingExtension) {
          at = next(20 * MINUTE, [0.02, 0.1]);
          run = rng.chance(0.8)
            ? () => apply(sim, 'approve-extension', 'owner', owner(), at, cal)
            : () => apply(sim, 'deny-extension', 'owner', owner(), at, cal, { note: '问题影响群众出行，请按原时限办结' });
        } else {
          at = next(HOUR);
          run = () => apply(sim, 'handle', 'handler', { kind: 'handler', unit: c.handlerUnit! }, at, cal, { note: c.reworkCount > 0 ? `返工整改：${rng.pick(ANSWERS_OF(type.code))}` : rng.pick(ANSWERS_OF(type.code)) });
        }
        break;
      }
      case 'handled': {
        // The check follows soon after the handling report, so that most cases close in time.
        at = next(30 * MINUTE, late && rng.chance(0.5) ? undefined : [0.02, 0.3]);
        const onSite = sim.verifyOnSite && c.ownerLevel === 'village' ? rng.chance(0.7) : sim.verifyOnSite && rng.chance(0.4);
        const [rel, who]: [CaseRelation, HistoryActor] = onSite ? ['verifier', { kind: 'verifier', grid: c.areaCode }] : ['owner', owner()];
        if (plan.fails > 0) {
          plan.fails--;
          run = () => apply(sim, 'verify-fail', rel, who, at, cal, { note: rng.pick(['现场核查问题仍然存在，请返工', '回访群众反映未处理到位', '整改不彻底，请重新处置']) });
        } else {
          // A type flagged 需现场核验 is closed on site with a photo (the demo keeps no image files, only the count).
          const onSiteCheck = onSite || sim.verifyOnSite;
          run = () => apply(sim, 'verify-pass', rel, who, at, cal, { note: onSiteCheck ? '现场核查，问题已解决' : '电话回访，群众认可处理结果', photos: sim.verifyOnSite ? 1 : 0 });
        }
        break;
      }
      case 'suspended': {
        at = new Date(c.updatedAt.getTime() + rng.int(1, 10) * DAY);
        run = () => apply(sim, 'resume', 'owner', owner(), at, cal, { note: '条件具备，恢复办理' });
        break;
      }
      case 'closed': {
        if (c.rating) {
          if (c.rating !== 'unsatisfied' || !plan.reopen) return;
          plan.reopen = false;
          plan.unsatisfied = false;
          at = new Date(c.updatedAt.getTime() + rng.int(2, 30) * HOUR);
          run = () => apply(sim, 'reopen', 'owner', owner(), at, cal, { note: '群众不满意，重新办理' });
          break;
        }
        if (!plan.rated) return;
        at = new Date(c.updatedAt.getTime() + rng.int(1, 72) * HOUR);
        const score: Rating = plan.unsatisfied ? 'unsatisfied' : rng.chance(0.82) ? 'satisfied' : 'basically-satisfied';
        const byReporter = c.reporter !== null && rng.chance(0.6);
        const comment = score === 'unsatisfied' ? rng.pick(UNSATISFIED) : rng.pick(SATISFIED);
        run = () => apply(sim, 'rate', byReporter ? 'reporter' : 'owner', byReporter ? { kind: 'reporter' } : owner(), at, cal, { score, comment: comment ?? undefined });
        break;
      }
      default:
        return;
    }
    if (at.getTime() > end) {
      sweepUntil(sim, new Date(end), cal);
      return;
    }
    const stateBefore = c.state;
    const levelBefore = c.ownerLevel;
    sweepUntil(sim, at, cal);
    // The sweep may have moved the case on (auto-escalation): plan again from the new state.
    if (c.state !== stateBefore || c.ownerLevel !== levelBefore) continue;
    run();
    if (arrived()) {
      sweepUntil(sim, new Date(end), cal);
      return;
    }
  }
}

interface WorkInProgress {
  code: string;
  stopAt: CaseState;
  level: OwnerLevel;
  /** How long ago it was reported, in hours (from, to). */
  ageHours: [number, number];
  /** In the village's first grid (the demo grid worker's). */
  firstGrid?: boolean;
}

const WORK_IN_PROGRESS: WorkInProgress[] = [
  { code: 'G0101', stopAt: 'accepted', level: 'village', ageHours: [20, 60] },
  { code: '0109', stopAt: 'accepted', level: 'village', ageHours: [3, 20] },
  { code: 'B0110', stopAt: 'accepted', level: 'town', ageHours: [4, 30] },
  { code: '0101', stopAt: 'accepted', level: 'town', ageHours: [20, 50] },
  { code: 'B0110', stopAt: 'dispatched', level: 'town', ageHours: [2, 6] },
  { code: '0205', stopAt: 'dispatched', level: 'town', ageHours: [20, 40] },
  { code: 'B0110', stopAt: 'acknowledged', level: 'town', ageHours: [20, 50] },
  { code: '0101', stopAt: 'acknowledged', level: 'town', ageHours: [50, 100] },
  { code: '0205', stopAt: 'acknowledged', level: 'town', ageHours: [10, 30] },
  { code: '0102', stopAt: 'handled', level: 'village', ageHours: [5, 20], firstGrid: true },
  { code: 'G0803', stopAt: 'handled', level: 'village', ageHours: [20, 40], firstGrid: true },
  { code: 'G0101', stopAt: 'suspended', level: 'village', ageHours: [60, 120] },
];

const LEVELS: OwnerLevel[] = ['village', 'town', 'district'];

const ESCALATE_REASON: Record<OwnerLevel, string> = {
  village: '超出社区（村）处置权限，需职能部门处理',
  town: '涉及区级部门职责，提请区指挥中心协调',
  district: '',
};

function ANSWERS_OF(code: string): string[] {
  return CASE_TEXTS.find((t) => t.code === code)?.answers ?? ['已处理完毕。'];
}

/** The unit a case goes to: the type's default department (town or district), or the community's property company. */
function dispatchUnit(c: HistoryCase, type: CatalogueEntry, grid: HistoryGrid, rng: Rng): string | null {
  if (c.ownerLevel === 'village') return grid.propertyUnits?.length && type.code.startsWith('G08') ? rng.pick(grid.propertyUnits) : null;
  const returned = c.units.filter((u) => u.status === 'returned').map((u) => u.unit);
  const preferred = type.defaultUnitCode ?? null;
  if (preferred && !returned.includes(preferred)) return preferred;
  const alternatives = ['dept-cg', 'dept-zj', 'dept-ga', 'dept-sw'].filter((u) => !returned.includes(u));
  return alternatives.length ? rng.pick(alternatives) : null;
}
