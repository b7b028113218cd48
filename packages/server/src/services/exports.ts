import type { Writable } from 'node:stream';
import { forbidden, isWithinScope, maskPhone, notFound, RESIDENCE_TYPES, SPECIAL_GROUPS, STATE_LABELS, type CaseState } from '@gongzhi/domain';
import { AREA_STAFF, hasAnyRole, type Actor, type RequestContext } from '../policies/actor.ts';
import { caseScopeOf } from '../policies/case.ts';
import * as caseRepo from '../repositories/cases.ts';
import { listUnits } from '../repositories/users.ts';
import { toIsoCst } from '../lib/time.ts';
import { streamWorkbook, workbookBuffer, type ColumnSpec } from '../lib/xlsx.ts';
import { areaNames } from './area-names.ts';
import { getHouseholds } from './areas.ts';
import { audit } from './audit.ts';
import { caseListFilter, catalogueCache, CHANNEL_LABELS, isOverdue, type Channel, type ListQuery } from './cases.ts';
import type { AppContext } from './context.ts';
import { listPeople, peopleForExport, type ListPeopleQuery } from './people.ts';
import { leaderboard, type LeaderboardQuery } from './points.ts';
import { listAudit } from './users.ts';
import { caseStats, caseStatsBreakdown, type StatsQuery } from './stats.ts';

/** The most rows one export writes (the info row says when a list was cut). */
export const MAX_EXPORT_ROWS = 50_000;

export interface ExportFile {
  fileName: string;
  body: Buffer;
}

const RATING_LABELS: Record<string, string> = { satisfied: '满意', 'basically-satisfied': '基本满意', unsatisfied: '不满意' };
const RELATION_LABELS: Record<string, string> = { head: '户主', spouse: '配偶', child: '子女', parent: '父母', grandchild: '孙辈', other: '其他' };
const RISK_LABELS: Record<string, string> = { red: '红', orange: '橙', yellow: '黄', blue: '蓝' };
const GROUP_LABELS = new Map<string, string>(SPECIAL_GROUPS.map((g) => [g.code, g.zh]));
const RESIDENCE_LABELS = new Map<string, string>(RESIDENCE_TYPES.map((t) => [t.code, t.zh]));

const nowCst = () => (toIsoCst(new Date()) ?? '').slice(0, 16).replace('T', ' ');
const today = () => nowCst().slice(0, 10);

/** Exports are for staff who work the lists; residents follow their own cases in the app. */
function requireStaff(actor: Actor, unitsToo = false) {
  if (hasAnyRole(actor, AREA_STAFF)) return;
  if (unitsToo && actor.unitId && hasAnyRole(actor, ['department-handler', 'property-manager'])) return;
  throw forbidden('您的角色不能导出数据');
}

/** An area filter outside the caller's area is answered like an area that does not exist. */
function checkArea(actor: Actor, area: string | undefined) {
  if (area && hasAnyRole(actor, AREA_STAFF) && !isWithinScope(area, actor.scopeCode)) throw notFound('区域');
}

async function areaLabel(ctx: AppContext, code: string) {
  const name = (await areaNames(ctx.db, [code])).get(code)?.name;
  return name ? `${name}（${code}）` : code;
}

function infoLine(actor: Actor, parts: (string | null | undefined | false)[], extra?: string) {
  return [`筛选条件：${parts.filter(Boolean).join('；') || '无'}`, `导出人：${actor.displayName}`, `导出时间：${nowCst()}`, extra].filter(Boolean).join('    ');
}

async function record(ctx: AppContext, actor: Actor, req: RequestContext, list: string, filters: Record<string, unknown>, rows: number) {
  const clean = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined && v !== ''));
  await audit(ctx.db, { actor }, req, { action: `export.${list}`, entityType: 'export', entityId: list, areaCode: (clean.area as string | undefined) ?? actor.scopeCode, detail: { filters: clean, rows } });
}

// ---- measures ----------------------------------------------------------------------------------------------------

