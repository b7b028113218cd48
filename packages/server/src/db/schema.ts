import { sql } from 'drizzle-orm';
import type { CaseUnitRole, PartyMemberKind, PartyOrgKind, RegistrationState, UnitStatus } from '@gongzhi/domain';
import {
  bigint,
  bigserial,
  boolean,
  char,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/**
 * Tamper-evident history: a background sealer gives each row of a chained table its place in
 * its chain and a keyed SM3 hash of its content and the previous link (see services/chains.ts).
 */
const chainColumns = () => ({
  chainSeq: bigint('chain_seq', { mode: 'number' }),
  chainHash: char('chain_hash', { length: 64 }),
});

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

/**
 * The administrative tree. `code` is the national statistical division code extended
 * below villages with fixed widths, so it doubles as the materialised path: scope checks
 * are prefix matches (`code LIKE '320614103%'`), served by the pattern-ops index.
 */
export const areas = pgTable(
  'areas',
  {
    code: varchar('code', { length: 24 }).primaryKey(),
    name: text('name').notNull(),
    level: varchar('level', { length: 16 }).notNull(),
    parentCode: varchar('parent_code', { length: 24 }),
    sort: integer('sort').notNull().default(0),
    gridType: varchar('grid_type', { length: 16 }),
    plannedHouseholds: integer('planned_households'),
    geometry: jsonb('geometry'),
    /** Set when the area was split or merged away: kept (its code is never reused), no longer a current child. */
    retiredAt: timestamp('retired_at', { withTimezone: true }),
    /** The areas that took over a retired area (the parts of a split, the grid of a merge). */
    successorCodes: varchar('successor_codes', { length: 24 }).array(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('areas_parent_idx').on(t.parentCode, t.sort),
    index('areas_code_prefix_idx').using('btree', t.code.op('varchar_pattern_ops')),
    index('areas_level_idx').on(t.level),
  ],
);

/** Organisations cases and people belong to: departments, command centres, community offices, merchants … */
export const units = pgTable(
  'units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: varchar('code', { length: 64 }).notNull(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    type: varchar('type', { length: 32 }).notNull(),
    areaCode: varchar('area_code', { length: 24 }).notNull(),
    phone: text('phone'),
    duties: text('duties'),
    /** Whether cases may be dispatched to it; false for units that coordinate but do not handle (区委社会工作部). */
    handlesCases: boolean('handles_cases').notNull().default(true),
    sort: integer('sort').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('units_code_idx').on(t.code),
    index('units_area_idx').using('btree', t.areaCode.op('varchar_pattern_ops')),
    index('units_type_idx').on(t.type),
  ],
);

export const households = pgTable(
  'households',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    key: varchar('key', { length: 64 }).notNull(),
    /** The unit (or grid) the household lives in. */
    areaCode: varchar('area_code', { length: 24 }).notNull(),
    address: text('address').notNull(),
    doorplate: text('doorplate').notNull(),
    riskColour: varchar('risk_colour', { length: 8 }).notNull().default('blue'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('households_key_idx').on(t.key),
    index('households_area_idx').using('btree', t.areaCode.op('varchar_pattern_ops')),
  ],
);

/**
 * Residents. ID and phone numbers are kept only as SM4 ciphertext (with HMAC-SM3 integrity),
 * a keyed SM3 hash for exact look-up, and the last four digits for display.
 */
export const people = pgTable(
  'people',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    householdId: uuid('household_id').references(() => households.id),
    areaCode: varchar('area_code', { length: 24 }).notNull(),
    name: text('name').notNull(),
    gender: varchar('gender', { length: 8 }).notNull(),
    birthDate: date('birth_date', { mode: 'string' }),
    ethnicity: text('ethnicity').notNull().default('汉族'),
    idCipher: text('id_cipher'),
    idHash: char('id_hash', { length: 64 }),
    idLast4: char('id_last4', { length: 4 }),
    phoneCipher: text('phone_cipher'),
    phoneHash: char('phone_hash', { length: 64 }),
    phoneLast4: char('phone_last4', { length: 4 }),
    relation: varchar('relation', { length: 16 }).notNull().default('other'),
    residenceType: varchar('residence_type', { length: 16 }).notNull().default('registered'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    partyMember: boolean('party_member').notNull().default(false),
    note: text('note'),
    /** active, moved-out or deceased: set by the household events below, never deleted. */
    status: varchar('status', { length: 16 }).notNull().default('active'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('people_area_idx').using('btree', t.areaCode.op('varchar_pattern_ops')),
    index('people_household_idx').on(t.householdId),
    // One person per identity number, installation-wide; people recorded without one (null) are not compared.
    uniqueIndex('people_id_hash_uq').on(t.idHash),
    index('people_phone_hash_idx').on(t.phoneHash),
    index('people_name_idx').using('btree', t.name.op('text_pattern_ops')),
  ],
);

/** What happened to a household, with the day it happened: move-in, move-out, death (the history stays). */
export const householdEvents = pgTable(
  'household_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    kind: varchar('kind', { length: 16 }).notNull(),
    onDate: date('on_date', { mode: 'string' }).notNull(),
    note: text('note'),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    createdAt: createdAt(),
  },
  (t) => [index('household_events_household_idx').on(t.householdId, t.onDate), index('household_events_person_idx').on(t.personId)],
);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: varchar('username', { length: 64 }).notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    roles: text('roles').array().notNull(),
    scopeCode: varchar('scope_code', { length: 24 }).notNull(),
    unitId: uuid('unit_id').references(() => units.id),
    personId: uuid('person_id').references(() => people.id),
    active: boolean('active').notNull().default(true),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
    /** Set by a password reset: the holder must choose a new password before doing anything else. */
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('users_username_idx').on(t.username)],
);

/**
 * 一格多员: who of the registry holds which post in which area (网格长, 网格员, 网格信息员, 楼栋长,
 * 单元长, 下沉干部), and the account the appointment gave them. An ended appointment stays as history;
 * its account is deactivated.
 */
export const staffAppointments = pgTable(
  'staff_appointments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    post: varchar('post', { length: 24 }).notNull(),
    /** The grid, building, unit or village the post is held at (the account's scope). */
    areaCode: varchar('area_code', { length: 24 }).notNull(),
    userId: uuid('user_id').references(() => users.id),
    /** Employer of a grid information worker (a courier or delivery company), or the cadre's unit. */
    affiliation: text('affiliation'),
    startedOn: date('started_on', { mode: 'string' }).notNull(),
    endedOn: date('ended_on', { mode: 'string' }),
    endReason: text('end_reason'),
    appointedBy: uuid('appointed_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('staff_appointments_area_idx').using('btree', t.areaCode.op('varchar_pattern_ops')),
    index('staff_appointments_person_idx').on(t.personId),
    index('staff_appointments_user_idx').on(t.userId),
    uniqueIndex('staff_appointments_one_active_idx').on(t.personId, t.post, t.areaCode).where(sql`${t.endedOn} is null`),
    check('staff_appointments_post', sql`${t.post} in ('grid-leader','grid-worker','grid-worker-part','info-worker','building-leader','unit-leader','sunk-cadre','community-worker')`),
  ],
);

/** Earlier password hashes of each account, so that the last few cannot be chosen again. */
export const passwordHistory = pgTable(
  'password_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    passwordHash: text('password_hash').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('password_history_user_idx').on(t.userId, t.createdAt)],
);

