// Meetings of a deliberation (议事会议, docs/PARTICIPATION.md "Meetings"): schedule with an agenda whose
// items name their source (case, need, 金点子 or free text), take attendance of the roll by QR check-in
// (a six-digit code rotating every 30 s on the organiser's screen) or by staff, record minutes and files.
// Access goes through the deliberation: its organisers (staff of the area) write, its roll members read
// and check in for their own entries; anyone else is refused as the deliberation module refuses them.
import crypto from 'node:crypto';
import QRCode from 'qrcode';
import {
  AGENDA_SOURCE_LABELS,
  CHECKIN_PERIOD_SECONDS,
  classifyMeetingCode,
  codeWindowOf,
  conflict,
  DELIBERATION_BODY_LABELS,
  DELIBERATION_BODY_SOURCES,
  DELIBERATION_THRESHOLD_LABELS,
  explainDeliberationCheck,
  forbidden,
  invalid,
  isWithinScope,
  meetingAttendanceFigures,
  meetingCheckinOpen,
  meetingCodeDigits,
  MEETING_STATE_LABELS,
  notFound,
  percentTruncated,
  type AgendaSource,
  type DeliberationBody,
  type DeliberationForm,
  type MeetingState,
} from '@gongzhi/domain';
import { AREA_STAFF, hasAnyRole, type Actor, type RequestContext } from '../policies/actor.ts';
import { deliberationScopeOf, isOrganiser, isOwnEntry, organises, seesRoll, type Voter } from '../policies/deliberations.ts';
import * as dRepo from '../repositories/deliberations.ts';
import * as repo from '../repositories/deliberation-meetings.ts';
import { filesOf, lockIdea, setIdeaState } from '../repositories/projects.ts';
import { toIsoCst } from '../lib/time.ts';
import { audit } from './audit.ts';
import type { AppContext } from './context.ts';
import { fileUrl } from './files.ts';
import { getIdea } from './projects.ts';

async function voterOf(ctx: AppContext, actor: Actor): Promise<Voter> {
  if (!actor.personId) return { personId: null, householdId: null };
  return { personId: actor.personId, householdId: await dRepo.householdOfPerson(ctx.db, actor.personId) };
}

/** The deliberation as the caller may see it: staff of another area get 404; a resident not on the roll 403. */
async function deliberationFor(ctx: AppContext, actor: Actor, id: string) {
  const voter = await voterOf(ctx, actor);
  const d = await dRepo.findDeliberation(ctx.db, deliberationScopeOf(actor, voter), id);
  if (!d) {
    if (hasAnyRole(actor, AREA_STAFF)) throw notFound('议事协商');
    throw forbidden('只有名册上的居民和组织议事的工作人员可以查看和签到', 'not_on_roll');
  }
  return { d, voter };
}

async function meetingFor(ctx: AppContext, actor: Actor, id: string) {
  const m = await repo.findMeeting(ctx.db, id);
  if (!m) throw notFound('议事会议');
  const { d, voter } = await deliberationFor(ctx, actor, m.deliberationId);
  return { m, d, voter };
}

function mustOrganise(actor: Actor, d: dRepo.DeliberationRow) {
  if (!organises(actor, d)) throw forbidden('只有组织议事协商的本区域工作人员可以管理会议', 'not_organiser');
}

// ---- the code ---------------------------------------------------------------------------------

function codeKey(ctx: AppContext): Buffer {
  return Buffer.from(ctx.cipher.lookupHash('gongzhi/meeting-checkin-code'), 'hex');
}

/** The six-digit code of a meeting in a 30-second window. */
export function codeFor(ctx: AppContext, meetingId: string, window: number): string {
  return meetingCodeDigits(crypto.createHmac('sha256', codeKey(ctx)).update(`${meetingId}.${window}`).digest());
}

// ---- presenting -------------------------------------------------------------------------------

function presentAgenda(a: repo.AgendaRow) {
  const source = a.sourceType as AgendaSource;
  return { id: a.id, seq: a.seq, title: a.title, source, sourceLabel: AGENDA_SOURCE_LABELS[source].zh, sourceId: a.sourceId, sourceTitle: a.sourceTitle, presenter: a.presenter };
}

