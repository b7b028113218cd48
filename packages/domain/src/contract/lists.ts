// Nanjing's four lists (四张清单, `001`: 信息、资源、需求、风险) as views of data the product holds: docs/PARTICIPATION.md.
import { z } from 'zod';
import { areaCodeInput } from './input.ts';

export const FOUR_LIST_KINDS = ['info', 'resources', 'needs', 'risks'] as const;
export type FourListKind = (typeof FOUR_LIST_KINDS)[number];

/**
 * The sections of each list (docs/PARTICIPATION.md). Some are shown only to the roles that read their data:
 * `householdsRed`, `householdsOrange` and `careGroups` to registry readers, `focusGroups` (重点人群) to those who see
 * the registry's sensitive groups, `overdueBills` to those who read the area's property bills.
 */
export const FOUR_LIST_SECTIONS = {
  info: ['households', 'people', 'partyMembers', 'grids', 'places', 'organisations'],
  resources: ['offers', 'serviceTeams', 'volunteers', 'activityPlaces'],
  needs: ['needsOpen', 'needsProject', 'needsMet'],
  risks: ['overdueCases', 'urgentCases', 'lateProjects', 'emergencies', 'householdsRed', 'householdsOrange', 'overdueBills', 'careGroups', 'focusGroups'],
} as const satisfies Record<FourListKind, readonly string[]>;
export type FourListSectionKey = (typeof FOUR_LIST_SECTIONS)[FourListKind][number];
const SECTION_KEYS = Object.values(FOUR_LIST_SECTIONS).flat() as [FourListSectionKey, ...FourListSectionKey[]];

/** One entry of a section: where it lives (`link`, a console path) and a `tag` code the console translates. */
export const FourListRow = z.object({
  id: z.string(),
  title: z.string(),
  /** Data shown under the title (a unit's name, a case's code, a team's area): never a code to translate. */
  sub: z.string().nullable(),
  /** A stable code (a need's state, `overdue`, `urgent`, a place kind, a special group) the console translates. */
  tag: z.string().nullable(),
  areaCode: z.string().nullable(),
  areaName: z.string().nullable(),
  /**
   * Figures of the entry: a grid's `households` and `people`, an offer's `capacity` and `used`, a team's `members`,
   * a bill's `balanceFen` (what is left to pay, in fen), a special group's `people`.
   */
  counts: z.record(z.string(), z.number().int().min(0)).nullable(),
  link: z.string().nullable(),
});

/** A section of a list: how many there are in the area (`count`), the first of them (`rows`), and the page that holds them all. */
export const FourListSection = z.object({
  key: z.enum(SECTION_KEYS),
  count: z.number().int().min(0),
  link: z.string().nullable(),
  rows: z.array(FourListRow),
});

/** `GET /api/lists/four`. */
export const FourList = z.object({
  area: z.object({ code: z.string(), name: z.string() }),
  kind: z.enum(FOUR_LIST_KINDS),
  sections: z.array(FourListSection),
});
export type FourList = z.infer<typeof FourList>;
export type FourListSection = z.infer<typeof FourListSection>;
export type FourListRow = z.infer<typeof FourListRow>;

// ---- requests (the server validates with these; the web's request types are their z.input) ----

/** `GET /api/lists/four` */
export const FourListQuery = z.object({
  area: areaCodeInput.optional().describe('区划代码（默认：本人辖区）'),
  kind: z.enum(FOUR_LIST_KINDS, { message: 'kind 应为 info（信息）、resources（资源）、needs（需求）或 risks（风险）' }),
});