/** Server-side sessions; the cookie carries a random token, the table only its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: char('token_hash', { length: 64 }).primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Append-only audit log (a trigger refuses UPDATE and DELETE). */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
    actorUsername: text('actor_username'),
    action: varchar('action', { length: 64 }).notNull(),
    entityType: varchar('entity_type', { length: 32 }),
    entityId: text('entity_id'),
    areaCode: varchar('area_code', { length: 24 }),
    outcome: varchar('outcome', { length: 16 }).notNull().default('ok'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    detail: jsonb('detail'),
    ...chainColumns(),
  },
  (t) => [
    index('audit_at_idx').on(t.at),
    index('audit_unsealed_idx').on(t.id).where(sql`chain_hash is null`),
    uniqueIndex('audit_chain_idx').on(t.chainSeq),
    index('audit_actor_idx').on(t.actorId, t.at),
    index('audit_entity_idx').on(t.entityType, t.entityId),
  ],
);

/** The last sealed link of every chain (table, chain key), kept by the sealer. */
export const chainHeads = pgTable(
  'chain_heads',
  {
    tbl: varchar('tbl', { length: 32 }).notNull(),
    chain: varchar('chain', { length: 64 }).notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    hash: char('hash', { length: 64 }).notNull(),
    rowId: bigint('row_id', { mode: 'number' }).notNull(),
    sealedAt: timestamp('sealed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tbl, t.chain] })],
);

/** Small key/value facts about this database (demo seed version …). */
export const appMeta = pgTable('app_meta', {
  key: varchar('key', { length: 64 }).primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: updatedAt(),
});

// ---- cases (SPEC §4) -------------------------------------------------------------------------

/** The case catalogue (事项目录): types with their default handler, time limits and verification rule. */
export const catalogueTypes = pgTable(
  'catalogue_types',
  {
    code: varchar('code', { length: 16 }).primaryKey(),
    name: text('name').notNull(),
    parentCode: varchar('parent_code', { length: 16 }),
    leaf: boolean('leaf').notNull(),
    keywords: text('keywords').array().notNull().default(sql`'{}'::text[]`),
    defaultUnitCode: varchar('default_unit_code', { length: 64 }),
    handlingLevel: varchar('handling_level', { length: 16 }).notNull().default('village'),
    urgent: boolean('urgent').notNull().default(false),
    /** `{accept, acknowledge, handle, verify}`, each `{unit: 'hours'|'workingDays', amount}`. */
    deadlines: jsonb('deadlines').notNull(),
    verifyOnSite: boolean('verify_on_site').notNull().default(true),
    /** Dispatched at intake to the default unit (自动派遣), when the case lands with a town or district centre. */
    autoDispatch: boolean('auto_dispatch').notNull().default(false),
    /** Hour limits run through nights and days off (urgent types are round-the-clock anyway). */
    roundTheClock: boolean('round_the_clock').notNull().default(false),
    /** What happens when a department lets a case go overdue (services/overdue-chain.ts); null = the default chain. */
    overdueChain: jsonb('overdue_chain'),
    /** Property matters under `002`'s 5321 rule (5 + 5 + 5 minutes, then 30 min / 2 h / 1 day by tier). */
    rule5321: boolean('rule_5321').notNull().default(false),
    active: boolean('active').notNull().default(true),
    sort: integer('sort').notNull().default(0),
    updatedAt: updatedAt(),
  },
  (t) => [index('catalogue_parent_idx').on(t.parentCode, t.sort)],
);

export const cases = pgTable(
  'cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: varchar('code', { length: 32 }).notNull(),
    state: varchar('state', { length: 16 }).notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    categoryCode: varchar('category_code', { length: 16 }).notNull(),
    channel: varchar('channel', { length: 16 }).notNull(),
    /** Where the problem is: a grid (or finer) when known, else the village, town or district. */
    areaCode: varchar('area_code', { length: 24 }).notNull(),
    /**
     * Where the case's measures stay filed when it was moved to another grid by a split or merge (the grid it was
     * received in); null when never moved. Keeps the roll-ups of past periods as they were.
     */
    measureAreaCode: varchar('measure_area_code', { length: 24 }),
    /** The command centre that owns the case now: its level and area. */
    ownerLevel: varchar('owner_level', { length: 16 }).notNull(),
    ownerAreaCode: varchar('owner_area_code', { length: 24 }).notNull(),
    handlerUnitId: uuid('handler_unit_id').references(() => units.id),
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    address: text('address'),
    reporterUserId: uuid('reporter_user_id').references(() => users.id),
    reporterName: text('reporter_name'),
    reporterPhoneCipher: text('reporter_phone_cipher'),
    reporterPhoneHash: char('reporter_phone_hash', { length: 64 }),
    reporterPhoneLast4: char('reporter_phone_last4', { length: 4 }),
    public: boolean('public').notNull().default(false),
    urgent: boolean('urgent').notNull().default(false),
    externalRef: varchar('external_ref', { length: 64 }),
    mergedIntoId: uuid('merged_into_id'),
    /**
     * Duplicate group (docs/SMART-INTAKE.md "Duplicate groups"): the id of the group's primary case, set on the
     * primary itself and on every member (a candidate attached at intake, or a case merged into the primary).
     */
    groupId: uuid('group_id'),
    /** The state a merged case was in before the merge, to which an unmerge returns it. */
    mergedFromState: varchar('merged_from_state', { length: 16 }),
    suspendedFrom: varchar('suspended_from', { length: 16 }),
    suspendedAt: timestamp('suspended_at', { withTimezone: true }),
    pendingExtension: jsonb('pending_extension'),
    rating: varchar('rating', { length: 24 }),
    /** Who gave the rating: `reporter` (their own) or `visit` (recorded by staff on a return visit, 回访). */
    ratedBy: varchar('rated_by', { length: 16 }),
    ratingComment: text('rating_comment'),
    ratedAt: timestamp('rated_at', { withTimezone: true }),
    reworkCount: integer('rework_count').notNull().default(0),
    answer: text('answer'),
    /** Where the verifier stood when passing the on-site check (现场核验), WGS84, when the phone gave it. */
    verifyLat: doublePrecision('verify_lat'),
    verifyLng: doublePrecision('verify_lng'),
    /** 5321 (property types): the step deadlines, the steps done and the chosen tier (`Response5321` in the domain). */
    response5321: jsonb('response_5321'),
    /** 领导包案: the leader who took the case at a reception day (接待日) and follows it; the name as shown. */
    leadUserId: uuid('lead_user_id').references(() => users.id),
    leadName: text('lead_name'),
    /** The reception day the case was taken at. */
    receptionDayId: uuid('reception_day_id').references((): AnyPgColumn => receptionDays.id),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    dispatchedAt: timestamp('dispatched_at', { withTimezone: true }),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    handledAt: timestamp('handled_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** The overall deadline (限时办结), moved by extensions and suspensions. */
    dueAt: timestamp('due_at', { withTimezone: true }),
    /** The deadline of the current step (accept, acknowledge, handle, verify). */
    stepDueAt: timestamp('step_due_at', { withTimezone: true }),
    stepWarnAt: timestamp('step_warn_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('cases_code_idx').on(t.code),
    index('cases_area_idx').using('btree', t.areaCode.op('varchar_pattern_ops')),
    index('cases_owner_idx').on(t.ownerAreaCode, t.state),
    index('cases_handler_idx').on(t.handlerUnitId, t.state),
    index('cases_state_due_idx').on(t.state, t.stepDueAt),
    index('cases_created_idx').on(t.createdAt),
    // Measures counted from the case rows (a community's or grid's breakdown for part of a month): the cases of an
    // area, where their measures are filed, received in a period (docs/MEASURES.md).
    index('cases_measure_area_created_idx').using('btree', sql`coalesce(measure_area_code, area_code) varchar_pattern_ops`, t.createdAt),
    index('cases_reporter_idx').on(t.reporterUserId),
    index('cases_category_idx').on(t.categoryCode, t.createdAt),
    uniqueIndex('cases_external_ref_idx').on(t.channel, t.externalRef),
    index('cases_lead_idx').on(t.leadUserId, t.state),
    index('cases_group_idx').on(t.groupId),
    // Duplicate grouping at intake (docs/SMART-INTAKE.md "Duplicate groups"): the open cases of a village from the
    // last days, of any type. Open cases only, so the index stays small whatever the village's history.
    index('cases_open_area_created_idx')
      .using('btree', t.areaCode.op('varchar_pattern_ops'), t.createdAt)
      .where(sql`state in ('reported','accepted','dispatched','acknowledged','handled','suspended')`),
  ],
);

/** Units a case was dispatched to: one lead and any assisting units (会商), each reporting back. */
export const caseUnits = pgTable(
  'case_units',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    role: varchar('role', { length: 8 }).$type<CaseUnitRole>().notNull(),
    status: varchar('status', { length: 16 }).$type<UnitStatus>().notNull(),
    note: text('note'),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.unitId] }), index('case_units_unit_idx').on(t.unitId, t.status)],
);

