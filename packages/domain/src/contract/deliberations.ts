// Deliberation (议事协商): API-CONTRACT "Deliberation (议事协商)" and docs/PARTICIPATION.md. The three contract answers
// (created, ballot, closed) carry the contract's examples; list, detail and roll candidates are the console's.
import { z } from 'zod';
import { BALLOT_CHOICES, DELIBERATION_BODIES, DELIBERATION_FORMS, DELIBERATION_STATES, type DeliberationCheck, type DeliberationOutcome } from '../deliberation/rules.ts';
import { isoTime } from './common.ts';
import { areaCodeInput as areaCode, paging, text } from './input.ts';

export const DeliberationBodyKind = z.enum(DELIBERATION_BODIES);
export const DeliberationFormKind = z.enum(DELIBERATION_FORMS);
export const DeliberationStateKind = z.enum(DELIBERATION_STATES);
export const BallotChoiceKind = z.enum(BALLOT_CHOICES);

const bilingual = z.object({ zh: z.string(), en: z.string() });

/** An entry of the roll: one person, or one household (`form` households); `area` an owner's floor area in m². */
export const RollItem = z.object({ id: z.string(), name: z.string(), area: z.number().optional() });

/** The result under the body's rule (API-CONTRACT "Deliberation"); the `…Area` figures for an owners' assembly only. */
export const DeliberationResult = z.object({
  held: z.boolean(),
  passed: z.boolean(),
  eligible: z.number().int(),
  present: z.number().int(),
  yes: z.number().int(),
  no: z.number().int(),
  abstain: z.number().int(),
  eligibleArea: z.number().optional(),
  presentArea: z.number().optional(),
  yesArea: z.number().optional(),
});

/** One test of the rule: `n` of `d` against the threshold (exact integers as text), and whether it was met. */
export const DeliberationCheckItem = z.object({
  step: z.enum(['quorum', 'decision']),
  measure: z.enum(['roll', 'households', 'owners', 'area', 'present', 'present-owners', 'present-area', 'ballots']),
  n: z.string(),
  d: z.string(),
  threshold: z.enum(['more-than-half', 'two-thirds', 'three-quarters']),
  met: z.boolean(),
});