function meetingHead(m: repo.MeetingRow) {
  const state = m.state as MeetingState;
  return { id: m.id, deliberationId: m.deliberationId, scheduledAt: toIsoCst(m.scheduledAt), place: m.place, state, stateLabel: MEETING_STATE_LABELS[state].zh };
}

type FileRef = { id: string; name: string; mime: string };

export async function getMeeting(ctx: AppContext, actor: Actor, id: string) {
  const { m, d, voter } = await meetingFor(ctx, actor, id);
  return present(ctx, actor, m, d, voter);
}

async function present(ctx: AppContext, actor: Actor, m: repo.MeetingRow, d: dRepo.DeliberationRow, voter: Voter) {
  const [agenda, roll, attendance] = await Promise.all([repo.agendaOf(ctx.db, [m.id]), dRepo.rollOf(ctx.db, d.id), repo.attendanceOf(ctx.db, m.id)]);
  const byRoll = new Map(attendance.map((a) => [a.rollId, a]));
  const body = d.body as DeliberationBody;
  const figures = meetingAttendanceFigures(body, d.form as DeliberationForm, roll.map((r) => ({ areaCenti: r.areaCenti, present: byRoll.has(r.id) })));
  const staff = seesRoll(actor, d);
  const organiser = organises(actor, d);
  const mine = roll.filter((r) => isOwnEntry(voter, r, d.form));
  const open = meetingCheckinOpen(m, new Date());
  const allowedActions: string[] = [];
  if (organiser) allowedActions.push('agenda', 'attendance', 'minutes', 'files', ...(m.state === 'scheduled' ? ['code'] : []));
  if (open && mine.some((r) => !byRoll.has(r.id))) allowedActions.push('check-in');
  return {
    ...meetingHead(m),
    deliberation: { id: d.id, title: d.title, body, bodyLabel: DELIBERATION_BODY_LABELS[body].zh, areaCode: d.areaCode, state: d.state },
    agenda: agenda.map(presentAgenda),
    attendance: {
      present: figures.present,
      roll: figures.roll,
      // The body's quorum (none for a consultation): the attendance figure beside the rule's threshold.
      quorum: figures.checks.map((c) => ({ measure: c.measure, n: c.n, d: c.d, percent: percentTruncated(c.n, c.d), threshold: c.threshold, thresholdLabel: DELIBERATION_THRESHOLD_LABELS[c.threshold].zh, met: c.met, text: explainDeliberationCheck(c, 'zh') })),
      rule: DELIBERATION_BODY_SOURCES[body].zh,
    },
    // Staff of the area see the whole roll with who attended; a roll member sees only their own entries.
    roll: (staff ? roll : mine).map((r) => {
      const a = byRoll.get(r.id);
      return { id: r.id, seq: r.seq, name: r.name, present: !!a, how: (a?.how ?? null) as 'qr' | 'staff' | null, at: toIsoCst(a?.at ?? null) };
    }),
    mine: mine.map((r) => ({ id: r.id, name: r.name, present: byRoll.has(r.id) })),
    checkinOpen: open,
    minutes: m.minutes,
    minutesAt: toIsoCst(m.minutesAt),
    minutesBy: m.minutesBy ? await nameOf(ctx, m.minutesBy) : null,
    files: staff ? (m.files as FileRef[]).map((f) => ({ ...f, url: fileUrl(ctx, f.id) })) : [],
    allowedActions,
  };
}

async function nameOf(ctx: AppContext, userId: string) {
  const name = await repo.userName(ctx.db, userId);
  return name ? name.replace(/（[^）]*）$/, '').trim() || name : null;
}

export async function listMeetings(ctx: AppContext, actor: Actor, deliberationId: string) {
  const { d } = await deliberationFor(ctx, actor, deliberationId);
  const meetings = await repo.meetingsOf(ctx.db, d.id);
  const ids = meetings.map((m) => m.id);
  const [agenda, counts, roll] = await Promise.all([repo.agendaOf(ctx.db, ids), repo.attendanceCounts(ctx.db, ids), dRepo.rollOf(ctx.db, d.id)]);
  return {
    items: meetings.map((m) => ({ ...meetingHead(m), agenda: agenda.filter((a) => a.meetingId === m.id).map(presentAgenda), present: counts.get(m.id) ?? 0, roll: roll.length, hasMinutes: !!m.minutes })),
    allowedActions: organises(actor, d) ? ['schedule'] : [],
  };
}

// ---- writing ----------------------------------------------------------------------------------