/** The append-only timeline of a case (a trigger refuses UPDATE and DELETE). */
export const caseEvents = pgTable(
  'case_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    action: varchar('action', { length: 32 }).notNull(),
    fromState: varchar('from_state', { length: 16 }),
    toState: varchar('to_state', { length: 16 }).notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    actorUnit: text('actor_unit'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    note: text('note'),
    attachments: jsonb('attachments'),
    detail: jsonb('detail'),
    ...chainColumns(),
  },
  (t) => [
    index('case_events_case_idx').on(t.caseId, t.id),
    index('case_events_action_idx').on(t.action, t.at),
    index('case_events_unsealed_idx').on(t.id).where(sql`chain_hash is null`),
    uniqueIndex('case_events_chain_idx').on(t.caseId, t.chainSeq),
  ],
);

/** Uploaded photos and files, kept in the database so that what was acknowledged is never lost. */
export const files = pgTable(
  'files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id').references(() => cases.id),
    uploaderId: uuid('uploader_id'),
    name: text('name').notNull(),
    mime: varchar('mime', { length: 64 }).notNull(),
    size: integer('size').notNull(),
    sha256: char('sha256', { length: 64 }).notNull(),
    data: bytea('data').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('files_case_idx').on(t.caseId)],
);

/** Deadline marks (warning, overdue, auto-escalation) recorded exactly once per case and step. */
export const caseDeadlineMarks = pgTable(
  'case_deadline_marks',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    kind: varchar('kind', { length: 16 }).notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    step: varchar('step', { length: 16 }).notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.kind, t.dueAt] })],
);

// ---- case measure roll-ups (docs/MEASURES.md) -------------------------------------------------

/** The counters a case contributes to (packages/domain measure-facts.ts), shared by the roll-up tables. */
const measureCounters = () => ({
  received: integer('received').notNull().default(0),
  accepted: integer('accepted').notNull().default(0),
  closed: integer('closed').notNull().default(0),
  dueClosed: integer('due_closed').notNull().default(0),
  closedOnTime: integer('closed_on_time').notNull().default(0),
  handled: integer('handled').notNull().default(0),
  reworked: integer('reworked').notNull().default(0),
  rated: integer('rated').notNull().default(0),
  satisfied: integer('satisfied').notNull().default(0),
  basicallySatisfied: integer('basically_satisfied').notNull().default(0),
  responded: integer('responded').notNull().default(0),
  resolved: integer('resolved').notNull().default(0),
  dueOpen: integer('due_open').notNull().default(0),
  handlingMs: bigint('handling_ms', { mode: 'number' }).notNull().default(0),
});

/**
 * Changes to the measures, appended in the same transaction as the case change (inserts only:
 * no row is shared by concurrent intakes). Folded into case_rollups by the compactor; readers
 * add what is not folded yet, so the sum is always exact.
 */
export const caseMeasureDeltas = pgTable('case_measure_deltas', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  areaCode: varchar('area_code', { length: 24 }).notNull(),
  day: date('day').notNull(),
  categoryCode: varchar('category_code', { length: 16 }).notNull(),
  channel: varchar('channel', { length: 16 }).notNull(),
  unit: varchar('unit', { length: 36 }).notNull().default(''),
  dueDay: date('due_day'),
  ...measureCounters(),
});

/**
 * Sums of the measure counters per area level and code × day or month of receipt × one of:
 * nothing, category, channel, handling unit (`dim` '-', 'c', 'h', 'u').
 */
export const caseRollups = pgTable(
  'case_rollups',
  {
    alevel: smallint('alevel').notNull(),
    dim: char('dim', { length: 1 }).notNull(),
    grain: char('grain', { length: 1 }).notNull(),
    areaCode: varchar('area_code', { length: 24 }).notNull(),
    period: date('period').notNull(),
    dimValue: varchar('dim_value', { length: 36 }).notNull(),
    ...measureCounters(),
  },
  (t) => [primaryKey({ columns: [t.alevel, t.dim, t.grain, t.areaCode, t.period, t.dimValue] })],
);

/** Accepted cases not closed, by the China day of their deadline: they become due to close when it passes. */
export const caseRollupDue = pgTable(
  'case_rollup_due',
  {
    alevel: smallint('alevel').notNull(),
    dim: char('dim', { length: 1 }).notNull(),
    grain: char('grain', { length: 1 }).notNull(),
    areaCode: varchar('area_code', { length: 24 }).notNull(),
    period: date('period').notNull(),
    dimValue: varchar('dim_value', { length: 36 }).notNull(),
    dueDay: date('due_day').notNull(),
    n: integer('n').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.alevel, t.dim, t.grain, t.areaCode, t.period, t.dimValue, t.dueDay] })],
);

/** Each accepted case not closed with its exact deadline: the cases falling due today are counted from here. */
export const caseMeasureDue = pgTable(
  'case_measure_due',
  {
    caseId: uuid('case_id')
      .primaryKey()
      .references(() => cases.id),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    areaCode: varchar('area_code', { length: 24 }).notNull(),
    day: date('day').notNull(),
    categoryCode: varchar('category_code', { length: 16 }).notNull(),
    channel: varchar('channel', { length: 16 }).notNull(),
    unit: varchar('unit', { length: 36 }).notNull().default(''),
  },
  (t) => [index('case_measure_due_at_idx').on(t.dueAt)],
);

/** In-product notifications (the bell). */
export const notifications = pgTable(
  'notifications',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    caseId: uuid('case_id').references(() => cases.id),
    kind: varchar('kind', { length: 32 }).notNull(),
    title: text('title').notNull(),
    createdAt: createdAt(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.readAt, t.id)],
);

/** Results of create requests by Idempotency-Key, per caller. */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    scope: varchar('scope', { length: 80 }).notNull(),
    key: varchar('key', { length: 128 }).notNull(),
    status: integer('status').notNull(),
    body: jsonb('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] })],
);

/** API keys for Open311 GeoReport v2 clients; only a hash of each key is kept. */
export const open311Keys = pgTable(
  'open311_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    keyHash: char('key_hash', { length: 64 }).notNull(),
    keyHint: varchar('key_hint', { length: 8 }).notNull(),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('open311_keys_hash_idx').on(t.keyHash)],
);

// ---- points (SPEC §5) ------------------------------------------------------------------------
// Imported here rather than above so this section stays a self-contained append.
import { check, type AnyPgColumn } from 'drizzle-orm/pg-core';

/**
 * Point rules (积分规则): what earns how many points in which scheme and area. A rule of a
 * village (村规民约) overrides the district's rule of the same code for the people living there.
 */
