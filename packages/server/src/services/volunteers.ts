// Volunteers (志愿者, 志愿服务条例 2017): registration with team, skills and availability; the record
// the organising team keeps (第十四条: personal details, service done, hours, training,
// commendations, evaluation); and the free certificate of service (第十七条) as a PDF whose code
// any office can verify on the public page.
import crypto from 'node:crypto';
import fs from 'node:fs';
import PDFDocument from 'pdfkit';
import {
  ACTIVITY_KIND_INFO,
  ACTIVITY_KINDS,
  CERTIFICATE_CODE_ALPHABET,
  conflict,
  forbidden,
  formatHours,
  invalid,
  isAreaCode,
  isCertificateCode,
  maskIdNumber,
  maskName,
  maskPhone,
  notFound,
  trainingCount,
  VOLUNTEER_TEAM_KIND_LABELS,
  type ActivityKind,
  type TrainingEntry,
  type VolunteerTeamKind,
} from '@gongzhi/domain';
import type { AttendanceOutcome, VolunteerTeam } from '@gongzhi/domain/contract';
import { hasAnyRole, type Actor, type RequestContext } from '../policies/actor.ts';
import { canPublishIn, keepsVolunteerRecords, readsVolunteers } from '../policies/activities.ts';
import * as repo from '../repositories/activities.ts';
import { personForWish } from '../repositories/wishes.ts';
import { toIsoCst } from '../lib/time.ts';
import { areaNames } from './area-names.ts';
import { audit } from './audit.ts';
import type { AppContext } from './context.ts';

/** Kinds whose hours count as volunteer service, and kinds that count as training. */
export const SERVICE_KINDS = ACTIVITY_KINDS.filter((k) => ['volunteer', 'team', 'train'].includes(ACTIVITY_KIND_INFO[k].group));
export const TRAINING_KINDS: ActivityKind[] = ['training'];

const plainName = (name: string) => name.replace(/（[^）]*）$/, '').trim() || name;

async function homeOf(ctx: AppContext, actor: Actor) {
  const person = actor.personId ? await personForWish(ctx.db, actor.personId) : null;
  const area = person?.areaCode ?? actor.scopeCode;
  return { person, community: area.length >= 12 ? area.slice(0, 12) : null, name: person?.name ?? plainName(actor.displayName) };
}

export async function volunteerTeams(ctx: AppContext, actor: Actor) {
  const { community } = await homeOf(ctx, actor);
  const area = hasAnyRole(actor, ['resident', 'party-member', 'cadre']) ? community : actor.scopeCode;
  if (!area) return { items: [] };
  const rows = await repo.volunteerTeamsIn(ctx.db, area);
  const [sizes, areas] = await Promise.all([repo.teamSizes(ctx.db, rows.map((t) => t.id)), areaNames(ctx.db, rows.map((t) => t.areaCode))]);
  return {
    items: rows.map((t): VolunteerTeam => ({
      id: t.id,
      name: t.name,
      kind: t.kind as VolunteerTeamKind,
      kindLabel: VOLUNTEER_TEAM_KIND_LABELS[t.kind as VolunteerTeamKind]?.zh ?? VOLUNTEER_TEAM_KIND_LABELS.other.zh,
      leader: t.leader,
      description: t.description,
      areaCode: t.areaCode,
      area: { code: t.areaCode, name: areas.get(t.areaCode)?.name ?? t.areaCode },
      members: sizes.get(t.id) ?? 0,
      allowedActions: canPublishIn(actor, t.areaCode) ? ['edit'] : [],
    })),
  };
}

export interface VolunteerTeamInput {
  name: string;
  kind: VolunteerTeamKind;
  leader?: string;
  description?: string;
  areaCode: string;
}

