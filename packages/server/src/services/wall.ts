import type { Rating } from '@gongzhi/domain/contract';
import { ancestryOf, DELIBERATION_BODY_LABELS, isAreaCode, notFound, STATE_LABELS, wallResultOf, type DeliberationBody, type DeliberationOutcome } from '@gongzhi/domain';
import QRCode from 'qrcode';
import { and, count, desc, eq, sql } from 'drizzle-orm';
import { cases } from '../db/schema.ts';
import type { Actor } from '../policies/actor.ts';
import { canViewArea } from '../policies/area.ts';
import { findArea, namesOf } from '../repositories/areas.ts';
import { escapeLike, systemScope } from '../repositories/scope.ts';
import { listCatalogue } from '../repositories/cases.ts';
import { decidedInArea } from '../repositories/deliberations.ts';
import { toIsoCst } from '../lib/time.ts';
import type { AppContext } from './context.ts';

/** Strips 11-digit and 18-digit numbers from free text shown in public. */
const scrub = (s: string | null) => (s ? s.replace(/\d{17}[\dXx]|1[3-9]\d{9}/g, '***') : s);

/**
 * The public feedback wall (回音壁): closed cases whose reporters consented, with the answer and
 * rating; no names, phones or exact positions.
 */
export async function listWall(ctx: AppContext, area: string | undefined, page: number, pageSize: number) {
  const where = and(eq(cases.public, true), eq(cases.state, 'closed'), area ? sql`${cases.areaCode} like ${escapeLike(area) + '%'}` : undefined);
  const [rows, totals, categories] = await Promise.all([
    ctx.db.select().from(cases).where(where).orderBy(desc(cases.closedAt)).limit(pageSize).offset((page - 1) * pageSize),
    ctx.db.select({ n: count() }).from(cases).where(where),
    listCatalogue(ctx.db),
  ]);
  const names = await namesOf(ctx.db, [...new Set(rows.flatMap((r) => [r.areaCode.slice(0, 9), r.areaCode.slice(0, 12)]))]);
  const catNames = new Map(categories.map((c) => [c.code, c.name]));
  return {
    total: totals[0]?.n ?? 0,
    items: rows.map((r) => ({
      code: r.code,
      title: scrub(r.title),
      description: scrub(r.description),
      categoryName: catNames.get(r.categoryCode) ?? r.categoryCode,
      place: [names.get(r.areaCode.slice(0, 9))?.name, names.get(r.areaCode.slice(0, 12))?.name].filter(Boolean).join(' '),
      answer: scrub(r.answer),
      rating: r.rating as Rating | null,
      ratingComment: scrub(r.ratingComment),
      state: STATE_LABELS.closed.zh,
      reportedAt: toIsoCst(r.createdAt),
      closedAt: toIsoCst(r.closedAt),
    })),
  };
}

/**
 * Decisions on the wall (民生小事小黑板): the area's decided deliberations — topic, body, result in words
 * with the vote counts, date. Public by default (deliberations carry no "not public" flag); never the
 * roll, a ballot or a name (numbers that look like phone or ID numbers are starred as on the case wall).
 */
export async function listDecisions(ctx: AppContext, area: string | undefined, page: number, pageSize: number) {
  const { rows, total } = await decidedInArea(ctx.db, area, pageSize, (page - 1) * pageSize);
  const names = await namesOf(ctx.db, [...new Set(rows.flatMap((r) => [r.areaCode.slice(0, 9), r.areaCode.slice(0, 12), r.areaCode]))]);
  return {
    total,
    items: rows.map((r) => {
      const o = r.result as DeliberationOutcome | null;
      return {
        id: r.id,
        title: scrub(r.title) ?? '',
        description: scrub(r.description) ?? '',
        place: [...new Set([r.areaCode.slice(0, 9), r.areaCode.slice(0, 12), r.areaCode])].map((c) => names.get(c)?.name).filter(Boolean).join(' '),
        bodyName: DELIBERATION_BODY_LABELS[r.body as DeliberationBody]?.zh ?? '',
        held: o?.held ?? false,
        passed: o?.passed ?? false,
        result: o ? wallResultOf(o) : '',
        decidedAt: toIsoCst(r.closedAt),
      };
    }),
  };
}

/** What the QR report page needs to know about where it was scanned: names only. */
export async function publicArea(ctx: AppContext, code: string) {
  if (!isAreaCode(code)) throw notFound('区域');
  const area = await findArea(ctx.db, systemScope(), code);
  if (!area) throw notFound('区域');
  const chain = ancestryOf(code);
  const names = await namesOf(ctx.db, chain);
  return {
    code: area.code,
    name: area.name,
    level: area.level,
    path: chain.map((c) => ({ code: c, name: names.get(c)?.name ?? c, level: names.get(c)?.level ?? '' })),
  };
}

/** The QR code printed on a grid's or building's notice, leading to the mobile report page. */
export async function qrSvg(ctx: AppContext, actor: Actor, code: string, base: string) {
  if (!isAreaCode(code) || !canViewArea(actor, code)) throw notFound('区域');
  if (!(await findArea(ctx.db, systemScope(), code))) throw notFound('区域');
  const url = `${base.replace(/\/$/, '')}/m/report?area=${code}`;
  return QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 1, width: 240 });
}