export const pointsRules = pgTable(
  'points_rules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: varchar('code', { length: 40 }).notNull(),
    name: text('name').notNull(),
    scheme: varchar('scheme', { length: 16 }).notNull(),
    /** Standard base points of one award. */
    points: integer('points').notNull(),
    /** The most base points one award may give (volunteer hours, graded deeds); at least `points`. */
    maxPoints: integer('max_points').notNull(),
    areaCode: varchar('area_code', { length: 24 }).notNull(),
    dailyLimit: integer('daily_limit'),
    monthlyLimit: integer('monthly_limit'),
    proposerRoles: text('proposer_roles').array().notNull(),
    approverRoles: text('approver_roles').array().notNull(),
    /** Posted by the system from verified events (a verified case report, a fulfilled wish). */
    auto: boolean('auto').notNull().default(false),
    basis: text('basis'),
    active: boolean('active').notNull().default(true),
    sort: integer('sort').notNull().default(0),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('points_rules_code_area_idx').on(t.code, t.areaCode),
    index('points_rules_area_idx').using('btree', t.areaCode.op('varchar_pattern_ops')),
    check('points_rules_points_positive', sql`${t.points} > 0 and ${t.maxPoints} >= ${t.points}`),
  ],
);

/** Factors of the vanguard multiplier rule (乘数计分), in per cent (150 = ×1.5). */
export const pointsFactors = pgTable(
  'points_factors',
  {
    code: varchar('code', { length: 32 }).primaryKey(),
    name: text('name').notNull(),
    percent: integer('percent').notNull(),
    active: boolean('active').notNull().default(true),
    sort: integer('sort').notNull().default(0),
    updatedAt: updatedAt(),
  },
  (t) => [check('points_factors_percent_range', sql`${t.percent} between 100 and 500`)],
);

/**
 * Ledger accounts: an issuing pool per scheme and community, a person's or household's account,
 * a merchant's, and a hold account per holder for redemptions awaiting the merchant. `balance`
 * is kept by the same transaction that writes the transfers; only pools may go below zero.
 */
export const pointsAccounts = pgTable(
  'points_accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    scheme: varchar('scheme', { length: 16 }).notNull(),
    kind: varchar('kind', { length: 16 }).notNull(),
    /** User id (person, hold), household id, unit id (merchant) or area code (pool). */
    ownerId: varchar('owner_id', { length: 64 }).notNull(),
    areaCode: varchar('area_code', { length: 24 }).notNull(),
    name: text('name').notNull(),
    balance: bigint('balance', { mode: 'number' }).notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('points_accounts_owner_idx').on(t.scheme, t.kind, t.ownerId),
    index('points_accounts_area_idx').using('btree', t.areaCode.op('varchar_pattern_ops')),
    check('points_accounts_kind', sql`${t.kind} in ('pool','person','household','merchant','hold')`),
    check('points_accounts_not_negative', sql`${t.kind} = 'pool' or ${t.balance} >= 0`),
  ],
);

/** Append-only transfers (a trigger refuses UPDATE and DELETE); each is posted at most once per reference. */
export const pointsTransfers = pgTable(
  'points_transfers',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    scheme: varchar('scheme', { length: 16 }).notNull(),
    debitAccountId: uuid('debit_account_id')
      .notNull()
      .references(() => pointsAccounts.id),
    creditAccountId: uuid('credit_account_id')
      .notNull()
      .references(() => pointsAccounts.id),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    kind: varchar('kind', { length: 16 }).notNull(),
    refType: varchar('ref_type', { length: 24 }).notNull(),
    refId: varchar('ref_id', { length: 64 }).notNull(),
    reversesId: bigint('reverses_id', { mode: 'number' }).references((): AnyPgColumn => pointsTransfers.id),
    /** Who authorised it; null for the system (the note says on what grounds). */
    authorisedBy: uuid('authorised_by').references(() => users.id),
    note: text('note'),
    createdAt: createdAt(),
    ...chainColumns(),
  },
  (t) => [
    index('points_transfers_unsealed_idx').on(t.id).where(sql`chain_hash is null`),
    uniqueIndex('points_transfers_chain_idx').on(t.scheme, t.chainSeq),
    uniqueIndex('points_transfers_ref_idx').on(t.kind, t.refType, t.refId),
    uniqueIndex('points_transfers_reverses_idx').on(t.reversesId),
    index('points_transfers_debit_idx').on(t.debitAccountId, t.id),
    index('points_transfers_credit_idx').on(t.creditAccountId, t.id),
    index('points_transfers_created_idx').on(t.createdAt),
    check('points_transfers_amount_positive', sql`${t.amount} > 0`),
    check('points_transfers_two_accounts', sql`${t.debitAccountId} <> ${t.creditAccountId}`),
    check('points_transfers_kind', sql`${t.kind} in ('award','redeem-hold','redeem-confirm','redeem-release','refund','reversal')`),
  ],
);

/** Awards: proposed, then approved by a second person (or posted by the system from a verified event). */
export const pointsAwards = pgTable(
  'points_awards',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    scheme: varchar('scheme', { length: 16 }).notNull(),
    ruleId: uuid('rule_id')
      .notNull()
      .references(() => pointsRules.id),
    ruleCode: varchar('rule_code', { length: 40 }).notNull(),
    recipientUserId: uuid('recipient_user_id')
      .notNull()
      .references(() => users.id),
    /** The account holder: the user (person) or their household (道德银行). */
    holderKind: varchar('holder_kind', { length: 16 }).notNull(),
    holderId: varchar('holder_id', { length: 64 }).notNull(),
    /** Where the recipient lives: the scope awards are proposed and approved in. */
    areaCode: varchar('area_code', { length: 24 }).notNull(),
    basePoints: integer('base_points').notNull(),
    factors: text('factors').array().notNull().default(sql`'{}'::text[]`),
    multiplierPercent: integer('multiplier_percent').notNull().default(100),
    points: integer('points').notNull(),
    note: text('note'),
    state: varchar('state', { length: 16 }).notNull(),
    approverRoles: text('approver_roles').array().notNull(),
    proposedBy: uuid('proposed_by').references(() => users.id),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note'),
    reversedBy: uuid('reversed_by').references(() => users.id),
    reversedAt: timestamp('reversed_at', { withTimezone: true }),
    reverseReason: text('reverse_reason'),
    /** For automatic awards: the event that earned them (posted once per rule and event). */
    refType: varchar('ref_type', { length: 24 }),
    refId: varchar('ref_id', { length: 64 }),
    transferId: bigint('transfer_id', { mode: 'number' }).references(() => pointsTransfers.id),
    reversalTransferId: bigint('reversal_transfer_id', { mode: 'number' }).references(() => pointsTransfers.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('points_awards_ref_idx').on(t.ruleCode, t.refType, t.refId),
    index('points_awards_area_idx').using('btree', t.areaCode.op('varchar_pattern_ops')),
    index('points_awards_state_idx').on(t.state, t.createdAt),
    index('points_awards_holder_idx').on(t.holderId, t.ruleCode, t.createdAt),
    index('points_awards_recipient_idx').on(t.recipientUserId, t.createdAt),
    check('points_awards_points_positive', sql`${t.points} > 0 and ${t.basePoints} > 0`),
  ],
);

/** What partner merchants, the love supermarket and property companies offer for points. */
export const pointsItems = pgTable(
  'points_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    merchantUnitId: uuid('merchant_unit_id')
      .notNull()
      .references(() => units.id),
    name: text('name').notNull(),
    description: text('description'),
    scheme: varchar('scheme', { length: 16 }).notNull(),
    kind: varchar('kind', { length: 16 }).notNull(),
    price: integer('price').notNull(),
    /** What can still be redeemed: units held by pending redemptions are already taken off. */
    stock: integer('stock').notNull(),
    /** Units ever put on sale (initial stock plus restocks), for the stock audit. */
    stockIn: integer('stock_in').notNull(),
    areaCode: varchar('area_code', { length: 24 }).notNull(),
    active: boolean('active').notNull().default(true),
    sort: integer('sort').notNull().default(0),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('points_items_area_idx').using('btree', t.areaCode.op('varchar_pattern_ops')),
    index('points_items_merchant_idx').on(t.merchantUnitId),
    check('points_items_stock_not_negative', sql`${t.stock} >= 0 and ${t.stockIn} >= ${t.stock}`),
    check('points_items_price_positive', sql`${t.price} > 0`),
    check('points_items_kind', sql`${t.kind} in ('goods','service','donation','property-fee')`),
  ],
);

