// 红心物业 (docs/PROPERTY.md): companies and their monthly credit score, compounds, contracts, owners' committees,
// joint meetings, inspections, evaluations, sanctions, the yearly grading with its red and black lists, and fee bills.
import { z } from 'zod';
import { COVERAGE_MODES, INSPECTION_ITEMS, PROPERTY_GRADES, PROPERTY_SCORE_COMPONENTS } from '../property/credit.ts';
import { isoTime } from './common.ts';
import { isoMonth, optionalText, requiredDay, text } from './input.ts';

export const PropertyGradeValue = z.enum(PROPERTY_GRADES);
const ListColour = z.enum(['red', 'black']);

/** A company's latest confirmed grade. */
export const GradeView = z.object({ grade: PropertyGradeValue, year: z.number().int(), gradeLabel: z.string(), list: ListColour.nullable() });
export type GradeView = z.infer<typeof GradeView>;

/** A company of the list with its score of the month. */
export const CompanySummary = z.object({
  id: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  areaCode: z.string(),
  areaName: z.string().nullable(),
  households: z.number().int(),
  cases: z.number().int(),
  /** 0–100, null without evidence that month. */
  score: z.number().nullable(),
  grade: GradeView.nullable(),
});
export type CompanySummary = z.infer<typeof CompanySummary>;

/** `GET /api/property/companies` */
export const CompanyList = z.object({ month: z.string(), items: z.array(CompanySummary) });
export type CompanyList = z.infer<typeof CompanyList>;

/** A component of the monthly credit score. */
export const ScoreLine = z.object({
  component: z.enum(PROPERTY_SCORE_COMPONENTS as readonly [(typeof PROPERTY_SCORE_COMPONENTS)[number], ...(typeof PROPERTY_SCORE_COMPONENTS)[number][]]),
  label: z.string(),
  weight: z.number(),
  ratio: z.number().nullable(),
  points: z.number(),
  basis: z.record(z.string(), z.number()),
});
export type ScoreLine = z.infer<typeof ScoreLine>;

/** The evidence of a company's month. */
export const MonthEvidence = z.object({
  households: z.number().int(),
  cases: z.number().int(),
  handled: z.number().int(),
  handledOnTime: z.number().int(),
  reworked: z.number().int(),
  satisfied: z.number().int(),
  basicallySatisfied: z.number().int(),
  unsatisfied: z.number().int(),
  inspections: z.array(z.number()),
  committeeScores: z.array(z.number()),
  commendations: z.number(),
  penalties: z.number(),
});

/** A service contract of a compound as a list shows it (with the compound's name). */
export const ContractRecord = z.object({
  id: z.string(),
  unitId: z.string(),
  placeId: z.string(),
  households: z.number().int(),
  /** Yuan per m² per month. */
  feePerM2: z.number(),
  serviceStandard: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
});
/** `POST /api/property/contracts` → 201, `PATCH /api/property/contracts/{id}`. */
export type ContractRecord = z.infer<typeof ContractRecord>;
export const Contract = ContractRecord.extend({ placeName: z.string() });
export type Contract = z.infer<typeof Contract>;

export const GradingState = z.enum(['none', 'proposed', 'confirmed']);

/** A company's grading of a year: `POST /api/property/gradings/{id}/confirm`. */
export const Grading = z.object({
  id: z.string(),
  companyId: z.string(),
  companyName: z.string().nullable(),
  year: z.number().int(),
  /** The yearly score when proposed. */
  score: z.number().nullable(),
  proposedGrade: PropertyGradeValue.nullable(),
  grade: PropertyGradeValue.nullable(),
  reason: z.string().nullable(),
  state: GradingState,
  list: ListColour.nullable(),
  confirmedAt: isoTime.nullable(),
});
export type Grading = z.infer<typeof Grading>;

/** A row of the year's gradings: a company not yet proposed has no id (state `none`); `currentScore` is the year so far. */
export const GradingRow = Grading.extend({ id: z.string().nullable(), currentScore: z.number().nullable() });
export type GradingRow = z.infer<typeof GradingRow>;

/** `GET /api/property/gradings`, `POST /api/property/gradings/propose` */
export const GradingList = z.object({ year: z.number().int(), canGrade: z.boolean(), items: z.array(GradingRow) });
export type GradingList = z.infer<typeof GradingList>;

