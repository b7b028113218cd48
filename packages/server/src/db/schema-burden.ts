// Burden reduction (为基层减负): the admission and negative lists, departments' requests to push
// work down (准入), the tasks that reach communities (admitted, or flagged as received outside the
// process), and report forms filled once (一表通). Rules in packages/domain/src/burden; docs/BURDEN.md.
import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { units, users } from './schema.ts';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** An entry of the admission list (准入事项清单) or the negative list (负面清单), with its source. */
export const burdenListEntries = pgTable(
  'burden_list_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: varchar('kind', { length: 16 }).notNull(),
    title: text('title').notNull(),
    keywords: text('keywords').array().notNull(),
    source: text('source').notNull(),
    active: boolean('active').notNull().default(true),
    createdBy: uuid('created_by').references(() => users.id),
    updatedBy: uuid('updated_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('burden_list_kind_idx').on(t.kind, t.active), check('burden_list_kind', sql`${t.kind} in ('admission','negative')`)],
);

/** A department's request to have towns or communities do something. */
export const burdenRequests = pgTable(
  'burden_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => users.id),
    kind: varchar('kind', { length: 16 }).notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    legalBasis: text('legal_basis').notNull(),
    /** 费随事转、人随事走 (`003`): the funds, staff and powers that come with the work. */
    support: text('support'),
    /** Declared hours of work per community. */
    workloadHours: numeric('workload_hours', { precision: 6, scale: 1, mode: 'number' }).notNull(),
    /** Working days to complete, counted from admission. */
    workingDays: integer('working_days').notNull(),
    areaCodes: text('area_codes').array().notNull(),
    state: varchar('state', { length: 16 }).notNull(),
    /** The automatic check against both lists at the last filing (domain CheckResult). */
    check: jsonb('check').notNull(),
    verdict: varchar('verdict', { length: 16 }).notNull(),
    decisionNote: text('decision_note'),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index('burden_requests_unit_idx').on(t.unitId, t.createdAt),
    index('burden_requests_state_idx').on(t.state, t.createdAt),
    check('burden_requests_state', sql`${t.state} in ('submitted','returned','admitted','refused','withdrawn')`),
  ],
);

/**
 * A task in a community's inbox: one per admitted request and community, or one a community flagged
 * as received outside the process (request null, admitted false), naming the department when known.
 */
export const burdenTasks = pgTable(
  'burden_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id').references(() => burdenRequests.id),
    areaCode: varchar('area_code', { length: 24 }).notNull(),
    unitId: uuid('unit_id').references(() => units.id),
    title: text('title').notNull(),
    admitted: boolean('admitted').notNull(),
    /** How the task came when flagged (e.g. 工作群通知、电话): free text. */
    channel: text('channel'),
    note: text('note'),
    dueAt: timestamp('due_at', { withTimezone: true }),
    state: varchar('state', { length: 16 }).notNull().default('open'),
    doneAt: timestamp('done_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('burden_tasks_area_idx').using('btree', t.areaCode.op('varchar_pattern_ops')),
    index('burden_tasks_unit_idx').on(t.unitId),
    uniqueIndex('burden_tasks_request_area_uq').on(t.requestId, t.areaCode),
    check('burden_tasks_state', sql`${t.state} in ('open','done')`),
  ],
);

/** A report form a department designed once (一表通), sent to the named communities for a month. */
export const burdenForms = pgTable(
  'burden_forms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    /** The admitted request the form is sent under (`004` 非批不入); null only on forms older than the rule. */
    requestId: uuid('request_id').references(() => burdenRequests.id),
    title: text('title').notNull(),
    /** The month the figures are about, YYYY-MM. */
    period: varchar('period', { length: 7 }).notNull(),
    /** domain FormField[] */
    fields: jsonb('fields').notNull(),
    areaCodes: text('area_codes').array().notNull(),
    dueOn: date('due_on', { mode: 'string' }),
    createdAt: createdAt(),
  },
  (t) => [index('burden_forms_unit_idx').on(t.unitId, t.createdAt), index('burden_forms_request_idx').on(t.requestId)],
);

/** One community's copy of a form: pre-filled at sending, completed by the community. */
export const burdenFormReturns = pgTable(
  'burden_form_returns',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    formId: uuid('form_id')
      .notNull()
      .references(() => burdenForms.id),
    areaCode: varchar('area_code', { length: 24 }).notNull(),
    period: varchar('period', { length: 7 }).notNull(),
    /** domain FieldValue[] */
    values: jsonb('values').notNull(),
    prefilled: integer('prefilled').notNull().default(0),
    reused: integer('reused').notNull().default(0),
    typed: integer('typed').notNull().default(0),
    state: varchar('state', { length: 16 }).notNull().default('pending'),
    submittedBy: uuid('submitted_by').references(() => users.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('burden_returns_form_area_uq').on(t.formId, t.areaCode),
    index('burden_returns_area_idx').using('btree', t.areaCode.op('varchar_pattern_ops')),
    check('burden_returns_state', sql`${t.state} in ('pending','submitted')`),
  ],
);