/** Redemptions: points held from the redeemer until the merchant confirms, or released on cancel. */
export const pointsRedemptions = pgTable(
  'points_redemptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => pointsItems.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    scheme: varchar('scheme', { length: 16 }).notNull(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => pointsAccounts.id),
    holdAccountId: uuid('hold_account_id')
      .notNull()
      .references(() => pointsAccounts.id),
    merchantUnitId: uuid('merchant_unit_id')
      .notNull()
      .references(() => units.id),
    itemKind: varchar('item_kind', { length: 16 }).notNull(),
    quantity: integer('quantity').notNull(),
    unitPrice: integer('unit_price').notNull(),
    amount: integer('amount').notNull(),
    state: varchar('state', { length: 16 }).notNull(),
    areaCode: varchar('area_code', { length: 24 }).notNull(),
    note: text('note'),
    confirmedBy: uuid('confirmed_by').references(() => users.id),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    cancelledBy: uuid('cancelled_by').references(() => users.id),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
cancelReason: text('cancel_reason'),
    /** The 8-character code typed at the till (兑换短码), unique among pending redemptions. */
    shortCode: varchar('short_code', { length: 8 }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('points_redemptions_user_idx').on(t.userId, t.createdAt),
    index('points_redemptions_merchant_idx').on(t.merchantUnitId, t.state, t.createdAt),
    index('points_redemptions_item_idx').on(t.itemId, t.state),
    index('points_redemptions_hold_idx').on(t.holdAccountId, t.state),
    index('points_redemptions_area_idx').using('btree', t.areaCode.op('varchar_pattern_ops')),
    uniqueIndex('points_redemptions_short_code_open_idx').on(t.shortCode).where(sql`${t.state} = 'pending'`),
    check('points_redemptions_amounts', sql`${t.quantity} > 0 and ${t.amount} > 0 and ${t.amount} = ${t.quantity} * ${t.unitPrice}`),
  ],
);

// ---- micro-wishes (SPEC §6, 微心愿) ------------------------------------------------------------

/** Small wishes of residents: reviewed by the community, published on the wish wall, claimed and fulfilled. */
export const wishes = pgTable(
  'wishes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    state: varchar('state', { length: 16 }).notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    /** Where the wisher lives (their household's unit, or their grid): the wish belongs to that community. */
    areaCode: varchar('area_code', { length: 24 }).notNull(),
    /** The wisher's account, when they have one. */
    wisherUserId: uuid('wisher_user_id').references(() => users.id),
    /** The wisher in the registry, when known. */
    wisherPersonId: uuid('wisher_person_id').references(() => people.id),
    wisherName: text('wisher_name').notNull(),
    /** Who posted it: the wisher, or a grid worker on their behalf (代办). */
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    onBehalf: boolean('on_behalf').notNull().default(false),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    claimedByUserId: uuid('claimed_by_user_id').references(() => users.id),
    claimedByUnitId: uuid('claimed_by_unit_id').references(() => units.id),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    fulfilledAt: timestamp('fulfilled_at', { withTimezone: true }),
    fulfilNote: text('fulfil_note'),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    closeReason: text('close_reason'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('wishes_area_idx').using('btree', t.areaCode.op('varchar_pattern_ops')),
    index('wishes_state_idx').on(t.state, t.createdAt),
    index('wishes_wisher_idx').on(t.wisherUserId),
    index('wishes_created_by_idx').on(t.createdBy),
    index('wishes_claimer_idx').on(t.claimedByUserId),
    check('wishes_state', sql`${t.state} in ('submitted','published','claimed','fulfilled','confirmed','rejected','cancelled')`),
  ],
);

/** The append-only timeline of a wish (a trigger refuses UPDATE and DELETE). */
export const wishEvents = pgTable(
  'wish_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    wishId: uuid('wish_id')
      .notNull()
      .references(() => wishes.id),
    action: varchar('action', { length: 32 }).notNull(),
    fromState: varchar('from_state', { length: 16 }),
    toState: varchar('to_state', { length: 16 }).notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    actorUnit: text('actor_unit'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    note: text('note'),
    attachments: jsonb('attachments'),
    detail: jsonb('detail'),
  },
  (t) => [index('wish_events_wish_idx').on(t.wishId, t.id)],
);

/** Photos of a fulfilled wish; a file belongs to at most one wish. */
export const wishFiles = pgTable(
  'wish_files',
  {
    fileId: uuid('file_id')
      .primaryKey()
      .references(() => files.id),
    wishId: uuid('wish_id')
      .notNull()
      .references(() => wishes.id),
    createdAt: createdAt(),
  },
  (t) => [index('wish_files_wish_idx').on(t.wishId)],
);

// ---- party organisations and members (SPEC §2, §7) -------------------------------------------------

/**
 * The party organisation tree, parallel to the areas and linked to them: town committee →
 * village/community organisation → grid branch → building/hamlet group (the five-level chain;
 * the fifth level, 党员中心户, is a flag on a member), plus each village's two functional branches
 * (1+2+N+X) and compound or joint branches (支部建在小区上).
 */
export const partyOrgs = pgTable(
  'party_orgs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: varchar('code', { length: 40 }).notNull(),
    name: text('name').notNull(),
    kind: varchar('kind', { length: 24 }).$type<PartyOrgKind>().notNull(),
    parentId: uuid('parent_id').references((): AnyPgColumn => partyOrgs.id),
    /** The area the organisation covers: scope checks are prefix matches on it. */
    areaCode: varchar('area_code', { length: 24 }).notNull(),
    secretaryName: text('secretary_name'),
    sort: integer('sort').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('party_orgs_code_idx').on(t.code),
    index('party_orgs_parent_idx').on(t.parentId),
    index('party_orgs_area_idx').using('btree', t.areaCode.op('varchar_pattern_ops')),
    check(
      'party_orgs_kind',
      sql`${t.kind} in ('town-committee','village-org','grid-branch','building-group','functional-branch','joint-branch','compound-branch')`,
    ),
  ],
);

/** Posts (设岗定责): the five fixed posts of `003` (area_code null) and custom posts of a village. */
export const partyPosts = pgTable(
  'party_posts',
  {
    code: varchar('code', { length: 40 }).primaryKey(),
    name: text('name').notNull(),
    description: text('description'),
    /** Null for the fixed posts; the village (12 digits) that added a custom post. */
    areaCode: varchar('area_code', { length: 24 }),
    sort: integer('sort').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [index('party_posts_area_idx').on(t.areaCode)],
);

/** Party members: a person of the registry, their own organisation and where they registered (双报到). */
export const partyMembers = pgTable(
  'party_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    /** The member's own organisation (组织关系所在). */
    orgId: uuid('org_id')
      .notNull()
      .references(() => partyOrgs.id),
    kind: varchar('kind', { length: 16 }).$type<PartyMemberKind>().notNull(),
    /** Where the member registered (双报到), with the state of that registration. */
    localOrgId: uuid('local_org_id').references(() => partyOrgs.id),
    registrationState: varchar('registration_state', { length: 16 }).$type<RegistrationState>(),
    backbone: boolean('backbone').notNull().default(false),
    /** 党员中心户: the fifth level of the chain. */
    centralHousehold: boolean('central_household').notNull().default(false),
    joinedOn: date('joined_on', { mode: 'string' }),
    postCode: varchar('post_code', { length: 40 }).references(() => partyPosts.code),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('party_members_person_idx').on(t.personId),
    index('party_members_org_idx').on(t.orgId),
    index('party_members_local_org_idx').on(t.localOrgId),
    check('party_members_kind', sql`${t.kind} in ('direct','in-service','mobile')`),
    check('party_members_registration_state', sql`${t.registrationState} is null or ${t.registrationState} in ('applied','accepted','rejected')`),
  ],
);

