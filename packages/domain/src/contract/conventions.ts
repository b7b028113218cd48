// The conventions API's answers (村规民约 / 居民公约, docs/PARTICIPATION.md "Conventions").
import { z } from 'zod';
import { CONVENTION_KINDS, CONVENTION_STATES, MAX_ARTICLE_TEXT, MAX_ARTICLES, MAX_CHAPTER } from '../conventions/index.ts';
import { isoTime } from './common.ts';
import { isoDay, optionalText, text } from './input.ts';

export const ConventionKindSchema = z.enum(CONVENTION_KINDS);
export const ConventionStateSchema = z.enum(CONVENTION_STATES);

export const ConventionArticleSchema = z.object({ id: z.string(), chapter: z.string().nullable(), text: z.string() });

/** The deliberation that adopted a version (or that a draft answers). */
export const ConventionDeliberationRef = z.object({ id: z.string(), title: z.string(), body: z.string(), bodyLabel: z.string(), closedAt: isoTime.nullable(), passed: z.boolean() });

/** One of the area's own points rules (the village's or community's override of a district rule). */
export const ConventionPointsRule = z.object({ id: z.string(), code: z.string(), name: z.string(), scheme: z.string(), points: z.number().int(), maxPoints: z.number().int(), active: z.boolean(), overridesDistrict: z.boolean() });

export const ConventionVersionSchema = z.object({
  id: z.string(),
  versionNo: z.number().int(),
  title: z.string(),
  state: ConventionStateSchema,
  stateLabel: z.string(),
  articles: z.array(ConventionArticleSchema),
  pointsRuleIds: z.array(z.string()),
  adoptedOn: z.string().nullable(),
  paperNote: z.string().nullable(),
  deliberation: ConventionDeliberationRef.nullable(),
  draftedBy: z.string().nullable(),
  adoptedBy: z.string().nullable(),
  createdAt: isoTime,
  updatedAt: isoTime,
});

export const ConventionSummary = z.object({
  id: z.string(),
  areaCode: z.string(),
  areaName: z.string().nullable(),
  kind: ConventionKindSchema,
  kindLabel: z.string(),
  adopted: z.object({ id: z.string(), versionNo: z.number().int(), title: z.string(), adoptedOn: z.string().nullable(), articleCount: z.number().int() }).nullable(),
  draft: z.object({ id: z.string(), versionNo: z.number().int() }).nullable(),
  versionCount: z.number().int(),
});

export const ConventionList = z.object({
  items: z.array(ConventionSummary),
  /** Villages and communities in the caller's scope without a convention yet, where the caller may start one. */
  missing: z.array(z.object({ areaCode: z.string(), areaName: z.string(), kind: ConventionKindSchema, kindLabel: z.string() })),
});

export const ConventionDetail = ConventionSummary.extend({
  /** Newest first. Residents see only the adopted version. */
  versions: z.array(ConventionVersionSchema),
  pointsRules: z.array(ConventionPointsRule),
  allowedActions: z.array(z.enum(['draft', 'edit', 'adopt'])),
});

export const ConventionDiffSchema = z.object({
  from: z.object({ id: z.string(), versionNo: z.number().int() }),
  to: z.object({ id: z.string(), versionNo: z.number().int() }),
  summary: z.object({ added: z.number().int(), removed: z.number().int(), changed: z.number().int() }),
  articles: z.array(
    z.object({
      change: z.enum(['added', 'removed', 'changed', 'same']),
      id: z.string(),
      fromNo: z.number().int().nullable(),
      toNo: z.number().int().nullable(),
      fromText: z.string().nullable(),
      toText: z.string().nullable(),
      fromChapter: z.string().nullable(),
      toChapter: z.string().nullable(),
    }),
  ),
});

/** The phone's reading: the caller's own village or community and its adopted version, if any. */
export const MyConvention = z.object({
  convention: ConventionSummary.nullable(),
  version: ConventionVersionSchema.nullable(),
});

export type ConventionList = z.infer<typeof ConventionList>;
export type ConventionDetail = z.infer<typeof ConventionDetail>;
export type ConventionVersion = z.infer<typeof ConventionVersionSchema>;
export type ConventionDiff = z.infer<typeof ConventionDiffSchema>;
export type MyConvention = z.infer<typeof MyConvention>;

/** `POST /api/conventions`, `…/drafts`, `…/from-deliberation/{id}` → 201: the convention and its new draft. */
export const ConventionOpened = z.object({ id: z.string(), versionId: z.string(), versionNo: z.number().int() });
export type ConventionOpened = z.infer<typeof ConventionOpened>;

// ---- requests (the server validates with these; the web's request types are their z.input) ----

const article = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, '条文编号（id）应为 1–40 位字母、数字、- 或 _').optional(),
  chapter: optionalText(MAX_CHAPTER).nullable().optional(),
  text: text(MAX_ARTICLE_TEXT, { multiline: true }),
});

/** `POST /api/conventions` */
export const ConventionStartBody = z.object({ areaCode: z.string().regex(/^\d{12}$/, '区域（areaCode）应为村或社区（12 位区划代码）'), title: text(80).optional() });
/** `POST /api/conventions/{id}/drafts` */
export const ConventionDraftBody = z.object({ deliberationId: z.uuid({ message: '议事（deliberationId）应为 UUID' }).optional() }).default({});
/** `PATCH /api/conventions/{id}/versions/{versionId}`: the articles' order is their numbering. */
export const ConventionPatchBody = z.object({
  title: text(80).optional(),
  articles: z.array(article, { message: '条文（articles）应为列表' }).max(MAX_ARTICLES, `条文（articles）最多 ${MAX_ARTICLES} 条`).optional(),
  pointsRuleIds: z.array(z.uuid({ message: '积分规则（pointsRuleIds）应为 UUID' })).max(200, '积分规则（pointsRuleIds）最多 200 项').optional(),
  deliberationId: z.uuid({ message: '议事（deliberationId）应为 UUID' }).nullable().optional(),
});
/** `POST /api/conventions/{id}/versions/{versionId}/actions/adopt` */
export const ConventionAdoptBody = z.object({
  deliberationId: z.uuid({ message: '议事（deliberationId）应为 UUID' }).optional(),
  paperAdoptedOn: isoDay.optional(),
  paperNote: optionalText(500).optional(),
});
/** `GET /api/conventions/{id}/diff` (default: the newest version against the one before). */
export const ConventionDiffQuery = z.object({ from: z.uuid({ message: '版本（from）应为 UUID' }).optional(), to: z.uuid({ message: '版本（to）应为 UUID' }).optional() });
