import { sql } from 'drizzle-orm';
import {
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
    riskColour: varchar('risk_colour', { length: 8 }).notNull().default('green'),
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
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('people_area_idx').using('btree', t.areaCode.op('varchar_pattern_ops')),
    index('people_household_idx').on(t.householdId),
    index('people_id_hash_idx').on(t.idHash),
    index('people_phone_hash_idx').on(t.phoneHash),
    index('people_name_idx').using('btree', t.name.op('text_pattern_ops')),
  ],
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
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('users_username_idx').on(t.username)],
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
  },
  (t) => [
    index('audit_at_idx').on(t.at),
    index('audit_actor_idx').on(t.actorId, t.at),
    index('audit_entity_idx').on(t.entityType, t.entityId),
  ],
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
    suspendedFrom: varchar('suspended_from', { length: 16 }),
    suspendedAt: timestamp('suspended_at', { withTimezone: true }),
    pendingExtension: jsonb('pending_extension'),
    rating: varchar('rating', { length: 24 }),
    ratingComment: text('rating_comment'),
    ratedAt: timestamp('rated_at', { withTimezone: true }),
    reworkCount: integer('rework_count').notNull().default(0),
    answer: text('answer'),
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
    index('cases_reporter_idx').on(t.reporterUserId),
    index('cases_category_idx').on(t.categoryCode, t.createdAt),
    uniqueIndex('cases_external_ref_idx').on(t.channel, t.externalRef),
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
    role: varchar('role', { length: 8 }).notNull(),
    status: varchar('status', { length: 16 }).notNull(),
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
  },
  (t) => [index('case_events_case_idx').on(t.caseId, t.id), index('case_events_action_idx').on(t.action, t.at)],
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