/** Every application to register with a local organisation (双报到), with its review. */
export const partyRegistrations = pgTable(
  'party_registrations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    memberId: uuid('member_id')
      .notNull()
      .references(() => partyMembers.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => partyOrgs.id),
    state: varchar('state', { length: 16 }).$type<RegistrationState>().notNull(),
    appliedBy: uuid('applied_by').references(() => users.id),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reason: text('reason'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('party_registrations_member_idx').on(t.memberId, t.createdAt),
    index('party_registrations_org_idx').on(t.orgId, t.state),
    uniqueIndex('party_registrations_one_open_idx').on(t.memberId).where(sql`${t.state} = 'applied'`),
    check('party_registrations_state', sql`${t.state} in ('applied','accepted','rejected')`),
  ],
);

/** The attributes of a residential compound (a building in the demo) the branch formation rule needs. */
export const partyCompounds = pgTable('party_compounds', {
  areaCode: varchar('area_code', { length: 24 }).primaryKey(),
  hasProperty: boolean('has_property').notNull().default(false),
  fenced: boolean('fenced').notNull().default(false),
  updatedAt: updatedAt(),
});

// ---- party members at work: linked households, visits, patrols, transfers (SPEC §2, §3, §7) --------

/** 一户十联 (30比1): the backbone member each household is linked to; at most one per household. */
export const partyLinks = pgTable(
  'party_links',
  {
    householdId: uuid('household_id')
      .primaryKey()
      .references(() => households.id),
    memberId: uuid('member_id')
      .notNull()
      .references(() => partyMembers.id),
    /** The household's grid (15 digits): proposals and coverage are per grid. */
    gridCode: varchar('grid_code', { length: 24 }).notNull(),
    /** `auto` from a proposal, `manual` when moved by hand. */
    source: varchar('source', { length: 8 }).notNull(),
    assignedBy: uuid('assigned_by').references(() => users.id),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('party_links_member_idx').on(t.memberId),
    index('party_links_grid_idx').using('btree', t.gridCode.op('varchar_pattern_ops')),
    check('party_links_source', sql`${t.source} in ('auto','manual')`),
  ],
);

/** Visits (入户走访) with the four duties; append-only (a trigger refuses UPDATE and DELETE). */
export const partyVisits = pgTable(
  'party_visits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    /** The household's area code at the time of the visit: scope and coverage go by it. */
    areaCode: varchar('area_code', { length: 24 }).notNull(),
    visitorUserId: uuid('visitor_user_id')
      .notNull()
      .references(() => users.id),
    /** The visitor's member record when a party member visited. */
    memberId: uuid('member_id').references(() => partyMembers.id),
    visitorName: text('visitor_name').notNull(),
    visitedOn: date('visited_on', { mode: 'string' }).notNull(),
    duties: text('duties').array().notNull(),
    notes: text('notes'),
    createdAt: createdAt(),
  },
  (t) => [
    index('party_visits_household_idx').on(t.householdId, t.visitedOn),
    index('party_visits_visitor_idx').on(t.visitorUserId, t.visitedOn),
    index('party_visits_area_idx').using('btree', t.areaCode.op('varchar_pattern_ops')),
    check('party_visits_duties', sql`cardinality(${t.duties}) > 0 and ${t.duties} <@ array['policy','hardship','dispute','civility']::text[]`),
  ],
);

/** Follow-ups of a visit that become a case or a micro-wish. */
export const partyVisitFollowups = pgTable(
  'party_visit_followups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    visitId: uuid('visit_id')
      .notNull()
      .references(() => partyVisits.id),
    kind: varchar('kind', { length: 8 }).notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    categoryCode: varchar('category_code', { length: 40 }),
    /** `open` until it became a case or wish (`converted`, with its id and code). */
    state: varchar('state', { length: 16 }).notNull(),
    refId: uuid('ref_id'),
    refCode: text('ref_code'),
    convertedBy: uuid('converted_by').references(() => users.id),
    convertedAt: timestamp('converted_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index('party_visit_followups_visit_idx').on(t.visitId),
    check('party_visit_followups_kind', sql`${t.kind} in ('case','wish')`),
    check('party_visit_followups_state', sql`${t.state} in ('open','converted')`),
  ],
);

/** Patrol check-ins (一日两巡): WGS84, placed in a grid; append-only. */
export const partyPatrols = pgTable(
  'party_patrols',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    gridCode: varchar('grid_code', { length: 24 }).notNull(),
    buildingCode: varchar('building_code', { length: 24 }),
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    /** The coordinate system the phone sent (converted to WGS84 on the way in). */
    crs: varchar('crs', { length: 8 }),
    note: text('note'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('party_patrols_user_idx').on(t.userId, t.at), index('party_patrols_grid_idx').using('btree', t.gridCode.op('varchar_pattern_ops'))],
);

/** Transfers of a member's own organisation (组织关系转接); append-only. */
export const partyTransfers = pgTable(
  'party_transfers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    memberId: uuid('member_id')
      .notNull()
      .references(() => partyMembers.id),
    fromOrgId: uuid('from_org_id')
      .notNull()
      .references(() => partyOrgs.id),
    toOrgId: uuid('to_org_id')
      .notNull()
      .references(() => partyOrgs.id),
    reason: text('reason').notNull(),
    byUserId: uuid('by_user_id')
      .notNull()
      .references(() => users.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('party_transfers_member_idx').on(t.memberId, t.at)],
);

/** 小区党支部吹哨、党员报到: a member who does not fulfil their post, reported to their own organisation; append-only. */
export const partyPostReports = pgTable(
  'party_post_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    memberId: uuid('member_id')
      .notNull()
      .references(() => partyMembers.id),
    postCode: varchar('post_code', { length: 40 }),
    /** The member's own organisation, which receives the report. */
    orgId: uuid('org_id')
      .notNull()
      .references(() => partyOrgs.id),
    /** Where the report came from (the local organisation or the caller's area). */
    fromAreaCode: varchar('from_area_code', { length: 24 }).notNull(),
    reason: text('reason').notNull(),
    byUserId: uuid('by_user_id')
      .notNull()
      .references(() => users.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('party_post_reports_member_idx').on(t.memberId, t.at), index('party_post_reports_org_idx').on(t.orgId, t.at)],
);

// ---- service orders (SPEC §6, 群众点单、社区派单、党员接单) --------------------------------------

/** A community's service menu (服务菜单): what residents may order; edited by the community's staff. */
export const serviceMenuItems = pgTable(
  'service_menu_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The community (12-digit code) whose menu it is. */
    areaCode: varchar('area_code', { length: 24 }).notNull(),
    name: text('name').notNull(),
    /** 维修, 陪伴, 代办跑腿, 健康, 法律咨询 … */
    category: text('category').notNull(),
    description: text('description').notNull().default(''),
    /** The team usually sent (a hint for dispatching). */
    defaultTeamId: uuid('default_team_id'),
    active: boolean('active').notNull().default(true),
    sort: integer('sort').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('service_menu_area_idx').using('btree', t.areaCode.op('varchar_pattern_ops')),
    uniqueIndex('service_menu_area_name_uq').on(t.areaCode, t.name),
  ],
);

/** Service teams of a community's 基层治理服务团: the eight standard ones (`code`) and custom ones. */
export const serviceTeams = pgTable(
  'service_teams',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    areaCode: varchar('area_code', { length: 24 }).notNull(),
    /** The standard team's code (policy, law, errands …); null for a custom team. */
    code: varchar('code', { length: 32 }),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [
    index('service_teams_area_idx').using('btree', t.areaCode.op('varchar_pattern_ops')),
    uniqueIndex('service_teams_area_name_uq').on(t.areaCode, t.name),
  ],
);