/** A community's organisers create a volunteer team (name unique in the area). */
export async function createVolunteerTeam(ctx: AppContext, actor: Actor, input: VolunteerTeamInput, req: RequestContext) {
  if (!isAreaCode(input.areaCode) || input.areaCode.length < 12) throw invalid('invalid_area', '所属社区（areaCode）应为村（社区）或网格的区划代码', { field: 'areaCode' });
  if (!canPublishIn(actor, input.areaCode)) throw forbidden('只有本社区（村）的社区工作者和党组织书记可以建立志愿服务队', 'not_organiser');
  const row = await ctx.db.transaction(async (tx) => {
    const t = await repo.insertVolunteerTeam(tx, { areaCode: input.areaCode, name: input.name, kind: input.kind, leader: input.leader ?? '', description: input.description ?? '' });
    if (!t) throw conflict('team_exists', `本社区已有名为“${input.name}”的志愿服务队`);
    await audit(tx, { actor }, req, { action: 'volunteer-team.create', entityType: 'volunteer_team', entityId: t.id, areaCode: t.areaCode, detail: { name: t.name, kind: t.kind } });
    return t;
  });
  return (await volunteerTeams(ctx, actor)).items.find((t) => t.id === row.id)!;
}

/** Edits a team's name, kind, leader or description (its area stays). */
export async function updateVolunteerTeam(ctx: AppContext, actor: Actor, id: string, input: Partial<Omit<VolunteerTeamInput, 'areaCode'>>, req: RequestContext) {
  const t = await repo.volunteerTeamOf(ctx.db, id);
  if (!t || !readsVolunteers(actor, t.areaCode)) throw notFound('志愿服务队');
  if (!canPublishIn(actor, t.areaCode)) throw forbidden('只有本社区（村）的社区工作者和党组织书记可以修改志愿服务队', 'not_organiser');
  await ctx.db.transaction(async (tx) => {
    if (input.name && input.name !== t.name && (await repo.volunteerTeamByName(tx, t.areaCode, input.name))) throw conflict('team_exists', `本社区已有名为“${input.name}”的志愿服务队`);
    const patch = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
    await repo.updateVolunteerTeam(tx, id, patch);
    await audit(tx, { actor }, req, { action: 'volunteer-team.update', entityType: 'volunteer_team', entityId: id, areaCode: t.areaCode, detail: { fields: Object.keys(patch) } });
  });
  return (await volunteerTeams(ctx, actor)).items.find((x) => x.id === id)!;
}

export interface VolunteerInput {
  teamId?: string | null;
  skills: string[];
  availability: string;
}

/** A resident registers (or updates) themselves as a volunteer of their community. */
export async function registerVolunteer(ctx: AppContext, actor: Actor, input: VolunteerInput, req: RequestContext) {
  const { person, community, name } = await homeOf(ctx, actor);
  if (!community) throw invalid('no_community', '无法确定您所在的村（社区），请由居住地所在社区的账号登记', { field: 'teamId' });
  if (input.teamId) {
    const t = await repo.volunteerTeamOf(ctx.db, input.teamId);
    if (!t || !community.startsWith(t.areaCode.slice(0, Math.min(t.areaCode.length, 12))) || t.areaCode.length > 12 && !t.areaCode.startsWith(community)) {
      throw invalid('invalid_team', '志愿服务队（teamId）不属于您所在的社区', { field: 'teamId' });
    }
  }
  const row = await ctx.db.transaction(async (tx) => {
    const v = await repo.upsertVolunteer(tx, { userId: actor.id, personId: person?.id ?? null, name, areaCode: community, teamId: input.teamId ?? null, skills: [...new Set(input.skills)], availability: input.availability });
    await audit(tx, { actor }, req, { action: 'volunteer.register', entityType: 'volunteer', entityId: v.id, areaCode: community, detail: { team: v.teamId } });
    return v;
  });
  return record(ctx, actor, row);
}

export async function myVolunteer(ctx: AppContext, actor: Actor) {
  const v = await repo.volunteerOfUser(ctx.db, actor.id);
  return { volunteer: v ? await record(ctx, actor, v) : null };
}

