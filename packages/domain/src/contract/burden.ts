// Burden reduction (为基层减负): admission requests, the two lists, community tasks, forms filled once (一表通) and
// the burden figures (docs/BURDEN.md). The answers of routes/burden.ts.
import { z } from 'zod';
import { FIELD_TYPES, FORM_BINDINGS, LIST_KINDS, MAX_FORM_FIELDS, MAX_REQUEST_HOURS, MAX_REQUEST_WORKING_DAYS, REQUEST_KINDS, REQUEST_STATES } from '../burden/index.ts';
import { isoTime, pageOf } from './common.ts';
import { isoDay, isoMonth, optionalText, paging, text } from './input.ts';

/** What the caller's role may do in the burden module (`GET /api/burden/meta`). */
export const BURDEN_ABILITIES = [
  'burden.lists.read',
  'burden.lists.edit',
  'burden.requests.review',
  'burden.requests.file',
  'burden.forms.design',
  'burden.requests.read',
  'burden.forms.read',
  'burden.inbox.read',
  'burden.inbox.act',
  'burden.figures.read',
] as const;
export type BurdenAbility = (typeof BURDEN_ABILITIES)[number];
export const CHECK_VERDICTS = ['negative', 'listed', 'unlisted'] as const;
export const REQUEST_ACTIONS = ['admit', 'refuse', 'return', 'resubmit', 'withdraw'] as const;
export const FIELD_SOURCES = ['registry', 'reused', 'typed'] as const;
export const BURDEN_TASK_STATES = ['open', 'done'] as const;
export const FORM_RETURN_STATES = ['pending', 'submitted'] as const;

const named = z.object({ id: z.string(), name: z.string() });
const areaRef = z.object({ code: z.string(), name: z.string() });

export const BurdenMeta = z.object({
  abilities: z.array(z.enum(BURDEN_ABILITIES)),
  requestKinds: z.array(z.object({ code: z.enum(REQUEST_KINDS), label: z.string() })),
  bindings: z.array(z.object({ code: z.enum(FORM_BINDINGS), label: z.string() })),
  departments: z.array(named),
  minutesPerPrefilledField: z.number(),
});
export type BurdenMeta = z.infer<typeof BurdenMeta>;

/** An entry of the admission list (准入事项清单) or the negative list (负面清单), with its source. */
export const BurdenListEntry = z.object({
  id: z.string(),
  kind: z.enum(LIST_KINDS),
  kindLabel: z.string(),
  title: z.string(),
  keywords: z.array(z.string()),
  source: z.string(),
  active: z.boolean(),
  updatedAt: isoTime,
});
export type BurdenListEntry = z.infer<typeof BurdenListEntry>;

export const BurdenLists = z.object({ editable: z.boolean(), items: z.array(BurdenListEntry) });
export type BurdenLists = z.infer<typeof BurdenLists>;

export const ListMatch = z.object({ entryId: z.string(), kind: z.enum(LIST_KINDS), title: z.string(), source: z.string(), words: z.array(z.string()) });
export type ListMatch = z.infer<typeof ListMatch>;

/** The automatic check of a request against both lists (`POST /api/burden/check`, and each request's `check`). */
export const BurdenCheck = z.object({
  verdict: z.enum(CHECK_VERDICTS),
  verdictLabel: z.string(),
  negative: z.array(ListMatch),
  admission: z.array(ListMatch),
  /** The refusal's words when the negative list matched. */
  refusal: z.string().nullable(),
});
export type BurdenCheck = z.infer<typeof BurdenCheck>;

export const BurdenRequest = z.object({
  id: z.string(),
  unit: named,
  kind: z.enum(REQUEST_KINDS),
  kindLabel: z.string(),
  title: z.string(),
  description: z.string(),
  legalBasis: z.string(),
  support: z.string().nullable(),
  workloadHours: z.number(),
  workingDays: z.number().int(),
  areas: z.array(areaRef),
  state: z.enum(REQUEST_STATES),
  stateLabel: z.string(),
  check: BurdenCheck,
  decisionNote: z.string().nullable(),
  decidedAt: isoTime.nullable(),
  createdAt: isoTime,
  /** The communities its tasks reached (the detail only). */
  reached: z.array(areaRef).optional(),
  allowedActions: z.array(z.enum(REQUEST_ACTIONS)),
});
export type BurdenRequest = z.infer<typeof BurdenRequest>;

export const BurdenRequestList = pageOf(BurdenRequest);
export type BurdenRequestList = z.infer<typeof BurdenRequestList>;