/** Members of a service team (party members, volunteers with an account). */
export const serviceTeamMembers = pgTable(
  'service_team_members',
  {
    teamId: uuid('team_id')
      .notNull()
      .references(() => serviceTeams.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    leader: boolean('leader').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.userId] }), index('service_team_members_user_idx').on(t.userId)],
);

/** A resident's order of a service (点单), dispatched (派单), taken (接单), completed and rated. */
export const serviceOrders = pgTable(
  'service_orders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    state: varchar('state', { length: 16 }).notNull(),
    menuItemId: uuid('menu_item_id')
      .notNull()
      .references(() => serviceMenuItems.id),
    /** The menu item's name and category when ordered (the menu may change later). */
    serviceName: text('service_name').notNull(),
    category: text('category').notNull(),
    note: text('note').notNull().default(''),
    preferredTime: text('preferred_time'),
    address: text('address').notNull(),
    /** Where the orderer lives: the order belongs to that community. */
    areaCode: varchar('area_code', { length: 24 }).notNull(),
    ordererUserId: uuid('orderer_user_id')
      .notNull()
      .references(() => users.id),
    ordererPersonId: uuid('orderer_person_id').references(() => people.id),
    ordererName: text('orderer_name').notNull(),
    assigneeUserId: uuid('assignee_user_id').references(() => users.id),
    assigneeTeamId: uuid('assignee_team_id').references(() => serviceTeams.id),
    dispatchedBy: uuid('dispatched_by').references(() => users.id),
    dispatchedAt: timestamp('dispatched_at', { withTimezone: true }),
    takenByUserId: uuid('taken_by_user_id').references(() => users.id),
    takenAt: timestamp('taken_at', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    completeNote: text('complete_note'),
    rating: varchar('rating', { length: 24 }),
    ratingComment: text('rating_comment'),
    ratedAt: timestamp('rated_at', { withTimezone: true }),
    closeReason: text('close_reason'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('service_orders_area_idx').using('btree', t.areaCode.op('varchar_pattern_ops')),
    index('service_orders_state_idx').on(t.state, t.createdAt),
    index('service_orders_orderer_idx').on(t.ordererUserId),
    index('service_orders_assignee_idx').on(t.assigneeUserId),
    index('service_orders_team_idx').on(t.assigneeTeamId),
    index('service_orders_taker_idx').on(t.takenByUserId),
    check('service_orders_state', sql`${t.state} in ('ordered','dispatched','taken','completed','rated','cancelled')`),
    check('service_orders_rating', sql`${t.rating} is null or ${t.rating} in ('satisfied','basically-satisfied','unsatisfied')`),
  ],
);

/** The append-only timeline of an order (a trigger refuses UPDATE and DELETE). */
export const serviceOrderEvents = pgTable(
  'service_order_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => serviceOrders.id),
    action: varchar('action', { length: 32 }).notNull(),
    fromState: varchar('from_state', { length: 16 }),
    toState: varchar('to_state', { length: 16 }).notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    note: text('note'),
    attachments: jsonb('attachments'),
    detail: jsonb('detail'),
  },
  (t) => [index('service_order_events_order_idx').on(t.orderId, t.id)],
);

/** Photos of a completed order; a file belongs to at most one order. */
export const serviceOrderFiles = pgTable(
  'service_order_files',
  {
    fileId: uuid('file_id')
      .primaryKey()
      .references(() => files.id),
    orderId: uuid('order_id')
      .notNull()
      .references(() => serviceOrders.id),
    createdAt: createdAt(),
  },
  (t) => [index('service_order_files_order_idx').on(t.orderId)],
);

// ---- case-loop settings: office hours and the calendar's local table (docs/CASES.md) -----------

/** A unit's own office hours (办公时间); units without a row keep 08:30–12:00 and 13:30–17:30. */
export const unitOfficeHours = pgTable('unit_office_hours', {
  unitId: uuid('unit_id')
    .primaryKey()
    .references(() => units.id),
  /** `[{start: 'HH:MM', end: 'HH:MM'}]`, China-local, on the working days of the calendar. */
  periods: jsonb('periods').notNull(),
  updatedBy: uuid('updated_by'),
  updatedAt: updatedAt(),
});

/**
 * Holidays and make-up working days entered by the administrator: years the `chinese-days`
 * package does not know yet, corrections, local days off (e.g. a typhoon). Wins over the package.
 */
export const calendarOverrides = pgTable('calendar_overrides', {
  date: date('date', { mode: 'string' }).primaryKey(),
  working: boolean('working').notNull(),
  name: text('name'),
  updatedBy: uuid('updated_by'),
  updatedAt: updatedAt(),
});

/**
 * 会商 (joint handling meeting, `002` 六步接办: 吹哨、报到、会商、落实、反馈、评价) of a case with
 * assisting units: when, who took part, the minutes, what was decided, the files. Append-only.
 */
export const caseMeetings = pgTable(
  'case_meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    heldAt: timestamp('held_at', { withTimezone: true }).notNull(),
    place: text('place'),
    /** Units that took part (ids) and the people present, as written by the recorder. */
    unitIds: uuid('unit_ids').array().notNull(),
    participants: text('participants').notNull(),
    minutes: text('minutes').notNull(),
    decisions: text('decisions').notNull(),
    /** File ids (photos of the sign-in sheet, the signed minutes). */
    attachments: jsonb('attachments'),
    recordedBy: uuid('recorded_by').notNull(),
    recordedByName: text('recorded_by_name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('case_meetings_case_idx').on(t.caseId, t.heldAt)],
);

/**
 * 双重评价, the centre's side: its assessment of each unit it dispatched a closed case to (timeliness,
 * quality, attitude as 优/良/中/差, and the score). One row per case and unit; a correction
 * overwrites it and counts a revision, and the timeline keeps every version.
 */
export const caseAssessments = pgTable(
  'case_assessments',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    timeliness: varchar('timeliness', { length: 12 }).notNull(),
    quality: varchar('quality', { length: 12 }).notNull(),
    attitude: varchar('attitude', { length: 12 }).notNull(),
    score: doublePrecision('score').notNull(),
    comment: text('comment'),
    assessedBy: uuid('assessed_by').notNull(),
    assessedByName: text('assessed_by_name').notNull(),
    assessedAt: timestamp('assessed_at', { withTimezone: true }).notNull(),
    revisions: integer('revisions').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.unitId] }), index('case_assessments_unit_idx').on(t.unitId)],
);

// ---- door-knocking campaigns and four-colour risk (敲门行动, 四色分级, `002`) ----------------------------------------

/** Every change of a household's risk colour: who, when, from, to, why. Append-only. */
export const householdRiskChanges = pgTable(
  'household_risk_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    areaCode: varchar('area_code', { length: 24 }).notNull(),
    fromColour: varchar('from_colour', { length: 8 }),
    toColour: varchar('to_colour', { length: 8 }).notNull(),
    reason: text('reason').notNull(),
    /** The campaign whose visit set it, when a knock on the door did. */
    campaignId: uuid('campaign_id'),
    actorId: uuid('actor_id').notNull(),
    actorName: text('actor_name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('household_risk_changes_household_idx').on(t.householdId, t.createdAt)],
);

/** A door-knocking campaign over an area (every household in it is to be visited), in rounds. */
export const campaigns = pgTable(
  'campaigns',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    kind: varchar('kind', { length: 16 }).notNull(),
    areaCode: varchar('area_code', { length: 24 }).notNull(),
    state: varchar('state', { length: 16 }).notNull().default('active'),
    round: smallint('round').notNull().default(1),
    createdBy: uuid('created_by').notNull(),
    createdByName: text('created_by_name').notNull(),
    createdAt: createdAt(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedByName: text('closed_by_name'),
  },
  (t) => [index('campaigns_area_idx').using('btree', t.areaCode.op('varchar_pattern_ops'))],
);

/** One knock on a household's door. Append-only: a revisit is a new row. */
export const campaignVisits = pgTable(
  'campaign_visits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    round: smallint('round').notNull(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    areaCode: varchar('area_code', { length: 24 }).notNull(),
    result: varchar('result', { length: 16 }).notNull(),
    riskColour: varchar('risk_colour', { length: 8 }),
    note: text('note'),
    actorId: uuid('actor_id').notNull(),
    actorName: text('actor_name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('campaign_visits_campaign_idx').on(t.campaignId, t.householdId)],
);

// ---- reception days (接待日, 领导包案) ----------------------------------------------------------------

/**
 * 领导包片 (`000`: 区级、镇（街道）党员领导干部赴包片镇（街道）、村（社区）每月"接待日"): the places a
 * leader's account is attached to — a community (village) or a whole town.
 */
export const leaderAttachments = pgTable(
  'leader_attachments',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    areaCode: varchar('area_code', { length: 24 }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.areaCode] })],
);