/** The volunteer record (志愿服务记录): details (masked unless the keeper reads it), service, hours, training, commendations, evaluation. */
async function record(ctx: AppContext, actor: Actor, v: repo.VolunteerRow) {
  const [person, totals, history, team, areas] = await Promise.all([
    v.personId ? repo.personDetails(ctx.db, v.personId) : null,
    repo.serviceTotals(ctx.db, [v.userId], SERVICE_KINDS, TRAINING_KINDS),
    repo.serviceHistory(ctx.db, v.userId),
    v.teamId ? repo.volunteerTeamOf(ctx.db, v.teamId) : null,
    areaNames(ctx.db, [v.areaCode]),
  ]);
  const t = totals.get(v.userId) ?? { minutes: 0, services: 0, trainings: 0, noShows: 0 };
  return {
    id: v.id,
    name: v.name,
    gender: person?.gender ?? null,
    birthDate: person?.birthDate ?? null,
    idNumber: maskIdNumber(person?.idLast4),
    phone: maskPhone(person?.phoneLast4),
    community: { code: v.areaCode, name: areas.get(v.areaCode)?.name ?? v.areaCode },
    team: team ? { id: team.id, name: team.name } : null,
    skills: v.skills,
    availability: v.availability,
    registeredAt: toIsoCst(v.createdAt),
    hours: Number(formatHours(t.minutes)),
    minutes: t.minutes,
    services: t.services,
    trainings: trainingCount(t.trainings, v.trainings),
    trainingRecords: v.trainings,
    noShows: t.noShows,
    commendations: v.commendations,
    evaluation: v.evaluation,
    history: history.map((h) => ({
      activityId: h.activityId,
      kind: h.kind as ActivityKind,
      kindLabel: ACTIVITY_KIND_INFO[h.kind as ActivityKind]?.zh ?? h.kind,
      title: h.title,
      place: h.place,
      startsAt: toIsoCst(h.startsAt),
      outcome: h.outcome as AttendanceOutcome | null,
      minutes: h.minutes,
      points: h.points,
    })),
    mine: v.userId === actor.id,
  };
}

export async function listVolunteers(ctx: AppContext, actor: Actor, q: { teamId?: string; page: number; pageSize: number }) {
  if (!hasAnyRole(actor, ['admin', 'district-dispatcher', 'leader', 'town-dispatcher', 'community-worker', 'grid-worker', 'building-leader', 'party-secretary'])) {
    throw forbidden('只有工作人员可以查看志愿者名册');
  }
  const { total, rows } = await repo.listVolunteers(ctx.db, actor.scopeCode, q);
  const [totals, teams] = await Promise.all([
    repo.serviceTotals(ctx.db, rows.map((r) => r.userId), SERVICE_KINDS, TRAINING_KINDS),
    repo.teamNames(ctx.db, [], [...new Set(rows.flatMap((r) => (r.teamId ? [r.teamId] : [])))]),
  ]);
  return {
    total,
    page: q.page,
    pageSize: q.pageSize,
    items: rows.map((r) => {
      const t = totals.get(r.userId) ?? { minutes: 0, services: 0, trainings: 0, noShows: 0 };
      return { id: r.id, name: r.name, areaCode: r.areaCode, team: r.teamId ? (teams.get(r.teamId) ?? null) : null, skills: r.skills, availability: r.availability, hours: Number(formatHours(t.minutes)), services: t.services, trainings: trainingCount(t.trainings, r.trainings), noShows: t.noShows, registeredAt: toIsoCst(r.createdAt) };
    }),
  };
}

export async function getVolunteer(ctx: AppContext, actor: Actor, id: string) {
  const v = await repo.findVolunteer(ctx.db, id);
  if (!v || (v.userId !== actor.id && !readsVolunteers(actor, v.areaCode))) throw notFound('志愿者');
  return record(ctx, actor, v);
}

export interface VolunteerRecordInput {
  evaluation?: string;
  commendations?: { title: string; on: string }[];
  trainings?: TrainingEntry[];
}

