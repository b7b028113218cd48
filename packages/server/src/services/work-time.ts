// Office hours and the calendar's local table (issue 12 items 5 and 9; docs/CASES.md "Office hours").
//
// Deadline arithmetic is synchronous and pure (packages/domain calendar.ts); what it needs from the
// database — the administrator's holiday overrides and the units' own office hours — is small and
// kept in this process, reloaded at most every REFRESH_MS (so other server processes pick up an
// edit within that time) and at once in the process that made the edit.
import {
  DEFAULT_OFFICE_HOURS,
  createWorkCalendar,
  forbidden,
  invalid,
  notFound,
  validOfficeHours,
  type DeadlineSpec,
  type OfficeHours,
} from '@gongzhi/domain';
import type { DbOrTx } from '../db/client.ts';
import type { Actor, RequestContext } from '../policies/actor.ts';
import { canEditCalendar, canEditOfficeHours, canReadCalendar, mayEditUnitHours, officeHoursScope } from '../policies/work-time.ts';
import type { CatalogueRow } from '../repositories/cases.ts';
import { findUnit } from '../repositories/users.ts';
import * as repo from '../repositories/work-time.ts';
import { audit } from './audit.ts';
import type { AppContext } from './context.ts';
import { FALLBACK_DEADLINES, setWorkCalendar, workCalendar, type StepDeadlines } from './deadlines.ts';

const REFRESH_MS = 30_000;
/** Units that answer cases and so may keep their own office hours. */
const OFFICE_UNIT_TYPES = ['district-centre', 'town-centre', 'community-office', 'department', 'property'] as const;
const CENTRE_TYPES = new Set(['district-centre', 'town-centre', 'community-office']);

interface Loaded {
  at: number;
  byUnit: Map<string, OfficeHours>;
  /** The command centre (or community office) of an area → its office hours. */
  byCentreArea: Map<string, OfficeHours>;
}
let loaded: Loaded | null = null;
let loading: Promise<void> | null = null;

/** Set while a server process reloads in the background (startWorkTimeRefresh). */
let refreshedInBackground = false;

/**
 * Reloads overrides and office hours when older than REFRESH_MS (or when `force`). In a server process
 * the reload runs on a timer (startWorkTimeRefresh), so no request waits for it; edits in this process
 * force it at once, and other processes see them within REFRESH_MS.
 */
export async function refreshWorkTime(db: DbOrTx, force = false): Promise<void> {
  if (!force && loaded && (refreshedInBackground || Date.now() - loaded.at < REFRESH_MS)) return;
  if (!force && loading) return loading;
  return reloadWorkTime(db);
}

/** Reloads the work calendar and office hours every REFRESH_MS off the request path; returns the stop. */
export function startWorkTimeRefresh(ctx: AppContext, intervalMs = REFRESH_MS): () => void {
  refreshedInBackground = true;
  const timer = setInterval(() => {
    if (loading) return;
    reloadWorkTime(ctx.db).catch((err) => console.error('[gongzhi] reloading the work calendar failed', err));
  }, intervalMs);
  timer.unref();
  return () => {
    clearInterval(timer);
    refreshedInBackground = false;
  };
}

async function reloadWorkTime(db: DbOrTx): Promise<void> {
  const run = (async () => {
    const [overrides, hours] = await Promise.all([repo.listCalendarOverrides(db), repo.listOfficeHours(db)]);
    setWorkCalendar(createWorkCalendar(overrides.map((o) => ({ date: o.date, working: o.working, ...(o.name ? { name: o.name } : {}) }))));
    const byUnit = new Map<string, OfficeHours>();
    const byCentreArea = new Map<string, OfficeHours>();
    for (const h of hours) {
      const oh = { periods: h.periods as OfficeHours['periods'] };
      byUnit.set(h.unitId, oh);
      if (CENTRE_TYPES.has(h.type)) byCentreArea.set(h.areaCode, oh);
    }
    loaded = { at: Date.now(), byUnit, byCentreArea };
  })();
  loading = run;
  try {
    await run;
  } finally {
    if (loading === run) loading = null;
  }
}

