// Lists and projects: 金点子, 赋能清单, 需求清单, 治理项目 (docs/PARTICIPATION.md). The answers of routes/projects.ts.
import { z } from 'zod';
import { CLAIM_KINDS, IDEA_STATES, NEED_SOURCE_TYPES, NEED_STATES, PROJECT_STATES } from '../projects/index.ts';
import { isoTime, pageOf } from './common.ts';
import { areaCodeInput, isoDay, isoMonth, optionalText, paging, text } from './input.ts';

/** A label in both languages of the console. */
export const Bilingual = z.object({ zh: z.string(), en: z.string() });
export type Bilingual = z.infer<typeof Bilingual>;

export const IDEA_VIEW_ACTIONS = ['support', 'to-need', 'to-topic', 'close'] as const;
export const PROJECT_VIEW_ACTIONS = ['claim-team', 'claim', 'milestone', 'sign-off', 'record-sign-off', 'close'] as const;
export type ProjectViewAction = (typeof PROJECT_VIEW_ACTIONS)[number];

// ---- 金点子 ----

export const Idea = z.object({
  id: z.string(),
  areaCode: z.string(),
  areaName: z.string(),
  quarter: z.string(),
  title: z.string(),
  content: z.string(),
  /** Masked unless the caller is staff of the area or the author. */
  author: z.string(),
  state: z.enum(IDEA_STATES),
  stateLabel: Bilingual,
  supports: z.number().int(),
  supportedByMe: z.boolean(),
  mine: z.boolean(),
  createdAt: isoTime,
  allowedActions: z.array(z.enum(IDEA_VIEW_ACTIONS)),
});
export type Idea = z.infer<typeof Idea>;

/** The list, with the quarter now collecting. */
export const IdeaList = pageOf(Idea).extend({ quarter: z.string() });
export type IdeaList = z.infer<typeof IdeaList>;

export const IdeaCreated = z.object({ id: z.string(), state: z.enum(IDEA_STATES), quarter: z.string() });
export type IdeaCreated = z.infer<typeof IdeaCreated>;

/** The idea after the decision, with the need made from it (`as=need`). */
export const IdeaDecided = Idea.extend({ needId: z.string().nullable() });
export type IdeaDecided = z.infer<typeof IdeaDecided>;

// ---- 赋能清单 ----

export const Offer = z.object({
  id: z.string(),
  year: z.number().int(),
  areaCode: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  title: z.string(),
  content: z.string(),
  contact: z.string(),
  conditions: z.string(),
  capacity: z.number().int(),
  used: z.number().int(),
  /** 直通车 activities held under it (not cancelled). */
  activities: z.number().int(),
  createdAt: isoTime,
});
export type Offer = z.infer<typeof Offer>;

export const OfferList = z.object({ total: z.number().int(), items: z.array(Offer) });
export type OfferList = z.infer<typeof OfferList>;

export const OfferCreated = z.object({ id: z.string() });
export type OfferCreated = z.infer<typeof OfferCreated>;

// ---- 需求清单 ----

const needSource = z.object({ type: z.enum(NEED_SOURCE_TYPES), id: z.string(), title: z.string() });

export const Need = z.object({
  id: z.string(),
  areaCode: z.string(),
  areaName: z.string(),
  month: z.string(),
  title: z.string(),
  content: z.string(),
  state: z.enum(NEED_STATES),
  stateLabel: Bilingual,
  sources: z.array(needSource.extend({ label: Bilingual })),
  createdAt: isoTime,
  allowedActions: z.array(z.enum(['project'])),
});
export type Need = z.infer<typeof Need>;

export const NeedList = pageOf(Need);
export type NeedList = z.infer<typeof NeedList>;

/** The explained score of a need↔offer match (staff decide; the score only orders the proposals). */
export const OfferMatch = z.object({ score: z.number(), usable: z.boolean(), reasons: z.array(Bilingual), shared: z.array(z.string()) });
export type OfferMatch = z.infer<typeof OfferMatch>;

export const MatchProposal = z.object({ offer: Offer, match: OfferMatch });
export type MatchProposal = z.infer<typeof MatchProposal>;

