// Areas (区域) and the territory: API-CONTRACT "Areas" and "Areas: drawing the territory", docs/TERRITORY.md.
import { z } from 'zod';
import { RISK_COLOURS } from '../registry.ts';
import { AreaLevel } from './auth.ts';
import { isoTime } from './common.ts';

export const RiskColour = z.enum(RISK_COLOURS);

/** Numbers of areas, households and people below an area. */
export const AreaCounts = z.object({
  towns: z.number().int(),
  villages: z.number().int(),
  grids: z.number().int(),
  buildings: z.number().int(),
  units: z.number().int(),
  households: z.number().int(),
  people: z.number().int(),
});

/** An area as `GET /api/areas/{code}/children` lists it (no geometry). */
export const AreaSummary = z.object({
  code: z.string(),
  name: z.string(),
  level: AreaLevel,
  parentCode: z.string().nullable(),
  childCount: z.number().int(),
  /** GeoJSON (WGS84) where known; only on the area itself, not on the children list. */
  geometry: z.unknown().optional(),
  gridType: z.string().nullable().optional(),
  counts: AreaCounts,
  allowedActions: z.array(z.string()),
  /** Set when the area was split or merged away, with the areas that took it over. */
  retiredAt: isoTime.optional(),
  successorCodes: z.array(z.string()).optional(),
});

const Crumb = z.object({ code: z.string(), name: z.string(), level: z.string() });

/** `GET /api/areas/{code}`, and the answer of `POST /api/areas` and `PATCH /api/areas/{code}`. */
export const AreaDetail = AreaSummary.extend({
  /** The ancestors the caller may open (breadcrumb). */
  path: z.array(Crumb),
  /** Every ancestor, with whether the caller may open it. */
  fullPath: z.array(Crumb.extend({ inScope: z.boolean() })),
});

export const AREA_EXAMPLE = {
  code: '320614103001001',
  name: '第一网格',
  level: 'grid',
  parentCode: '320614103001',
  childCount: 12,
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [121.1702, 31.8951],
        [121.1745, 31.8951],
        [121.1745, 31.8982],
        [121.1702, 31.8982],
        [121.1702, 31.8951],
      ],
    ],
  },
  gridType: 'residential',
  counts: { towns: 0, villages: 0, grids: 0, buildings: 12, units: 30, households: 412, people: 1036 },
  allowedActions: ['view', 'viewPeople', 'edit'],
  path: [
    { code: '320614103001', name: '状元街居委会', level: 'village' },
    { code: '320614103001001', name: '第一网格', level: 'grid' },
  ],
  fullPath: [
    { code: '320614', name: '海门区', level: 'district', inScope: false },
    { code: '320614103', name: '常乐镇', level: 'town', inScope: false },
    { code: '320614103001', name: '状元街居委会', level: 'village', inScope: true },
    { code: '320614103001001', name: '第一网格', level: 'grid', inScope: true },
  ],
} satisfies z.infer<typeof AreaDetail>;

export const AreaChildren = z
  .object({ items: z.array(AreaSummary) })
  .meta({
    example: {
      items: [
        {
          code: '320614103001',
          name: '状元街居委会',
          level: 'village',
          parentCode: '320614103',
          childCount: 4,
          counts: { towns: 0, villages: 0, grids: 4, buildings: 46, units: 120, households: 1630, people: 4102 },
          allowedActions: ['view'],
        },
      ],
    },
  });

/** A household of `GET /api/areas/{code}/households`. */
export const HouseholdRow = z.object({
  id: z.string(),
  areaCode: z.string(),
  address: z.string(),
  doorplate: z.string().nullable(),
  /** 状元街居委会 第一网格 3幢2单元101室 */
  place: z.string().optional(),
  riskColour: RiskColour.nullable(),
  members: z.number().int(),
  head: z.string().nullable(),
});

export const AreaHouseholds = z
  .object({ total: z.number().int(), items: z.array(HouseholdRow) })
  .meta({
    example: {
      total: 1,
      items: [
        {
          id: '0b8f8a7e-2d4c-4e55-8f3a-5a9c1d2e3f40',
          areaCode: '320614103001001003002',
          address: '状元街3幢2单元101室',
          doorplate: '3幢2单元101室',
          place: '状元街居委会 第一网格 3幢2单元101室',
          riskColour: 'yellow',
          members: 3,
          head: '张**',
        },
      ],
    },
  });