/** Forget what this process holds (tests start each app on a fresh database). */
export function resetWorkTime() {
  loaded = null;
  setWorkCalendar(createWorkCalendar([]));
}

/** What a case brings to its own time limits. */
export interface DeadlineContext {
  ownerAreaCode: string;
  /** The unit the case is (being) dispatched to; its office hours count for its steps. */
  handlerUnitId?: string | null;
  channel?: string;
  urgent?: boolean;
}

/**
 * The step time limits of a type for one case: hour limits carry the office hours of the unit that
 * owns the step (accept and verify: the owning centre; acknowledge and handle: the handling unit),
 * or are marked round-the-clock — urgent types and cases (急难险重), types so marked, and the
 * acceptance of hotline orders (the 12345 hotline works around the clock).
 */
export async function deadlinesFor(db: DbOrTx, type: CatalogueRow | null, c: DeadlineContext): Promise<StepDeadlines> {
  await refreshWorkTime(db);
  const base: StepDeadlines = { ...FALLBACK_DEADLINES, ...((type?.deadlines as Partial<StepDeadlines> | null) ?? {}) };
  const allDay = !!(type?.urgent || type?.roundTheClock || c.urgent);
  const centre = loaded?.byCentreArea.get(c.ownerAreaCode);
  const unit = c.handlerUnitId ? loaded?.byUnit.get(c.handlerUnitId) : centre;
  const mark = (s: DeadlineSpec, oh: OfficeHours | undefined, roundTheClock = allDay): DeadlineSpec =>
    s.unit !== 'hours' ? s : roundTheClock ? { ...s, roundTheClock: true } : { ...s, officeHours: oh ?? DEFAULT_OFFICE_HOURS };
  return {
    accept: mark(base.accept, centre, allDay || c.channel === 'hotline'),
    acknowledge: mark(base.acknowledge, unit),
    handle: mark(base.handle, unit),
    verify: mark(base.verify, centre),
  };
}

// ---- the calendar's local table -------------------------------------------------------------

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function checkDate(date: string): string {
  if (!ISO_DAY.test(date)) throw invalid('invalid_date', '日期格式应为 YYYY-MM-DD', { field: 'date' });
  try {
    workCalendar().dayInfo(date);
  } catch {
    throw invalid('invalid_date', `日期不存在：${date}`, { field: 'date' });
  }
  const year = Number(date.slice(0, 4));
  if (year < 2000 || year > 2100) throw invalid('invalid_date', '日期应在 2000–2100 年之间', { field: 'date' });
  return date;
}

export async function calendarYear(ctx: AppContext, actor: Actor, year: number) {
  if (!canReadCalendar(actor)) throw forbidden('您没有查看工作日历的权限');
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw invalid('invalid_year', '年份应在 2000–2100 之间', { field: 'year' });
  await refreshWorkTime(ctx.db);
  const cal = workCalendar();
  const days = cal.daysInRange(`${year}-01-01`, `${year}-12-31`);
  const overrides = (await repo.listCalendarOverrides(ctx.db)).filter((o) => o.date.startsWith(`${year}-`));
  return {
    year,
    /** The package has the State Council's notice for this year. */
    packageCovers: days.some((d) => d.source === 'package'),
    covered: cal.covers(year),
    /** Holidays, make-up days and every day the local table sets, in date order. */
    special: days.filter((d) => d.source === 'override' || d.kind === 'holiday' || d.kind === 'makeup'),
    overrides: overrides.map((o) => ({ date: o.date, working: o.working, name: o.name, updatedAt: o.updatedAt.toISOString() })),
    workingDays: days.filter((d) => d.working).length,
    allowedActions: canEditCalendar(actor) ? ['edit'] : [],
  };
}