export const NeedDetail = Need.extend({ matches: z.array(MatchProposal) });
export type NeedDetail = z.infer<typeof NeedDetail>;

export const NeedCreated = z.object({ id: z.string(), state: z.enum(NEED_STATES) });
export type NeedCreated = z.infer<typeof NeedCreated>;
export const ProjectCreated = z.object({ id: z.string(), state: z.enum(PROJECT_STATES) });
export type ProjectCreated = z.infer<typeof ProjectCreated>;

// ---- 治理项目 ----

/** What the public wall (民生小事小黑板) shows of a project: progress, no personal names beyond masked ones. */
export const ProjectWallItem = z.object({
  id: z.string(),
  areaCode: z.string(),
  areaName: z.string(),
  title: z.string(),
  state: z.enum(PROJECT_STATES),
  stateLabel: Bilingual,
  percent: z.number().int(),
  secretaryProject: z.boolean(),
  ledger: z.boolean(),
  /** Yuan. */
  budget: z.number(),
  spent: z.number(),
  dueDate: z.string().nullable(),
  offerUnit: z.string().nullable(),
  claimedBy: z.object({ kind: z.enum(CLAIM_KINDS), kindLabel: Bilingual, name: z.string() }).nullable(),
  supervisors: z.object({ total: z.number().int(), signed: z.number().int() }),
  closedAt: isoTime.nullable(),
  closedOnTime: z.boolean().nullable(),
});
export type ProjectWallItem = z.infer<typeof ProjectWallItem>;

export const ProjectWall = z.object({
  area: z.object({ code: z.string(), name: z.string() }),
  total: z.number().int(),
  items: z.array(ProjectWallItem.extend({ photos: z.array(z.object({ id: z.string(), url: z.string(), milestone: z.string() })) })),
});
export type ProjectWall = z.infer<typeof ProjectWall>;

export const ProjectSummary = ProjectWallItem.extend({
  supervising: z.boolean(),
  createdAt: isoTime,
  allowedActions: z.array(z.enum(PROJECT_VIEW_ACTIONS)),
});
export type ProjectSummary = z.infer<typeof ProjectSummary>;

export const ProjectList = pageOf(ProjectSummary);
export type ProjectList = z.infer<typeof ProjectList>;

export const ProjectDetail = ProjectSummary.extend({
  content: z.string(),
  /** Spent as a share of the budget, in per cent (null without a budget). */
  spentShare: z.number().nullable(),
  need: z.object({ id: z.string(), title: z.string(), month: z.string(), sources: z.array(needSource) }).nullable(),
  offer: Offer.nullable(),
  supervisorList: z.array(
    z.object({ id: z.string(), name: z.string(), mine: z.boolean(), signedAt: isoTime.nullable(), signedOnline: z.boolean().nullable(), note: z.string().nullable() }),
  ),
  milestones: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      note: z.string(),
      percent: z.number().int(),
      spent: z.number(),
      by: z.string(),
      at: isoTime,
      photos: z.array(z.object({ id: z.string(), name: z.string(), url: z.string() })),
    }),
  ),
  timeline: z.array(z.object({ action: z.string(), by: z.string(), note: z.string().nullable(), at: isoTime, points: z.number().int().nullable() })),
  closeCheck: z.object({ ok: z.boolean(), reasons: z.array(z.string()) }),
});
export type ProjectDetail = z.infer<typeof ProjectDetail>;

// ---- requests (the server validates with these; the web's request types are their z.input) ----

const quarter = z.string().regex(/^\d{4}-Q[1-4]$/, '应为 YYYY-Qn（n 为 1–4）');
const money = (what: string) => z.number({ message: `${what}应为数字（元）` }).min(0, `${what}不能为负`).max(100_000_000, `${what}过大`).multipleOf(0.01, `${what}最多两位小数`);
const flag = z.enum(['true', 'false'], { message: '应为 true 或 false' }).transform((v) => v === 'true');

