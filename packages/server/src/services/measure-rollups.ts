import { caseMeasureFacts, chinaDate, measureDelta, sameDelta, type MeasureCase, type MeasureFacts } from '@gongzhi/domain';
import type { DbOrTx } from '../db/client.ts';
import { advanceDueWatermark, foldAllMeasureDeltas, insertMeasureDeltas, lateAcceptMarks, setMeasureDue } from '../repositories/rollups.ts';
import type { AppContext } from './context.ts';

const sameFacts = (a: MeasureFacts | null, b: MeasureFacts) =>
  !!a &&
  (a.dueAt?.getTime() ?? null) === (b.dueAt?.getTime() ?? null) &&
  a.key.areaCode === b.key.areaCode &&
  a.key.day === b.key.day &&
  a.key.categoryCode === b.key.categoryCode &&
  a.key.channel === b.key.channel &&
  a.key.unit === b.key.unit;

/**
 * Keeps the measure roll-ups in step with one case change, in the case's own transaction:
 * appends (facts after − facts before) as delta rows (inserts only, so concurrent intakes never
 * wait for each other) and keeps the case's deadline row for "due today".
 *
 * `lateAcceptMarked`: the change is an overdue mark on the `reported` step, which turns a rating
 * into "not responded". Whether the case already had such a mark is read only when it matters.
 */
export async function recordMeasureChange(
  tx: DbOrTx,
  before: (MeasureCase & { id: string }) | null,
  after: MeasureCase & { id: string },
  opts: { lateAcceptMarked?: boolean } = {},
): Promise<void> {
  const marked = !!opts.lateAcceptMarked;
  const delta = (lateBefore: boolean, lateAfter: boolean) =>
    measureDelta(before ? caseMeasureFacts(before, lateBefore) : null, caseMeasureFacts(after, lateAfter));
  let rows = delta(false, marked);
  const other = delta(true, true);
  if (!sameDelta(rows, other)) {
    const marks = await lateAcceptMarks(tx, after.id);
    const lateBefore = marked ? marks > 1 : marks > 0;
    rows = delta(lateBefore, marked || lateBefore);
  }
  await insertMeasureDeltas(tx, rows);
  const f0 = before ? caseMeasureFacts(before, false) : null;
  const f1 = caseMeasureFacts(after, false);
  if ((f0?.dueAt || f1.dueAt) && !sameFacts(f0, f1)) await setMeasureDue(tx, after.id, f1);
}

/**
 * Folds pending deltas into the roll-ups every few seconds, and keeps deadline days older than
 * two days as one row (any number of instances may run it).
 */
export function startMeasureFolding(ctx: AppContext, intervalMs = 5_000): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    foldAllMeasureDeltas(ctx.db)
      .then(() => advanceDueWatermark(ctx.db, chinaDate(new Date(Date.now() - 2 * 86400_000))))
      .catch((err) => console.error('[gongzhi] folding measure roll-ups failed', err))
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
