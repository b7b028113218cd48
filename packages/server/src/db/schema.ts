import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  char,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';

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