/** The organising team keeps the record: trainings, commendations and evaluation. */
export async function updateVolunteerRecord(ctx: AppContext, actor: Actor, id: string, input: VolunteerRecordInput, req: RequestContext) {
  const v = await repo.findVolunteer(ctx.db, id);
  if (!v || !readsVolunteers(actor, v.areaCode)) throw notFound('志愿者');
  if (!keepsVolunteerRecords(actor, v.areaCode)) throw forbidden('只有社区工作者和党组织书记可以填写志愿服务记录', 'not_organiser');
  const row = await ctx.db.transaction(async (tx) => {
    const updated = await repo.updateVolunteer(tx, id, {
      ...(input.evaluation !== undefined ? { evaluation: input.evaluation } : {}),
      ...(input.commendations ? { commendations: input.commendations } : {}),
      ...(input.trainings ? { trainings: input.trainings } : {}),
    });
    await audit(tx, { actor }, req, { action: 'volunteer.record', entityType: 'volunteer', entityId: id, areaCode: v.areaCode, detail: { commendations: updated.commendations.length, trainings: updated.trainings.length } });
    return updated;
  });
  return record(ctx, actor, row);
}

// ---- the certificate --------------------------------------------------------------------------

function newCode(): string {
  let out = '';
  for (const b of crypto.randomBytes(32)) {
    if (b >= 248) continue;
    out += CERTIFICATE_CODE_ALPHABET[b % 31];
    if (out.length === 10) break;
  }
  return out;
}

/** CJK fonts looked for in order; GONGZHI_CJK_FONT names another (a .ttf/.otf, or a .ttc with its face name after '#'). */
const FONT_CANDIDATES: { path: string; face?: string }[] = [
  ...(process.env.GONGZHI_CJK_FONT ? [{ path: process.env.GONGZHI_CJK_FONT.split('#')[0]!, face: process.env.GONGZHI_CJK_FONT.split('#')[1] }] : []),
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', face: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', face: 'NotoSerifCJKsc-Regular' },
  { path: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', face: 'WenQuanYiMicroHei' },
  { path: '/usr/share/fonts/truetype/arphic/uming.ttc', face: 'AR PL UMing CN' },
];
const cjkFont = () => FONT_CANDIDATES.find((f) => fs.existsSync(f.path)) ?? null;

export interface CertificateFigures {
  name: string;
  idNumber: string | null;
  community: string;
  team: string | null;
  hours: number;
  services: number;
  trainings: number;
  commendations: number;
  /** What the Regulations want the record to show: the commendations by name and the team's evaluation. */
  commendationList?: string[];
  evaluation?: string;
  firstService: string | null;
  lastService: string | null;
  issuer: string;
  issuedAt: string;
}

/** Issues a certificate for the caller's own record (free of charge) and renders it as a PDF. */
export async function issueCertificate(ctx: AppContext, actor: Actor, req: RequestContext, origin: string) {
  const v = await repo.volunteerOfUser(ctx.db, actor.id);
  if (!v) throw notFound('志愿者登记');
  const rec = await record(ctx, actor, v);
  const served = rec.history.filter((h) => h.outcome === 'present');
  const now = new Date();
  const figures: CertificateFigures = {
    name: rec.name,
    idNumber: rec.idNumber,
    community: rec.community.name,
    team: rec.team?.name ?? null,
    hours: rec.hours,
    services: rec.services,
    trainings: rec.trainings,
    commendations: rec.commendations.length,
    commendationList: rec.commendations.map((c) => `${c.title}（${c.on}）`),
    evaluation: rec.evaluation,
    firstService: served.length ? served[served.length - 1]!.startsAt!.slice(0, 10) : null,
    lastService: served.length ? served[0]!.startsAt!.slice(0, 10) : null,
    issuer: `${rec.community.name}${rec.team ? rec.team.name : '志愿服务站'}`,
    issuedAt: toIsoCst(now)!.slice(0, 10),
  };
  const cert = await ctx.db.transaction(async (tx) => {
    const c = await repo.insertCertificate(tx, { code: newCode(), volunteerId: v.id, issuedAt: now, figures: figures as unknown as Record<string, unknown> });
    await audit(tx, { actor }, req, { action: 'volunteer.certificate', entityType: 'volunteer', entityId: v.id, areaCode: v.areaCode, detail: { code: c.code, hours: figures.hours } });
    return c;
  });
  const pdf = await renderCertificate(figures, cert.code, `${origin}/m/verify/${cert.code}`);
  return { code: cert.code, figures, pdf, fileName: `志愿服务记录证明-${cert.code}.pdf` };
}

