// The talent registry (名录库, “一村（社区）一库”, `000` 二(一)2): entrepreneurs, cadres, teachers, doctors and
// new-class people who help the village, invited by their trade and their own will to serve as 发展助推员,
// 科技指导员, 法律服务员 or 村（居）务评议员. Nobody is shown to others without their recorded consent;
// a withdrawn consent hides them again at once.

export const TALENT_CATEGORIES = [
  { code: 'entrepreneur', zh: '企业家', en: 'Entrepreneur' },
  { code: 'cadre', zh: '干部', en: 'Cadre' },
  { code: 'teacher', zh: '教师', en: 'Teacher' },
  { code: 'doctor', zh: '医生', en: 'Doctor' },
  { code: 'new-class', zh: '新阶层人士', en: 'New social class' },
  { code: 'other', zh: '其他', en: 'Other' },
] as const;
export type TalentCategory = (typeof TALENT_CATEGORIES)[number]['code'];
export const TALENT_CATEGORY_CODES = TALENT_CATEGORIES.map((k) => k.code) as [TalentCategory, ...TalentCategory[]];

export const TALENT_ROLES = [
  { code: 'development', zh: '发展助推员', en: 'Development promoter' },
  { code: 'technology', zh: '科技指导员', en: 'Technology adviser' },
  { code: 'legal', zh: '法律服务员', en: 'Legal service volunteer' },
  { code: 'review', zh: '村（居）务评议员', en: 'Village affairs reviewer' },
] as const;
export type TalentRole = (typeof TALENT_ROLES)[number]['code'];
export const TALENT_ROLE_CODES = TALENT_ROLES.map((k) => k.code) as [TalentRole, ...TalentRole[]];

export interface ConsentState {
  consentAt: Date | string | null;
  consentWithdrawnAt: Date | string | null;
}

/** Listed to others only while consent is given and not withdrawn since. */
export function talentListed(t: ConsentState): boolean {
  if (!t.consentAt) return false;
  if (!t.consentWithdrawnAt) return true;
  return new Date(t.consentWithdrawnAt).getTime() < new Date(t.consentAt).getTime();
}
