// The four-colour map (风险地图) and evacuation lists (转移安置, docs/EMERGENCY.md). The enums are the domain's lists
// (evacuation.ts, registry.ts).
import { z } from 'zod';
import { EVACUATION_ACTIONS, EVACUATION_LIST_STATES, EVACUATION_STATES } from '../evacuation.ts';
import { RISK_COLOURS } from '../registry.ts';
import { RiskColour } from './areas.ts';
import { isoTime } from './common.ts';
import { areaCodeInput, optionalText, text } from './input.ts';

export const EvacuationState = z.enum(EVACUATION_STATES);
export type EvacuationState = z.infer<typeof EvacuationState>;
export const EvacuationAction = z.enum(EVACUATION_ACTIONS);
export type EvacuationAction = z.infer<typeof EvacuationAction>;
export const EvacuationListState = z.enum(EVACUATION_LIST_STATES);
export type EvacuationListState = z.infer<typeof EvacuationListState>;

/** Households (or people) per colour. */
export const ColourCounts = z.object({ red: z.number().int(), orange: z.number().int(), yellow: z.number().int(), blue: z.number().int(), total: z.number().int() });
export type ColourCounts = z.infer<typeof ColourCounts>;

/** How a dot was placed: at its building, or at its grid's centre (a cluster of buildings without a position). */
const PlacedBy = z.enum(['building', 'grid']);

/** A dot of the map: a building, or a grid's cluster of the buildings without a position. */
export const RiskMarker = z.object({
  code: z.string(),
  name: z.string(),
  level: z.string(),
  gridCode: z.string(),
  gridName: z.string(),
  lat: z.number(),
  lng: z.number(),
  placedBy: PlacedBy,
  worst: RiskColour.nullable(),
  /** Buildings the dot stands for: a grid's cluster gathers its buildings without a position. */
  buildings: z.number().int(),
  counts: ColourCounts,
});
export type RiskMarker = z.infer<typeof RiskMarker>;

/** `GET /api/risk/map` */
export const RiskMap = z.object({
  area: z.object({ code: z.string(), name: z.string(), level: z.string() }),
  by: PlacedBy,
  colours: z.array(RiskColour),
  total: ColourCounts,
  grids: z.array(z.object({ code: z.string(), name: z.string(), centre: z.tuple([z.number(), z.number()]).nullable(), counts: ColourCounts, worst: RiskColour.nullable() })),
  markers: z.array(RiskMarker),
  /** Households drawn at their grid's centre. */
  approximate: z.number().int(),
  /** Households drawn nowhere (no position for their building or grid). */
  unplaced: z.number().int(),
});
export type RiskMap = z.infer<typeof RiskMap>;

/** A person of a household of the chosen colours (phone masked). */
export const RiskPerson = z.object({
  id: z.string(),
  name: z.string(),
  gender: z.string(),
  age: z.number().int().nullable(),
  phone: z.string().nullable(),
  tags: z.array(z.string()),
  householdId: z.string(),
  areaCode: z.string(),
  address: z.string(),
  riskColour: RiskColour,
});
export type RiskPerson = z.infer<typeof RiskPerson>;

/** `GET /api/risk/people` */
export const RiskPeople = z.object({ total: z.number().int(), page: z.number().int(), pageSize: z.number().int(), items: z.array(RiskPerson) });
export type RiskPeople = z.infer<typeof RiskPeople>;

/** People of a list per state of their move. */
export const EvacuationCounts = z.object({
  pending: z.number().int(),
  moving: z.number().int(),
  arrived: z.number().int(),
  refused: z.number().int(),
  returned: z.number().int(),
  total: z.number().int(),
});
export type EvacuationCounts = z.infer<typeof EvacuationCounts>;

/** One person to move: where to, who is responsible, the state of the move. */
export const EvacuationEntry = z.object({
  id: z.string(),
  evacuationId: z.string(),
  evacuationTitle: z.string(),
  personId: z.string(),
  name: z.string(),
  gender: z.string(),
  age: z.number().int().nullable(),
  phone: z.string().nullable(),
  needsHelp: z.boolean(),
  helpTags: z.array(z.string()),
  householdId: z.string().nullable(),
  areaCode: z.string(),
  address: z.string(),
  riskColour: RiskColour.nullable(),
  /** Why the person is on the list: the household's colour and/or `needs-help`. */
  reasons: z.array(z.string()),
  destination: z.object({ placeId: z.string().nullable(), name: z.string().nullable(), text: z.string().nullable() }),
  responsible: z.object({ id: z.string(), name: z.string().nullable() }).nullable(),
  state: EvacuationState,
  refusedReason: z.string().nullable(),
  arrivedAt: isoTime.nullable(),
  arrivedByName: z.string().nullable(),
  note: z.string().nullable(),
  updatedAt: isoTime.nullable(),
  allowedActions: z.array(EvacuationAction),
});
export type EvacuationEntry = z.infer<typeof EvacuationEntry>;