function renderCertificate(f: CertificateFigures, code: string, verifyUrl: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 64, info: { Title: '志愿服务记录证明', Author: f.issuer } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    const font = cjkFont();
    if (font) {
      if (font.face) doc.font(font.path, font.face);
      else doc.font(font.path);
    }
    // Without a CJK font on the machine the certificate is still issued, in pinyin-free plain figures
    // with an English note (see docs/ACTIVITIES.md: install fonts-noto-cjk or set GONGZHI_CJK_FONT).
    const t = (zh: string, en: string) => (font ? zh : en);
    doc.fontSize(22).text(t('志愿服务记录证明', 'Certificate of Volunteer Service'), { align: 'center' });
    doc.moveDown(1.5).fontSize(12);
    const line = (label: string, value: string) => doc.text(`${label}${value}`, { lineGap: 6 });
    line(t('姓名：', 'Name: '), font ? f.name : maskName(f.name).replace(/[^\x20-\x7e]/g, '*'));
    if (f.idNumber) line(t('身份证号：', 'ID number: '), f.idNumber);
    if (font) line('所在社区：', f.community);
    if (font && f.team) line('所在队伍：', f.team);
    line(t('累计志愿服务时长：', 'Hours of service: '), `${f.hours} ${t('小时', 'h')}`);
    line(t('参加志愿服务活动：', 'Service activities: '), `${f.services} ${t('次', '')}`);
    line(t('参加志愿者培训：', 'Trainings: '), `${f.trainings} ${t('次', '')}`);
    line(t('获得表彰：', 'Commendations: '), `${f.commendations} ${t('项', '')}`);
    if (font && f.commendationList?.length) line('表彰名称：', f.commendationList.join('；'));
    if (font && f.evaluation) line('服务评价：', f.evaluation);
    if (f.firstService) line(t('服务期间：', 'Period: '), `${f.firstService} — ${f.lastService}`);
    doc.moveDown(1);
    if (font) {
      doc.text('兹证明以上志愿服务信息依据《志愿服务条例》（2017）第十四条由志愿服务组织如实记录，本证明无偿出具（第十七条）。', { lineGap: 6 });
      doc.moveDown(1).text(`出具单位：${f.issuer}`, { align: 'right' });
      doc.text(`出具日期：${f.issuedAt}`, { align: 'right' });
    } else doc.text(`Issued ${f.issuedAt} under the Regulations on Volunteer Service (2017), art. 14 and 17.`);
    doc.moveDown(2).fontSize(11);
    doc.text(`${t('验证码：', 'Verification code: ')}${code}`);
    doc.text(`${t('查验地址：', 'Verify at: ')}${verifyUrl}`);
    doc.end();
  });
}

/** The public verification page's data: the certificate's figures as issued (no login). */
export async function verifyCertificate(ctx: AppContext, code: string) {
  const c = code.trim().toUpperCase();
  if (!isCertificateCode(c)) throw invalid('invalid_code', '验证码（code）应为 10 位字母数字', { field: 'code' });
  const cert = await repo.certificateByCode(ctx.db, c);
  if (!cert) throw notFound('证明');
  const f = cert.figures as unknown as CertificateFigures;
  return { code: cert.code, issuedAt: toIsoCst(cert.issuedAt), figures: { ...f, name: maskName(f.name), idNumber: f.idNumber } };
}
