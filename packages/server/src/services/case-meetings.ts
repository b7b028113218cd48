// 会商 (joint handling meeting) of a case with assisting units (issue 12 item 7; `002` 六步接办:
// 吹哨、报到、会商、落实、反馈、评价; SPEC §4 step 4 "joint consultation when several units are involved").
import { forbidden, invalid, notFound } from '@gongzhi/domain';
import type { Actor, RequestContext } from '../policies/actor.ts';
import { caseRelations, caseScopeOf } from '../policies/case.ts';
import * as cases from '../repositories/cases.ts';
import * as repo from '../repositories/case-meetings.ts';
import { toIsoCst } from '../lib/time.ts';
import { audit } from './audit.ts';
import type { AppContext } from './context.ts';

/** While units work on the case; a closed case keeps its meetings but takes no new ones. */
const OPEN_STATES = ['dispatched', 'acknowledged', 'handled'];
const FUTURE_SLACK_MS = 10 * 60_000;

export interface MeetingInput {
  heldAt: string;
  place?: string | null;
  unitIds: string[];
  participants: string;
  minutes: string;
  decisions: string;
  attachments?: string[];
}

async function load(ctx: AppContext, actor: Actor, caseId: string) {
  const c = await cases.findCase(ctx.db, caseScopeOf(actor), caseId);
  if (!c) throw notFound('案件');
  const rows = await cases.caseUnitRows(ctx.db, c.id);
  const assists = rows.filter((r) => r.role === 'assist' && r.status !== 'returned');
  const relations = caseRelations(actor, c, { lead: c.handlerUnitId, assists: assists.map((r) => r.unitId) });
  // The centre that owns the case or the lead unit convenes the meeting, once there are assisting units.
  const mayRecord = OPEN_STATES.includes(c.state) && assists.length > 0 && (relations.has('owner') || relations.has('handler'));
  return { c, rows, mayRecord };
}

function present(m: repo.CaseMeetingRow, unitNames: Map<string, string>, files: Map<string, { id: string; name: string; mime: string; size: number }>) {
  return {
    id: m.id,
    heldAt: toIsoCst(m.heldAt),
    place: m.place,
    units: m.unitIds.map((id) => ({ id, name: unitNames.get(id) ?? '—' })),
    participants: m.participants,
    minutes: m.minutes,
    decisions: m.decisions,
    attachments: ((m.attachments as string[] | null) ?? []).map((id) => files.get(id)).filter((f) => f !== undefined),
    recordedBy: m.recordedByName,
    recordedAt: toIsoCst(m.createdAt),
  };
}

export async function listMeetings(ctx: AppContext, actor: Actor, caseId: string) {
  const { c, rows, mayRecord } = await load(ctx, actor, caseId);
  const meetings = await repo.meetingsOf(ctx.db, c.id);
  const names = new Map(rows.map((r) => [r.unitId, r.name]));
  const files = new Map((await cases.filesOfCase(ctx.db, c.id)).map((f) => [f.id, f]));
  return {
    items: meetings.map((m) => present(m, names, files)),
    /** Units the meeting can name: the lead and the assisting units of the case. */
    units: rows.filter((r) => r.status !== 'returned').map((r) => ({ id: r.unitId, name: r.name, role: r.role })),
    allowedActions: mayRecord ? ['record'] : [],
  };
}

export async function recordMeeting(ctx: AppContext, actor: Actor, caseId: string, input: MeetingInput, req: RequestContext) {
  const { c, rows, mayRecord } = await load(ctx, actor, caseId);
  if (!mayRecord) {
    const assists = rows.some((r) => r.role === 'assist' && r.status !== 'returned');
    if (!assists) throw invalid('no_assisting_units', '该案件没有协办单位，无需会商', { field: 'caseId' });
    if (!OPEN_STATES.includes(c.state)) throw invalid('case_not_in_handling', '案件当前不在办理中，不能登记会商', { field: 'caseId' });
    throw forbidden('只有主办单位或案件所属指挥中心可以登记会商');
  }
  const heldAt = new Date(input.heldAt);
  if (!Number.isFinite(heldAt.getTime())) throw invalid('invalid_date', '会商时间格式不正确', { field: 'heldAt' });
  if (heldAt.getTime() > Date.now() + FUTURE_SLACK_MS) throw invalid('invalid_date', '会商时间不能晚于现在', { field: 'heldAt' });
  if (heldAt.getTime() < c.createdAt.getTime() - FUTURE_SLACK_MS) throw invalid('invalid_date', '会商时间不能早于案件登记时间', { field: 'heldAt' });
  const known = new Map(rows.filter((r) => r.status !== 'returned').map((r) => [r.unitId, r.name]));
  const unitIds = [...new Set(input.unitIds)];
  if (unitIds.length < 2) throw invalid('invalid_units', '会商至少需要两个参与单位', { field: 'unitIds' });
  for (const id of unitIds) if (!known.has(id)) throw invalid('invalid_units', `单位 ${id} 不是本案件的承办或协办单位`, { field: 'unitIds' });
  const attachments = [...new Set(input.attachments ?? [])];
  if (attachments.length > 9) throw invalid('too_many_files', '最多上传 9 个附件', { field: 'attachments' });
  const meta = await cases.fileMetaOf(ctx.db, attachments);
  for (const id of attachments) {
    const f = meta.find((m) => m.id === id);
    if (!f || f.caseId || (f.uploaderId && f.uploaderId !== actor.id)) throw invalid('invalid_attachment', `附件 ${id} 不存在或已被使用`, { field: 'attachments' });
  }
  const meeting = await ctx.db.transaction(async (tx) => {
    const locked = await cases.lockCase(tx, c.id);
    if (!locked || !OPEN_STATES.includes(locked.state)) throw invalid('case_not_in_handling', '案件当前不在办理中，不能登记会商', { field: 'caseId' });
    if (attachments.length) await cases.attachFiles(tx, c.id, attachments);
    const m = await repo.insertMeeting(tx, {
      caseId: c.id,
      heldAt,
      place: input.place?.trim() || null,
      unitIds,
      participants: input.participants.trim(),
      minutes: input.minutes.trim(),
      decisions: input.decisions.trim(),
      attachments: attachments.length ? attachments : null,
      recordedBy: actor.id,
      recordedByName: actor.displayName,
    });
    await cases.insertEvent(tx, {
      caseId: c.id,
      action: 'meeting',
      fromState: locked.state,
      toState: locked.state,
      actorId: actor.id,
      actorName: actor.displayName,
      actorUnit: null,
      note: `会商（${unitIds.map((id) => known.get(id)).join('、')}）：${m.decisions.slice(0, 200)}`,
      attachments: attachments.length ? attachments : null,
      detail: { meetingId: m.id, heldAt: toIsoCst(heldAt), unitIds },
    });
    await audit(tx, { actor }, req, { action: 'case.meeting', entityType: 'case', entityId: c.id, areaCode: c.areaCode, detail: { meetingId: m.id } });
    for (const id of unitIds) {
      await cases.notifyUsers(tx, { unitId: id }, { caseId: c.id, kind: 'case.meeting', title: `会商纪要已登记：${c.title}（${c.code}）` });
    }
    return m;
  });
  const files = new Map((await cases.filesOfCase(ctx.db, c.id)).map((f) => [f.id, f]));
  return present(meeting, known, files);
}