/** `GET /api/property/companies/{id}`: the score's breakdown, the last 12 months, contracts, sanctions, inspections. */
export const CompanyDetail = z.object({
  id: z.string(),
  name: z.string(),
  creditCode: z.string().nullable(),
  month: z.string(),
  score: z.number().nullable(),
  base: z.number().nullable(),
  adjustment: z.number(),
  breakdown: z.array(ScoreLine),
  evidence: MonthEvidence.nullable(),
  history: z.array(z.object({ month: z.string(), score: z.number().nullable() })),
  grade: GradeView.nullable(),
  grading: Grading.nullable(),
  contracts: z.array(Contract),
  sanctions: z.array(z.object({ id: z.string(), kind: z.enum(['penalty', 'commendation']), points: z.number().int(), reason: z.string(), month: z.string() })),
  inspections: z.array(z.object({ id: z.string(), placeName: z.string(), score: z.number(), photos: z.number().int(), note: z.string().nullable(), inspector: z.string(), inspectedAt: isoTime })),
});
export type CompanyDetail = z.infer<typeof CompanyDetail>;

/** `GET /api/property/companies/{id}/collection`: the collection rate before and after the first points offset. */
const CollectionPart = z.object({ bills: z.number().int(), settled: z.number().int(), rate: z.number().nullable() });
export const Collection = z.object({ companyId: z.string(), firstOffsetPeriod: z.string().nullable(), before: CollectionPart, after: CollectionPart });
export type Collection = z.infer<typeof Collection>;

export const CommitteeMember = z.object({ name: z.string(), post: z.enum(['主任', '副主任', '委员']) });
export type CommitteeMember = z.infer<typeof CommitteeMember>;

/** A compound as the list shows it. */
export const CompoundView = z.object({
  id: z.string(),
  name: z.string(),
  address: z.string().nullable(),
  areaCode: z.string(),
  gridName: z.string().nullable(),
  company: z.object({ id: z.string(), name: z.string().nullable() }).nullable(),
  hasProperty: z.boolean(),
  grade: GradeView.nullable(),
  blacklisted: z.boolean(),
  /** How a compound without a company is covered, once recorded. */
  coverage: z.object({ mode: z.enum(COVERAGE_MODES), label: z.string(), note: z.string().nullable() }).nullable(),
  committee: z.object({ id: z.string(), termStart: z.string(), termEnd: z.string(), members: z.array(CommitteeMember), expired: z.boolean() }).nullable(),
  jointMeeting: z.object({ lastHeld: z.string().nullable(), overdue: z.boolean() }),
});
export type CompoundView = z.infer<typeof CompoundView>;

/** `GET /api/property/compounds` */
export const CompoundList = z.object({ items: z.array(CompoundView) });
export type CompoundList = z.infer<typeof CompoundList>;

export const CompoundAction = z.enum(['contract', 'committee', 'joint-meeting', 'coverage', 'evaluate', 'inspect']);
export type CompoundAction = z.infer<typeof CompoundAction>;

/** `GET /api/property/compounds/{id}` */
export const CompoundDetail = CompoundView.extend({
  contracts: z.array(Contract),
  /** Owner households and their exclusive floor area (m²). */
  owners: z.object({ count: z.number().int(), area: z.number() }),
  evaluations: z.array(z.object({ id: z.string(), month: z.string(), score: z.number().int(), note: z.string().nullable() })),
  jointMeetings: z.array(z.object({ id: z.string(), heldOn: z.string(), attendees: z.string(), topics: z.string(), deliberationId: z.string().nullable() })),
  allowedActions: z.array(CompoundAction),
});
export type CompoundDetail = z.infer<typeof CompoundDetail>;

/** `GET /api/property/compounds/{id}/owners-roll`: the roll of an owners' assembly, for `POST /api/deliberations`. */
export const OwnersRoll = z.object({
  areaCode: z.string(),
  body: z.literal('owners-assembly'),
  roll: z.array(z.object({ name: z.string(), area: z.number(), householdId: z.string(), personId: z.string().optional() })),
});

/** `GET /api/property/compounds/{id}/households` */
export const CompoundHouseholds = z.object({ items: z.array(z.object({ id: z.string(), address: z.string(), doorplate: z.string(), areaCode: z.string() })) });
export type CompoundHouseholds = z.infer<typeof CompoundHouseholds>;