export async function putCalendarOverride(ctx: AppContext, actor: Actor, date: string, body: { working: boolean; name?: string | null }, req: RequestContext) {
  if (!canEditCalendar(actor)) throw forbidden('只有系统管理员可以调整工作日历');
  checkDate(date);
  const name = body.name?.trim() || null;
  const row = await ctx.db.transaction(async (tx) => {
    const out = await repo.upsertCalendarOverride(tx, { date, working: body.working, name, updatedBy: actor.id });
    await audit(tx, { actor }, req, { action: 'calendar.override', entityType: 'calendar', entityId: date, detail: { working: body.working, name } });
    return out;
  });
  await refreshWorkTime(ctx.db, true);
  return { date: row.date, working: row.working, name: row.name, updatedAt: row.updatedAt.toISOString(), day: workCalendar().dayInfo(date) };
}

export async function deleteCalendarOverride(ctx: AppContext, actor: Actor, date: string, req: RequestContext) {
  if (!canEditCalendar(actor)) throw forbidden('只有系统管理员可以调整工作日历');
  checkDate(date);
  const removed = await ctx.db.transaction(async (tx) => {
    const ok = await repo.deleteCalendarOverride(tx, date);
    if (ok) await audit(tx, { actor }, req, { action: 'calendar.override.delete', entityType: 'calendar', entityId: date });
    return ok;
  });
  if (!removed) throw notFound('日历调整');
  await refreshWorkTime(ctx.db, true);
}

// ---- office hours ---------------------------------------------------------------------------

export async function listOfficeHours(ctx: AppContext, actor: Actor) {
  if (!canEditOfficeHours(actor)) throw forbidden('您没有维护办公时间的权限');
  const rows = await repo.unitsWithOfficeHours(ctx.db, officeHoursScope(actor), OFFICE_UNIT_TYPES);
  return {
    default: DEFAULT_OFFICE_HOURS,
    items: rows.map((r) => ({
      unitId: r.id,
      name: r.name,
      type: r.type,
      areaCode: r.areaCode,
      periods: (r.periods as OfficeHours['periods'] | null) ?? null,
      updatedAt: r.updatedAt?.toISOString() ?? null,
    })),
  };
}

async function editableUnit(ctx: AppContext, actor: Actor, unitId: string) {
  if (!canEditOfficeHours(actor)) throw forbidden('您没有维护办公时间的权限');
  const unit = await findUnit(ctx.db, unitId);
  // Another area's unit is not shown to the caller at all: 404, like every scoped read.
  if (!unit || !(OFFICE_UNIT_TYPES as readonly string[]).includes(unit.type) || !mayEditUnitHours(actor, unit.areaCode)) throw notFound('单位');
  return unit;
}

export async function putOfficeHours(ctx: AppContext, actor: Actor, unitId: string, input: OfficeHours, req: RequestContext) {
  const unit = await editableUnit(ctx, actor, unitId);
  const oh = validOfficeHours(input);
  await ctx.db.transaction(async (tx) => {
    await repo.upsertOfficeHours(tx, unit.id, oh.periods, actor.id);
    await audit(tx, { actor }, req, { action: 'office-hours.update', entityType: 'unit', entityId: unit.id, areaCode: unit.areaCode, detail: { periods: oh.periods } });
  });
  await refreshWorkTime(ctx.db, true);
  return { unitId: unit.id, name: unit.name, periods: oh.periods };
}

export async function deleteOfficeHours(ctx: AppContext, actor: Actor, unitId: string, req: RequestContext) {
  const unit = await editableUnit(ctx, actor, unitId);
  await ctx.db.transaction(async (tx) => {
    if (await repo.deleteOfficeHours(tx, unit.id)) {
      await audit(tx, { actor }, req, { action: 'office-hours.reset', entityType: 'unit', entityId: unit.id, areaCode: unit.areaCode });
    }
  });
  await refreshWorkTime(ctx.db, true);
  return { unitId: unit.id, name: unit.name, periods: DEFAULT_OFFICE_HOURS.periods };
}