export interface AgendaInput {
  title?: string;
  source: AgendaSource;
  sourceId?: string;
  presenter?: string;
}

/** The stored fields of an agenda item: its source must exist and lie inside the organiser's area. */
async function agendaRow(ctx: AppContext, actor: Actor, d: dRepo.DeliberationRow, input: AgendaInput, field = 'sourceId') {
  if (input.source === 'text') {
    if (!input.title) throw invalid('missing_field', '请填写议题名称（title）', { field: 'title' });
    return { title: input.title, sourceType: 'text', sourceId: null, sourceTitle: null, presenter: input.presenter ?? '' };
  }
  const label = AGENDA_SOURCE_LABELS[input.source].zh;
  if (!input.sourceId) throw invalid('missing_field', `请选择作为议题来源的${label}（${field}）`, { field });
  const s = await repo.sourceOf(ctx.db, input.source, input.sourceId);
  if (!s || !isWithinScope(s.areaCode, actor.scopeCode)) throw notFound(`${label}（${field}）`);
  if (!isWithinScope(s.areaCode, d.areaCode.slice(0, 9)) && !isWithinScope(d.areaCode, s.areaCode)) {
    throw invalid('source_elsewhere', `该${label}不在本议事协商所在的镇（街道）内（${field}）`, { field });
  }
  return { title: input.title || s.title, sourceType: input.source, sourceId: input.sourceId, sourceTitle: s.title, presenter: input.presenter ?? '' };
}

export interface MeetingInput {
  scheduledAt: string;
  place: string;
  agenda?: AgendaInput[];
}

function parseWhen(s: string) {
  const at = new Date(s);
  if (Number.isNaN(at.getTime())) throw invalid('invalid_time', '召开时间（scheduledAt）应为日期时间，如 2026-12-04T19:00:00+08:00', { field: 'scheduledAt' });
  return at;
}

export async function scheduleMeeting(ctx: AppContext, actor: Actor, deliberationId: string, input: MeetingInput, req: RequestContext) {
  const { d, voter } = await deliberationFor(ctx, actor, deliberationId);
  mustOrganise(actor, d);
  const at = parseWhen(input.scheduledAt);
  const rows: Awaited<ReturnType<typeof agendaRow>>[] = [];
  for (const [i, a] of (input.agenda ?? []).entries()) rows.push(await agendaRow(ctx, actor, d, a, `agenda.${i}.sourceId`));
  const m = await ctx.db.transaction(async (tx) => {
    const m = await repo.insertMeeting(tx, { deliberationId: d.id, scheduledAt: at, place: input.place, createdBy: actor.id });
    for (const r of rows) await repo.insertAgendaItem(tx, { ...r, meetingId: m.id });
    await audit(tx, { actor }, req, { action: 'meeting.create', entityType: 'meeting', entityId: m.id, areaCode: d.areaCode, detail: { deliberationId: d.id, agenda: rows.length } });
    return m;
  });
  return present(ctx, actor, m, d, voter);
}

/** A change by the organiser, under the meeting's row lock, with its audit row. */
async function change(ctx: AppContext, actor: Actor, id: string, action: string, fn: (tx: Parameters<Parameters<AppContext['db']['transaction']>[0]>[0], m: repo.MeetingRow, d: dRepo.DeliberationRow) => Promise<Record<string, unknown> | void>, req: RequestContext) {
  const { d, voter } = await meetingFor(ctx, actor, id);
  mustOrganise(actor, d);
  await ctx.db.transaction(async (tx) => {
    const m = (await repo.lockMeeting(tx, id))!;
    const detail = await fn(tx, m, d);
    await audit(tx, { actor }, req, { action, entityType: 'meeting', entityId: id, areaCode: d.areaCode, detail: detail ?? undefined });
  });
  return present(ctx, actor, (await repo.findMeeting(ctx.db, id))!, d, voter);
}

export async function updateMeeting(ctx: AppContext, actor: Actor, id: string, input: { scheduledAt?: string; place?: string }, req: RequestContext) {
  const at = input.scheduledAt ? parseWhen(input.scheduledAt) : undefined;
  return change(ctx, actor, id, 'meeting.update', async (tx, m) => {
    if (m.state !== 'scheduled') throw conflict('meeting_held', '会议已召开，不能再修改时间和地点');
    await repo.updateMeeting(tx, id, { ...(at ? { scheduledAt: at } : {}), ...(input.place ? { place: input.place } : {}) });
  }, req);
}

