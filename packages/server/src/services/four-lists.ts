// Nanjing's four lists (四张清单, `001`: "编制信息、资源、需求、风险“四张清单”，实现信息及时互通、资源及时调度、风险及时处置、
// 问题及时解决") as views of the data Gongzhi already holds, per area in the caller's scope. Nothing is stored
// twice: each section counts the rows where they live and links to the page that holds them (docs/PARTICIPATION.md).
import { chinaDate, CODE_LENGTH, forbidden, invalid, isAreaCode, notFound } from '@gongzhi/domain';
import type { FourListKind, FourListSectionKey } from '@gongzhi/domain/contract';
import type { Actor } from '../policies/actor.ts';
import { canReadFourLists, readsFourListsOf, seesRiskHouseholds } from '../policies/four-lists.ts';
import { findArea } from '../repositories/areas.ts';
import { overdueCases } from '../repositories/cockpit.ts';
import * as repo from '../repositories/four-lists.ts';
import { scopeOf } from '../repositories/scope.ts';
import { areaNames } from './area-names.ts';
import type { AppContext } from './context.ts';
import { specialGroupCountsIn } from './people.ts';
import { overdueBillsIn } from './property.ts';

/** Places where residents can meet and hold activities (the resource list's 活动场地). */
export const ACTIVITY_PLACE_KINDS = ['service-centre', 'elderly-care', 'park', 'sports'] as const;

interface Row {
  id: string;
  title: string;
  sub: string | null;
  tag: string | null;
  areaCode: string | null;
  counts?: Record<string, number> | null;
  link: string | null;
}
interface Section {
  key: FourListSectionKey;
  count: number;
  link: string | null;
  rows: Row[];
}

const chinaToday = () => chinaDate(new Date());

const fromRepo = (r: repo.ListRow, link: (id: string) => string | null): Row => ({ id: r.id, title: r.title, sub: r.sub, tag: r.tag, areaCode: r.area_code, link: link(r.id) });

async function infoList(ctx: AppContext, actor: Actor, area: string): Promise<Section[]> {
  const scope = scopeOf(actor);
  const [c, grids] = await Promise.all([repo.infoCounts(ctx.db, scope, area), repo.gridRows(ctx.db, scope, area, CODE_LENGTH.grid)]);
  return [
    { key: 'households', count: c.households ?? 0, link: '/people', rows: [] },
    { key: 'people', count: c.people ?? 0, link: '/people', rows: [] },
    { key: 'partyMembers', count: c.party_members ?? 0, link: '/party/orgs', rows: [] },
    {
      key: 'grids',
      count: c.grids ?? 0,
      link: `/areas/${area}`,
      rows: grids.map((g) => ({ id: g.id, title: g.title, sub: null, tag: null, areaCode: g.area_code, counts: { households: g.households, people: g.people }, link: `/areas/${g.id}` })),
    },
    { key: 'places', count: c.places ?? 0, link: '/places', rows: [] },
    { key: 'organisations', count: c.organisations ?? 0, link: '/places', rows: [] },
  ];
}

async function resourceList(ctx: AppContext, actor: Actor, area: string): Promise<Section[]> {
  const scope = scopeOf(actor);
  const year = Number(chinaToday().slice(0, 4));
  const [offers, teams, volunteers, places] = await Promise.all([
    repo.offerRows(ctx.db, area.slice(0, CODE_LENGTH.district), year),
    repo.teamRows(ctx.db, scope, area),
    repo.volunteerRows(ctx.db, scope, area),
    repo.placeRows(ctx.db, scope, area, ACTIVITY_PLACE_KINDS),
  ]);
  return [
    {
      key: 'offers',
      count: offers.total,
      link: '/offers',
      rows: offers.rows.map((o) => ({ id: o.id, title: o.title, sub: o.unit, tag: null, areaCode: null, counts: { capacity: o.capacity, used: o.used }, link: '/offers' })),
    },
    { key: 'serviceTeams', count: teams.total, link: '/orders/teams', rows: teams.rows.map((r) => fromRepo(r, () => '/orders/teams')) },
    {
      key: 'volunteers',
      count: volunteers.total,
      link: '/volunteers',
      rows: volunteers.rows.map((v) => ({ id: v.id, title: v.title, sub: null, tag: null, areaCode: v.area_code, counts: { members: v.members }, link: '/volunteers' })),
    },
    { key: 'activityPlaces', count: places.total, link: '/places', rows: places.rows.map((r) => fromRepo(r, () => '/places')) },
  ];
}

async function needList(ctx: AppContext, actor: Actor, area: string): Promise<Section[]> {
  const scope = scopeOf(actor);
  const states = [
    ['needsOpen', 'open'],
    ['needsProject', 'project'],
    ['needsMet', 'met'],
  ] as const;
  const found = await Promise.all(states.map(([, state]) => repo.needRows(ctx.db, scope, area, state)));
  return states.map(([key, state], i) => ({ key, count: found[i]!.total, link: `/needs?area=${area}&state=${state}`, rows: found[i]!.rows.map((r) => fromRepo(r, (id) => `/needs/${id}`)) }));
}