/** A task in a community's inbox: admitted and sent down, or flagged as received outside the process. */
export const BurdenTask = z.object({
  id: z.string(),
  requestId: z.string().nullable(),
  areaCode: z.string(),
  area: areaRef,
  unit: named.nullable(),
  title: z.string(),
  note: z.string().nullable(),
  admitted: z.boolean(),
  /** How a flagged task came (phone, chat group …). */
  channel: z.string().nullable(),
  dueAt: isoTime.nullable(),
  workingDaysLeft: z.number().int().nullable(),
  state: z.enum(BURDEN_TASK_STATES),
  doneAt: isoTime.nullable(),
  createdAt: isoTime,
  allowedActions: z.array(z.enum(['done'])),
});
export type BurdenTask = z.infer<typeof BurdenTask>;

export const BurdenTaskList = pageOf(BurdenTask);
export type BurdenTaskList = z.infer<typeof BurdenTaskList>;

export const FormFieldView = z.object({
  key: z.string(),
  label: z.string(),
  type: z.enum(FIELD_TYPES),
  binding: z.enum(FORM_BINDINGS).nullable(),
  bindingLabel: z.string().nullable(),
});
export type FormFieldView = z.infer<typeof FormFieldView>;

export const BurdenForm = z.object({
  id: z.string(),
  unit: named,
  /** The admitted request the form was sent under (null only on forms older than the rule). */
  request: z.object({ id: z.string(), title: z.string() }).nullable(),
  title: z.string(),
  period: z.string(),
  dueOn: z.string().nullable(),
  fields: z.array(FormFieldView),
  areas: z.array(areaRef),
  /** Copies sent and sent back (the detail only; null in the list). */
  returns: z.number().int().nullable(),
  submitted: z.number().int().nullable(),
  createdAt: isoTime,
});
export type BurdenForm = z.infer<typeof BurdenForm>;

export const BurdenFormList = pageOf(BurdenForm);
export type BurdenFormList = z.infer<typeof BurdenFormList>;

const fieldValue = z.object({ key: z.string(), value: z.string().nullable(), source: z.enum(FIELD_SOURCES) });

/** A form with each community's copy. */
export const BurdenFormDetail = BurdenForm.extend({
  items: z.array(
    z.object({
      id: z.string(),
      area: areaRef,
      state: z.enum(FORM_RETURN_STATES),
      values: z.array(fieldValue),
      prefilled: z.number().int(),
      reused: z.number().int(),
      typed: z.number().int(),
      submittedAt: isoTime.nullable(),
    }),
  ),
});
export type BurdenFormDetail = z.infer<typeof BurdenFormDetail>;

/** A community's copy of a form. */
export const FormReturn = z.object({
  id: z.string(),
  form: z.object({ id: z.string(), title: z.string(), period: z.string(), dueOn: z.string().nullable(), unit: named }),
  areaCode: z.string(),
  area: areaRef,
  state: z.enum(FORM_RETURN_STATES),
  fieldCount: z.number().int(),
  /** The fields with their values, pre-filled afresh while pending (the detail only). */
  fields: z
    .array(
      z.object({
        key: z.string(),
        label: z.string(),
        type: z.enum(FIELD_TYPES),
        binding: z.enum(FORM_BINDINGS).nullable(),
        value: z.string().nullable(),
        source: z.enum(FIELD_SOURCES),
        sourceLabel: z.string(),
      }),
    )
    .optional(),
  prefilled: z.number().int(),
  reused: z.number().int(),
  typed: z.number().int(),
  submittedAt: isoTime.nullable(),
  allowedActions: z.array(z.enum(['submit'])),
});
export type FormReturn = z.infer<typeof FormReturn>;

export const FormReturnList = pageOf(FormReturn);
export type FormReturnList = z.infer<typeof FormReturnList>;

const count = z.number().int();
export const BurdenFigures = z.object({
  from: z.string(),
  to: z.string(),
  minutesPerPrefilledField: z.number(),
  totals: z.object({ admitted: count, outside: count, forms: count, prefilled: count, typed: count, hoursSaved: z.number() }),
  communities: z.array(
    z.object({
      area: areaRef,
      month: z.string(),
      admitted: count,
      outside: count,
      forms: count,
      submitted: count,
      prefilled: count,
      typed: count,
      refusedRequests: count,
      refusedHours: z.number(),
      hoursSaved: z.number(),
    }),
  ),
  departments: z.array(z.object({ unit: named, requested: count, admitted: count, refused: count, pending: count, flagged: count })),
});
export type BurdenFigures = z.infer<typeof BurdenFigures>;

// ---- requests (the server validates with these; the web's request types are their z.input) ----

