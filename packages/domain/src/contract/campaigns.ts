// Door-knocking campaigns (敲门行动) and four-colour risk (四色分级): API-CONTRACT "Door-knocking campaigns" and
// docs/REGISTRY.md. The contract's three answers (created, visit, progress) carry the contract's examples.
import { z } from 'zod';
import { CAMPAIGN_KINDS, CAMPAIGN_STATES, VISIT_RESULTS } from '../campaigns.ts';
import { RISK_COLOURS } from '../registry.ts';
import { RiskColour } from './areas.ts';
import { isoTime } from './common.ts';
import { areaCodeInput as areaCode, paging, text } from './input.ts';

export const CampaignKind = z.enum(CAMPAIGN_KINDS);
export const CampaignState = z.enum(CAMPAIGN_STATES);
export const VisitResult = z.enum(VISIT_RESULTS);

const CAMPAIGN_EXAMPLE = {
  id: '7f3e2d1c-0b9a-4c8d-9e7f-6a5b4c3d2e1f',
  title: '防汛敲门行动（第一网格）',
  kind: 'door-knock',
  areaCode: '320614103001001',
  areaName: '第一网格',
  state: 'active',
  round: 1,
  createdByName: '王社工',
  createdAt: '2026-11-22T09:30:00+08:00',
  closedAt: null,
  closedByName: null,
  allowedActions: ['visit', 'nextRound', 'close'],
} as const;

/** A campaign: `POST /api/campaigns` → 201, `GET /api/campaigns/{id}`, and the answer of a new round or closing. */
export const Campaign = z
  .object({
    id: z.string(),
    title: z.string(),
    kind: CampaignKind,
    areaCode: z.string(),
    areaName: z.string().nullable(),
    state: CampaignState,
    round: z.number().int(),
    createdByName: z.string(),
    createdAt: isoTime,
    closedAt: isoTime.nullable(),
    closedByName: z.string().nullable(),
    allowedActions: z.array(z.string()),
  })
  .meta({ example: CAMPAIGN_EXAMPLE });

/** `GET /api/campaigns` */
export const CampaignList = z.object({ items: z.array(Campaign), total: z.number().int() }).meta({ example: { items: [CAMPAIGN_EXAMPLE], total: 1 } });

/** `POST /api/campaigns/{id}/visits` → 201: the mark recorded. */
export const CampaignVisit = z
  .object({
    id: z.string(),
    campaignId: z.string(),
    householdId: z.string(),
    round: z.number().int(),
    result: VisitResult,
    riskColour: RiskColour.nullable(),
    note: z.string().nullable(),
    createdAt: isoTime,
  })
  .meta({
    example: {
      id: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
      campaignId: CAMPAIGN_EXAMPLE.id,
      householdId: '0b8f8a7e-2d4c-4e55-8f3a-5a9c1d2e3f40',
      round: 1,
      result: 'visited',
      riskColour: 'yellow',
      note: '独居老人，已留联系电话',
      createdAt: '2026-11-22T10:05:00+08:00',
    },
  });

/** `GET /api/campaigns/{id}/progress`: distinct households with a `visited` mark, in all and per child area. */
export const CampaignProgress = z
  .object({
    households: z.number().int(),
    visited: z.number().int(),
    byArea: z.array(z.object({ code: z.string(), name: z.string(), households: z.number().int(), visited: z.number().int() })),
  })
  .meta({
    example: {
      households: 412,
      visited: 268,
      byArea: [
        { code: '320614103001001001', name: '1幢', households: 36, visited: 30 },
        { code: '320614103001001002', name: '2幢', households: 48, visited: 21 },
      ],
    },
  });