type MeasureRow = Awaited<ReturnType<typeof caseStats>> & { name: string; rank?: number | string };

const measureColumns = (first: string, ranked: boolean): ColumnSpec<MeasureRow>[] => [
  ...(ranked ? [{ header: '名次', type: 'int' as const, width: 7, value: (r: MeasureRow) => r.rank }] : []),
  { header: first, width: 26, value: (r) => r.name },
  { header: '受理量', type: 'int', value: (r) => r.received },
  { header: '已受理', type: 'int', value: (r) => r.accepted },
  { header: '应办结', type: 'int', value: (r) => r.dueToClose },
  { header: '已办结', type: 'int', value: (r) => r.closed },
  { header: '按期办结', type: 'int', value: (r) => r.closedOnTime },
  { header: '结案率', type: 'percent', value: (r) => r.closureRate },
  { header: '按期结案率', type: 'percent', value: (r) => r.onTimeClosureRate },
  { header: '返工率', type: 'percent', value: (r) => r.reworkRate },
  { header: '响应率', type: 'percent', value: (r) => r.responseRate },
  { header: '解决率', type: 'percent', value: (r) => r.resolutionRate },
  { header: '满意率', type: 'percent', value: (r) => r.satisfactionRate },
  { header: '综合评分', type: 'percent', value: (r) => r.combinedScore },
  { header: '平均办理时长（小时）', type: 'number', width: 20, value: (r) => r.avgHandlingHours },
  { header: '评价数', type: 'int', value: (r) => r.rated },
];

function periodText(q: StatsQuery) {
  const t = today();
  return `统计区间 ${q.from ?? `${t.slice(0, 8)}01`} 至 ${q.to ?? t}`;
}

export type MeasureList = 'units' | 'areas' | 'categories';

/** Measures per handling unit (ranked by combined score), per child area (with a total), or per case type. */
export async function exportMeasures(ctx: AppContext, actor: Actor, list: MeasureList, q: StatsQuery, req: RequestContext): Promise<ExportFile> {
  const by = list === 'units' ? 'unit' : list === 'areas' ? 'child' : 'category';
  const res = await caseStatsBreakdown(ctx, actor, { ...q, by });
  const label = await areaLabel(ctx, res.area);
  let rows: MeasureRow[] = res.items.map((i) => ({ ...i, name: i.name }));
  let total: MeasureRow | undefined;
  if (list === 'units') {
    rows = [...rows].sort((a, b) => b.combinedScore - a.combinedScore || b.received - a.received).map((r, i) => ({ ...r, rank: i + 1 }));
  }
  if (list === 'areas') total = { ...(await caseStats(ctx, actor, q)), name: '合计' };
  const titles = { units: '部门（承办单位）考核排名', areas: '各下级区域案件统计', categories: '各事项类型案件统计' };
  const first = { units: '承办单位', areas: '区域', categories: '事项类型' };
  const areaName = label.replace(/（.*$/, '');
  const body = await workbookBuffer({
    name: titles[list],
    title: `${areaName}${titles[list]}`,
    info: infoLine(actor, [`区域 ${label}`, periodText(q)], list === 'units' ? '按综合评分（0.1×响应率＋0.5×解决率＋0.4×满意率）排序' : undefined),
    columns: measureColumns(first[list], list === 'units'),
    rows,
    total,
  });
  await record(ctx, actor, req, list, { area: res.area, from: q.from, to: q.to }, rows.length);
  return { fileName: `${titles[list]}-${areaName}-${today()}.xlsx`, body };
}

// ---- the case ledger --------------------------------------------------------------------------------------------

export type CaseExportQuery = Omit<ListQuery, 'page' | 'pageSize'>;

export interface CaseLedgerRow {
  row: caseRepo.CaseRow;
  categoryName: string | null;
  areaName: string | null;
  unitName: string | null;
}

/**
 * The case ledger with the list's own filters and scope (the same filter builder and repository
 * query as GET /api/cases), read page by page and streamed to `out`.
 */