/** `POST /api/ideas` */
export const IdeaBody = z.object({ title: text(60), content: text(1000) });
/** `GET /api/ideas` */
export const IdeaListQuery = z.object({ area: areaCodeInput.optional(), quarter: quarter.optional(), state: z.enum(IDEA_STATES, { message: '未知的金点子状态' }).optional(), ...paging });
/** `POST /api/ideas/{id}/decide` */
export const IdeaDecideBody = z.object({ as: z.enum(['need', 'topic', 'close'], { message: 'as 应为 need、topic 或 close' }), title: text(60).optional(), content: text(1000).optional() });

/** `POST /api/offers` */
export const OfferBody = z.object({
  year: z.number({ message: '年度（year）应为数字' }).int().min(2020, '年度（year）不早于 2020').max(2100, '年度（year）过大'),
  title: text(60),
  content: text(1000),
  contact: text(60),
  conditions: optionalText(500).optional(),
  capacity: z.number({ message: '可承接数（capacity）应为数字' }).int('可承接数（capacity）应为整数').min(1, '可承接数（capacity）至少为 1').max(1000, '可承接数（capacity）不超过 1000'),
  unitId: z.uuid({ message: '应为部门 ID' }).optional(),
});
/** `GET /api/offers` */
export const OfferListQuery = z.object({ year: z.coerce.number().int().min(2020, '年度（year）不早于 2020').max(2100, '年度（year）过大').optional(), mine: flag.optional() });

/** `POST /api/needs` */
export const NeedBody = z.object({
  areaCode: areaCodeInput,
  title: text(60),
  content: text(1000),
  month: isoMonth.optional(),
  sources: z
    .array(z.object({ type: z.enum(NEED_SOURCE_TYPES, { message: `来源类型应为 ${NEED_SOURCE_TYPES.join('、')}` }), id: z.uuid({ message: '应为来源 ID' }) }))
    .max(20, '来源（sources）最多 20 项')
    .optional(),
});
/** `GET /api/needs` */
export const NeedListQuery = z.object({ area: areaCodeInput.optional(), month: isoMonth.optional(), state: z.enum(NEED_STATES, { message: '未知的需求状态' }).optional(), ...paging });
/** `POST /api/needs/{id}/project` */
export const ProjectCreateBody = z.object({
  offerId: z.uuid({ message: '应为赋能清单项 ID' }).optional(),
  title: text(60).optional(),
  content: text(1000).optional(),
  secretaryProject: z.boolean().optional(),
  ledger: z.boolean().optional(),
  budget: money('预算（budget）').optional(),
  dueDate: isoDay.optional(),
  supervisors: z.array(z.uuid({ message: '督导小组成员应为居民 ID' }), { message: '请选择群众督导小组成员（supervisors）' }).max(20, '督导小组（supervisors）人数过多'),
});

/** `GET /api/projects/wall` */
export const ProjectWallQuery = z.object({ area: areaCodeInput });
/** `GET /api/projects` */
export const ProjectListQuery = z.object({
  area: areaCodeInput.optional(),
  state: z
    .string()
    .max(40)
    .refine((s) => s.split(',').every((x) => ['open', 'claimed', 'closed'].includes(x)), '未知的项目状态')
    .optional(),
  relation: z.enum(['supervising'], { message: 'relation 应为 supervising' }).optional(),
  secretary: flag.optional(),
  ledger: flag.optional(),
  ...paging,
});
/** `POST /api/projects/{id}/claim` */
export const ProjectClaimBody = z.object({ teamId: z.uuid({ message: '应为服务团队 ID' }).optional() }).default({});
/** `POST /api/projects/{id}/milestones` */
export const MilestoneBody = z.object({
  title: text(60),
  note: optionalText(1000).optional(),
  percent: z.number({ message: '进度（percent）应为数字' }),
  spent: money('本次支出（spent）').optional(),
  photos: z.array(z.uuid({ message: '应为照片 ID' })).max(9, '最多 9 张照片（photos）').optional(),
});
/** `POST /api/projects/{id}/sign-off` */
export const SignOffBody = z.object({ supervisorId: z.uuid({ message: '应为督导小组成员 ID' }).optional(), note: optionalText(500).optional() }).default({});
/** `POST /api/projects/{id}/close` */
export const ProjectCloseBody = z.object({ note: optionalText(500).optional() }).default({});