const kind = z.enum(REQUEST_KINDS, { message: '事项类型（kind）应为 task、survey、report、campaign、sign 或 inspection' });
const areaCodes = z.array(z.string().max(24), { message: '涉及区域（areaCodes）应为区划代码列表' }).max(200, '涉及区域不能超过 200 个');
const keywords = z.array(z.string().max(20, '关键词不能超过 20 个字符')).max(20, '关键词不能超过 20 个');

/** `POST /api/burden/lists` */
export const BurdenListEntryBody = z.object({ kind: z.enum(LIST_KINDS, { message: '清单（kind）应为 admission 或 negative' }), title: text(100), keywords, source: text(300) });
/** `PATCH /api/burden/lists/{id}` */
export const BurdenListEntryPatchBody = z.object({ title: text(100).optional(), keywords: keywords.optional(), source: text(300).optional(), active: z.boolean().optional() });
/** `POST /api/burden/check` */
export const BurdenCheckBody = z.object({ kind, title: text(100), description: optionalText(2000).default('') });

/** `POST /api/burden/requests`, and the amended request of a resubmission. */
export const BurdenRequestBody = z.object({
  kind,
  title: text(100),
  description: text(2000),
  legalBasis: text(500),
  support: optionalText(500).optional(),
  workloadHours: z.number({ message: '工作量（workloadHours）应为数字（小时）' }).min(0.5, '工作量（workloadHours）至少 0.5 小时').max(MAX_REQUEST_HOURS, `工作量（workloadHours）不能超过 ${MAX_REQUEST_HOURS} 小时`),
  workingDays: z
    .number({ message: '完成时限（workingDays）应为工作日数' })
    .int('完成时限（workingDays）应为整数')
    .min(1, '完成时限（workingDays）至少 1 个工作日')
    .max(MAX_REQUEST_WORKING_DAYS, `完成时限（workingDays）不能超过 ${MAX_REQUEST_WORKING_DAYS} 个工作日`),
  areaCodes,
});
/** `GET /api/burden/requests` */
export const BurdenRequestListQuery = z.object({ state: z.enum(REQUEST_STATES, { message: '状态（state）不正确' }).optional(), ...paging });
/** `POST /api/burden/requests/{id}/transition` */
export const BurdenTransitionBody = z.object({
  action: z.enum(['admit', 'refuse', 'return', 'resubmit', 'withdraw'], { message: '操作（action）应为 admit、refuse、return、resubmit 或 withdraw' }),
  note: optionalText(500).optional(),
  amend: BurdenRequestBody.optional(),
});

/** `GET /api/burden/tasks` */
export const BurdenTaskListQuery = z.object({
  state: z.enum(['open', 'done'], { message: '状态（state）应为 open 或 done' }).optional(),
  admitted: z.enum(['true', 'false'], { message: 'admitted 应为 true 或 false' }).transform((s) => s === 'true').optional(),
  ...paging,
});
/** `POST /api/burden/flags` */
export const BurdenFlagBody = z.object({ title: text(100), unitId: z.uuid({ message: '下派部门（unitId）应为 UUID' }).optional(), channel: text(60), note: optionalText(500).optional() });

/** A field of a form being designed. */
export const FormFieldBody = z.object({
  key: z.string().max(48, '字段标识不能超过 48 个字符'),
  label: text(60),
  type: z.enum(FIELD_TYPES, { message: '字段类型（type）应为 number 或 text' }),
  binding: z.enum(FORM_BINDINGS, { message: '绑定数据（binding）不是平台提供的数据项' }).nullable(),
});
/** `GET /api/burden/forms` */
export const BurdenFormListQuery = z.object({ ...paging });
/** `POST /api/burden/forms` */
export const BurdenFormBody = z.object({
  requestId: z.uuid({ message: '依据的准入申请（requestId）应为 UUID' }),
  title: text(100),
  period: isoMonth,
  dueOn: isoDay.optional(),
  areaCodes,
  fields: z.array(FormFieldBody).min(1, '表单至少应有一个字段').max(MAX_FORM_FIELDS, `表单字段不能超过 ${MAX_FORM_FIELDS} 个`),
});
/** `GET /api/burden/returns` */
export const FormReturnListQuery = z.object({ state: z.enum(['pending', 'submitted'], { message: '状态（state）应为 pending 或 submitted' }).optional(), ...paging });
/** `POST /api/burden/returns/{id}/submit` */
export const FormReturnSubmitBody = z.object({ values: z.record(z.string().max(48), z.string().max(500, '填写内容不能超过 500 个字符'), { message: '填写内容（values）应为字段标识到文字的对照' }) });
/** `GET /api/burden/figures` */
export const BurdenFiguresQuery = z.object({ from: isoMonth.optional(), to: isoMonth.optional() });
