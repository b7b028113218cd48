// The conventions API's answers (村规民约 / 居民公约, docs/PARTICIPATION.md "Conventions").
import { z } from 'zod';
import { CONVENTION_KINDS, CONVENTION_STATES } from '../conventions/index.ts';
import { isoTime } from './common.ts';

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
