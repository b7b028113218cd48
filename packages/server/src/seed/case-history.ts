// Writes the demo case history (packages/domain demo/case-history.ts) on a fresh demo database:
// the cases with the columns the live workflow keeps, their timelines (written once), units,
// deadline marks, one audit row, and then the measure roll-ups rebuilt from the cases.
import { randomUUID } from 'node:crypto';
import { generateCaseHistory, maskName, type HistoryActor, type HistoryCase, type HistoryGrid, type Polygon } from '@gongzhi/domain';
import { sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client.ts';
import { caseDeadlineMarks, caseEvents, cases, caseUnits } from '../db/schema.ts';
import { rebuildRollups } from '../repositories/rollups.ts';
import { insertAudit } from '../repositories/users.ts';
import { workCalendar } from '../services/deadlines.ts';

interface PersonRow {
  grid: string;
  name: string;
  phone_cipher: string;
  phone_hash: string;
  phone_last4: string;
}

interface UnitRow {
  id: string;
  code: string;
  name: string;
  type: string;
  area_code: string;
}

interface UserRow {
  id: string;
  display_name: string;
  roles: string[];
  scope_code: string;
  unit_id: string | null;
}

const REPORTERS_PER_GRID = 80;
const ADDRESSES_PER_GRID = 40;

async function rows<T>(db: DbOrTx, q: ReturnType<typeof sql>): Promise<T[]> {
  return (await db.execute(q)).rows as T[];
}

/** The grids of `areas` with their people, as the generator wants them. */
async function loadGrids(db: Db, areaCodes: string[]) {
  if (areaCodes.length === 0) return { grids: [], addresses: [], people: [] };
  const like = sql.join(
    areaCodes.map((a) => sql`g.code like ${a + '%'}`),
    sql` or `,
  );
  const grids = await rows<{ code: string; name: string; geometry: Polygon | null; village: string; town: string; households: number }>(
    db,
    sql`select g.code, g.name, g.geometry, v.name as village, t.name as town, coalesce(h.n, 0)::int as households
        from areas g join areas v on v.code = g.parent_code join areas t on t.code = v.parent_code
        left join (select substr(area_code, 1, 15) as grid, count(*) as n from households group by 1) h on h.grid = g.code
        where g.level = 'grid' and (${like}) order by g.code`,
  );
  const addresses = await rows<{ grid: string; address: string }>(
    db,
    sql`select grid, address from (
          select substr(h.area_code, 1, 15) as grid, h.address, row_number() over (partition by substr(h.area_code, 1, 15) order by h.key) as n
          from households h where ${sql.join(areaCodes.map((a) => sql`h.area_code like ${a + '%'}`), sql` or `)}) x
        where n <= ${ADDRESSES_PER_GRID} order by grid, n`,
  );
  const people = await rows<PersonRow>(
    db,
    sql`select grid, name, phone_cipher, phone_hash, phone_last4 from (
          select substr(p.area_code, 1, 15) as grid, p.name, p.phone_cipher, p.phone_hash, p.phone_last4,
            row_number() over (partition by substr(p.area_code, 1, 15) order by p.id) as n
          from people p where p.phone_cipher is not null and p.birth_date between '1945-01-01' and '2004-12-31'
            and (${sql.join(areaCodes.map((a) => sql`p.area_code like ${a + '%'}`), sql` or `)})) x
        where n <= ${REPORTERS_PER_GRID} order by grid, n`,
  );
  return { grids, addresses, people };
}

/**
 * Generates and writes the history for the grids under `areaCodes` and, as light grids (a year of
 * cases only, seed/light.ts), under `lightAreas`; returns how many cases.
 */
export async function seedCaseHistory(
  db: Db,
  areaCodes: string[],
  log: (msg: string) => void = () => {},
  now = new Date(),
  lightAreas: string[] = [],
): Promise<{ cases: number; events: number }> {
  const started = Date.now();
  const { grids, addresses, people } = await loadGrids(db, [...areaCodes, ...lightAreas]);
  const isLight = (code: string) => lightAreas.some((a) => code.startsWith(a));
  const units = await rows<UnitRow>(db, sql`select id, code, name, type, area_code from units`);
  const users = await rows<UserRow>(db, sql`select id, display_name, roles, scope_code, unit_id from users where active`);
  const unitByCode = new Map(units.map((u) => [u.code, u]));
  const unitById = new Map(units.map((u) => [u.id, u]));
  const reportersOf = new Map<string, PersonRow[]>();
  for (const p of people) reportersOf.set(p.grid, [...(reportersOf.get(p.grid) ?? []), p]);
  const addressesOf = new Map<string, string[]>();
  for (const a of addresses) addressesOf.set(a.grid, [...(addressesOf.get(a.grid) ?? []), a.address]);

  const input: HistoryGrid[] = grids
    .filter((g) => g.households > 0)
    .map((g) => ({
      code: g.code,
      name: g.name,
      villageName: g.village,
      townName: g.town,
      households: g.households,
      geometry: g.geometry,
      addresses: addressesOf.get(g.code) ?? [],
      reporters: reportersOf.get(g.code)?.length ?? 0,
      propertyUnits: units.filter((u) => u.type === 'property' && u.area_code === g.code.slice(0, 12)).map((u) => u.code),
      ...(isLight(g.code) ? { light: true } : {}),
    }));
  if (input.length === 0) return { cases: 0, events: 0 };
  const loaded = Date.now();
  const history = generateCaseHistory({ grids: input, now, calendar: workCalendar() });
  const generated = Date.now();
  const gridNames = new Map(grids.map((g) => [g.code, g.name]));

  // Who took each step: the demo account where there is one, else the unit (or the grid's worker).
  const userFor = (role: string, scope: string | null, unitId: string | null) =>
    users.find((u) => u.roles.includes(role) && (scope === null || u.scope_code === scope) && (unitId === null || u.unit_id === unitId)) ?? null;
  const centreRole = { village: 'community-worker', town: 'town-dispatcher', district: 'district-dispatcher' } as const;
  const centreUnit = (level: 'village' | 'town' | 'district', area: string) => unitByCode.get(level === 'village' ? `office-${area}` : `centre-${area}`) ?? null;
  const resolve = (c: HistoryCase, a: HistoryActor, reporterName: string | null): { id: string | null; name: string; unit: string | null } => {
    switch (a.kind) {
      case 'reporter':
        return { id: null, name: reporterName ? maskName(reporterName) : '匿名群众', unit: null };
      case 'hotline': {
        const area = c.areaCode.slice(0, 6);
        const u = userFor('district-dispatcher', area, null);
        const unit = centreUnit('district', area);
        return { id: u?.id ?? null, name: u?.display_name ?? '12345 热线坐席', unit: unit?.name ?? null };
      }
      case 'owner':
      case 'supervisor': {
        const unit = centreUnit(a.level, a.area);
        const u = userFor(centreRole[a.level], a.area, null);
        return { id: u?.id ?? null, name: u?.display_name ?? unit?.name ?? '指挥中心', unit: u?.unit_id ? (unitById.get(u.unit_id)?.name ?? null) : (unit?.name ?? null) };
      }
      case 'handler': {
        const unit = unitByCode.get(a.unit);
        const u = unit ? userFor('department-handler', null, unit.id) : null;
        return { id: u?.id ?? null, name: u?.display_name ?? unit?.name ?? a.unit, unit: unit?.name ?? null };
      }
      case 'verifier': {
        const u = userFor('grid-worker', a.grid, null);
        const office = unitByCode.get(`office-${a.grid.slice(0, 12)}`);
        return { id: u?.id ?? null, name: u?.display_name ?? `${gridNames.get(a.grid) ?? ''}网格员`, unit: office?.name ?? null };
      }
      case 'system':
        return { id: null, name: '系统', unit: null };
    }
  };

  const ids = history.map(() => randomUUID());
  const codes: string[] = [];
  let eventCount = 0;
  await db.transaction(async (tx) => {
    // Codes as live intake makes them (HM + China date + the shared sequence), in the order of report,
    // so a case filed after the seed never collides with one of the history.
    const seq = await rows<{ first: string }>(tx, sql`select nextval('case_code_seq')::text as first`);
    const first = Number(seq[0]!.first);
    await tx.execute(sql`select setval('case_code_seq', ${first + history.length - 1}::bigint)`);
    history.forEach((c, i) => {
      const day = new Date(c.createdAt.getTime() + 8 * 3600_000).toISOString().slice(0, 10).replaceAll('-', '');
      codes.push(`HM${day}${String(first + i).padStart(7, '0')}`);
    });

    const caseRows = history.map((c, i) => {
      const reporter = c.reporter !== null ? (reportersOf.get(c.areaCode)?.[c.reporter] ?? null) : null;
      const handler = c.handlerUnit ? unitByCode.get(c.handlerUnit) : undefined;
      const handlerName = handler ? resolve(c, { kind: 'handler', unit: c.handlerUnit! }, null).name : null;
      return {
        id: ids[i]!,
        code: codes[i]!,
        state: c.state,
        title: c.title,
        description: c.description,
        categoryCode: c.categoryCode,
        channel: c.channel,
        areaCode: c.areaCode,
        ownerLevel: c.ownerLevel,
        ownerAreaCode: c.ownerAreaCode,
        handlerUnitId: handler?.id ?? null,
        lat: c.lat,
        lng: c.lng,
        address: c.address,
        reporterUserId: null,
        reporterName: reporter?.name ?? null,
        reporterPhoneCipher: reporter?.phone_cipher ?? null,
        reporterPhoneHash: reporter?.phone_hash ?? null,
        reporterPhoneLast4: reporter?.phone_last4 ?? null,
        public: c.public,
        urgent: c.urgent,
        externalRef: c.externalRef,
        mergedIntoId: c.mergedInto !== null ? ids[c.mergedInto]! : null,
        suspendedFrom: c.suspendedFrom,
        suspendedAt: c.suspendedAt,
        pendingExtension: c.pendingExtension ? { ...c.pendingExtension, requestedBy: handlerName } : null,
        rating: c.rating,
        ratedBy: c.ratedBy,
        ratingComment: c.ratingComment,
        ratedAt: c.ratedAt,
        reworkCount: c.reworkCount,
        answer: c.answer,
        acceptedAt: c.acceptedAt,
        dispatchedAt: c.dispatchedAt,
        acknowledgedAt: c.acknowledgedAt,
        handledAt: c.handledAt,
        closedAt: c.closedAt,
        dueAt: c.dueAt,
        stepDueAt: c.stepDueAt,
        stepWarnAt: c.stepWarnAt,
        version: 1 + c.events.filter((e) => !['report', 'deadline-warning', 'overdue', 'merged-from'].includes(e.action)).length,
        createdAt: c.createdAt,
        updatedAt: c.updatedAt,
      };
    });
    for (let i = 0; i < caseRows.length; i += 250) await tx.insert(cases).values(caseRows.slice(i, i + 250));

    // The timelines in the order things happened, so event ids follow time as they do live.
    const events = history.flatMap((c, i) => {
      const reporterName = caseRows[i]!.reporterName;
      return c.events.map((e) => {
        const who = resolve(c, e.actor, reporterName);
        let note = e.note;
        let detail = e.detail;
        if (e.action === 'merge') detail = { intoCode: codes[Number(e.detail!.intoIndex)] };
        if (e.action === 'merged-from') {
          const from = Number(e.detail!.fromIndex);
          note = `合并了重复案件 ${codes[from]}`;
          detail = { fromCode: codes[from], fromId: ids[from] };
        }
        if (e.action === 'dispatch') detail = { ...e.detail, unit: unitByCode.get(String(e.detail!.unit))?.name ?? e.detail!.unit, assistUnits: [] };
        return { caseId: ids[i]!, action: e.action, fromState: e.from, toState: e.to, actorId: who.id, actorName: who.name, actorUnit: who.unit, at: e.at, note, detail };
      });
    });
    events.sort((a, b) => a.at.getTime() - b.at.getTime());
    eventCount = events.length;
    for (let i = 0; i < events.length; i += 1000) await tx.insert(caseEvents).values(events.slice(i, i + 1000));

    const unitRows = history.flatMap((c, i) =>
      c.units.filter((u) => unitByCode.has(u.unit)).map((u) => ({ caseId: ids[i]!, unitId: unitByCode.get(u.unit)!.id, role: u.role, status: u.status, note: u.note })),
    );
    for (let i = 0; i < unitRows.length; i += 1000) await tx.insert(caseUnits).values(unitRows.slice(i, i + 1000));

    const markRows = history.flatMap((c, i) => c.marks.map((m) => ({ caseId: ids[i]!, kind: m.kind, dueAt: m.dueAt, step: m.step, at: m.at })));
    for (let i = 0; i < markRows.length; i += 1000) await tx.insert(caseDeadlineMarks).values(markRows.slice(i, i + 1000)).onConflictDoNothing();

    await insertAudit(tx, {
      actorId: null,
      actorUsername: 'system',
      action: 'seed.case-history',
      entityType: 'case',
      entityId: null,
      areaCode: areaCodes.length === 1 && lightAreas.length === 0 ? areaCodes[0]! : null,
      outcome: 'ok',
      ip: null,
      userAgent: null,
      detail: { cases: history.length, events: events.length, areas: areaCodes, lightAreas: lightAreas.length, firstCode: codes[0], lastCode: codes.at(-1), until: now.toISOString() },
    });
  });
  const written = Date.now();
  const rebuilt = await rebuildRollups(db);
  const sec = (a: number, b: number) => ((b - a) / 1000).toFixed(1);
  log(
    `演示案件：${history.length} 件，${eventCount} 条流转记录，统计已重建（${rebuilt.rollupRows} 行），用时 ${sec(started, Date.now())} 秒` +
      `（读取 ${sec(started, loaded)}，生成 ${sec(loaded, generated)}，写入 ${sec(generated, written)}，统计 ${sec(written, Date.now())}）`,
  );
  return { cases: history.length, events: eventCount };
}