/** `PUT /api/property/compounds/{id}/coverage` */
export const CoverageRecord = z.object({ placeId: z.string(), mode: z.enum(COVERAGE_MODES), label: z.string(), companyId: z.string().nullable(), note: z.string().nullable() });
export type CoverageRecord = z.infer<typeof CoverageRecord>;

/** `POST /api/property/committees` → 201, `PATCH /api/property/committees/{id}` */
export const CommitteeRecord = z.object({ id: z.string(), placeId: z.string(), termStart: z.string(), termEnd: z.string(), members: z.array(CommitteeMember) });
export type CommitteeRecord = z.infer<typeof CommitteeRecord>;

/** `POST /api/property/joint-meetings` → 201 */
export const JointMeetingRecord = z.object({ id: z.string(), placeId: z.string(), heldOn: z.string(), attendees: z.string(), topics: z.string(), deliberationId: z.string().nullable() });
export type JointMeetingRecord = z.infer<typeof JointMeetingRecord>;

/** `GET /api/property/inspection-checklist` */
export const InspectionChecklist = z.object({ items: z.array(z.object({ code: z.enum(INSPECTION_ITEMS), label: z.string() })) });

/** `POST /api/property/inspections` → 201 */
export const InspectionRecord = z.object({ id: z.string(), placeId: z.string(), companyId: z.string(), score: z.number() });
export type InspectionRecord = z.infer<typeof InspectionRecord>;

/** `POST /api/property/evaluations` → 201 */
export const EvaluationRecord = z.object({ id: z.string(), placeId: z.string(), companyId: z.string(), month: z.string(), score: z.number().int() });
export type EvaluationRecord = z.infer<typeof EvaluationRecord>;

/** `POST /api/property/sanctions` → 201 */
export const SanctionRecord = z.object({ id: z.string(), companyId: z.string(), kind: z.enum(['penalty', 'commendation']), points: z.number().int(), month: z.string() });
export type SanctionRecord = z.infer<typeof SanctionRecord>;

/** `GET /api/property/lists`: the red and black lists (公示), names and grades only. */
const ListEntry = z.object({ name: z.string(), grade: PropertyGradeValue, confirmedAt: isoTime.nullable() });
export const PropertyLists = z.object({ year: z.number().int().nullable(), red: z.array(ListEntry), black: z.array(ListEntry) });
export type PropertyLists = z.infer<typeof PropertyLists>;

/** A fee bill (amounts in yuan); the list adds the household's address. */
export const Bill = z.object({
  id: z.string(),
  companyId: z.string(),
  householdId: z.string(),
  areaCode: z.string(),
  address: z.string().optional(),
  doorplate: z.string().optional(),
  /** YYYY-MM */
  period: z.string(),
  amount: z.number(),
  offset: z.number(),
  paid: z.number(),
  balance: z.number(),
});
export type Bill = z.infer<typeof Bill>;

/** `GET /api/property/bills` */
export const BillList = z.object({ items: z.array(Bill) });
export type BillList = z.infer<typeof BillList>;

/** `GET /api/property/bills/{id}/redemptions`: confirmed fee redemptions of the household not yet booked. */
export const BillRedemptions = z.object({ items: z.array(z.object({ id: z.string(), points: z.number().int(), offset: z.number(), userName: z.string(), confirmedAt: isoTime.nullable() })) });
export type BillRedemptions = z.infer<typeof BillRedemptions>;

// ---- requests (the server validates with these; the web's request types are their z.input) ----

const placeId = z.uuid({ message: '小区（placeId）应为 UUID' });
const households = z.number({ message: '服务户数（households）应为正整数' }).int('服务户数（households）应为整数').min(1, '服务户数（households）应大于 0').max(100_000, '服务户数（households）过大');
const feePerM2 = z
  .number({ message: '收费标准（feePerM2）应为每平方米每月的金额（元）' })
  .min(0, '收费标准（feePerM2）不能为负')
  .max(100, '收费标准（feePerM2）过大')
  .refine((x) => Math.abs(Math.round(x * 100) - x * 100) < 1e-6, '收费标准（feePerM2）最多两位小数');