/** A leader's reception day in a community: who, where, when. Published to the community's residents. */
export const receptionDays = pgTable(
  'reception_days',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The community (village code) where it is held. */
    areaCode: varchar('area_code', { length: 24 }).notNull(),
    place: text('place').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    startTime: varchar('start_time', { length: 5 }).notNull(),
    endTime: varchar('end_time', { length: 5 }).notNull(),
    /** The leader's account when they have one; the name (and title) is what residents read. */
    leaderUserId: uuid('leader_user_id').references(() => users.id),
    leaderName: text('leader_name').notNull(),
    leaderTitle: text('leader_title'),
    note: text('note'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('reception_days_area_idx').on(t.areaCode, t.day), index('reception_days_leader_idx').on(t.leaderUserId, t.day)],
);

// ---- deliberation (议事协商) ---------------------------------------------------------------------------------------

/**
 * A deliberation of a deciding body (村民会议, 居民会议, 业主大会 …): its roll, its ballots, and — once
 * closed — the result under the body's rule (packages/domain/src/deliberation). See docs/PARTICIPATION.md.
 */
export const deliberations = pgTable(
  'deliberations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    areaCode: varchar('area_code', { length: 24 }).notNull(),
    body: varchar('body', { length: 32 }).notNull(),
    form: varchar('form', { length: 16 }).notNull(),
    /** Civil Code art. 278 para. 1 item (1–9), owners' assembly only. */
    matter: smallint('matter'),
    state: varchar('state', { length: 16 }).notNull(),
    /** The outcome at closing: counts, areas and the checks behind it. */
    result: jsonb('result'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    closedBy: uuid('closed_by').references(() => users.id),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index('deliberations_area_idx').using('btree', t.areaCode.op('varchar_pattern_ops')),
    index('deliberations_state_idx').on(t.state, t.createdAt),
    check('deliberations_state', sql`${t.state} in ('open','decided')`),
    check('deliberations_matter', sql`${t.matter} is null or ${t.matter} between 1 and 9`),
  ],
);

/** Everyone entitled to take part: one entry per person, or per household when the form is `households`. */
export const deliberationRoll = pgTable(
  'deliberation_roll',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    deliberationId: uuid('deliberation_id')
      .notNull()
      .references(() => deliberations.id),
    seq: integer('seq').notNull(),
    name: text('name').notNull(),
    /** An owner's exclusive floor area in hundredths of a m² (exact; owners' assembly). */
    areaCenti: bigint('area_centi', { mode: 'bigint' }),
    /** The registry's person or household this entry stands for, when known: they may vote online. */
    personId: uuid('person_id').references(() => people.id),
    householdId: uuid('household_id').references(() => households.id),
  },
  (t) => [
    uniqueIndex('deliberation_roll_seq_idx').on(t.deliberationId, t.seq),
    index('deliberation_roll_person_idx').on(t.personId),
    index('deliberation_roll_household_idx').on(t.householdId),
  ],
);

/** One ballot per roll entry (the unique index makes a second one a 409). Append-only. */
export const deliberationBallots = pgTable(
  'deliberation_ballots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    deliberationId: uuid('deliberation_id')
      .notNull()
      .references(() => deliberations.id),
    rollId: uuid('roll_id')
      .notNull()
      .references(() => deliberationRoll.id),
    choice: varchar('choice', { length: 8 }).notNull(),
    /** Cast by the roll entry's own account from the phone (true), or recorded from paper by staff. */
    online: boolean('online').notNull().default(false),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('deliberation_ballots_roll_idx').on(t.rollId),
    index('deliberation_ballots_deliberation_idx').on(t.deliberationId),
    check('deliberation_ballots_choice', sql`${t.choice} in ('yes','no','abstain')`),
  ],
);

// ---- places and organisations of the registry (人、地、物、事、组织; docs/REGISTRY.md) ----------------

/**
 * Organisations in an area: social organisations (with the district's whitelist for village work, `000`),
 * property companies, owners' committees, merchants, volunteer teams, enterprises. The contact phone is kept
 * like a resident's: SM4 ciphertext, keyed hash, last four digits. Retired rows stay (history of links).
 */
export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: varchar('kind', { length: 24 }).notNull(),
    name: text('name').notNull(),
    /** The village (or grid) the organisation is registered in: scope checks are prefix matches on it. */
    areaCode: varchar('area_code', { length: 24 }).notNull(),
    contactName: text('contact_name'),
    phoneCipher: text('phone_cipher'),
    phoneHash: char('phone_hash', { length: 64 }),
    phoneLast4: char('phone_last4', { length: 4 }),
    creditCode: varchar('credit_code', { length: 18 }),
    /** Social organisations only: on the district's whitelist for village work (set by district staff, `000`). */
    whitelisted: boolean('whitelisted').notNull().default(false),
    address: text('address'),
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    note: text('note'),
    /** Stable key of demo and imported rows (re-seeding changes nothing). */
    key: varchar('key', { length: 64 }),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('organisations_area_idx').using('btree', t.areaCode.op('varchar_pattern_ops')),
    index('organisations_kind_idx').on(t.kind),
    uniqueIndex('organisations_key_idx').on(t.key),
    check(
      'organisations_kind',
      sql`${t.kind} in ('social-org','property-company','owners-committee','merchant','volunteer-team','enterprise')`,
    ),
  ],
);

/**
 * Places: residential compounds (小区, with their property company or none: 无物业小区), the "十小场所" and public
 * facilities; each in a grid and at a point (WGS84). A compound may carry its outline.
 */
export const places = pgTable(
  'places',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: varchar('kind', { length: 24 }).notNull(),
    name: text('name').notNull(),
    /** The grid the place lies in (derived from the point when not given). */
    areaCode: varchar('area_code', { length: 24 }).notNull(),
    lat: doublePrecision('lat').notNull(),
    lng: doublePrecision('lng').notNull(),
    outline: jsonb('outline'),
    address: text('address'),
    /** Compounds only: the property company; null is a compound without one (无物业小区). */
    propertyOrgId: uuid('property_org_id').references(() => organisations.id),
    note: text('note'),
    key: varchar('key', { length: 64 }),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('places_area_idx').using('btree', t.areaCode.op('varchar_pattern_ops')),
    index('places_kind_idx').on(t.kind),
    index('places_property_idx').on(t.propertyOrgId),
    uniqueIndex('places_key_idx').on(t.key),
  ],
);
export * from './schema-projects.ts';
export * from './schema-activities.ts';
export * from './schema-burden.ts';
export * from './schema-property.ts';
export * from './schema-cadres.ts';
export * from './schema-emergencies.ts';
export * from './schema-evacuation.ts';
export * from './schema-meetings.ts';
export * from './schema-surveys.ts';
export * from './schema-conventions.ts';
