// Service points and the 15-minute circle, the talent registry (名录库) and sunk-down cadres (下沉干部):
// routes/cadres.ts, docs/SERVICE-POINTS.md.
import { z } from 'zod';
import { CADRE_KIND_CODES, CADRE_TASK_STATES, SERVICE_POINT_KIND_CODES, TALENT_CATEGORY_CODES, TALENT_ROLE_CODES } from '../cadres/index.ts';
import { isoTime, pageOf } from './common.ts';
import { areaCodeInput as areaCode, isoDay, isoMonth, optionalText, paging, text } from './input.ts';

const day = z.string();

// ---- service points ----

export const ServicePoint = z.object({
  id: z.string(),
  areaCode: z.string(),
  areaName: z.string().nullable(),
  kind: z.enum(SERVICE_POINT_KIND_CODES),
  kindName: z.string(),
  name: z.string(),
  lat: z.number(),
  lng: z.number(),
  address: z.string().nullable(),
  hours: z.string().nullable(),
  services: z.array(z.string()),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  /** `edit`, `retire` for the keepers of the area. */
  allowedActions: z.array(z.string()),
});
export type ServicePoint = z.infer<typeof ServicePoint>;

export const ServicePointList = pageOf(ServicePoint);
export type ServicePointList = z.infer<typeof ServicePointList>;

export const NearbyServicePoint = ServicePoint.extend({
  /** Straight-line distance from home. */
  metres: z.number(),
  /** Estimated walk: the distance × the detour factor at walking speed. */
  walkMinutes: z.number(),
});

export const NearbyServicePoints = z.object({
  home: z.object({ lat: z.number(), lng: z.number() }).nullable(),
  /** What stood for home: the phone's location, the building's point, or the middle of the grid or community. */
  homeAt: z.enum(['location', 'building', 'grid', 'community', 'area']).nullable(),
  source: z.enum(['location', 'area', 'home', 'home-area']),
  areaCode: z.string().nullable(),
  areaName: z.string().nullable(),
  method: z.object({ minutes: z.number(), speedKmh: z.number(), detourFactor: z.number(), note: z.string() }),
  /** The communities of the caller's town, for choosing another home. */
  choices: z.array(z.object({ code: z.string(), name: z.string() })),
  items: z.array(NearbyServicePoint),
});
export type NearbyServicePoints = z.infer<typeof NearbyServicePoints>;

// ---- talents (名录库) ----

export const Talent = z.object({
  id: z.string(),
  areaCode: z.string(),
  areaName: z.string().nullable(),
  name: z.string(),
  category: z.enum(TALENT_CATEGORY_CODES),
  categoryName: z.string(),
  roles: z.array(z.enum(TALENT_ROLE_CODES)),
  roleNames: z.array(z.string()),
  workplace: z.string().nullable(),
  expertise: z.string().nullable(),
  /** Masked (*******1234); the whole number only through `reveal`. */
  phone: z.string().nullable(),
  /** Consent given and not withdrawn: shown to others. */
  listed: z.boolean(),
  consentAt: isoTime.nullable(),
  consentWithdrawnAt: isoTime.nullable(),
  /** Only for the keepers of the registry. */
  consentNote: z.string().nullable(),
  allowedActions: z.array(z.string()),
});
export type Talent = z.infer<typeof Talent>;

export const TalentList = pageOf(Talent);
export type TalentList = z.infer<typeof TalentList>;

/** `POST /api/talents/{id}/reveal` */
export const RevealedPhone = z.object({ field: z.string(), value: z.string() });
export type RevealedPhone = z.infer<typeof RevealedPhone>;

// ---- cadres ----