export async function addAgendaItem(ctx: AppContext, actor: Actor, id: string, input: AgendaInput, req: RequestContext) {
  const { d } = await meetingFor(ctx, actor, id);
  mustOrganise(actor, d);
  const row = await agendaRow(ctx, actor, d, input);
  return change(ctx, actor, id, 'meeting.agenda', async (tx, m) => {
    if (m.state !== 'scheduled') throw conflict('meeting_held', '会议已召开，不能再修改议程');
    const item = await repo.insertAgendaItem(tx, { ...row, meetingId: id });
    return { op: 'add', itemId: item.id, source: row.sourceType };
  }, req);
}

export async function removeAgendaItem(ctx: AppContext, actor: Actor, id: string, itemId: string, req: RequestContext) {
  return change(ctx, actor, id, 'meeting.agenda', async (tx, m) => {
    if (m.state !== 'scheduled') throw conflict('meeting_held', '会议已召开，不能再修改议程');
    if (!(await repo.deleteAgendaItem(tx, id, itemId))) throw notFound('议题');
    return { op: 'remove', itemId };
  }, req);
}

export async function moveAgendaItem(ctx: AppContext, actor: Actor, id: string, itemId: string, direction: 'up' | 'down', req: RequestContext) {
  return change(ctx, actor, id, 'meeting.agenda', async (tx, m) => {
    if (m.state !== 'scheduled') throw conflict('meeting_held', '会议已召开，不能再修改议程');
    const items = await repo.agendaOf(tx, [id]);
    const i = items.findIndex((x) => x.id === itemId);
    if (i < 0) throw notFound('议题');
    const j = direction === 'up' ? i - 1 : i + 1;
    if (j < 0 || j >= items.length) return { op: 'move', itemId, direction };
    [items[i], items[j]] = [items[j]!, items[i]!];
    // Renumber 1..n in the new order.
    for (const [k, it] of items.entries()) await repo.setAgendaSeq(tx, it.id, k + 1);
    return { op: 'move', itemId, direction };
  }, req);
}

export async function markAttendance(ctx: AppContext, actor: Actor, id: string, input: { rollId: string; present: boolean }, req: RequestContext) {
  return change(ctx, actor, id, 'meeting.attendance', async (tx, m, d) => {
    const entry = await dRepo.rollEntry(tx, d.id, input.rollId);
    if (!entry) throw notFound('名册条目（rollId）');
    if (input.present) await repo.insertAttendance(tx, { meetingId: m.id, rollId: entry.id, how: 'staff', recordedBy: actor.id });
    else await repo.deleteAttendance(tx, m.id, entry.id);
    return { rollId: entry.id, present: input.present };
  }, req);
}

export async function recordMinutes(ctx: AppContext, actor: Actor, id: string, input: { minutes: string }, req: RequestContext) {
  return change(ctx, actor, id, 'meeting.minutes', async (tx, m) => {
    if (m.scheduledAt.getTime() > Date.now()) throw conflict('meeting_not_started', '会议尚未召开，会后再记录会议纪要');
    await repo.updateMeeting(tx, id, { minutes: input.minutes, minutesBy: actor.id, minutesAt: new Date(), state: 'held' });
    return { length: input.minutes.length };
  }, req);
}

export async function attachFile(ctx: AppContext, actor: Actor, id: string, input: { fileId: string }, req: RequestContext) {
  return change(ctx, actor, id, 'meeting.file', async (tx, m) => {
    const [f] = await filesOf(tx, [input.fileId]);
    if (!f || f.uploaderId !== actor.id || f.caseId) throw invalid('invalid_attachment', '文件（fileId）不存在或不是您刚上传的文件', { field: 'fileId' });
    const files = m.files as FileRef[];
    if (files.some((x) => x.id === f.id)) return { fileId: f.id };
    if (files.length >= 20) throw invalid('too_many_files', '每次会议最多附 20 个文件（fileId）', { field: 'fileId' });
    await repo.updateMeeting(tx, id, { files: [...files, { id: f.id, name: f.name, mime: f.mime }] });
    return { fileId: f.id };
  }, req);
}

// ---- QR check-in ------------------------------------------------------------------------------

