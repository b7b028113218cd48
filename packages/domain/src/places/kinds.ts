// Places (地) and organisations (组织) of the basic registry (人、地、物、事、组织, issue 13; SPEC §3).
// Kinds are stable codes; their Chinese labels live here, next to the codes, and in the console's i18n.

/** Groups of places: residential compounds, the "十小场所" (`002`), public facilities. */
export const PLACE_GROUPS = ['compound', 'small-venue', 'facility'] as const;
export type PlaceGroup = (typeof PLACE_GROUPS)[number];

export const PLACE_KINDS = [
  { code: 'compound', group: 'compound', zh: '住宅小区', en: 'Residential compound' },
  // 十小场所
  { code: 'small-shop', group: 'small-venue', zh: '小商店', en: 'Small shop' },
  { code: 'restaurant', group: 'small-venue', zh: '小餐饮', en: 'Restaurant' },
  { code: 'hair-salon', group: 'small-venue', zh: '小美容美发', en: 'Hair salon' },
  { code: 'internet-cafe', group: 'small-venue', zh: '小网吧', en: 'Internet café' },
  { code: 'hotel', group: 'small-venue', zh: '小旅馆', en: 'Hotel' },
  { code: 'entertainment', group: 'small-venue', zh: '小歌舞娱乐场所', en: 'Entertainment venue' },
  { code: 'clinic', group: 'small-venue', zh: '小诊所', en: 'Clinic' },
  { code: 'school', group: 'small-venue', zh: '小学校（幼儿园）', en: 'School or kindergarten' },
  { code: 'training', group: 'small-venue', zh: '小培训机构', en: 'Training centre' },
  { code: 'workshop', group: 'small-venue', zh: '小作坊', en: 'Workshop' },
  // 公共设施
  { code: 'service-centre', group: 'facility', zh: '党群服务中心', en: 'Party and community service centre' },
  { code: 'elderly-care', group: 'facility', zh: '养老服务站', en: 'Elderly care station' },
  { code: 'park', group: 'facility', zh: '公园广场', en: 'Park or square' },
  { code: 'sports', group: 'facility', zh: '健身场地', en: 'Sports ground' },
  { code: 'ev-charging', group: 'facility', zh: '电动车充电棚', en: 'E-bike charging shed' },
  { code: 'waste-station', group: 'facility', zh: '垃圾分类站', en: 'Waste sorting station' },
  { code: 'fire-station', group: 'facility', zh: '微型消防站', en: 'Mini fire station' },
  { code: 'toilet', group: 'facility', zh: '公共厕所', en: 'Public toilet' },
] as const satisfies readonly { code: string; group: PlaceGroup; zh: string; en: string }[];
export type PlaceKind = (typeof PLACE_KINDS)[number]['code'];
export const PLACE_KIND_CODES = PLACE_KINDS.map((k) => k.code) as [PlaceKind, ...PlaceKind[]];

export function placeGroupOf(kind: string): PlaceGroup | null {
  return PLACE_KINDS.find((k) => k.code === kind)?.group ?? null;
}

export const ORG_KINDS = [
  { code: 'social-org', zh: '社会组织', en: 'Social organisation' },
  { code: 'property-company', zh: '物业服务企业', en: 'Property management company' },
  { code: 'owners-committee', zh: '业主委员会', en: "Owners' committee" },
  { code: 'merchant', zh: '商户', en: 'Merchant' },
  { code: 'volunteer-team', zh: '志愿服务队', en: 'Volunteer team' },
  { code: 'enterprise', zh: '辖区企业', en: 'Enterprise' },
] as const;
export type OrgKind = (typeof ORG_KINDS)[number]['code'];
export const ORG_KIND_CODES = ORG_KINDS.map((k) => k.code) as [OrgKind, ...OrgKind[]];