/** `POST /api/deliberations` → 201. */
export const DeliberationCreated = z
  .object({ id: z.string(), state: DeliberationStateKind, roll: z.array(RollItem) })
  .meta({
    example: {
      id: '5d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
      state: 'open',
      roll: [
        { id: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d', name: '张建国', area: 89.5 },
        { id: 'b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e', name: '李秀兰', area: 102.3 },
      ],
    },
  });

/** `POST /api/deliberations/{id}/ballots` → 201: the ballot recorded. */
export const BallotCast = z
  .object({ id: z.string(), rollId: z.string(), choice: BallotChoiceKind })
  .meta({ example: { id: 'c3d4e5f6-a7b8-4c9d-8e0f-2a3b4c5d6e7f', rollId: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d', choice: 'yes' } });

/** `POST /api/deliberations/{id}/actions/close` → 200. */
export const DeliberationClosed = z
  .object({ id: z.string(), state: DeliberationStateKind, result: DeliberationResult })
  .meta({
    example: {
      id: '5d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
      state: 'decided',
      result: { held: true, passed: true, eligible: 120, present: 86, yes: 70, no: 10, abstain: 6, eligibleArea: 10480.5, presentArea: 7620.25, yesArea: 6301.75 },
    },
  });

const head = {
  id: z.string(),
  title: z.string(),
  areaCode: z.string(),
  areaName: z.string(),
  body: DeliberationBodyKind,
  form: DeliberationFormKind,
  /** Civil Code art. 278 item (1–9), owners' assembly only. */
  matter: z.number().int().nullable(),
  state: DeliberationStateKind,
  createdAt: isoTime,
  closedAt: isoTime.nullable(),
};

/** A deliberation of `GET /api/deliberations`. */
export const DeliberationSummary = z.object({
  ...head,
  eligible: z.number().int(),
  present: z.number().int(),
  /** The caller (or their household) is on the roll. */
  onRoll: z.boolean(),
  result: z.object({ held: z.boolean(), passed: z.boolean() }).nullable(),
  allowedActions: z.array(z.string()),
});

/** `GET /api/deliberations` */
export const DeliberationList = z.object({ total: z.number().int(), page: z.number().int(), pageSize: z.number().int(), items: z.array(DeliberationSummary) });

/** A roll entry on the detail: staff see every one and how it voted, a resident only their own. */
export const RollEntryDetail = RollItem.extend({
  seq: z.number().int(),
  /** Linked to a person or household of the registry. */
  linked: z.boolean(),
  ballot: z.object({ choice: BallotChoiceKind, online: z.boolean(), at: isoTime }).nullable(),
});

/** `GET /api/deliberations/{id}` */
export const DeliberationDetail = z.object({
  ...head,
  description: z.string(),
  bodyLabel: bilingual,
  source: bilingual,
  matterLabel: bilingual.nullable(),
  roll: z.array(RollEntryDetail),
  /** The caller's own entries. */
  mine: z.array(z.object({ id: z.string(), name: z.string(), voted: z.boolean(), choice: BallotChoiceKind.nullable() })),
  tally: z.object({ eligible: z.number().int(), present: z.number().int(), yes: z.number().int(), no: z.number().int(), abstain: z.number().int() }),
  result: DeliberationResult.nullable(),
  checks: z.array(DeliberationCheckItem),
  reason: bilingual.nullable(),
  /** While open, staff see what the result would be now. */
  provisional: z.boolean(),
  allowedActions: z.array(z.string()),
});

/** `GET /api/deliberations/roll-candidates`: the registry's adults (personId) or households (householdId) of an area. */
export const RollCandidates = z.object({ items: z.array(z.object({ name: z.string(), personId: z.string().optional(), householdId: z.string().optional() })) });

export type DeliberationResult = z.infer<typeof DeliberationResult>;
export type DeliberationCreated = z.infer<typeof DeliberationCreated>;
export type BallotCast = z.infer<typeof BallotCast>;
export type DeliberationClosed = z.infer<typeof DeliberationClosed>;
export type DeliberationSummary = z.infer<typeof DeliberationSummary>;
export type DeliberationList = z.infer<typeof DeliberationList>;
export type RollEntryDetail = z.infer<typeof RollEntryDetail>;
export type DeliberationDetail = z.infer<typeof DeliberationDetail>;
export type RollCandidates = z.infer<typeof RollCandidates>;

// The schemas say what the rule's types say (a new measure or threshold fails the type-check here).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _checkSame: Same<z.infer<typeof DeliberationCheckItem>, DeliberationCheck> = true;
const _resultSame: Same<DeliberationResult, Omit<DeliberationOutcome, 'checks'>> = true;
void _checkSame;
void _resultSame;

// ---- requests (the server validates with these; the web's request types are their z.input) ----

/** The most entries a roll holds (a drawn roll stops there too). */
export const MAX_ROLL = 5000;
const bodyEnum = z.enum(DELIBERATION_BODIES, { message: `议事主体（body）应为 ${DELIBERATION_BODIES.join('、')} 之一` });
const formEnum = z.enum(DELIBERATION_FORMS, { message: '形式（form）应为 persons（个人）或 households（户代表）' });

/** One entry of a roll (名册): a resident, a household's representative, or an owner with the area of their part. */
export const RollEntryBody = z.object({
  name: text(60),
  area: z.number({ message: '专有部分面积（area）应为平方米数' }).positive('专有部分面积（area）应大于 0').max(10_000_000, '专有部分面积（area）过大').optional(),
  personId: z.uuid({ message: '应为居民 ID' }).optional(),
  householdId: z.uuid({ message: '应为户 ID' }).optional(),
});

/** `POST /api/deliberations` */
export const DeliberationCreateBody = z.object({
  title: text(80),
  description: text(2000),
  areaCode,
  body: bodyEnum,
  form: formEnum.optional(),
  matter: z.number({ message: '表决事项（matter）应为 1–9 的整数' }).int('表决事项（matter）应为 1–9 的整数').min(1, '表决事项（matter）应为 1–9').max(9, '表决事项（matter）应为 1–9').optional(),
  roll: z.array(RollEntryBody, { message: '名册（roll）应为列表' }).max(MAX_ROLL, `名册（roll）最多 ${MAX_ROLL} 项`),
});

/** `POST /api/deliberations/{id}/ballots` */
export const BallotBody = z.object({
  rollId: z.uuid({ message: '名册条目（rollId）应为 UUID' }),
  choice: z.enum(BALLOT_CHOICES, { message: '表决意见（choice）应为 yes（赞成）、no（反对）或 abstain（弃权）' }),
});

/** `GET /api/deliberations` */
export const DeliberationListQuery = z.object({
  area: areaCode.optional(),
  state: z
    .string()
    .max(40)
    .refine((s) => s.split(',').every((x) => !x || (DELIBERATION_STATES as readonly string[]).includes(x)), '状态（state）应为 open 或 decided')
    .optional(),
  ...paging,
});

/** `GET /api/deliberations/roll-candidates` (`area` is checked by the service after the caller's role, so a refused role answers 403). */
export const RollCandidatesQuery = z.object({ area: z.string().max(40).optional(), form: formEnum.default('persons') });
