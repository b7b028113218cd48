// Roles of SPEC §1. Every account holds one or more roles and one area scope.
export const ROLES = [
  'admin',
  'security',
  'auditor',
  'district-dispatcher',
  'leader',
  'town-dispatcher',
  'community-worker',
  'grid-worker',
  'building-leader',
  'info-worker',
  'department-handler',
  'party-secretary',
  'party-member',
  'cadre',
  'resident',
  'merchant',
  'property-manager',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  admin: { zh: '系统管理员', en: 'Administrator' },
  security: { zh: '安全管理员', en: 'Security administrator' },
  auditor: { zh: '审计管理员', en: 'Audit administrator' },
  'district-dispatcher': { zh: '区指挥中心调度员', en: 'District centre dispatcher' },
  leader: { zh: '领导', en: 'Leader' },
  'town-dispatcher': { zh: '镇（街道）指挥中心调度员', en: 'Town centre dispatcher' },
  'community-worker': { zh: '社区（村）工作者', en: 'Community worker' },
  'grid-worker': { zh: '网格员', en: 'Grid worker' },
  'building-leader': { zh: '楼栋长、单元长', en: 'Building or unit leader' },
  'info-worker': { zh: '网格信息员', en: 'Grid information worker' },
  'department-handler': { zh: '职能部门办理人员', en: 'Department handler' },
  'party-secretary': { zh: '党组织书记', en: 'Party secretary' },
  'party-member': { zh: '党员', en: 'Party member' },
  cadre: { zh: '下沉干部', en: 'Sunk-down cadre' },
  resident: { zh: '居民', en: 'Resident' },
  merchant: { zh: '合作商户', en: 'Partner merchant' },
  'property-manager': { zh: '物业服务企业', en: 'Property company' },
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/**
 * 三员分立 (GB/T 22239-2019 level 3, 访问控制 / 安全审计): the system administrator, the security
 * administrator and the audit administrator are three different people. No account may hold two of
 * these roles at once.
 */
export const SEPARATED_DUTIES: readonly Role[] = ['admin', 'security', 'auditor'];

/** The separated-duty roles an account would hold together (empty when the combination is allowed). */
export function conflictingDuties(roles: readonly string[]): Role[] {
  const held = SEPARATED_DUTIES.filter((r) => roles.includes(r));
  return held.length > 1 ? held : [];
}