/** The code the organiser's screen shows now, with when it changes and how many have checked in. */
export async function currentCode(ctx: AppContext, actor: Actor, id: string, origin: string) {
  const { m, d } = await meetingFor(ctx, actor, id);
  mustOrganise(actor, d);
  if (m.state !== 'scheduled') throw conflict('meeting_held', '会议已召开并记录纪要，不再签到');
  const now = new Date();
  const window = codeWindowOf(now);
  const code = codeFor(ctx, m.id, window);
  const path = `/m/meetings/${m.id}?c=${code}`;
  const svg = await QRCode.toString(`${origin}${path}`, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  const [roll, attendance] = await Promise.all([dRepo.rollOf(ctx.db, d.id), repo.attendanceOf(ctx.db, m.id)]);
  return {
    code,
    path,
    svg,
    refreshAt: toIsoCst(new Date((window + 1) * CHECKIN_PERIOD_SECONDS * 1000)),
    periodSeconds: CHECKIN_PERIOD_SECONDS,
    open: meetingCheckinOpen(m, now),
    present: attendance.length,
    roll: roll.length,
  };
}

/** A roll member checks in with the code on the screen: a stale code → 400 code_expired; a repeat changes nothing. */
export async function checkIn(ctx: AppContext, actor: Actor, id: string, input: { code: string }, req: RequestContext) {
  const { m, d, voter } = await meetingFor(ctx, actor, id);
  const mine = (await dRepo.ownEntries(ctx.db, [d.id], voter.personId, voter.householdId)).filter((e) => isOwnEntry(voter, e, d.form));
  if (!mine.length) throw forbidden('您不在本次会议的名册上，不能签到', 'not_on_roll');
  const now = new Date();
  const verdict = classifyMeetingCode(input.code, now, (w) => codeFor(ctx, m.id, w));
  if (verdict === 'expired') throw invalid('code_expired', '签到码已过期（每 30 秒更新），请输入或扫描现场大屏上的最新签到码', { field: 'code' });
  if (verdict === 'invalid') throw invalid('invalid_code', '签到码不正确，请核对现场大屏上的 6 位数字', { field: 'code' });
  await ctx.db.transaction(async (tx) => {
    const locked = (await repo.lockMeeting(tx, m.id))!;
    if (!meetingCheckinOpen(locked, now)) throw conflict('checkin_closed', locked.state === 'held' ? '会议已结束，不能再签到' : '会议开始前 1 小时起才能签到');
    let added = 0;
    for (const e of mine) if (await repo.insertAttendance(tx, { meetingId: m.id, rollId: e.id, how: 'qr', recordedBy: actor.id, at: now })) added++;
    if (added) await audit(tx, { actor }, req, { action: 'meeting.check-in', entityType: 'meeting', entityId: m.id, areaCode: d.areaCode, detail: { entries: added } });
  });
  return present(ctx, actor, (await repo.findMeeting(ctx.db, m.id))!, d, voter);
}

// ---- 金点子 → 议题 -----------------------------------------------------------------------------

export interface IdeaTopicInput {
  /** Put the idea on the agenda of this scheduled meeting … */
  meetingId?: string;
  /** … or open a new consultation (议事协商会) of the idea's village or community with a meeting. */
  scheduledAt?: string;
  place?: string;
  presenter?: string;
}

export async function ideaToTopic(ctx: AppContext, actor: Actor, ideaId: string, input: IdeaTopicInput, req: RequestContext) {
  const idea = await getIdea(ctx, actor, ideaId);
  if (!isOrganiser(actor) || !isWithinScope(idea.areaCode, actor.scopeCode)) throw forbidden('只有本村（社区）及上级的工作人员可以把金点子转为议题', 'not_organiser');
  if (!['open', 'topic'].includes(idea.state)) throw conflict('idea_not_open', '该金点子已列入需求清单或已关闭，不能再转为议题');
  const item = { title: idea.title, sourceType: 'idea', sourceId: idea.id, sourceTitle: idea.title, presenter: input.presenter ?? '' };
  let meetingId: string;
  let deliberationId: string;
  if (input.meetingId) {
    const { m, d } = await meetingFor(ctx, actor, input.meetingId);
    mustOrganise(actor, d);
    if (m.state !== 'scheduled') throw conflict('meeting_held', '该会议已召开，请选择待召开的会议');
    await ctx.db.transaction(async (tx) => {
      const i = (await lockIdea(tx, ideaId))!;
      if (!['open', 'topic'].includes(i.state)) throw conflict('idea_not_open', '该金点子已列入需求清单或已关闭，不能再转为议题');
      const added = await repo.insertAgendaItem(tx, { ...item, meetingId: m.id });
      if (i.state === 'open') await setIdeaState(tx, ideaId, 'topic', actor.id);
      await audit(tx, { actor }, req, { action: 'idea.to-topic', entityType: 'idea', entityId: ideaId, areaCode: i.areaCode, detail: { meetingId: m.id, itemId: added.id } });
    });
    meetingId = m.id;
    deliberationId = d.id;
  } else {
    if (!input.scheduledAt || !input.place) throw invalid('missing_field', '请选择待召开的会议（meetingId），或填写新议事会议的时间（scheduledAt）和地点（place）', { field: input.scheduledAt ? 'place' : 'scheduledAt' });
    const at = parseWhen(input.scheduledAt);
    const area = idea.areaCode.slice(0, 12);
    const adults = await dRepo.adultsIn(ctx.db, area, 5000);
    if (!adults.length) throw invalid('empty_roll', '该村（社区）人口信息中没有 18 周岁以上居民，无法生成名册', { field: 'scheduledAt' });
    const out = await ctx.db.transaction(async (tx) => {
      const i = (await lockIdea(tx, ideaId))!;
      if (!['open', 'topic'].includes(i.state)) throw conflict('idea_not_open', '该金点子已列入需求清单或已关闭，不能再转为议题');
      const d = await dRepo.insertDeliberation(tx, { title: idea.title, description: `金点子“${idea.title}”转为议题：${i.content}`, areaCode: area, body: 'consultation', form: 'persons', matter: null, state: 'open', createdBy: actor.id });
      await dRepo.insertRoll(tx, adults.map((p, k) => ({ deliberationId: d.id, seq: k + 1, name: p.name, personId: p.personId, householdId: null, areaCenti: null })));
      const m = await repo.insertMeeting(tx, { deliberationId: d.id, scheduledAt: at, place: input.place!, createdBy: actor.id });
      await repo.insertAgendaItem(tx, { ...item, meetingId: m.id });
      if (i.state === 'open') await setIdeaState(tx, ideaId, 'topic', actor.id);
      await audit(tx, { actor }, req, { action: 'deliberation.create', entityType: 'deliberation', entityId: d.id, areaCode: area, detail: { body: 'consultation', form: 'persons', roll: adults.length, ideaId } });
      await audit(tx, { actor }, req, { action: 'idea.to-topic', entityType: 'idea', entityId: ideaId, areaCode: i.areaCode, detail: { deliberationId: d.id, meetingId: m.id } });
      return { d, m };
    });
    meetingId = out.m.id;
    deliberationId = out.d.id;
  }
  return { ideaId, deliberationId, meetingId, topics: (await ideaTopics(ctx, actor, ideaId)).items };
}

/** Where a source went: the agenda items that name it, with their meetings and deliberations. */
export async function ideaTopics(ctx: AppContext, actor: Actor, ideaId: string) {
  await getIdea(ctx, actor, ideaId);
  return sourceTopics(ctx, 'idea', ideaId);
}

export async function sourceTopics(ctx: AppContext, type: 'idea' | 'need' | 'case', id: string) {
  const rows = await repo.itemsBySource(ctx.db, type, id);
  return {
    items: rows.map((r) => ({ itemId: r.itemId, itemTitle: r.itemTitle, meetingId: r.meetingId, scheduledAt: toIsoCst(r.scheduledAt), meetingState: r.meetingState as MeetingState, deliberationId: r.deliberationId, deliberationTitle: r.deliberationTitle })),
  };
}

/** Scheduled meetings the organiser may put a topic on (their area). */
export async function scheduledMeetings(ctx: AppContext, actor: Actor) {
  if (!isOrganiser(actor)) return { items: [] };
  const rows = await repo.scheduledMeetingsIn(ctx.db, [actor.scopeCode]);
  return { items: rows.map((r) => ({ id: r.id, scheduledAt: toIsoCst(r.scheduledAt), place: r.place, deliberationId: r.deliberationId, deliberationTitle: r.deliberationTitle, areaCode: r.areaCode })) };
}