export async function prepareCaseExport(ctx: AppContext, actor: Actor, q: CaseExportQuery, req: RequestContext): Promise<PreparedExport> {
  requireStaff(actor, true);
  checkArea(actor, q.area);
  const filter = caseListFilter(actor, q);
  const scope = caseScopeOf(actor);
  const first = await caseRepo.listCases(ctx.db, scope, { ...filter, page: 1, pageSize: 1 });
  const total = first.total;
  const [categories, units] = await Promise.all([catalogueCache(ctx.db), listUnits(ctx.db, undefined)]);
  const unitNames = new Map(units.map((u) => [u.id, u.name]));
  const areaText = await areaLabel(ctx, q.area ?? actor.scopeCode);
  const parts = [
    `区域 ${areaText}`,
    q.box === 'mine' && '我的待办',
    q.box === 'revisit' && '待回访',
    q.state && `状态 ${q.state.split(',').map((s) => STATE_LABELS[s as CaseState]?.zh ?? s).join('、')}`,
    q.category && `事项类型 ${categories.names.get(q.category) ?? q.category}`,
    q.channel && `渠道 ${CHANNEL_LABELS[q.channel as Channel] ?? q.channel}`,
    q.overdue !== undefined && (q.overdue ? '仅超期' : '未超期'),
    (q.from || q.to) && `上报日期 ${q.from ?? '…'} 至 ${q.to ?? '…'}`,
    q.q && `关键词“${q.q}”`,
  ];
  const cut = total > MAX_EXPORT_ROWS ? `共 ${total} 条，仅导出前 ${MAX_EXPORT_ROWS} 条` : `共 ${total} 条`;
  await record(ctx, actor, req, 'cases', { ...q }, Math.min(total, MAX_EXPORT_ROWS));

  async function* rows(): AsyncIterable<CaseLedgerRow> {
    const pageSize = 1000;
    for (let page = 1; (page - 1) * pageSize < Math.min(total, MAX_EXPORT_ROWS); page++) {
      const res = await caseRepo.listCases(ctx.db, scope, { ...filter, page, pageSize });
      if (res.items.length === 0) return;
      const names = await areaNames(ctx.db, [...new Set(res.items.map((c) => c.areaCode))]);
      for (const row of res.items) {
        yield { row, categoryName: categories.names.get(row.categoryCode) ?? null, areaName: names.get(row.areaCode)?.name ?? null, unitName: row.handlerUnitId ? (unitNames.get(row.handlerUnitId) ?? null) : null };
      }
    }
  }

  const now = new Date();
  const columns: ColumnSpec<CaseLedgerRow>[] = [
    { header: '案件编号', width: 20, value: (r) => r.row.code },
    { header: '标题', width: 30, value: (r) => r.row.title },
    { header: '事项类型', width: 18, value: (r) => r.categoryName ?? r.row.categoryCode },
    { header: '所在区域', width: 22, value: (r) => r.areaName ?? r.row.areaCode },
    { header: '区域代码', width: 18, value: (r) => r.row.areaCode },
    { header: '渠道', width: 12, value: (r) => CHANNEL_LABELS[r.row.channel as Channel] ?? r.row.channel },
    { header: '外部工单号', width: 18, value: (r) => r.row.externalRef },
    { header: '状态', width: 10, value: (r) => STATE_LABELS[r.row.state as CaseState]?.zh ?? r.row.state },
    { header: '承办单位', width: 22, value: (r) => r.unitName },
    { header: '上报时间', type: 'datetime', value: (r) => r.row.createdAt },
    { header: '受理时间', type: 'datetime', value: (r) => r.row.acceptedAt },
    { header: '办结时间', type: 'datetime', value: (r) => r.row.handledAt },
    { header: '结案时间', type: 'datetime', value: (r) => r.row.closedAt },
    { header: '办理时限', type: 'datetime', value: (r) => r.row.dueAt },
    { header: '是否超期', type: 'bool', value: (r) => isOverdue(r.row, now) },
    { header: '急难险重', type: 'bool', value: (r) => r.row.urgent },
    { header: '返工次数', type: 'int', value: (r) => r.row.reworkCount },
    { header: '群众评价', width: 10, value: (r) => (r.row.rating ? RATING_LABELS[r.row.rating] : null) },
    { header: '联系电话', width: 14, value: (r) => maskPhone(r.row.reporterPhoneLast4) },
  ];
  const label = areaText.replace(/（.*$/, '');
  return {
    fileName: `案件台账-${label}-${today()}.xlsx`,
    total: Math.min(total, MAX_EXPORT_ROWS),
    write: (out: Writable, onProgress?: (rows: number) => void) =>
      streamWorkbook({ name: '案件台账', title: `${label}案件台账`, info: infoLine(actor, parts, cut), columns, rows: rows(), onProgress }, out, MAX_EXPORT_ROWS),
  };
}

