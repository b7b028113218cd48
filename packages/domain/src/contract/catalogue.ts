// The catalogue of case types (事项目录) and the units cases go to: API-CONTRACT "Catalogue and units", docs/CASES.md.
import { z } from 'zod';
import { OwnerLevel } from './cases.ts';

export const DeadlineSpec = z.object({ unit: z.enum(['hours', 'workingDays']), amount: z.number() });
export const StepDeadlines = z.object({ accept: DeadlineSpec, acknowledge: DeadlineSpec, handle: DeadlineSpec, verify: DeadlineSpec });

/** A case type of `GET /api/catalog` (and the answer of `PATCH /api/catalog/{code}`). */
export const CatalogueType = z.object({
  code: z.string(),
  name: z.string(),
  parentCode: z.string().nullable(),
  leaf: z.boolean(),
  keywords: z.array(z.string()),
  /** The time limit of each step. */
  deadline: StepDeadlines,
  handlingLevel: OwnerLevel,
  urgent: z.boolean(),
  verifyOnSite: z.boolean(),
  /** Dispatched at intake to the default unit (自动派遣). */
  autoDispatch: z.boolean(),
  /** Hour limits count clock hours, not office hours (全天候). */
  roundTheClock: z.boolean(),
  /** 5321 response steps (property cases). */
  rule5321: z.boolean(),
  /** 超期督办、上报: supervision when a unit is overdue, escalation to the district after n working days (null = never). */
  overdueChain: z.object({ supervise: z.boolean(), escalateAfterWorkingDays: z.number().int().nullable() }),
  defaultUnitCode: z.string().nullable(),
  active: z.boolean(),
  allowedActions: z.array(z.string()),
});

export const CATALOGUE_EXAMPLE = {
  code: 'G0101',
  name: '路灯损坏',
  parentCode: 'G01',
  leaf: true,
  keywords: ['路灯', '不亮'],
  deadline: {
    accept: { unit: 'hours', amount: 2 },
    acknowledge: { unit: 'hours', amount: 4 },
    handle: { unit: 'workingDays', amount: 3 },
    verify: { unit: 'workingDays', amount: 1 },
  },
  handlingLevel: 'district',
  urgent: false,
  verifyOnSite: true,
  autoDispatch: false,
  roundTheClock: false,
  rule5321: false,
  overdueChain: { supervise: true, escalateAfterWorkingDays: 2 },
  defaultUnitCode: 'HM-CGJ',
  active: true,
  allowedActions: [],
} satisfies z.infer<typeof CatalogueType>;

export const Catalogue = z.object({ items: z.array(CatalogueType) }).meta({ example: { items: [CATALOGUE_EXAMPLE] } });

/** A unit of `GET /api/units`. */
export const Unit = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  type: z.string(),
  areaCode: z.string().nullable(),
  phone: z.string().nullable(),
  duties: z.string().nullable(),
  handlesCases: z.boolean(),
  /** Property companies: the confirmed credit grade, and whether it is black-listed (grade D). */
  creditGrade: z.string().nullable().optional(),
  blacklisted: z.boolean().optional(),
});
export const Units = z
  .object({ items: z.array(Unit) })
  .meta({
    example: {
      items: [
        { id: '5c2b0f9e-7a1d-4e6b-9c3f-1e2d3c4b5a69', code: 'HM-CGJ', name: '海门区城市管理局', shortName: '区城管局', type: 'department', areaCode: '320614', phone: '0513-82212345', duties: '市容环境、路灯、占道经营', handlesCases: true },
      ],
    },
  });

export type DeadlineSpec = z.infer<typeof DeadlineSpec>;
export type StepDeadlines = z.infer<typeof StepDeadlines>;
export type CatalogueType = z.infer<typeof CatalogueType>;
export type Unit = z.infer<typeof Unit>;
export type Units = z.infer<typeof Units>;