/** A household not yet reached, on `GET /api/campaigns/{id}/worklist`. */
export const WorklistItem = z.object({
  id: z.string(),
  areaCode: z.string(),
  address: z.string(),
  doorplate: z.string(),
  /** 第一网格3幢2单元101室 */
  place: z.string(),
  riskColour: RiskColour.nullable(),
  /** Someone living alone, disabled or bedridden lives there. */
  needsHelp: z.boolean(),
  /** Health and disability tags only for roles that may see them. */
  helpTags: z.array(z.string()),
  /** The last mark of this round (a nobody-home household stays on the list). */
  lastResult: VisitResult.nullable(),
});

/** `GET /api/campaigns/{id}/worklist` */
export const Worklist = z.object({
  round: z.number().int(),
  households: z.number().int(),
  visited: z.number().int(),
  total: z.number().int(),
  items: z.array(WorklistItem),
});

/** `PATCH /api/households/{id}/risk` */
export const HouseholdRisk = z.object({ id: z.string(), areaCode: z.string(), address: z.string(), riskColour: RiskColour });

/** `GET /api/households/{id}/risk-history`: newest first. */
export const RiskHistory = z.object({
  riskColour: RiskColour.nullable(),
  allowedActions: z.array(z.string()),
  items: z.array(
    z.object({
      id: z.string(),
      from: RiskColour.nullable(),
      to: RiskColour,
      reason: z.string(),
      /** The campaign whose visit set it. */
      campaignId: z.string().nullable(),
      actorName: z.string(),
      createdAt: isoTime,
    }),
  ),
});

const colourCounts = { red: z.number().int(), orange: z.number().int(), yellow: z.number().int(), blue: z.number().int(), total: z.number().int() };

/** `GET /api/areas/{code}/risk-counts`: households per colour in each child area, and in all. */
export const RiskCounts = z.object({
  items: z.array(z.object({ code: z.string(), name: z.string(), ...colourCounts })),
  total: z.object(colourCounts),
});

export type CampaignKind = z.infer<typeof CampaignKind>;
export type CampaignState = z.infer<typeof CampaignState>;
export type VisitResult = z.infer<typeof VisitResult>;
export type Campaign = z.infer<typeof Campaign>;
export type CampaignList = z.infer<typeof CampaignList>;
export type CampaignVisit = z.infer<typeof CampaignVisit>;
export type CampaignProgress = z.infer<typeof CampaignProgress>;
export type WorklistItem = z.infer<typeof WorklistItem>;
export type Worklist = z.infer<typeof Worklist>;
export type HouseholdRisk = z.infer<typeof HouseholdRisk>;
export type RiskHistory = z.infer<typeof RiskHistory>;
export type RiskCounts = z.infer<typeof RiskCounts>;

// ---- requests (the server validates with these; the web's request types are their z.input) ----

/** A risk colour as a request gives it. */
export const RiskColourInput = z.enum(RISK_COLOURS, { message: '风险等级（riskColour）应为 red、orange、yellow 或 blue' });

/** `GET /api/campaigns` */
export const CampaignListQuery = z.object({ state: z.enum(CAMPAIGN_STATES, { message: 'state 应为 active 或 closed' }).optional() });
/** `POST /api/campaigns` */
export const CampaignCreateBody = z.object({ title: text(60), areaCode, kind: z.enum(CAMPAIGN_KINDS, { message: '类型（kind）应为 door-knock' }) });
/** `GET /api/campaigns/{id}/worklist` */
export const WorklistQuery = z.object({ area: areaCode.optional(), ...paging });
/** `POST /api/campaigns/{id}/visits` */
export const CampaignVisitBody = z.object({
  householdId: z.uuid({ message: '住户（householdId）应为 UUID' }),
  result: z.enum(VISIT_RESULTS, { message: '走访结果（result）应为 visited、nobody-home 或 refused' }),
  riskColour: RiskColourInput.optional(),
  note: text(500).optional(),
});
/** `POST /api/campaigns/{id}/close` */
export const CampaignCloseBody = z.object({ summary: text(500).optional() }).default({});
/** `PATCH /api/households/{id}/risk` */
export const RiskChangeBody = z.object({ riskColour: RiskColourInput, reason: text(200) });