// ---- registry -----------------------------------------------------------------------------------------------------

type PersonDto = Awaited<ReturnType<typeof listPeople>>['items'][number];

/** What a streamed export needs: its file name, its row count, and a writer (progress reported as rows written). */
export interface PreparedExport {
  fileName: string;
  total: number;
  write: (out: Writable, onProgress?: (rows: number) => void) => Promise<number>;
}

/**
 * The people list with its filters, masking and special-group rules (the same policy and filters as
 * GET /api/people), read grid by grid and streamed: a district-wide export never holds the server.
 */
export async function preparePeopleExport(ctx: AppContext, actor: Actor, q: Omit<ListPeopleQuery, 'page' | 'pageSize'>, req: RequestContext): Promise<PreparedExport> {
  checkArea(actor, q.area);
  const { total, rows } = await peopleForExport(ctx, actor, q);
  const names = await areaNames(ctx.db, [q.area ?? actor.scopeCode]);
  const gridNames = new Map<string, string>();
  // Grid names are looked up once per grid as the rows arrive (rows come grid by grid).
  async function* named(): AsyncIterable<PersonDto & { gridName: string | null }> {
    for await (const p of rows) {
      const grid = p.areaCode.slice(0, 15);
      if (!gridNames.has(grid)) gridNames.set(grid, (await areaNames(ctx.db, [grid])).get(grid)?.name ?? grid);
      yield { ...p, gridName: gridNames.get(grid) ?? null };
    }
  }
  const area = q.area ?? actor.scopeCode;
  const areaName = names.get(area)?.name ?? area;
  const label = `${areaName}（${area}）`;
  const cut = total > MAX_EXPORT_ROWS ? `共 ${total} 人，仅导出前 ${MAX_EXPORT_ROWS} 人` : `共 ${total} 人`;
  await record(ctx, actor, req, 'people', { ...q, area }, Math.min(total, MAX_EXPORT_ROWS));
  return {
    fileName: `人口信息-${areaName}-${today()}.xlsx`,
    total: Math.min(total, MAX_EXPORT_ROWS),
    write: (out, onProgress) =>
      streamWorkbook(
        {
          name: '人口信息',
          title: `${areaName}人口信息台账`,
          info: infoLine(
            actor,
            [`区域 ${label}`, q.q && `关键词“${q.q}”`, q.tag && `特殊人群 ${GROUP_LABELS.get(q.tag) ?? q.tag}`, q.residenceType && `人口类型 ${RESIDENCE_LABELS.get(q.residenceType) ?? q.residenceType}`, q.partyMember !== undefined && (q.partyMember ? '仅党员' : '非党员')],
            `${cut}；证件号码、手机号码已脱敏`,
          ),
          columns: [
            { header: '姓名', width: 10, value: (p) => p.name },
            { header: '性别', width: 6, value: (p) => (p.gender === 'male' ? '男' : '女') },
            { header: '出生日期', type: 'date', value: (p) => p.birthDate },
            { header: '年龄', type: 'int', width: 6, value: (p) => p.age },
            { header: '民族', width: 8, value: (p) => p.ethnicity },
            { header: '身份证号码', width: 22, value: (p) => p.idNumber },
            { header: '手机号码', width: 14, value: (p) => p.phone },
            { header: '所在网格', width: 24, value: (p) => p.gridName ?? p.areaCode },
            { header: '住址', width: 30, value: (p) => p.address },
            { header: '与户主关系', width: 10, value: (p) => (p.relation ? (RELATION_LABELS[p.relation] ?? p.relation) : null) },
            { header: '人口类型', width: 10, value: (p) => (p.residenceType ? (RESIDENCE_LABELS.get(p.residenceType) ?? p.residenceType) : null) },
            { header: '特殊人群', width: 20, value: (p) => p.tags.map((t) => GROUP_LABELS.get(t) ?? t).join('、') },
            { header: '党员', type: 'bool', value: (p) => p.partyMember },
            { header: '备注', width: 20, value: (p) => p.note },
          ],
          rows: named(),
          onProgress,
        },
        out,
        MAX_EXPORT_ROWS,
      ),
  };
}

