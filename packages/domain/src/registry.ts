// Special groups (特殊人群) of the basic registry, SPEC §3.
// `sensitive` groups (health, correction, drugs …) are visible only to roles that need them.
export const SPECIAL_GROUPS = [
  { code: 'empty-nest-elderly', zh: '空巢老人', en: 'Empty-nest elderly', sensitive: false },
  { code: 'living-alone-elderly', zh: '独居老人', en: 'Elderly living alone', sensitive: false },
  { code: 'disabled', zh: '残疾人', en: 'Person with disability', sensitive: true },
  { code: 'bedridden', zh: '失能卧床', en: 'Bedridden', sensitive: true },
  { code: 'subsistence', zh: '低保/困难家庭', en: 'Subsistence allowance', sensitive: false },
  { code: 'left-behind-child', zh: '留守儿童', en: 'Left-behind child', sensitive: false },
  { code: 'single-parent', zh: '单亲家庭', en: 'Single-parent family', sensitive: false },
  { code: 'veteran', zh: '退役军人', en: 'Veteran', sensitive: false },
  { code: 'released-prisoner', zh: '刑满释放人员', en: 'Released prisoner', sensitive: true },
  { code: 'community-correction', zh: '社区矫正对象', en: 'Under community correction', sensitive: true },
  { code: 'drug-user', zh: '吸毒人员', en: 'Drug user', sensitive: true },
  { code: 'key-person', zh: '重点关注人员', en: 'Person of concern', sensitive: true },
] as const;
export type SpecialGroup = (typeof SPECIAL_GROUPS)[number]['code'];

export const SENSITIVE_GROUPS: ReadonlySet<string> = new Set(
  SPECIAL_GROUPS.filter((g) => g.sensitive).map((g) => g.code),
);

export const RESIDENCE_TYPES = [
  { code: 'registered', zh: '户籍人口', en: 'Registered' },
  { code: 'resident', zh: '常住人口', en: 'Resident' },
  { code: 'floating', zh: '流动人口', en: 'Floating' },
] as const;
export type ResidenceType = (typeof RESIDENCE_TYPES)[number]['code'];

/**
 * Four-colour risk tags for houses and people (四色分级, `002`): red, orange, yellow, blue — blue is the
 * lowest class and the default of a household nobody has rated higher.
 */
export const RISK_COLOURS = ['red', 'orange', 'yellow', 'blue'] as const;
export type RiskColour = (typeof RISK_COLOURS)[number];