export const Cadre = z.object({
  /** The cadre's account. */
  id: z.string(),
  name: z.string(),
  areaCode: z.string(),
  areaName: z.string().nullable(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  kind: z.enum(CADRE_KIND_CODES),
  kindName: z.string(),
});
export type Cadre = z.infer<typeof Cadre>;

export const CadreListItem = Cadre.extend({ allowedActions: z.array(z.string()) });
export type CadreListItem = z.infer<typeof CadreListItem>;
export const CadreList = z.object({ items: z.array(CadreListItem) });
export type CadreList = z.infer<typeof CadreList>;

export const CadreTask = z.object({
  id: z.string(),
  cadreId: z.string(),
  cadreName: z.string().nullable(),
  areaCode: z.string(),
  areaName: z.string().nullable(),
  title: z.string(),
  detail: z.string().nullable(),
  dueOn: day.nullable(),
  state: z.enum(CADRE_TASK_STATES),
  completedAt: isoTime.nullable(),
  /** The cadre's note on completion, or the reason of a cancellation. */
  completionNote: z.string().nullable(),
  photoUrl: z.string().nullable(),
  createdAt: isoTime,
  allowedActions: z.array(z.string()),
  /** On completion: the points posted for it (0 when the rule's limit was reached). */
  points: z.number().optional(),
});
export type CadreTask = z.infer<typeof CadreTask>;

export const CadreTaskList = pageOf(CadreTask);
export type CadreTaskList = z.infer<typeof CadreTaskList>;

/** `POST /api/cadres/me/checkins`: 201 for the day's first check-in (it counts), 200 for a repeat. */
export const CadreCheckin = z.object({
  id: z.string().nullable(),
  day,
  counted: z.boolean(),
  at: isoTime.nullable(),
  points: z.number().nullable(),
  /** Why no points were posted on a counted check-in. */
  pointsNote: z.string().nullable().optional(),
  /** On a repeat. */
  message: z.string().optional(),
});
export type CadreCheckin = z.infer<typeof CadreCheckin>;

export const MyCadrePage = z.object({
  cadre: Cadre,
  today: day,
  checkedInToday: z.boolean(),
  monthDays: z.number().int(),
  expectedDays: z.number().int(),
  checkins: z.array(z.object({ day, at: isoTime.nullable(), located: z.boolean() })),
  tasks: z.array(CadreTask),
});
export type MyCadrePage = z.infer<typeof MyCadrePage>;

export const CadreAttendance = z.object({
  /** YYYY-MM or YYYY. */
  period: z.string(),
  from: day,
  to: day,
  months: z.number().int(),
  expectedDaysPerMonth: z.number().int(),
  /** The share of the sending units' yearly assessment. */
  weight: z.number(),
  basis: z.string(),
  cadres: z.array(Cadre.extend({ days: z.number().int(), lastDay: day.nullable(), tasksDone: z.number().int(), expectedDays: z.number().int() })),
  units: z.array(
    z.object({
      unitId: z.string().nullable(),
      unitName: z.string(),
      cadres: z.number().int(),
      days: z.number().int(),
      tasksDone: z.number().int(),
      months: z.number().int(),
      expectedDays: z.number().int(),
      /** Percent, one decimal. */
      attendanceRate: z.number(),
      weightedScore: z.number(),
    }),
  ),
});
export type CadreAttendance = z.infer<typeof CadreAttendance>;

// ---- requests (the server validates with these; the web's request types are their z.input) ----

const lat = z.coerce.number<number | string>({ message: '纬度应为数字' }).min(-90, '纬度应在 -90 到 90 之间').max(90, '纬度应在 -90 到 90 之间');
const lng = z.coerce.number<number | string>({ message: '经度应为数字' }).min(-180, '经度应在 -180 到 180 之间').max(180, '经度应在 -180 到 180 之间');
const phone = z.string().trim().max(20, '联系电话不能超过 20 位').nullable().optional();

const servicePointFields = {
  address: optionalText(200).nullable().optional(),
  hours: optionalText(100).nullable().optional(),
  services: z.array(text(30)).max(20, '服务项目最多 20 项').optional(),
  contactName: optionalText(40).nullable().optional(),
  contactPhone: z
    .string()
    .trim()
    .max(20, '服务电话不能超过 20 位')
    .regex(/^[\d-]*$/, '服务电话只能包含数字和短横线')
    .nullable()
    .optional(),
};
const servicePointKind = z.enum(SERVICE_POINT_KIND_CODES, { message: `服务点位类型（kind）应为 ${SERVICE_POINT_KIND_CODES.join('、')} 之一` });

/** `GET /api/service-points` */
export const ServicePointListQuery = z.object({ area: areaCode.optional(), kind: servicePointKind.optional(), ...paging });
/** `GET /api/service-points/nearby`: home is the phone's location, a chosen area, or (neither) where the caller lives. */
export const NearbyQuery = z.object({ area: areaCode.optional(), lat: lat.optional(), lng: lng.optional() });
/** `POST /api/service-points` */
export const ServicePointCreateBody = z.object({ areaCode, kind: servicePointKind, name: text(60), lat, lng, ...servicePointFields });
/** `PATCH /api/service-points/{id}` (`retired: true` retires the point) */
export const ServicePointPatchBody = z.object({
  areaCode: areaCode.optional(),
  kind: servicePointKind.optional(),
  name: text(60).optional(),
  lat: lat.optional(),
  lng: lng.optional(),
  retired: z.literal(true).optional(),
  ...servicePointFields,
});

const talentFields = {
  roles: z.array(z.enum(TALENT_ROLE_CODES, { message: `担任角色（roles）应为 ${TALENT_ROLE_CODES.join('、')}` })).max(4).optional(),
  workplace: optionalText(100).nullable().optional(),
  expertise: optionalText(300).nullable().optional(),
  phone,
};
const talentCategory = z.enum(TALENT_CATEGORY_CODES, { message: `类别（category）应为 ${TALENT_CATEGORY_CODES.join('、')} 之一` });

/** `GET /api/talents` */
export const TalentListQuery = z.object({ area: areaCode.optional(), category: talentCategory.optional(), role: z.enum(TALENT_ROLE_CODES, { message: '未知的担任角色' }).optional(), ...paging });
/** `POST /api/talents` */
export const TalentCreateBody = z.object({
  areaCode,
  name: text(40),
  category: talentCategory,
  consent: z.boolean({ message: '请说明本人是否同意列入名录（consent）' }),
  consentNote: optionalText(200).nullable().optional(),
  ...talentFields,
});
/** `PATCH /api/talents/{id}` */
export const TalentPatchBody = z.object({ areaCode: areaCode.optional(), name: text(40).optional(), category: talentCategory.optional(), ...talentFields });
/** `PUT /api/talents/{id}/consent` */
export const TalentConsentBody = z.object({ given: z.boolean({ message: '请说明同意（true）或撤回（false）' }), note: optionalText(200).nullable().optional() });

/** `GET /api/cadres` */
export const CadreListQuery = z.object({ area: areaCode.optional() });
/** `GET /api/cadres/attendance` */
export const CadreAttendanceQuery = z.object({ area: areaCode.optional(), month: isoMonth.optional(), year: z.string().regex(/^\d{4}$/, '年份应为 4 位数字').optional() });
/** `POST /api/cadres/me/checkins` */
export const CadreCheckinBody = z.object({ lat: lat.optional(), lng: lng.optional(), note: optionalText(200).optional() }).default({});
/** `PATCH /api/cadres/{id}` */
export const CadreKindBody = z.object({ kind: z.enum(CADRE_KIND_CODES, { message: '类别（kind）应为 sunk-down 或 first-secretary' }) });
/** `GET /api/cadre-tasks` */
export const CadreTaskListQuery = z.object({ area: areaCode.optional(), state: z.enum(CADRE_TASK_STATES, { message: '未知的任务状态' }).optional(), ...paging });
/** `POST /api/cadre-tasks` */
export const CadreTaskBody = z.object({ cadreId: z.uuid({ message: '应为下沉干部 ID' }), title: text(60), detail: optionalText(500).nullable().optional(), dueOn: isoDay.nullable().optional() });
/** `POST /api/cadre-tasks/{id}/complete` */
export const CadreTaskCompleteBody = z.object({ note: text(500), photoFileId: z.uuid({ message: '应为照片 ID' }).nullable().optional() });
/** `POST /api/cadre-tasks/{id}/cancel` */
export const CadreTaskCancelBody = z.object({ reason: text(200) });