type HouseholdDto = Awaited<ReturnType<typeof getHouseholds>>['items'][number];

/** The households of an area (the same service as GET /api/areas/{code}/households). */
export async function exportHouseholds(ctx: AppContext, actor: Actor, q: { area?: string }, req: RequestContext): Promise<ExportFile> {
  const area = q.area ?? actor.scopeCode;
  const items: HouseholdDto[] = [];
  let total = 0;
  for (let page = 1; items.length < MAX_EXPORT_ROWS; page++) {
    const res = await getHouseholds(ctx, actor, area, page, 1000);
    total = res.total;
    items.push(...res.items);
    if (res.items.length < 1000) break;
  }
  const names = await areaNames(ctx.db, [...new Set(items.map((h) => h.areaCode))]);
  const label = await areaLabel(ctx, area);
  const areaName = label.replace(/（.*$/, '');
  const body = await workbookBuffer({
    name: '住户信息',
    title: `${areaName}住户台账`,
    info: infoLine(actor, [`区域 ${label}`], `共 ${total} 户`),
    columns: [
      { header: '所在网格', width: 24, value: (h) => names.get(h.areaCode)?.name ?? h.areaCode },
      { header: '区域代码', width: 20, value: (h) => h.areaCode },
      { header: '门牌', width: 12, value: (h) => h.doorplate },
      { header: '住址', width: 34, value: (h) => h.address },
      { header: '户主', width: 10, value: (h) => h.head },
      { header: '人数', type: 'int', width: 6, value: (h) => h.members },
      { header: '风险等级', width: 10, value: (h) => (h.riskColour ? RISK_LABELS[h.riskColour] ?? h.riskColour : null) },
    ],
    rows: items,
  });
  await record(ctx, actor, req, 'households', { area }, items.length);
  return { fileName: `住户信息-${areaName}-${today()}.xlsx`, body };
}

// ---- points -------------------------------------------------------------------------------------------------------