/** `GET /api/evacuation-entries/{id}`: one person's move with its history. */
export const EvacuationEntryDetail = EvacuationEntry.extend({
  history: z.array(
    z.object({ id: z.string(), action: z.string(), fromState: z.string().nullable(), toState: z.string().nullable(), note: z.string().nullable(), actorName: z.string(), createdAt: isoTime.nullable() }),
  ),
});
export type EvacuationEntryDetail = z.infer<typeof EvacuationEntryDetail>;

/** An evacuation list over an area, with its people counted per state. */
export const Evacuation = z.object({
  id: z.string(),
  title: z.string(),
  areaCode: z.string(),
  areaName: z.string().nullable(),
  emergencyId: z.string().nullable(),
  colours: z.array(RiskColour),
  withNeedsHelp: z.boolean(),
  state: EvacuationListState,
  createdByName: z.string(),
  createdAt: isoTime.nullable(),
  closedAt: isoTime.nullable(),
  counts: EvacuationCounts,
  allowedActions: z.array(z.string()),
});
export type Evacuation = z.infer<typeof Evacuation>;

/** `GET /api/evacuations` */
export const EvacuationList = z.object({ items: z.array(Evacuation), total: z.number().int() });
export type EvacuationList = z.infer<typeof EvacuationList>;

/** `GET /api/evacuations/{id}`, and the answer of creating (201), assigning and closing: the list with its people. */
export const EvacuationDetail = Evacuation.extend({
  items: z.array(EvacuationEntry),
  assignees: z.array(z.object({ id: z.string(), name: z.string() })),
  shelters: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string(), areaCode: z.string(), address: z.string().nullable() })),
});
export type EvacuationDetail = z.infer<typeof EvacuationDetail>;

/** `POST /api/evacuations/{id}/entries` → 201 */
export const EvacuationEntriesAdded = z.object({ added: z.number().int(), items: z.array(EvacuationEntry) });
export type EvacuationEntriesAdded = z.infer<typeof EvacuationEntriesAdded>;

/** `GET /api/evacuation-entries/mine`: the people the caller is responsible for moving (open lists). */
export const MyEvacuationEntries = z.object({ items: z.array(EvacuationEntry), total: z.number().int(), counts: EvacuationCounts });
export type MyEvacuationEntries = z.infer<typeof MyEvacuationEntries>;

/** Where people go and who is responsible for moving them; each field optional, `null` clears it. */
export const EvacuationDestination = z.object({
  destinationPlaceId: z.uuid({ message: '安置点（destinationPlaceId）应为场所 ID' }).nullable().optional(),
  destinationText: optionalText(100).nullable().optional(),
  responsibleId: z.uuid({ message: '责任人（responsibleId）应为账号 ID' }).nullable().optional(),
});
export type EvacuationDestination = z.input<typeof EvacuationDestination>;

/** `POST /api/evacuations`: a list for an area made from the risk colours. */
export const EvacuationCreateBody = z.object({
  title: text(60),
  areaCode: areaCodeInput,
  emergencyId: z.string().max(64).nullable().optional(),
  colours: z.array(z.enum(RISK_COLOURS, { message: '风险等级（colours）应为 red、orange、yellow 或 blue' })).max(4).optional(),
  withNeedsHelp: z.boolean({ message: 'withNeedsHelp 应为 true 或 false' }).optional(),
  ...EvacuationDestination.shape,
});
export type EvacuationCreateBody = z.input<typeof EvacuationCreateBody>;

/** `POST /api/evacuations/{id}/entries`: people added by hand. */
export const EvacuationEntriesBody = z.object({
  personIds: z.array(z.uuid({ message: '人员（personIds）应为 UUID' })).min(1, '至少选择一人').max(200, '一次最多 200 人'),
  note: optionalText(200).optional(),
  ...EvacuationDestination.shape,
});
export type EvacuationEntriesBody = z.input<typeof EvacuationEntriesBody>;

/** `POST /api/evacuations/{id}/assign`: a responsible worker and/or shelter for the chosen people. */
export const EvacuationAssignBody = z.object({ entryIds: z.array(z.uuid({ message: '人员（entryIds）应为 UUID' })).min(1, '至少选择一人').max(5000), ...EvacuationDestination.shape });
export type EvacuationAssignBody = z.input<typeof EvacuationAssignBody>;

/** `POST /api/evacuation-entries/{id}/actions/{action}`: a refusal needs its reason. */
export const EvacuationEntryActionBody = z.object({ reason: optionalText(200).optional(), note: optionalText(200).optional() }).default({});
export type EvacuationEntryActionBody = z.input<typeof EvacuationEntryActionBody>;