async function riskList(ctx: AppContext, actor: Actor, area: string): Promise<Section[]> {
  const scope = scopeOf(actor);
  const [overdue, urgent, late, emergencies, colours, bills, groups] = await Promise.all([
    // Overdue as the cockpit counts it (one definition): open cases whose current step is past its deadline.
    overdueCases(ctx.db, { scope, area, unitId: null }, repo.SECTION_ROWS, 0),
    repo.urgentCaseRows(ctx.db, scope, area),
    repo.lateProjectRows(ctx.db, scope, area, chinaToday()),
    repo.emergencyRows(ctx.db, scope, area),
    seesRiskHouseholds(actor) ? repo.riskHouseholdCounts(ctx.db, scope, area) : Promise.resolve(null),
    // The property module's bills past due and the registry's special groups, each by its own module's rule of who reads them.
    overdueBillsIn(ctx, actor, area, repo.SECTION_ROWS),
    specialGroupCountsIn(ctx, actor, area),
  ]);
  const out: Section[] = [
    {
      key: 'overdueCases',
      count: overdue.total,
      link: `/cases?tab=all&overdue=true&area=${area}`,
      rows: overdue.rows.map((c) => ({ id: c.id, title: c.title, sub: c.code, tag: 'overdue', areaCode: c.area_code, link: `/cases/${c.id}` })),
    },
    { key: 'urgentCases', count: urgent.total, link: `/cases?tab=all&urgent=true&area=${area}`, rows: urgent.rows.map((r) => fromRepo(r, (id) => `/cases/${id}`)) },
    { key: 'lateProjects', count: late.total, link: '/projects', rows: late.rows.map((r) => fromRepo(r, (id) => `/projects/${id}`)) },
    { key: 'emergencies', count: emergencies.total, link: '/emergencies', rows: emergencies.rows.map((r) => fromRepo(r, () => '/emergencies')) },
  ];
  if (colours) {
    out.push({ key: 'householdsRed', count: colours.red ?? 0, link: '/risk-map', rows: [] });
    out.push({ key: 'householdsOrange', count: colours.orange ?? 0, link: '/risk-map', rows: [] });
  }
  if (bills) {
    out.push({
      key: 'overdueBills',
      count: bills.total,
      link: '/property?tab=bills',
      rows: bills.items.map((b) => ({
        id: b.id,
        title: [b.address, b.doorplate].filter(Boolean).join(' ') || b.period,
        sub: b.period,
        tag: null,
        areaCode: b.areaCode,
        counts: { balanceFen: Math.round(b.balance * 100) },
        link: '/property?tab=bills',
      })),
    });
  }
  for (const [key, part] of [
    ['careGroups', groups.care],
    ['focusGroups', groups.focus],
  ] as const) {
    if (!part) continue;
    out.push({
      key,
      count: part.total,
      link: `/people?area=${area}`,
      rows: part.groups.map((g) => ({ id: g.code, title: g.name, sub: null, tag: g.code, areaCode: null, counts: { people: g.n }, link: `/people?area=${area}&tag=${g.code}` })),
    });
  }
  return out;
}

const LISTS: Record<FourListKind, (ctx: AppContext, actor: Actor, area: string) => Promise<Section[]>> = {
  info: infoList,
  resources: resourceList,
  needs: needList,
  risks: riskList,
};

/** `GET /api/lists/four?area=&kind=`: one of the four lists of an area in the caller's scope (default: their own). */
export async function fourList(ctx: AppContext, actor: Actor, q: { area?: string; kind: FourListKind }) {
  if (!canReadFourLists(actor)) throw forbidden('四张清单供区、镇（街道）、村（社区）工作人员查看', 'not_list_reader');
  const area = q.area ?? actor.scopeCode;
  if (!isAreaCode(area)) throw invalid('invalid_area_code', '区划代码格式不正确', { field: 'area' });
  if (!readsFourListsOf(actor, area)) throw notFound('区域');
  const row = await findArea(ctx.db, scopeOf(actor), area);
  if (!row) throw notFound('区域');
  const sections = await LISTS[q.kind](ctx, actor, area);
  const names = await areaNames(ctx.db, sections.flatMap((s) => s.rows.map((r) => r.areaCode).filter((c): c is string => !!c)));
  return {
    area: { code: row.code, name: row.name },
    kind: q.kind,
    sections: sections.map((s) => ({ ...s, rows: s.rows.map((r) => ({ ...r, counts: r.counts ?? null, areaName: r.areaCode ? (names.get(r.areaCode)?.name ?? null) : null })) })),
  };
}