/** The monthly points leaderboard (the same service as GET /api/points/leaderboard). */
export async function exportLeaderboard(ctx: AppContext, actor: Actor, q: LeaderboardQuery, req: RequestContext): Promise<ExportFile> {
  const board = await leaderboard(ctx, actor, q);
  const info = infoLine(actor, [`区域 ${board.area.name}（${board.area.code}）`, `积分 ${board.schemeName}`, `月份 ${board.month}`, board.by === 'area' ? '按下级区域' : '按个人/家庭']);
  const title = `${board.area.name}${board.schemeName}${board.month}排行榜`;
  const body =
    board.by === 'area'
      ? await workbookBuffer({
          name: '积分排行榜',
          title,
          info,
          columns: [
            { header: '名次', type: 'int', width: 7, value: (r: (typeof board.items)[number]) => r.rank },
            { header: '区域', width: 24, value: (r) => r.name },
            { header: '本月积分', type: 'int', value: (r) => r.points },
            { header: '年度积分', type: 'int', value: (r) => r.yearPoints },
            { header: '获分人数', type: 'int', value: (r) => r.holders },
          ],
          rows: board.items,
        })
      : await workbookBuffer({
          name: '积分排行榜',
          title,
          info,
          columns: [
            { header: '名次', type: 'int', width: 7, value: (r: (typeof board.items)[number]) => r.rank },
            { header: '姓名', width: 12, value: (r) => r.name },
            { header: '所在区域', width: 24, value: (r) => r.areaName ?? r.areaCode },
            { header: '本月积分', type: 'int', value: (r) => r.points },
            { header: '年度积分', type: 'int', value: (r) => r.yearPoints },
            { header: '累计积分', type: 'int', value: (r) => r.totalPoints },
            { header: '星级', width: 10, value: (r) => r.starLabel },
          ],
          rows: board.items,
        });
  await record(ctx, actor, req, 'points-leaderboard', { ...q, area: board.area.code }, board.items.length);
  return { fileName: `积分排行榜-${board.area.name}-${board.month}.xlsx`, body };
}

// ---- audit log ----------------------------------------------------------------------------------------------------

export interface AuditExportQuery {
  actor?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  from?: string;
  to?: string;
}

type AuditDto = Awaited<ReturnType<typeof listAudit>>['items'][number];

/** The audit log with the page's filters (the same service as GET /api/audit; audit administrators only). */
export async function exportAudit(ctx: AppContext, actor: Actor, q: AuditExportQuery, req: RequestContext): Promise<ExportFile> {
  const day = (d: string) => new Date(`${d}T00:00:00+08:00`);
  const f = { actor: q.actor, action: q.action, entityType: q.entityType, entityId: q.entityId, from: q.from ? day(q.from) : undefined, to: q.to ? new Date(day(q.to).getTime() + 86400_000) : undefined };
  const items: AuditDto[] = [];
  let total = 0;
  for (let page = 1; items.length < MAX_EXPORT_ROWS; page++) {
    const res = await listAudit(ctx, actor, { ...f, page, pageSize: 1000 });
    total = res.total;
    items.push(...res.items);
    if (res.items.length < 1000) break;
  }
  const detailText = (a: AuditDto) => a.details.map((d) => `${d.label.zh}：${d.value}`).join('；') || null;
  const body = await workbookBuffer({
    name: '审计日志',
    title: '审计日志',
    info: infoLine(actor, [q.actor && `操作人 ${q.actor}`, q.action && `操作 ${q.action}`, q.entityType && `对象类型 ${q.entityType}`, q.entityId && `对象 ${q.entityId}`, (q.from || q.to) && `日期 ${q.from ?? '…'} 至 ${q.to ?? '…'}`], total > MAX_EXPORT_ROWS ? `共 ${total} 条，仅导出最近 ${MAX_EXPORT_ROWS} 条` : `共 ${total} 条`),
    columns: [
      { header: '时间', type: 'datetime', value: (a) => a.at },
      { header: '操作人', width: 16, value: (a) => a.actor },
      { header: '操作', width: 22, value: (a) => a.actionLabel.zh },
      { header: '操作代码', width: 22, value: (a) => a.action },
      { header: '对象类型', width: 12, value: (a) => a.entityLabel?.zh ?? null },
      { header: '对象', width: 38, value: (a) => a.entityId },
      { header: '区域代码', width: 18, value: (a) => a.areaCode },
      { header: '结果', width: 8, value: (a) => a.outcome },
      { header: 'IP', width: 16, value: (a) => a.ip },
      { header: '详情', width: 60, value: (a) => detailText(a) },
    ],
    rows: items,
  });
  await record(ctx, actor, req, 'audit', { ...q }, items.length);
  return { fileName: `审计日志-${today()}.xlsx`, body };
}