const contractFields = {
  households,
  feePerM2,
  serviceStandard: text(1000),
  startsOn: requiredDay('startsOn', '合同开始日期'),
  endsOn: requiredDay('endsOn', '合同结束日期'),
};
/** `POST /api/property/contracts` */
export const PropertyContractBody = z.object({ placeId, ...contractFields });
/** `PATCH /api/property/contracts/{id}` */
export const PropertyContractPatchBody = z.object(contractFields).partial();

const member = z.object({ name: text(30), post: z.enum(['主任', '副主任', '委员'], { message: '职务（post）应为 主任、副主任 或 委员' }) }, { message: '成员（members）应为 {name, post} 列表' });
const committeeFields = {
  termStart: requiredDay('termStart', '任期开始日期'),
  termEnd: requiredDay('termEnd', '任期结束日期'),
  members: z.array(member, { message: '成员（members）应为列表' }).min(3, '业主委员会至少 3 名成员（members）').max(15, '业主委员会最多 15 名成员（members）'),
};
/** `POST /api/property/committees` */
export const CommitteeBody = z.object({ placeId, ...committeeFields });
/** `PATCH /api/property/committees/{id}` */
export const CommitteePatchBody = z.object(committeeFields).partial();

/** `PUT /api/property/compounds/{id}/coverage` */
export const CoverageBody = z.object({
  mode: z.enum(COVERAGE_MODES, { message: '覆盖方式（mode）应为 community（社区代管）、red-property（红心物业兜底）或 self-managed（居民自治）' }),
  companyId: z.uuid({ message: '接管企业（companyId）应为 UUID' }).nullish(),
  note: optionalText(300).optional(),
});
/** `POST /api/property/joint-meetings` */
export const JointMeetingBody = z.object({ placeId, heldOn: requiredDay('heldOn', '会议日期'), attendees: text(300), topics: text(1000), deliberationId: z.uuid({ message: '议事（deliberationId）应为 UUID' }).nullish() });
/** `POST /api/property/inspections`: the checklist's results and the site photos. */
export const InspectionBody = z.object({
  placeId,
  results: z.record(z.string().max(32), z.boolean({ message: '检查项（results）的值应为 true（合格）或 false（不合格）' }), { message: '检查项（results）应为对象' }),
  photoIds: z.array(z.uuid({ message: '照片（photoIds）应为 UUID' }), { message: '现场照片（photoIds）应为列表' }).max(9, '现场照片（photoIds）最多 9 张'),
  note: optionalText(500).optional(),
});
/** `POST /api/property/evaluations` */
export const EvaluationBody = z.object({
  placeId,
  month: isoMonth,
  score: z.number({ message: '评分（score）应为 0–100 的整数' }).int('评分（score）应为整数').min(0, '评分（score）不能小于 0').max(100, '评分（score）不能大于 100'),
  note: optionalText(500).optional(),
});
/** `POST /api/property/sanctions` */
export const SanctionBody = z.object({
  companyId: z.uuid({ message: '物业企业（companyId）应为 UUID' }),
  kind: z.enum(['penalty', 'commendation'], { message: '类型（kind）应为 penalty（处罚）或 commendation（表扬）' }),
  points: z.number({ message: '分值（points）应为 1–20 的整数' }).int('分值（points）应为整数').min(1, '分值（points）应为 1–20').max(20, '分值（points）应为 1–20'),
  reason: text(300),
  month: isoMonth,
});

const money = (field: string, what: string) =>
  z
    .number({ message: `${what}（${field}）应为金额（元）` })
    .positive(`${what}（${field}）应大于 0`)
    .max(1_000_000, `${what}（${field}）过大`)
    .refine((x) => Math.abs(Math.round(x * 100) - x * 100) < 1e-6, `${what}（${field}）最多两位小数`);
/** `GET /api/property/bills` */
export const BillListQuery = z.object({ period: isoMonth.optional(), placeId: placeId.optional(), householdId: z.uuid({ message: '户（householdId）应为 UUID' }).optional() });
/** `POST /api/property/bills` */
export const BillBody = z.object({ householdId: z.uuid({ message: '户（householdId）应为 UUID' }), period: isoMonth, amount: money('amount', '账单金额') });
/** `POST /api/property/bills/{id}/payments` */
export const PaymentBody = z.object({ amount: money('amount', '缴费金额') });