/** `GET /api/areas?q=`: areas found by name. */
export const AreaSearch = z.object({
  items: z.array(z.object({ code: z.string(), name: z.string(), level: AreaLevel, parentCode: z.string().nullable(), parentName: z.string().nullable() })),
});

const Feature = <P extends z.ZodType>(properties: P) => z.object({ type: z.literal('Feature'), id: z.string().optional(), properties, geometry: z.unknown() });

/** `GET /api/areas/{code}/map`: the grids under an area (GeoJSON). */
export const GridFeatureProps = z.object({
  code: z.string(),
  name: z.string(),
  gridType: z.string().nullable(),
  plannedHouseholds: z.number().int().nullable(),
  households: z.number().int().nullable(),
  people: z.number().int().nullable(),
});
export const GridMap = z.object({ type: z.literal('FeatureCollection'), features: z.array(Feature(GridFeatureProps)) });

/** `GET /api/areas/{code}/outlines`: an area's outline and its children's, for the map editor. */
export const OutlineFeatureProps = z.object({ code: z.string(), name: z.string(), level: z.string(), role: z.enum(['self', 'child']), allowedActions: z.array(z.string()) });
export const Outlines = z.object({ type: z.literal('FeatureCollection'), features: z.array(Feature(OutlineFeatureProps)) });

/** `POST /api/areas/{code}/outlines`: what the import did (or would do, `dryRun`) feature by feature. */
export const OutlineImportItem = z.object({
  /** 1-based position of the feature in the file. */
  feature: z.number().int(),
  name: z.string().nullable(),
  code: z.string().nullable(),
  result: z.enum(['created', 'updated', 'unchanged', 'refused']),
  reason: z.string().optional(),
});
export const OutlineImport = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  refused: z.array(OutlineImportItem),
  items: z.array(OutlineImportItem),
});

export type RiskColour = z.infer<typeof RiskColour>;
export type AreaCounts = z.infer<typeof AreaCounts>;
export type AreaSummary = z.infer<typeof AreaSummary>;
export type AreaDetail = z.infer<typeof AreaDetail>;
export type AreaChildren = z.infer<typeof AreaChildren>;
export type AreaHouseholds = z.infer<typeof AreaHouseholds>;
export type HouseholdRow = z.infer<typeof HouseholdRow>;
export type AreaSearchHit = z.infer<typeof AreaSearch>['items'][number];
export type AreaSearch = z.infer<typeof AreaSearch>;
export type GridFeatureProps = z.infer<typeof GridFeatureProps>;
export type GridMap = z.infer<typeof GridMap>;
export type OutlineImportItem = z.infer<typeof OutlineImportItem>;
export type OutlineImport = z.infer<typeof OutlineImport>;

/** A new grid of a split or merge, with what moves to it (docs/TERRITORY.md "Split and merge"). */
export const GridPartReport = z.object({
  /** 0-based position of the part in the request (a merge has one part). */
  index: z.number().int(),
  name: z.string(),
  /** The new grid's code; null in a preview. */
  code: z.string().nullable(),
  /** A GeoJSON Polygon or MultiPolygon (WGS84). */
  geometry: z.unknown(),
  buildings: z.array(z.object({ code: z.string(), name: z.string() })),
  households: z.number().int(),
  people: z.number().int(),
  cases: z.array(z.object({ id: z.string(), code: z.string(), title: z.string() })),
  /** Accounts, appointments and party organisations that answer for it afterwards. */
  holders: z.array(z.object({ kind: z.enum(['account', 'post', 'party-org']), id: z.string(), name: z.string(), post: z.string().nullable(), choosable: z.boolean() })),
});
/** `POST /api/areas/{code}/actions/split`, `POST /api/areas/actions/merge` (also their `dryRun` preview). */
export const GridSplitReport = z.object({
  dryRun: z.boolean(),
  /** The grids retired (the one split, or those merged). */
  retired: z.array(z.object({ code: z.string(), name: z.string() })),
  parts: z.array(GridPartReport),
  /** What no outline placed: it went (or goes) to the part `fallbackPart`. */
  unassigned: z.array(z.object({ kind: z.enum(['building', 'household', 'person', 'case']), id: z.string(), label: z.string() })),
  fallbackPart: z.number().int(),
});
export type GridPartReport = z.infer<typeof GridPartReport>;
export type GridSplitReport = z.infer<typeof GridSplitReport>;
