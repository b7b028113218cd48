// The recount of the case measures from the raw timeline (case_events) alone, shared by the
// tests that compare GET /api/stats/cases with it.
import { sql } from 'drizzle-orm';
import { CATALOGUE, chinaDate, computeDue, createWorkCalendar, measuresOf, type DeadlineSpec, type MeasureCounts, type Measures } from '@gongzhi/domain';
import type { DbOrTx } from '../src/db/client.ts';

export type Counts = MeasureCounts;
export const zero = (): Counts => ({ received: 0, accepted: 0, closed: 0, dueToClose: 0, closedOnTime: 0, handled: 0, reworked: 0, rated: 0, satisfied: 0, basicallySatisfied: 0, responded: 0, resolved: 0, handlingHoursSum: 0 });

/** What the timeline says about one case: its counts and where it is filed. */
export interface Recounted {
  n: Counts;
  area: string;
  unitName: string | null;
  category: string;
  channel: string;
  day: string;
}

/** Recounts every case created in [from, to) under `area` from case_events alone. */
export async function recountCases(db: DbOrTx, area: string, from: Date, to: Date, now: Date): Promise<Recounted[]> {
  const cal = createWorkCalendar();
  const events = await db.execute<{ case_id: string; action: string; to_state: string; at: Date | string; detail: Record<string, unknown> | null; category_code: string; area_code: string }>(sql`
    select e.case_id, e.action, e.to_state, e.at, e.detail, c.category_code, coalesce(c.measure_area_code, c.area_code) as area_code from case_events e join cases c on c.id = e.case_id
    where coalesce(c.measure_area_code, c.area_code) like ${area + '%'} order by e.id`);
  const byCase = new Map<string, typeof events.rows>();
  for (const e of events.rows) byCase.set(e.case_id, [...(byCase.get(e.case_id) ?? []), e]);
  const out: Recounted[] = [];
  for (const evs of byCase.values()) {
    const at = (e: (typeof evs)[number]) => new Date(e.at);
    const reported = evs.find((e) => e.action === 'report')!;
    if (at(reported) < from || at(reported) >= to) continue;
    const n = zero();
    n.received++;
    const handleSpec = (CATALOGUE.find((c) => c.code === evs[0]!.category_code)!.deadlines as { handle: DeadlineSpec }).handle;
    let state = 'reported';
    let acceptedAt: Date | null = null;
    let due: Date | null = null;
    let closedAt: Date | null = null;
    let rating: string | null = null;
    let reworked = false;
    let handled = false;
    let lateAccept = false;
    let unitName: string | null = null;
    for (const e of evs) {
      state = e.to_state;
      const when = at(e);
      if (['accept', 'escalate', 'handle', 'auto-escalate', 'dispatch'].includes(e.action) && !acceptedAt) acceptedAt = when;
      if (['accept', 'escalate', 'handle', 'auto-escalate', 'dispatch'].includes(e.action) && !due) due = computeDue(when, handleSpec, cal);
      if (e.action === 'approve-extension') due = computeDue(due!, { unit: 'workingDays', amount: Number(e.detail!.workingDays) }, cal);
      if (e.action === 'resume' && due) due = new Date(due.getTime() + Number(e.detail!.pausedMs));
      if (e.action === 'reopen') {
        due = computeDue(when, handleSpec, cal);
        rating = null;
        closedAt = null;
        reworked = true;
      }
      if (e.action === 'dispatch') unitName = String(e.detail!.unit);
      if (e.action === 'return') unitName = null;
      if (e.action === 'verify-fail') reworked = true;
      if (e.action === 'handle') handled = true;
      if (e.action === 'verify-pass') closedAt = when;
      if (e.action === 'rate') rating = String(e.detail!.score);
      if (e.action === 'overdue' && e.detail?.step === 'reported') lateAccept = true;
    }
    if (acceptedAt) n.accepted++;
    if (handled) n.handled++;
    if (reworked) n.reworked++;
    if (state === 'closed') {
      n.closed++;
      n.handlingHoursSum += (closedAt!.getTime() - acceptedAt!.getTime()) / 3600_000;
      if (closedAt! <= due!) n.closedOnTime++;
    }
    if (acceptedAt && (state === 'closed' || (due && due <= now))) n.dueToClose++;
    if (rating) {
      n.rated++;
      if (rating === 'satisfied') n.satisfied++;
      if (rating === 'basically-satisfied') n.basicallySatisfied++;
      if (rating !== 'unsatisfied') n.resolved++;
      if (!lateAccept) n.responded++;
    }
    out.push({ n, area: evs[0]!.area_code, unitName, category: evs[0]!.category_code, channel: String(reported.detail!.channel), day: chinaDate(at(reported)) });
  }
  return out;
}

export function add(a: Counts, b: Counts): Counts {
  const r = { ...a };
  for (const k of Object.keys(r) as (keyof Counts)[]) r[k] += b[k];
  return r;
}

/** The recount for the whole area, as the API's measures. */
export async function recount(db: DbOrTx, area: string, from: Date, to: Date, now: Date): Promise<Measures> {
  return measuresOf((await recountCases(db, area, from, to, now)).reduce((s, c) => add(s, c.n), zero()));
}

/** The recount grouped by `keyOf`, as measures per key. */
export async function recountBy(db: DbOrTx, area: string, from: Date, to: Date, now: Date, keyOf: (c: Recounted) => string) {
  const m = new Map<string, Counts>();
  for (const c of await recountCases(db, area, from, to, now)) m.set(keyOf(c), add(m.get(keyOf(c)) ?? zero(), c.n));
  return new Map([...m].map(([k, v]) => [k, measuresOf(v)]));
}

